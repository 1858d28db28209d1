"""Docutils nodes of the talks component.

Each node subclasses a standard docutils node, so builders without a visitor of their own (text,
man, texinfo, ...) fall back to the parent's visitor through the MRO.
"""

from __future__ import annotations

from docutils import nodes


class talk_card(nodes.container):
    """One talk: an ``<article>`` in HTML, a framed box in LaTeX.

    A card made by the ``talk`` directive has the attributes ``docname`` and ``anchor`` (its
    record in the domain) until its details are filled in when the page is written.
    """


class talk_title(nodes.rubric):
    """The title of a card: a paragraph (never a heading) in HTML, bold in LaTeX."""


class talk_list(nodes.container):
    """Placeholder for a ``talk-list``; replaced by rendered talks before any writer sees it.

    Attributes: ``docname`` and ``index``: the listing's position in the domain's listings of
    that document, where its :class:`~fieldnotes.talks.records.ListingSpec` is kept.
    """
