"""Render (HTML only): every term reference carries its definition as the link's ``title``.

Output per resolved ``term`` reference (and per talk tag that names a term)::

    <a class="reference internal fieldnotes-term" href="glossary.html#term-API"
       title="definition, shortened">...</a>

The definition is an attribute, not page text: neither Sphinx's search index nor Read the
Docs' server-side indexer takes it for the page's own words. Without JavaScript, browsers show
the title on hover and assistive technology reads it as the link's description;
``fieldnotes-glossary.js`` turns it into a styled tooltip shown on hover and keyboard focus
(hidden on Escape, blur and mouse-out), linked with ``aria-describedby``.

How: a post-transform that runs just before Sphinx resolves references marks the content node
of each ``term`` reference to a known term; one that runs just after gives the reference
holding a marked node its title and class. The mark never leaves the render phase. Pages
without term references are skipped from the collected data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from fieldnotes.glossary.collect import TERM_XREFS
from fieldnotes.sphinx_internals import builder_format, builder_name, one_tree_per_document

if TYPE_CHECKING:
    from fieldnotes.glossary.domain import GlossaryDomain

TERM_CLASS = "fieldnotes-term"
_MARK = "fieldnotes_term"


def _has_terms(domain: GlossaryDomain, docname: str, builder: str) -> bool:
    return bool(domain.usages) and (docname in domain.usages or not one_tree_per_document(builder))


class MarkTermReferences(SphinxPostTransform):
    """Before references are resolved: mark the content of each reference to a known term."""

    default_priority = 9  # Sphinx's ReferencesResolver is 10

    def run(self, **kwargs: Any) -> None:
        """Mark ``term`` references whose term the glossary defines."""
        if builder_format(self.env) != "html":
            return
        domain: GlossaryDomain = self.env.domains["fieldnotes-glossary"]  # type: ignore[assignment]
        if not _has_terms(domain, self.env.current_document.docname, builder_name(self.env)):
            return
        for xref in self.document.findall(addnodes.pending_xref):
            if (xref.get("refdomain"), xref.get("reftype")) not in TERM_XREFS or not xref.children:
                continue
            content = xref[0]
            if isinstance(content, nodes.Element) and domain.lookup(xref["reftarget"]) is not None:
                content[_MARK] = xref["reftarget"]


class TitleTermReferences(SphinxPostTransform):
    """After references are resolved: each marked term reference gets its definition and class."""

    default_priority = 11  # Sphinx's ReferencesResolver is 10

    def run(self, **kwargs: Any) -> None:
        """Give each resolved, marked term reference its definition as title, and the term class."""
        if builder_format(self.env) != "html":
            return
        domain: GlossaryDomain = self.env.domains["fieldnotes-glossary"]  # type: ignore[assignment]
        if not _has_terms(domain, self.env.current_document.docname, builder_name(self.env)):
            return
        for ref in self.document.findall(nodes.reference):
            content = ref.children[0] if ref.children else None
            term = content.attributes.pop(_MARK, None) if isinstance(content, nodes.Element) else None
            found = domain.lookup(term) if term else None
            if found is not None and found.tooltip:
                ref["reftitle"] = found.tooltip
                ref["classes"].append(TERM_CLASS)
