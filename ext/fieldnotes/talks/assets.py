"""The talks component's CSS (HTML) and LaTeX package, and the pages that load the CSS."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder

from fieldnotes.assets import copy_static
from fieldnotes.sphinx_internals import one_tree_per_document

STATIC = Path(__file__).resolve().parent / "static"
CSS_FILE = "fieldnotes-talks.css"
LATEX_PACKAGE = "fieldnotestalks"


def on_write_started(app: Sphinx, builder: Builder) -> None:
    """Copy the CSS into ``_static/`` (HTML formats) and the ``.sty`` next to the ``.tex``."""
    copy_static(builder, STATIC, html=(CSS_FILE,), latex=(f"{LATEX_PACKAGE}.sty",))


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """Link the CSS on pages with a card or a listing (every page of an assembled build), no others."""
    if app.builder.format != "html" or doctree is None:
        return
    data = app.env.domains["talks"].data
    if one_tree_per_document(app.builder.name):
        needed = pagename in data["talks"] or pagename in data["listings"]
    else:
        needed = bool(data["talks"] or data["listings"])
    if needed:
        app.builder.add_css_file(CSS_FILE)  # type: ignore[attr-defined]
