"""An employment area's data: where it is, loading and validating it, its months, its cache."""
