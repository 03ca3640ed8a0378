"""HTML views of the councils app, one module per concern (wired in councils/urls.py)."""
