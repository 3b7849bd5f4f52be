"""One module per command; `app.py` registers them."""
