# A project outside Field Notes that uses only the installed sphinx-fieldnotes components.
project = "Meetup archive"
extensions = ["fieldnotes.talks", "fieldnotes.glossary"]
root_doc = "index"
