"""The one way this package makes internal links (talk cards, listings, "Used on", glossaries).

:class:`Linker` builds references from one document, as :func:`sphinx.util.nodes.make_refnode`
does, but computes each target document's URI once and degrades to plain text where the builder
cannot address the target (a document a LaTeX build does not include, an index page outside HTML).
Single-page HTML is corrected for every link, ours and Sphinx's, by :mod:`fieldnotes.singlehtml`.
"""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes
from sphinx.builders import Builder
from sphinx.errors import NoUri


class Linker:
    """References from ``fromdoc`` in ``builder``'s output."""

    def __init__(self, builder: Builder, fromdoc: str) -> None:
        """Link from ``fromdoc``; URIs are cached per target document."""
        self.builder = builder
        self.fromdoc = fromdoc
        self._uris: dict[str, str | None] = {}

    def uri(self, todoc: str) -> str | None:
        """The URI of ``todoc`` relative to ``fromdoc``, or ``None`` if it cannot be linked."""
        if todoc not in self._uris:
            try:
                self._uris[todoc] = self.builder.get_relative_uri(self.fromdoc, todoc)
            except NoUri:
                self._uris[todoc] = None
        return self._uris[todoc]

    def __call__(
        self,
        todoc: str,
        anchor: str,
        content: nodes.Node | str,
        *,
        title: str | None = None,
        classes: Iterable[str] = (),
    ) -> nodes.Element:
        """A reference to ``todoc#anchor`` (the document itself when no anchor) around ``content``.

        ``content`` is a node or a text; ``title`` becomes the link's ``title``. When the target
        cannot be linked, the content comes back as it is (a text in an ``inline`` with ``classes``).
        """
        if isinstance(content, nodes.Element) and self.uri(todoc) is None and todoc != self.fromdoc:
            return content
        child = nodes.Text(content) if isinstance(content, str) else content
        ref = nodes.reference("", "", child, internal=True, classes=list(classes))
        if todoc == self.fromdoc and anchor:
            ref["refid"] = anchor
        else:
            uri = self.uri(todoc)
            if uri is None:
                return nodes.inline("", "", child, classes=list(classes))
            ref["refuri"] = f"{uri}#{anchor}" if anchor else uri
        if title:
            ref["reftitle"] = title
        return ref
