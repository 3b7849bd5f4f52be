"""Statistics Finland's employment service statistics: table 12r5 (the municipality
classification it is read against is `reference.classification`).

- `columns`: how the 12r5 columns become the fields of a statistics row.
- `document`: reading 12r5 from a file or an answer, in either format, bounded.
- `pxweb`: the PxWeb `json` format; `jsonstat`: the json-stat2 format.
- `source`: the source an import names, as files write it and people read it.
- `metadata`: the table's variables as the API gives them, and queries built from them.
- `api`: fetching from Statistics Finland's PxWeb API within its limits.
- `importing`: turning months of 12r5 into the area's monthly statistics files.
- `scaffold`: a new data directory for any employment area (`init`).
"""
