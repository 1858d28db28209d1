"""``glossary-index``: a glossary page readers can move through, on a phone too.

Where the directive stands, HTML gets an A-Z bar (every letter shown, those with entries
linked) and a filter box; every glossary of the page gets a heading per letter (in every
format: in the PDF too), and the page's table of contents ("On this page") lists the letters.

Data flow: the directive stores a request (collect); at ``doctree-read``, after Sphinx has
built the page's table of contents, the letters are computed from the page's collected
definitions (:func:`.letters.page_letters`) and added to it; when the page is written,
:class:`GroupByLetter` regroups each glossary's entries under letter headings and gives the
placeholder its letters, and :mod:`.index_html` renders the bar and the filter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from fieldnotes.glossary.letters import Anchors, Letter, bar, entry_heads, letter_of, order_key, page_letters
from fieldnotes.glossary.location import docname_of
from fieldnotes.sphinx_internals import builder_format, current_builder, one_tree_per_document

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec

    from fieldnotes.glossary.domain import GlossaryDomain

logger = logging.getLogger(__name__)

GROUP_CLASS = "fieldnotes-glossary-letter"


class glossary_index(nodes.General, nodes.Element):
    """Where the A-Z bar and the filter go; ``letters`` (``[(label, anchor)]``) is set when written."""


class GlossaryIndexDirective(SphinxDirective):
    """``.. glossary-index::``: group this page's glossary entries by letter, with a bar and a filter."""

    has_content = False
    option_spec: ClassVar[OptionSpec] = {}

    def run(self) -> list[nodes.Node]:
        """Record the request and return the placeholder of the bar."""
        domain: GlossaryDomain = self.env.domains["fieldnotes-glossary"]  # type: ignore[assignment]
        domain.add_index(self.env.current_document.docname, self.lineno)
        node = glossary_index()
        self.set_source_info(node)
        return [node]


# -- collect: the letters in the page's table of contents ------------------------------


def toc_items(docname: str, letters: list[Letter]) -> nodes.bullet_list:
    """Table-of-contents entries (as Sphinx builds them) for ``letters``."""
    items = nodes.bullet_list()
    for letter in letters:
        ref = nodes.reference("", letter.label, internal=True, refuri=docname, anchorname=f"#{letter.anchor}")
        items += nodes.list_item("", addnodes.compact_paragraph("", "", ref))
    return items


def add_to_toc(toc: nodes.Element, anchorname: str, items: nodes.bullet_list) -> bool:
    """Nest ``items`` under the entry of ``toc`` whose anchor is ``anchorname``; say whether it was found."""
    for ref in toc.findall(nodes.reference):
        if ref.get("anchorname") != anchorname:
            continue
        entry = ref.parent.parent
        if not isinstance(entry, nodes.list_item):
            return False
        existing = next((c for c in entry.children if isinstance(c, nodes.bullet_list)), None)
        if existing is None:
            entry += items
        else:
            existing.extend(items.children)
        return True
    return False


def section_anchorname(doctree: nodes.document, node: nodes.Node) -> str | None:
    """The table-of-contents anchor of the section holding ``node`` (Sphinx gives the first "")."""
    parent = node.parent
    while parent is not None and not isinstance(parent, nodes.section):
        parent = parent.parent
    if parent is None or not parent["ids"]:
        return None
    return "" if parent is doctree.next_node(nodes.section) else f"#{parent['ids'][0]}"


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """Add the page's letters to its table of contents (after Sphinx and :mod:`.collect`)."""
    env = app.env
    docname = env.current_document.docname
    domain: GlossaryDomain = env.domains["fieldnotes-glossary"]  # type: ignore[assignment]
    if docname not in domain.indexes:
        return
    letters = page_letters(domain.terms.get(docname, ()))
    if not letters:
        logger.warning(
            "glossary-index: this page has no glossary entries",
            location=(docname, domain.indexes[docname]),
            type="fieldnotes",
            subtype="glossary.index-without-entries",
        )
        return
    placeholder = next(iter(doctree.findall(glossary_index)), None)
    anchorname = section_anchorname(doctree, placeholder) if placeholder is not None else None
    if anchorname is not None and docname in env.tocs:
        add_to_toc(env.tocs[docname], anchorname, toc_items(docname, letters))


# -- render: letter headings and the bar -----------------------------------------------


def section_depth(node: nodes.Node) -> int:
    """How many sections of its own document hold ``node`` (also in assembled LaTeX trees)."""
    depth, parent = 0, node.parent
    while parent is not None and not isinstance(parent, addnodes.start_of_file):
        if isinstance(parent, nodes.section):
            depth += 1
            if parent.get("docname"):
                break
        parent = parent.parent
    return depth


def group_glossary(glossary: addnodes.glossary, labels: dict[str, str], anchors: Anchors) -> None:
    """Regroup the entries of ``glossary`` under one heading per letter (``labels``: term id -> letter)."""
    lists = [child for child in glossary.children if isinstance(child, nodes.definition_list)]
    if not lists:
        return
    groups: dict[str, list[nodes.Element]] = {}
    for item in (item for dlist in lists for item in dlist.children):
        term = next((c for c in item.children if isinstance(c, nodes.term)), None)
        if term is None:
            continue
        ids = term["ids"]
        label = labels.get(ids[0]) if ids else None
        groups.setdefault(label or letter_of(term.astext()), []).append(item)
    first_seen = {label: position for position, label in enumerate(groups)}
    level = min(section_depth(glossary) + 1, 6)
    for dlist in lists:
        glossary.remove(dlist)
    for label in sorted(groups, key=lambda label: order_key(label, first_seen)):
        heading = nodes.rubric(label, label, ids=[anchors(label)])
        heading["heading-level"] = level
        entries = lists[0].copy()
        entries.extend(groups[label])
        # Each letter's list sits in a glossary node of its own, as Sphinx makes it (so its
        # terms keep their permalinks, which Sphinx adds to the terms of a glossary's list).
        inner = addnodes.glossary("", entries, sorted=glossary.get("sorted", False))
        glossary += nodes.container("", heading, inner, classes=[GROUP_CLASS])


class GroupByLetter(SphinxPostTransform):
    """On pages with ``glossary-index``: letter headings in each glossary, letters for the bar."""

    default_priority = 30  # after "Used on" (20), which reads the glossary as Sphinx made it

    def run(self, **kwargs: Any) -> None:
        """Regroup this page's glossaries; fill or drop the bar placeholders."""
        env = self.env
        domain: GlossaryDomain = env.domains["fieldnotes-glossary"]  # type: ignore[assignment]
        docname = env.current_document.docname
        if one_tree_per_document(current_builder(env).name) and docname not in domain.indexes:
            return
        anchors: dict[str, Anchors] = {}
        for glossary in list(self.document.findall(addnodes.glossary)):
            owner = docname_of(glossary, docname)
            if owner in domain.indexes:
                labels = {
                    node_id: letter_of(record.term)
                    for record in entry_heads(domain.terms.get(owner, ()))
                    for node_id in record.ids
                }
                group_glossary(glossary, labels, anchors.setdefault(owner, Anchors()))
        html = builder_format(env) == "html"
        for node in list(self.document.findall(glossary_index)):
            letters = page_letters(domain.terms.get(docname_of(node, docname), ()))
            if html and letters:
                node["letters"] = bar(letters)
            else:
                node.parent.remove(node)
