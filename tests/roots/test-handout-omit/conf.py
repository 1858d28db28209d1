project = "Handout omissions"
copyright = "2026, Field Notes"
version = release = "1.0"
extensions = ["myst_parser", "fieldnotes", "fieldnotes_handbook"]
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3
exclude_patterns = ["_build"]
html_baseurl = "https://handbook.example.org/en/latest/"
latex_show_urls = "footnote"
latex_documents = [("handout", "handout.tex", "Handout", "Field Notes", "howto")]
