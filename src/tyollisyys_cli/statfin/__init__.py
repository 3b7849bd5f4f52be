"""Statistics Finland's employment service statistics: table 12r5 and the classification.

- `classification`: the municipality classification shipped with the package
  (municipality code → name, region, employment area).
- `columns`: how the 12r5 columns become the fields of a statistics row.
- `pxweb`: reading a PxWeb JSON export of table 12r5.
"""
