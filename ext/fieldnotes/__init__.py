"""sphinx-fieldnotes: talk cards and a glossary that teaches in place, for any Sphinx project.

Components (each a Sphinx extension of its own; ``fieldnotes`` loads them all):

- :mod:`fieldnotes.talks`: the ``talk`` and ``talk-list`` directives, the ``talk`` and
  ``speaker`` roles, the speaker/event/tag indices, ``talks.json``.
- :mod:`fieldnotes.glossary`: definitions on hover and focus for Sphinx's own ``term``
  references, "Used on" backlinks, unused-term warnings and the ``glossary-used`` directive.
- :mod:`fieldnotes.singlehtml`: working cross-document links in single-page HTML
  (loaded by both components).

Data flows one way in each component: parse -> collect (typed, picklable records in the
domain) -> resolve (views: plain data per page) -> render (fresh nodes at ``doctree-resolved``).
Shared pieces: :mod:`.links` (the one link maker), :mod:`.freshness` (which pages to rewrite),
:mod:`.assets` (static files, per page), :mod:`.sphinx_internals` (assumptions about Sphinx),
:mod:`.memory` (resolved page trees freed as the build goes).
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

__version__ = "0.2.0"


def setup(app: Sphinx) -> dict[str, Any]:
    """Load every component."""
    app.setup_extension("fieldnotes.talks")
    app.setup_extension("fieldnotes.glossary")
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
