project = "Handout event"
copyright = "2026, Field Notes"
version = release = "1.0"
extensions = ["myst_parser", "fieldnotes", "fieldnotes_handbook"]
exclude_patterns = ["_build"]
html_baseurl = "https://handbook.example.org/en/latest/"
latex_documents = [("index", "handout.tex", "Handout", "Field Notes", "howto")]
latex_elements = {
    "papersize": "a4paper",
    # As in the handbook's conf.py: the event's name is printed as a subtitle.
    "maketitle": (
        "\\makeatletter\\noindent{\\LARGE \\@title\\par}"
        "\\ifdefined\\fieldnoteshandoutsubtitle\\noindent{\\Large \\fieldnoteshandoutsubtitle\\par}\\fi"
        "\\makeatother\n"
    ),
    "tableofcontents": "",
}
