"""PDF handouts: the ``handout-source`` title block.

A handout is a start page under ``docs/handouts/`` (built only with ``-t handouts``)
whose toctree pulls in the handbook pages it prints. Its title block names the
handbook, the version and the online page the handout comes from::

    ```{handout-source} /first-contribution/index
    ```

In LaTeX the block also prints a QR code of that URL (the ``qrcode`` package of
TeX Live). Warnings: ``fieldnotes.handout.unknown-doc`` when the page does not exist.

A PDF holds only some pages of the handbook. A reference (``{doc}``, ``{ref}``) to a
page it does not include becomes a link to that page online, so readers of the
paper copy get the title and, with ``latex_show_urls``, the address.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import docname_join, logging
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.latex import LaTeXTranslator

from fieldnotes_handbook.omit import OMITTED

logger = logging.getLogger(__name__)


class handout_source(nodes.container):
    """The title block of a handout; its ``url`` attribute is the online page."""


def page_url(base: str, docname: str) -> str:
    """The published URL of *docname* under the site's base URL."""
    return f"{base.rstrip('/')}/{docname}.html".replace("/index.html", "/")


class HandoutSource(SphinxDirective):
    """``handout-source``: name the online page a handout comes from."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        """Build the title block from the project's metadata and the page's URL."""
        docname = self.arguments[0].strip().lstrip("/").removesuffix(".md")
        if docname not in self.env.found_docs:
            logger.warning(
                "handout-source: no page %r",
                self.arguments[0],
                location=self.get_location(),
                type="fieldnotes",
                subtype="handout.unknown-doc",
            )
        url = page_url(self.config.html_baseurl or "", docname)
        block = handout_source(url=url, classes=["fieldnotes-handout-source"])
        self.set_source_info(block)
        para = nodes.paragraph()
        project = self.config.project
        para += nodes.Text(f"This handout prints pages of {project}. Read them online, links and all: ")
        para += nodes.reference(url, url, refuri=url)
        block += para
        return [block]


def visit_latex(self: LaTeXTranslator, node: handout_source) -> None:
    """Open a small two-column block: the text beside a QR code of the URL."""
    self.body.append("\n\\par\\noindent\\begin{minipage}[c]{0.78\\linewidth}\\small\n")


def qrcode_text(url: str) -> str:
    """Escape *url* for the ``qrcode`` package (it takes TeX special characters escaped)."""
    return "".join(f"\\{c}" if c in "%#&_{}$^~" else c for c in url if c != "\\")


def depart_latex(self: LaTeXTranslator, node: handout_source) -> None:
    """Close the text column and print the QR code."""
    self.body.append(
        "\\end{minipage}\\hfill\\begin{minipage}[c]{0.2\\linewidth}\\raggedleft"
        f"\\qrcode[height=2cm]{{{qrcode_text(node['url'])}}}\\end{{minipage}}\\par\\medskip\n"
    )


class OnlineLinksForMissingPages(SphinxPostTransform):
    """In LaTeX, point ``doc`` and ``ref`` references to pages outside this PDF at the site."""

    builders = ("latex",)
    default_priority = 5  # before Sphinx's ReferencesResolver (10) drops them as plain text

    def run(self, **kwargs: Any) -> None:
        """Replace each such reference by an external link with the target's title."""
        # The LaTeX builder inlines every included page as a start_of_file node.
        included = {self.document.get("docname", "")}
        included |= {node["docname"] for node in self.document.findall(addnodes.start_of_file)}
        # Parts a handout-omit request left out (fieldnotes_handbook.omit) are not in the PDF.
        omitted = self.document.get(OMITTED, set())
        std = self.env.domains.standard_domain
        for node in list(self.document.findall(addnodes.pending_xref)):
            if node.get("refdomain") != "std" or node.get("reftype") not in {"doc", "ref"}:
                continue
            target = self.online_target(node, std)
            if target is None or (target[0] in included and (target[0], target[1]) not in omitted):
                continue
            docname, anchor, title = target
            text = node.astext() if node.get("refexplicit") else title
            url = page_url(self.config.html_baseurl or "", docname) + (f"#{anchor}" if anchor else "")
            node.replace_self(nodes.reference(text, text, refuri=url, internal=False))

    def online_target(self, node: addnodes.pending_xref, std: Any) -> tuple[str, str, str] | None:
        """The (docname, anchor, title) a ``doc`` or ``ref`` reference points at, if it exists."""
        target = node["reftarget"]
        if node["reftype"] == "doc":
            docname = docname_join(node.get("refdoc", ""), target)
            if docname not in self.env.titles:
                return None
            return docname, "", self.env.titles[docname].astext()
        label = target.lower()
        if label in std.labels:
            docname, anchor, title = std.labels[label]
            return docname, anchor, title
        if label in std.anonlabels:
            docname, anchor = std.anonlabels[label]
            return docname, anchor, node.astext()
        return None


def setup(app: Sphinx) -> None:
    """Register the directive, its node and the LaTeX package it needs."""
    app.add_node(handout_source, latex=(visit_latex, depart_latex))
    app.add_directive("handout-source", HandoutSource)
    app.add_latex_package("qrcode")
    app.add_post_transform(OnlineLinksForMissingPages)
