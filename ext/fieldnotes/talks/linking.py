"""Links from talk cards and listings to talks, speakers, events and tags.

Where each kind of link goes is decided once, by :meth:`TalksDomain.target
<fieldnotes.talks.domain.TalksDomain.target>`; the link node is made by the package's one link
maker, :class:`fieldnotes.links.Linker`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.builders import Builder

from fieldnotes.links import Linker

if TYPE_CHECKING:
    from fieldnotes.talks.domain import TalksDomain
    from fieldnotes.talks.records import Talk


def link_classes(kind: str) -> list[str]:
    """The classes of a link of *kind* (as Sphinx's own roles give them)."""
    return ["xref", "talks", f"talks-{kind}"]


class TalkLinks:
    """Makes links of every kind from one document, as a :class:`~fieldnotes.talks.render.Link`."""

    def __init__(self, domain: TalksDomain, builder: Builder, fromdoc: str) -> None:
        """Links from ``fromdoc`` in ``builder``'s output, resolved against ``domain``."""
        self.domain = domain
        self.linker = Linker(builder, fromdoc)

    def __call__(
        self, kind: str, target: str, content: nodes.Node | str, talk: Talk | None = None
    ) -> nodes.Node:
        """A link of *kind* to *target*; plain text when it goes nowhere (or cannot be linked)."""
        found = self.domain.target(kind, target, talk)
        classes = link_classes(kind)
        if found is None:
            child = nodes.Text(content) if isinstance(content, str) else content
            return nodes.inline("", "", child, classes=classes)
        return self.linker(
            found.docname, found.anchor, content, title=found.title, classes=[*classes, *found.classes]
        )
