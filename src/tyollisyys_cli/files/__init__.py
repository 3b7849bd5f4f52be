"""Reading data files: text, YAML and CSV, with where each value stands; writing atomically."""
