"""Render (a post-transform): a "Used on" list under each glossary entry.

Standard nodes (container, paragraph, bullet list, references), so the list prints in every
format and links inside the PDF. Pages that define no term are skipped from the collected data,
without walking their doctree.

With ``fieldnotes_glossary_used_on_shown`` = *n* > 0, HTML lists the first *n* pages and
collapses the others into ``<details class="fieldnotes-used-on-more">`` ("4 more pages"):
closed, they cost no layout and no scrolling. Every other format lists every page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from fieldnotes.glossary.collect import glossary_entries
from fieldnotes.glossary.location import docname_of
from fieldnotes.glossary.views import UsageIndex, View
from fieldnotes.i18n import _, ngettext
from fieldnotes.links import Linker
from fieldnotes.sphinx_internals import builder_format, current_builder, one_tree_per_document

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

    from fieldnotes.glossary.domain import GlossaryDomain

USED_ON_CLASS = "fieldnotes-used-on"
SECTIONS_SEPARATOR = " \N{EM DASH} "  # between a page title and its sections


class used_on_more(nodes.General, nodes.Element):
    """The pages beyond the first few of a "Used on" list (HTML only): ``<details>``, ``summary``."""


def visit_more_html(self: HTML5Translator, node: nodes.Element) -> None:
    """Open ``<details>`` with its summary."""
    summary = self.encode(node["summary"])
    self.body.append(f'<details class="{USED_ON_CLASS}-more"><summary>{summary}</summary>\n')


def depart_more_html(self: HTML5Translator, node: nodes.Element) -> None:
    """Close ``<details>``."""
    self.body.append("</details>\n")


def page_items(link: Linker, pages: list[View], compact: bool = False) -> nodes.bullet_list:
    """One list item per page: a link to the page, then links to its sections.

    ``compact`` (HTML): the links sit in the item itself, not in a paragraph (one element
    fewer per page: the glossary's lists hold hundreds).
    """
    items = nodes.bullet_list(classes=[f"{USED_ON_CLASS}-list"])
    for page in pages:
        paragraph = addnodes.compact_paragraph() if compact else nodes.paragraph()
        paragraph += link(page["docname"], "", page["title"])
        for index, section in enumerate(page["sections"]):
            paragraph += nodes.Text(SECTIONS_SEPARATOR if index == 0 else ", ")
            paragraph += link(page["docname"], section["anchor"], section["title"])
        items += nodes.list_item("", paragraph)
    return items


def used_on_nodes(link: Linker, pages: list[View], shown: int = 0, compact: bool = False) -> nodes.container:
    """The "Used on" block: a label and a list of pages, those beyond ``shown`` collapsed (0: none).

    ``shown`` and ``compact`` are for HTML only (see :func:`page_items`).
    """
    label = str(_("Used on:"))
    label_para = nodes.paragraph("", "", nodes.emphasis(label, label), classes=[f"{USED_ON_CLASS}-label"])
    block = nodes.container("", label_para, classes=[USED_ON_CLASS])
    # Collapse only when it hides at least two pages: "1 more page" saves nothing.
    if shown <= 0 or len(pages) <= shown + 1:
        block += page_items(link, pages, compact)
        return block
    block += page_items(link, pages[:shown], compact)
    rest = len(pages) - shown
    summary = ngettext("%(count)d more page", "%(count)d more pages", rest) % {"count": rest}
    block += used_on_more("", page_items(link, pages[shown:], compact), summary=summary)
    return block


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
        html = builder_format(env) == "html"
        shown = env.config.fieldnotes_glossary_used_on_shown if html else 0
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
                definition += used_on_nodes(Linker(builder, owner), pages, shown, compact=html)
