"""EPUB that EPUBCheck passes: what the epub builder inherits from the web and cannot keep.

- Tab sets (sphinx-design) are radio buttons and labels: in the epub builder their
  ``<input>`` is left unclosed, which is not XHTML, and an e-reader has no tabs anyway.
  Each tab becomes a heading (its label) followed by its content, one after the other.
- SVG images (Graphviz's among them) start with a ``<!DOCTYPE>`` naming SVG 1.1's external
  DTD, which EPUB 3 forbids: the declaration is dropped from the e-book's copies (the drawing
  is unchanged).
- The table of contents follows the reading order. Sphinx lists a page's sub-pages where
  its toctree stands, often before the page's own sections; the e-book's spine reads the
  whole page first. In the navigation, a page's sections now come before its sub-pages
  (EPUBCheck NAV-011).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders.epub3 import Epub3Builder
from sphinx.transforms.post_transforms import SphinxPostTransform

#: sphinx-design's ``TabSetHtmlTransform`` runs at 200; this must come first.
TABS_PRIORITY = 199
#: ``<!DOCTYPE svg PUBLIC "..." "...">``, with or without an internal subset.
SVG_DOCTYPE = re.compile(rb"<!DOCTYPE\s[^>\[]*(?:\[.*?\]\s*)?>\s*", re.DOTALL)


def design_component(node: nodes.Node, name: str) -> bool:
    """Whether *node* is the sphinx-design component *name* (``tab-set``, ``tab-item``)."""
    return isinstance(node, nodes.Element) and node.get("design_component") == name


def heading_level(node: nodes.Element) -> int:
    """The HTML heading level for a heading placed at *node*: one below its section's title."""
    depth = 0
    parent = node.parent
    while parent is not None:
        depth += isinstance(parent, nodes.section)
        parent = parent.parent
    return min(depth + 1, 6)


class SequentialTabs(SphinxPostTransform):
    """In EPUB, turn each tab set into its tabs one after the other, each under its label."""

    default_priority = TABS_PRIORITY
    builders = ("epub",)

    def run(self, **kwargs: Any) -> None:
        """Replace every tab set of the document (inner ones first)."""
        for tab_set in reversed(list(self.document.findall(lambda n: design_component(n, "tab-set")))):
            # Not replace_self(), which would copy the tab set's classes (sd-tab-set) over.
            tab_set.parent.replace(tab_set, self.sequential(tab_set))

    @staticmethod
    def sequential(tab_set: nodes.Element) -> nodes.container:
        """A plain container: each tab's label as a heading, then that tab's content."""
        level = heading_level(tab_set)
        flat = nodes.container(ids=tab_set["ids"], classes=["fieldnotes-tabs"])
        flat.source, flat.line = tab_set.source, tab_set.line
        for child in tab_set.children:
            if not design_component(child, "tab-item"):
                flat += child.deepcopy()
                continue
            label, *content = child.children
            heading = nodes.rubric(
                label.rawsource, "", *label.children, ids=label["ids"], classes=["fieldnotes-tab-label"]
            )
            heading["heading-level"] = level
            flat += heading
            for part in content:
                flat.extend(part.children if design_component(part, "tab-content") else [part])
        return flat


@dataclass
class TocEntry:
    """One entry of the e-book's table of contents and the entries under it."""

    node: dict[str, Any]
    children: list[TocEntry] = field(default_factory=list)

    @property
    def file(self) -> str:
        """The file the entry points into."""
        return str(self.node["refuri"]).split("#", 1)[0]


def toc_tree(refnodes: list[dict[str, Any]]) -> TocEntry:
    """The flat list of the epub builder (each entry with its ``level``) as a tree."""
    root = TocEntry({"level": 0, "refuri": ""})
    stack = [root]
    for node in refnodes:
        while len(stack) > 1 and stack[-1].node["level"] >= node["level"]:
            stack.pop()
        entry = TocEntry(node)
        stack[-1].children.append(entry)
        stack.append(entry)
    return root


def detach_pages(entry: TocEntry) -> list[TocEntry]:
    """Remove and return, in order, the sub-pages listed anywhere among *entry*'s sections."""
    pages: list[TocEntry] = []
    sections: list[TocEntry] = []
    for child in entry.children:
        if child.file == entry.file:
            pages.extend(detach_pages(child))
            sections.append(child)
        else:
            pages.append(child)
    entry.children = sections
    return pages


def in_reading_order(entry: TocEntry) -> bool:
    """Whether no section of *entry*'s page is listed after one of its sub-pages."""
    files = [e["refuri"].split("#", 1)[0] for e in flattened(entry)]
    own = [f == entry.file for f in files]
    first_page = own.index(False) if False in own else len(own)
    return not any(own[first_page:])


def put_sections_first(entry: TocEntry) -> None:
    """Order *entry*'s subtree as it is read: the page's own sections, then its sub-pages.

    Where a section of the page follows a sub-page, every sub-page moves after the page's
    last section, one level under the page. The order of the pages among themselves (the
    spine) does not change, and a subtree already in reading order keeps its shape.
    """
    for child in entry.children:
        put_sections_first(child)
    if not in_reading_order(entry):
        pages = detach_pages(entry)  # before reading entry.children, which it replaces
        entry.children += pages


def flattened(entry: TocEntry, level: int = 1) -> list[dict[str, Any]]:
    """The tree back as the builder's flat list, each entry with its new level."""
    result = []
    for child in entry.children:
        result.append({**child.node, "level": level})
        result.extend(flattened(child, level + 1))
    return result


def reading_order(refnodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The table of contents in reading order (see :func:`put_sections_first`)."""
    root = toc_tree(refnodes)
    put_sections_first(root)
    return flattened(root)


def drop_svg_doctypes(folder: Path) -> None:
    """Remove the DOCTYPE from every SVG file in *folder*."""
    for svg in sorted(folder.glob("*.svg")):
        data = svg.read_bytes()
        cleaned = SVG_DOCTYPE.sub(b"", data, count=1)
        if cleaned != data:
            svg.write_bytes(cleaned)


class HandbookEpub3Builder(Epub3Builder):
    """Sphinx's EPUB 3 builder, with its navigation in reading order and DTD-free SVGs."""

    def toc_add_files(self, refnodes: list[dict[str, Any]]) -> None:
        """Complete the table of contents (Sphinx), then put it in reading order."""
        super().toc_add_files(refnodes)
        refnodes[:] = reading_order(refnodes)

    def copy_image_files(self) -> None:
        """Copy the source images (Sphinx), then clean every SVG, Graphviz's included.

        Graphviz writes its images while the pages are written; this runs after that, and
        before ``handle_finish`` packs the e-book.
        """
        super().copy_image_files()
        drop_svg_doctypes(Path(self.outdir, self.imagedir))


def setup(app: Sphinx) -> None:
    """Register the EPUB fixes (they act only in the epub builder)."""
    app.add_builder(HandbookEpub3Builder, override=True)
    app.add_post_transform(SequentialTabs)
