"""The glossary component: Sphinx's own ``glossary`` and ``term``, taught in place.

What authors get, with no new markup:

- every resolved ``term`` reference carries its definition (first paragraph, shortened),
  shown on hover and keyboard focus in HTML (:mod:`.tooltips`);
- under each glossary entry, "Used on": the pages and sections that reference any of the
  entry's terms, in every output format (:mod:`.backlinks`);
- a warning for each entry none of whose terms is referenced (:mod:`.unused`);
- the ``glossary-used`` directive, a glossary of only the terms some documents use
  (:mod:`.used`; ``:docs:`` names or globs, ``:toctree:`` for a handout's pages).

Data flows one way: parse and collect (:mod:`.collect`, :mod:`.used`: records of
:mod:`.records` in :mod:`.domain`) -> resolve (:mod:`.views`, also for freshness) -> render
(:mod:`.backlinks`, :mod:`.used`, :mod:`.tooltips`); :mod:`.assets` ships CSS and JS.

Configuration:
    ``fieldnotes_glossary_tooltip_length`` (int >= 0, default 240): longest tooltip
    definition, in characters, shortened at a sentence or word boundary; 0 turns tooltips off.

Warnings (type ``fieldnotes``):
    ``glossary.unused-term``: a glossary entry no page references (at its first term's line).
    ``glossary.no-documents``: a ``glossary-used`` ``:docs:`` entry matches no document.
    ``config.bad-value``: a configuration value out of range (the default is used).

HTML classes (for themes): ``fieldnotes-term`` (a link to a term, with its definition as
``title``), ``fieldnotes-term-tip`` (the tooltip the script shows), ``fieldnotes-used-on``
(``-label``, ``-list``), ``fieldnotes-glossary-used``.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util import logging

from fieldnotes import __version__
from fieldnotes.glossary import assets, backlinks, collect, tooltips, unused, used, views
from fieldnotes.glossary.domain import GlossaryDomain
from fieldnotes.i18n import add_catalog

logger = logging.getLogger(__name__)

TOOLTIP_LENGTH = "fieldnotes_glossary_tooltip_length"
DEFAULT_TOOLTIP_LENGTH = 240


def on_config_inited(app: Sphinx, config: Config) -> None:
    """Check the configuration values' ranges (Sphinx checks their types)."""
    value = config[TOOLTIP_LENGTH]
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        logger.warning(
            "%s = %r is not a whole number of characters >= 0; using %d",
            TOOLTIP_LENGTH,
            value,
            DEFAULT_TOOLTIP_LENGTH,
            type="fieldnotes",
            subtype="config.bad-value",
        )
        config[TOOLTIP_LENGTH] = DEFAULT_TOOLTIP_LENGTH


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the glossary component (usable alone: ``extensions = ["fieldnotes.glossary"]``)."""
    app.setup_extension("fieldnotes.singlehtml")
    add_catalog(app)
    app.add_config_value(TOOLTIP_LENGTH, DEFAULT_TOOLTIP_LENGTH, "html", types=frozenset({int}))
    app.connect("config-inited", on_config_inited)
    app.add_domain(GlossaryDomain)
    skip = (used.skip_node, None)
    app.add_node(used.glossary_used, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    app.add_directive("glossary-used", used.GlossaryUsedDirective)
    app.add_post_transform(tooltips.MarkTermReferences)
    app.add_post_transform(tooltips.TitleTermReferences)
    app.add_post_transform(backlinks.AddUsedOn)
    app.add_post_transform(used.FillGlossaryUsed)
    app.connect("doctree-read", collect.on_doctree_read)
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
