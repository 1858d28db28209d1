"""Sphinx configuration for Field Notes.

Build with the sources in docs/ and this file at the root:
``sphinx-build -b html -c . docs _build/html`` (the Makefile does it for you).
Every value here must stay picklable and stable between builds, otherwise
Sphinx sees a changed configuration and rebuilds everything.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent

# -- Project -------------------------------------------------------------------

project = "Field Notes"
author = "The Field Notes contributors"
copyright = f"2026, {author}. Text under CC BY-SA 4.0"
release = version = "2026.11"
language = "en"
today_fmt = "%d %B %Y"

# The GitHub repository behind the "Edit this page" links. GitHub Actions and
# Read the Docs tell us where we are; the default is the project's home.
GITHUB_REPOSITORY = os.environ.get("GITHUB_REPOSITORY", "field-notes-handbook/field-notes")
GITHUB_URL = f"https://github.com/{GITHUB_REPOSITORY}"

# -- General -------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.intersphinx",
    "sphinx_copybutton",
    "sphinx_design",
    "notfound.extension",
    "sphinxext.opengraph",
    "sphinx_sitemap",
    # "Last updated" dates from git (loaded by fieldnotes_handbook.dates, listed for clarity).
    "sphinx_last_updated_by_git",
    "sphinx_reredirects",
    "fieldnotes",
    "fieldnotes_handbook",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "_intersphinx"]

# PDF handouts (docs/handouts/) exist only in the handout build (`make handouts`,
# i.e. `-t handouts`): in the site they would become second parents of the pages
# they print and reorder the site's navigation.
HANDOUTS = tags.has("handouts")  # noqa: F821 (Sphinx provides `tags`)
if not HANDOUTS:
    exclude_patterns.append("handouts/*")

# Every reference must resolve; warnings fail the build (-W in the Makefile).
nitpicky = True
# Files have their own names; no "smart" quotes inside commands.
smartquotes_excluded = {"builders": ["man", "text"]}

# -- MyST ----------------------------------------------------------------------

myst_enable_extensions = [
    "colon_fence",
    "deflist",
    "fieldlist",
    "attrs_block",
    "attrs_inline",
    "substitution",
]
# Anchors for ## and ### headings, so readers can link to a step.
myst_heading_anchors = 3
# Never turn "setup.py" into a link: linkify stays off (it guesses URLs).

# -- Cross-project links -------------------------------------------------------

# A local inventory keeps builds offline and reproducible; tools/python_inventory.py
# documents where it comes from and how to refresh it.
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", str(ROOT / "docs" / "_intersphinx" / "python.inv")),
}

# -- Glossary ------------------------------------------------------------------

# "Used on" under a glossary entry lists three pages on the site; the others wait behind
# "N more pages" (the PDF lists them all).
fieldnotes_glossary_used_on_shown = 3

# -- Copy buttons --------------------------------------------------------------

# Strip shell prompts ("$ ", "% ", "(venv) $ ") and Python prompts (">>> ", "... ").
copybutton_prompt_text = r">>> |\.\.\. |\$ |% |\(\S+\) \$ "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
copybutton_exclude = ".linenos, .gp, .go"

# -- HTML ----------------------------------------------------------------------

# The published site; Read the Docs tells each build its canonical URL.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "https://field-notes.readthedocs.io/en/latest/")

html_theme = "furo"
html_title = "Field Notes"
html_static_path = ["docs/_static"]
html_css_files = ["site.css"]
templates_path = ["docs/_templates"]
html_favicon = "docs/_static/favicon.svg"
# "Last updated": the date of the page's last commit (sphinx-last-updated-by-git), in UTC
# whatever the builder's time zone. A shallow clone that lacks a page's last change warns
# [git.too_shallow] instead of showing a wrong date (fieldnotes_handbook.dates).
html_last_updated_fmt = "%Y-%m-%d"
git_last_updated_timezone = "UTC"
html_copy_source = False
html_show_sourcelink = False
html_theme_options = {
    "source_repository": f"{GITHUB_URL}/",
    "source_branch": "main",
    "source_directory": "docs/",
    "navigation_with_keys": True,
}

# Read the Docs comforts: a 404 page that works at any depth, OpenGraph tags
# (and a meta description taken from each page's first paragraph), a sitemap.
notfound_urls_prefix = urlsplit(html_baseurl).path if os.environ.get("READTHEDOCS") else "/"
ogp_site_url = html_baseurl
ogp_site_name = project
ogp_enable_meta_description = True
ogp_social_cards = {"enable": False}
sitemap_url_scheme = "{link}"
sitemap_excludes = ["search.html", "genindex.html", "404.html"]
# <lastmod> in the sitemap: the same git dates as the pages' "last updated".
sitemap_show_lastmod = True

# Moved pages: old page (docname, without .md) -> its new address relative to the old one,
# e.g. "workshop/checklist": "organiser-checklist.html". sphinx-reredirects writes a page at
# the old address that forwards readers. Handouts print addresses that live on in paper
# (docs/handouts/printed-urls.txt): never rename a page without a redirect here.
# CONTRIBUTING.md explains the steps; tests/test_printed_urls.py checks every printed address.
redirects: dict[str, str] = {}

# Diagrams: Graphviz sources in docs/_diagrams/ with their SVG and PDF renderings committed
# next to them (tools/diagrams.py, `make diagrams`), so building needs no Graphviz; pages
# show them with {figure} /_diagrams/<name>.* (SVG in HTML and EPUB, PDF in LaTeX).

# -- LaTeX / PDF ---------------------------------------------------------------

latex_engine = "pdflatex"
# toctree_only: the PDF's chapters are the sections of the front page's tables of
# contents (the front page's own text is for the web).
latex_documents = [
    ("index", "fieldnotes.tex", "Field Notes", author, "manual", True),
]
# The PDF handouts: name -> title. Each has its start page docs/handouts/<name>.md;
# `make handouts` writes _build/handouts/handout-<name>.pdf, and the site links the PDFs
# (the `handout` role of ext/fieldnotes_handbook/downloads.py).
fieldnotes_handouts = {
    "attendee": "Your first contribution to OpenStack",
    "organiser": "Running a first-contribution workshop",
    "environments": "Python environments",
    "quick-reference": "Quick reference: commands",
    "talk-notes": "EuroPython 2011: talk notes",
}
if HANDOUTS:
    # One short PDF per handout (start page, file, title, author, theme).
    latex_documents = [
        (f"handouts/{name}", f"handout-{name}.tex", title, project, "howto")
        for name, title in fieldnotes_handouts.items()
    ]
latex_show_urls = "footnote"
latex_show_pagerefs = False
latex_elements = {
    "papersize": "a4paper",
    "pointsize": "10pt",
    "figure_align": "htbp",
    # Long lines in code blocks wrap instead of running off the page.
    "sphinxsetup": "verbatimwrapslines=true, verbatimforcewraps=true",
    # pdflatex has no glyphs for the box-drawing characters in pip's error output.
    "preamble": "\\DeclareUnicodeCharacter{2500}{-}\\DeclareUnicodeCharacter{2502}{|}"
    "\\DeclareUnicodeCharacter{2570}{\\textasciigrave}\n",
}
if HANDOUTS:
    # Handouts end with their own short glossary, not with the handbook's indices.
    latex_domain_indices = False
    # A compact title block instead of a title page and a table of contents,
    # and narrower margins: a handout is short and printed.
    latex_elements |= {
        "maketitle": (
            "\\makeatletter\n"
            "\\noindent{\\sffamily\\bfseries\\LARGE \\@title\\par}\\smallskip\n"
            # An event handout (make handouts EVENT=...) prints the event's name as a subtitle.
            "\\ifdefined\\fieldnoteshandoutsubtitle"
            "\\noindent{\\sffamily\\bfseries\\Large \\fieldnoteshandoutsubtitle\\par}\\smallskip\\fi\n"
            f"\\noindent{{\\sffamily\\small {project} handbook, version {release}, printed \\@date}}\\par\n"
            "\\makeatother\n"
        ),
        "tableofcontents": "",
        "printindex": "",
        # The closing list of the terms a handout uses is set in two columns.
        "preamble": latex_elements["preamble"] + "\\usepackage{multicol}\n"
        "\\newenvironment{sphinxclassfieldnotesglossaryused}"
        "{\\begin{multicols}{2}\\small}{\\end{multicols}}\n",
        "sphinxsetup": latex_elements["sphinxsetup"] + ", hmargin=18mm, vmargin={18mm,20mm}",
    }

# -- Other builders ------------------------------------------------------------

man_pages = [("index", "fieldnotes", "Field Notes handbook", [author], 7)]
epub_show_urls = "footnote"
# The site's stylesheet, and ebook.css for what only the e-book needs.
epub_css_files = [*html_css_files, "ebook.css"]
epub_exclude_files = ["search.html", "404.html"]

# -- Link checking -------------------------------------------------------------
# `make linkcheck` checks every link online; tests/test_linkcheck_settings.py runs
# these exact settings against a local HTTP server, so loosening one fails a test.
# Dead links are never ignored here: point to an archived copy or say the
# resource is gone (the talk pages do this for blip.tv).

# Slow sites (the Internet Archive) get 30 s; a failed request is tried 3 times.
linkcheck_timeout = 30
linkcheck_retries = 3
# Retries skip requests reported as "timeout" (Sphinx #14339): reporting timeouts
# as broken makes them retried, and they still fail the run.
linkcheck_report_timeouts_as_broken = True
linkcheck_workers = 5
# HTTP 429: wait as long as Retry-After says; without it Sphinx waits 60 s and
# doubles the wait, giving up (reporting "broken") after waits of 300 s.
linkcheck_rate_limit_timeout = 300.0

# Once this is set, every other redirect is a warning (an error under -W): a page
# that moved must be updated. Keys match the link, values where it may lead.
linkcheck_allowed_redirects = {
    # Django's "stable" docs alias redirects to the current release.
    r"https://docs\.djangoproject\.com/en/stable/": r"https://docs\.djangoproject\.com/en/\d+\.\d+/",
    # Gerrit sends visitors of its home page to the default list of open changes.
    r"https://review\.opendev\.org/$": r"https://review\.opendev\.org/q/",
    # A snapshot link with a short or inexact timestamp redirects to the nearest
    # capture of the same page.
    r"https://web\.archive\.org/web/\d{1,14}/": r"https://web\.archive\.org/web/\d{14}/",
    # SlideShare moved decks from /<user>/<slug> to /slideshow/<slug>/<id>.
    r"https://www\.slideshare\.net/(?!slideshow/)[^/]+/[^/]+$": (
        r"https://www\.slideshare\.net/slideshow/[^/]+/\d+$"
    ),
    # Visitors from the EU are sent to YouTube's cookie-consent page first, which may
    # send them back to the video with a consent marker (cbrd=1).
    r"https://www\.youtube\.com/watch\?v=[\w-]{11}$": (
        r"https://(?:consent\.youtube\.com/|www\.youtube\.com/watch\?v=[\w-]{11}&(?:[^#]*&)?cbrd=1)"
    ),
}

# GitHub adds heading and line anchors with JavaScript: linkcheck cannot see them
# (sphinx #9016, #12688). The page itself is still checked.
linkcheck_anchors_ignore_for_url = [r"https://github\.com/"]

# Links that cannot be checked from CI, each with its reason.
linkcheck_ignore = [
    # The live preview (`make live`, sphinx-autobuild) on the contributor's own machine.
    r"https?://(?:localhost|127\.0\.0\.1)(?::\d+)?(?:/|$)",
]

# Offline: FIELDNOTES_OFFLINE=1 ignores every external URL; local documents,
# labels and anchors are still checked.
if os.environ.get("FIELDNOTES_OFFLINE"):
    linkcheck_ignore = [*linkcheck_ignore, r"https?://"]
