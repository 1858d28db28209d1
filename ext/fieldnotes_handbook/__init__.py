"""Field Notes' own Sphinx extension: this handbook's policy, not part of ``sphinx-fieldnotes``.

- :mod:`.site`: HTML page polish (focusable code blocks, per-page assets, deferred scripts).
- :mod:`.dates`: "last updated" dates from git (sphinx-last-updated-by-git), a named warning
  in shallow clones, and quiet builds outside a git checkout.
- :mod:`.epub`: an e-book that EPUBCheck passes (tab sets as sequential sections, SVGs
  without external DTDs, navigation in reading order).
- :mod:`.single_page`: the single-page HTML (one description per page).
- :mod:`.handouts`: the ``handout-source`` title block of the PDF handouts, and links to the
  online page for pages a handout does not include.
- :mod:`.omit`: ``handout-omit``, the parts of its pages a handout leaves out.
- :mod:`.event_block` (with :mod:`.event`): ``handout-event``, one workshop's details from an
  organiser's TOML file (``make handouts EVENT=...``).
- :mod:`.downloads` (with :mod:`.handout_files`): the ``handout`` role, download links to the
  PDFs that the site serves or that the published site has.
- :mod:`.printed_urls`: the site paths the handouts print, kept alive in
  ``docs/handouts/printed-urls.txt``.

It is installed (editable) by the repository's root ``pyproject.toml``; ``conf.py`` loads it
with ``extensions = [..., "fieldnotes_handbook"]``.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from fieldnotes_handbook import (
    dates,
    downloads,
    epub,
    event_block,
    handouts,
    omit,
    printed_urls,
    single_page,
    site,
)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the handbook's page polish and handout features."""
    site.setup(app)
    dates.setup(app)
    handouts.setup(app)
    omit.setup(app)
    event_block.setup(app)
    downloads.setup(app)
    printed_urls.setup(app)
    epub.setup(app)
    single_page.setup(app)
    return {"version": "2026.11", "parallel_read_safe": True, "parallel_write_safe": True}
