"""`make serve`'s live preview (`mkdocs serve --dirty`): only the saved page is rebuilt, and the
preview stays right (plugin.py says how)."""
