"""pydantic models of the data files; each file's model is the one place its fields are defined."""
