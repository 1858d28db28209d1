"""The handbook as one HTML page (``singlehtml``: Read the Docs' "HTML zip" download).

Links on the page are :mod:`fieldnotes.singlehtml`'s business, and the theme's links to the
search and index pages a single page does not have are dropped by ``docs/_templates``. Here:

- Each page with a description of its own (MyST ``html_meta``) adds a
  ``<meta name="description">``; a document may have one only (Nu HTML Checker), so the
  single page keeps the first, the front page's.
"""

from __future__ import annotations

import re
from typing import Any

from sphinx.application import Sphinx

META_DESCRIPTION = re.compile(r'<meta\b(?=[^>]*\bname="description")[^>]*>\n?')


def first_description_only(metatags: str) -> str:
    """*metatags* without any ``<meta name="description">`` after the first."""
    seen = False

    def keep_first(match: re.Match[str]) -> str:
        nonlocal seen
        if seen:
            return ""
        seen = True
        return match.group(0)

    return META_DESCRIPTION.sub(keep_first, metatags)


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Keep one description on the single page."""
    if app.builder.name == "singlehtml" and isinstance(context.get("metatags"), str):
        context["metatags"] = first_description_only(context["metatags"])


def setup(app: Sphinx) -> None:
    """Connect the single-page fixes (they act only in the singlehtml builder)."""
    app.connect("html-page-context", on_html_page_context)
