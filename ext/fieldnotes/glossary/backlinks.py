"""Render (a post-transform): a "Used on" list under each glossary entry.

Standard nodes only (container, paragraph, bullet list, references), so the list prints in
every format and links inside the PDF. Pages that define no term are skipped from the
collected data, without walking their doctree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from fieldnotes.glossary.collect import glossary_entries
from fieldnotes.glossary.location import docname_of
from fieldnotes.glossary.views import UsageIndex, View
from fieldnotes.i18n import _
from fieldnotes.links import Linker
from fieldnotes.sphinx_internals import current_builder, one_tree_per_document

if TYPE_CHECKING:
    from fieldnotes.glossary.domain import GlossaryDomain

USED_ON_CLASS = "fieldnotes-used-on"
SECTIONS_SEPARATOR = " \N{EM DASH} "  # between a page title and its sections


def used_on_nodes(link: Linker, pages: list[View]) -> nodes.container:
    """The "Used on" block: a label and one list item per page, with its sections."""
    items = nodes.bullet_list(classes=[f"{USED_ON_CLASS}-list"])
    for page in pages:
        paragraph = nodes.paragraph()
        paragraph += link(page["docname"], "", page["title"])
        for index, section in enumerate(page["sections"]):
            paragraph += nodes.Text(SECTIONS_SEPARATOR if index == 0 else ", ")
            paragraph += link(page["docname"], section["anchor"], section["title"])
        items += nodes.list_item("", paragraph)
    label = str(_("Used on:"))
    label_para = nodes.paragraph("", "", nodes.emphasis(label, label), classes=[f"{USED_ON_CLASS}-label"])
    return nodes.container("", label_para, items, classes=[USED_ON_CLASS])


class AddUsedOn(SphinxPostTransform):
    """Append "Used on" to every glossary entry that some page references."""

    default_priority = 20

    def run(self, **kwargs: Any) -> None:
        """Add the lists to this page's glossary entries."""
        env, builder = self.env, current_builder(self.env)
        docname = env.current_document.docname
        domain: GlossaryDomain = env.domains["fieldnotes-glossary"]  # type: ignore[assignment]
        if not domain.usages or (one_tree_per_document(builder.name) and docname not in domain.terms):
            return
        usages = UsageIndex(env, domain)
        for terms, definition in list(glossary_entries(self.document)):
            if definition is None or not terms:
                continue
            owner = docname_of(terms[0], docname)
            keys = {
                record.key
                for term in terms
                for node_id in term["ids"]
                if (record := domain.term_at(owner, node_id)) is not None
            }
            pages = usages.used_on(keys) if keys else []
            if pages:
                definition += used_on_nodes(Linker(builder, owner), pages)
