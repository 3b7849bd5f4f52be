"""Reading data files: text, YAML and CSV, with where each value stands; writing atomically."""

#: The largest data file read, in bytes (a larger one is refused unread). A whole
#: country's monthly statistics for one month take about 150 KB; hand-written files are
#: far smaller.
MAX_FILE_BYTES = 10 * 1024 * 1024
