"""The command line: thin typer commands that wire loading, the core, views and renderers."""
