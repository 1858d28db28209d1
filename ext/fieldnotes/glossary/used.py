"""The ``glossary-used`` directive: a glossary of only the terms some documents reference.

Options (both optional, combinable)::

    :docs: one docname or glob per line or space-separated, relative to this document
           unless it starts with "/"; a source suffix (.md, .rst) is ignored
    :toctree: this document plus those its toctrees include, recursively

Without options it lists the terms referenced in the current document. The request is stored
in the domain and the directive leaves a placeholder, filled by a post-transform from domain
data (so it never goes stale; :mod:`.views` rewrites its page when its content changes).

Warning: type ``fieldnotes``, subtype ``glossary.no-documents``: a ``:docs:`` entry matches
no document.

In HTML each listed term links to its entry with its definition as the link's ``title`` and the
class ``fieldnotes-term``, like every other term link (:mod:`.tooltips`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from fieldnotes.glossary.plaintext import shorten
from fieldnotes.glossary.records import ListingRequest
from fieldnotes.glossary.tooltips import TERM_CLASS
from fieldnotes.glossary.views import View, listing_documents, listing_entries, match_documents
from fieldnotes.links import Linker
from fieldnotes.sphinx_internals import builder_format, current_builder, one_tree_per_document

if TYPE_CHECKING:
    from sphinx.util.typing import OptionSpec

    from fieldnotes.glossary.domain import GlossaryDomain

logger = logging.getLogger(__name__)

LISTING_CLASS = "fieldnotes-glossary-used"
COLUMNS_CLASS = "fieldnotesglossaryused"


class glossary_used(nodes.General, nodes.Element):
    """Placeholder for a ``glossary-used`` listing (``docname``, ``index``); always replaced."""


def skip_node(translator: nodes.NodeVisitor, node: nodes.Element) -> None:
    """Render nothing (used for nodes that carry no visible content)."""
    raise nodes.SkipNode


class GlossaryUsedDirective(SphinxDirective):
    """``.. glossary-used::`` with optional ``:docs:`` and ``:toctree:``."""

    has_content = False
    option_spec: ClassVar[OptionSpec] = {"docs": directives.unchanged, "toctree": directives.flag}

    def run(self) -> list[nodes.Node]:
        """Store the request, return the placeholder; warn about ``:docs:`` that match nothing."""
        docname = self.env.current_document.docname
        request = ListingRequest(
            tuple((self.options.get("docs") or "").split()), "toctree" in self.options, self.lineno
        )
        domain: GlossaryDomain = self.env.domains["fieldnotes-glossary"]  # type: ignore[assignment]
        node = glossary_used(docname=docname, index=domain.add_listing(docname, request))
        self.set_source_info(node)
        for pattern in request.patterns:
            if not match_documents(self.env, docname, pattern):
                logger.warning(
                    "glossary-used: %r matches no document",
                    pattern,
                    location=node,
                    type="fieldnotes",
                    subtype="glossary.no-documents",
                )
        return [node]


_INLINE = {"literal": nodes.literal, "emphasis": nodes.emphasis, "strong": nodes.strong}


def paragraph_from(segments: tuple[tuple[str, str], ...]) -> nodes.paragraph:
    """A paragraph rebuilt from ``(kind, text)`` runs (code and emphasis kept, all escaped)."""
    paragraph = nodes.paragraph()
    for kind, text in segments:
        inline = _INLINE.get(kind)
        paragraph += inline(text, text) if inline is not None else nodes.Text(text)
    return paragraph


def listing_nodes(entries: list[View], link: Linker, tooltip_length: int = 0) -> nodes.container:
    """A glossary-style definition list of *entries* (see :func:`.views.listing_entries`).

    With ``tooltip_length`` > 0 (HTML), each term link carries its definition, so shortened.
    """
    dlist = nodes.definition_list(classes=["glossary", LISTING_CLASS])
    for entry in entries:
        anchor = entry["ids"][0] if entry["ids"] else ""
        title = shorten(entry["definition"], tooltip_length) if tooltip_length else None
        classes = [TERM_CLASS] if title else []
        term = nodes.term("", "", link(entry["docname"], anchor, entry["term"], title=title, classes=classes))
        definition = nodes.definition("", paragraph_from(entry["segments"]))
        dlist += nodes.definition_list_item("", term, definition)
    # The container's class lets a LaTeX preamble lay the list out (e.g. in columns):
    # Sphinx enters the environment ``sphinxclass<class>`` when it is defined.
    return nodes.container("", dlist, classes=[COLUMNS_CLASS])


class FillGlossaryUsed(SphinxPostTransform):
    """Replace each placeholder with a definition list of the terms its documents use."""

    default_priority = 20

    def run(self, **kwargs: Any) -> None:
        """Fill this page's ``glossary-used`` placeholders."""
        env, builder = self.env, current_builder(self.env)
        domain: GlossaryDomain = env.domains["fieldnotes-glossary"]  # type: ignore[assignment]
        if one_tree_per_document(builder.name) and env.current_document.docname not in domain.listings:
            return
        limit = env.config.fieldnotes_glossary_tooltip_length if builder_format(env) == "html" else 0
        for node in list(self.document.findall(glossary_used)):
            host = node["docname"]
            entries = listing_entries(
                domain, listing_documents(env, host, domain.listings[host][node["index"]])
            )
            if entries:
                node.replace_self(listing_nodes(entries, Linker(builder, host), limit))
            else:
                node.parent.remove(node)
