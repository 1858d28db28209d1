project = "Redirects"
copyright = "2026, Field Notes"
version = release = "1.0"
extensions = ["myst_parser", "sphinx_reredirects"]
exclude_patterns = ["_build"]
# "old" moved to moved/new; "gone" points at a page that no longer exists either.
redirects = {"old": "moved/new.html", "gone": "missing.html"}
