"""Plot functions, one module per topic; each takes ax=None and lang, and returns the Axes."""
