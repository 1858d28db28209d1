"""The glossary component: Sphinx's own ``glossary`` and ``term``, taught in place.

What authors get, with no new markup:

- every resolved ``term`` reference carries its definition (first paragraph, shortened),
  shown on hover and keyboard focus in HTML (:mod:`.tooltips`);
- under each glossary entry, "Used on": the pages and sections that reference any of the
  entry's terms, in every output format (:mod:`.backlinks`);
- a warning for each entry none of whose terms is referenced (:mod:`.unused`);
- the ``glossary-used`` directive, a glossary of only the terms some documents use
  (:mod:`.used`; ``:docs:`` names or globs, ``:toctree:`` for a handout's pages);
- the ``glossary-index`` directive, for a long glossary page: entries grouped under letter
  headings (every format), the letters in the page's table of contents, and in HTML an A-Z
  bar and a filter box (:mod:`.index`, :mod:`.letters`, :mod:`.index_html`).

Data flows one way: parse and collect (:mod:`.collect`, :mod:`.used`: records of
:mod:`.records` in :mod:`.domain`) -> resolve (:mod:`.views`, also for freshness) -> render
(:mod:`.backlinks`, :mod:`.used`, :mod:`.tooltips`, :mod:`.index`); :mod:`.assets` ships CSS
and JS.

Configuration:
    ``fieldnotes_glossary_tooltip_length`` (int >= 0, default 240): longest tooltip
    definition, in characters, shortened at a sentence or word boundary; 0 turns tooltips off.
    ``fieldnotes_glossary_used_on_shown`` (int >= 0, default 0): in HTML, how many pages a
    "Used on" list shows before the others are collapsed (``<details>``); 0 shows them all.

Warnings (type ``fieldnotes``):
    ``glossary.unused-term``: a glossary entry no page references (at its first term's line).
    ``glossary.no-documents``: a ``glossary-used`` ``:docs:`` entry matches no document.
    ``glossary.index-without-entries``: a ``glossary-index`` on a page without a glossary.
    ``config.bad-value``: a configuration value out of range (the default is used).

HTML classes (for themes): ``fieldnotes-term`` (a link to a term, with its definition as
``title``), ``fieldnotes-term-tip`` (the tooltip the script shows), ``fieldnotes-used-on``
(``-label``, ``-list``, ``-more``), ``fieldnotes-glossary-used``, ``fieldnotes-glossary-index``
(``-filter``, ``-letters``) and ``fieldnotes-glossary-letter`` (a letter's heading and entries).
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from fieldnotes import __version__
from fieldnotes.glossary import assets, backlinks, collect, index, index_html, tooltips, unused, used, views
from fieldnotes.glossary.domain import GlossaryDomain
from fieldnotes.i18n import add_catalog

logger = logging.getLogger(__name__)

#: The builders other than HTML whose translators must know the component's nodes.
OTHERS = ("latex", "text", "man", "texinfo")

TOOLTIP_LENGTH = "fieldnotes_glossary_tooltip_length"
DEFAULT_TOOLTIP_LENGTH = 240
USED_ON_SHOWN = "fieldnotes_glossary_used_on_shown"
#: Whole numbers >= 0: name -> (default, what the number counts).
COUNTS = {TOOLTIP_LENGTH: (DEFAULT_TOOLTIP_LENGTH, "characters"), USED_ON_SHOWN: (0, "pages")}


def on_config_inited(app: Sphinx, config: Config) -> None:
    """Check the configuration values' ranges (Sphinx checks their types)."""
    for name, (default, unit) in COUNTS.items():
        value = config[name]
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            logger.warning(
                "%s = %r is not a whole number of %s >= 0; using %d",
                name,
                value,
                unit,
                default,
                type="fieldnotes",
                subtype="config.bad-value",
            )
            config[name] = default


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the glossary component (usable alone: ``extensions = ["fieldnotes.glossary"]``)."""
    app.setup_extension("fieldnotes.singlehtml")
    add_catalog(app)
    for name, (default, _unit) in COUNTS.items():
        app.add_config_value(name, default, "html", types=frozenset({int}))
    app.connect("config-inited", on_config_inited)
    app.add_domain(GlossaryDomain)
    skip = (used.skip_node, None)
    app.add_node(used.glossary_used, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    app.add_directive("glossary-used", used.GlossaryUsedDirective)
    app.add_node(index.glossary_index, html=(index_html.visit_html, None), **dict.fromkeys(OTHERS, skip))
    app.add_directive("glossary-index", index.GlossaryIndexDirective)
    # Made only for HTML formats (other formats list every page).
    app.add_node(backlinks.used_on_more, html=(backlinks.visit_more_html, backlinks.depart_more_html))
    app.add_post_transform(tooltips.MarkTermReferences)
    app.add_post_transform(tooltips.TitleTermReferences)
    app.add_post_transform(backlinks.AddUsedOn)
    app.add_post_transform(used.FillGlossaryUsed)
    app.add_post_transform(index.GroupByLetter)
    app.connect("doctree-read", collect.on_doctree_read)
    # After Sphinx's table-of-contents collector and collect.on_doctree_read (both 500).
    app.connect("doctree-read", index.on_doctree_read, priority=600)
    app.connect("env-get-updated", views.on_env_get_updated)
    app.connect("env-check-consistency", unused.on_check_consistency)
    app.connect("write-started", assets.on_write_started)
    app.connect("html-page-context", assets.on_html_page_context)
    return {
        "version": __version__,
        "env_version": GlossaryDomain.data_version,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
