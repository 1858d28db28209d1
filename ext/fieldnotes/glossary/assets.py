"""The glossary's own CSS and JavaScript: shipped from the package, added where needed.

``write-started`` copies them into ``<outdir>/_static`` (only when they differ, so a no-change
rebuild writes nothing); ``html-page-context`` adds them to the pages that need them, as
:mod:`sphinx.ext.mathjax` does: the CSS where there is glossary output, the script where
there are term links (also those of other components, such as talk tags naming a term), the
filter script where a ``glossary-index`` is.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldnotes.assets import copy_static
from fieldnotes.glossary.index_html import INDEX_CLASS
from fieldnotes.glossary.tooltips import TERM_CLASS
from fieldnotes.sphinx_internals import one_tree_per_document

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from fieldnotes.glossary.domain import GlossaryDomain

STATIC = Path(__file__).resolve().parent / "static"
CSS = "fieldnotes-glossary.css"
JS = "fieldnotes-glossary.js"
INDEX_JS = "fieldnotes-glossary-index.js"


def on_write_started(app: Sphinx, builder: Builder) -> None:
    """Copy the assets into the HTML output's ``_static`` folder when missing or changed."""
    copy_static(builder, STATIC, html=(CSS, JS, INDEX_JS))


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.Node | None
) -> None:
    """Add the CSS and the scripts to this page if it shows glossary output, term links or an index."""
    if doctree is None or app.builder.format != "html":
        return
    domain: GlossaryDomain = app.env.domains["fieldnotes-glossary"]  # type: ignore[assignment]
    if one_tree_per_document(app.builder.name):
        shows_glossary = pagename in domain.terms or pagename in domain.listings
    else:
        shows_glossary = bool(domain.terms or domain.listings)
    # Term links are rendered by several components; the rendered body says whether any is here.
    has_term_links = TERM_CLASS in context.get("body", "")
    if shows_glossary or has_term_links:
        app.builder.add_css_file(CSS)  # type: ignore[attr-defined]
    if has_term_links:
        app.builder.add_js_file(JS, defer="defer")  # type: ignore[attr-defined]
    if f'class="{INDEX_CLASS}"' in context.get("body", ""):
        app.builder.add_js_file(INDEX_JS, defer="defer")  # type: ignore[attr-defined]
