"""Field Notes' own Sphinx extension: this handbook's policy, not part of ``sphinx-fieldnotes``.

- :mod:`.site`: HTML page polish (focusable code blocks, per-page assets, deferred scripts,
  named diagrams, "last updated" dates).
- :mod:`.epub`: an e-book that EPUBCheck passes (tab sets as sequential sections, SVGs
  without external DTDs, navigation in reading order).
- :mod:`.single_page`: the single-page HTML (one description per page).
- :mod:`.handouts`: the ``handout-source`` title block of the PDF handouts, and links to the
  online page for pages a handout does not include.

It is installed (editable) by the repository's root ``pyproject.toml``; ``conf.py`` loads it
with ``extensions = [..., "fieldnotes_handbook"]``.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from fieldnotes_handbook import epub, handouts, single_page, site


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the handbook's page polish and handout features."""
    site.setup(app)
    handouts.setup(app)
    epub.setup(app)
    single_page.setup(app)
    return {"version": "2026.11", "parallel_read_safe": True, "parallel_write_safe": True}
