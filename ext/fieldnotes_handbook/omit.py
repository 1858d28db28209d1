"""``handout-omit``: leave parts of the printed pages out of one handout.

A handout prints whole handbook pages, so a correction to a page reaches its handout. Some
parts of those pages matter online but not on paper on the day of a workshop (history,
background, what organisers do beforehand). The handout's start page names them::

    ```{handout-omit}
    :admonitions: Before you start, Historical note
    /first-contribution/accounts#the-affiliation-and-the-statement-of-interest
    ```

- ``:admonitions:``: comma-separated beginnings; every admonition whose title starts with one
  of them is left out (``Historical note`` matches ``Historical note: review in 2014``). For
  an untitled one, a note or a tip, its first words count as its title.
- ``:introductions:``: comma-separated pages (``/docname``) whose introduction, everything
  between the page's title and its first section, is left out.
- Each content line, ``/docname#id``: the section (or any element) of that page with that id,
  such as a heading anchor or a label, is left out with everything in it.

Only the LaTeX build of the handout changes; the site and the whole-handbook PDF print every
page in full. References to a part that was left out become links to the page online (see
:class:`fieldnotes_handbook.handouts.OnlineLinksForMissingPages`).

Warning ``fieldnotes.handout.omit-unknown``: an entry or a title matches nothing in the
handout, for instance after a heading was renamed.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from docutils import nodes
from fieldnotes.glossary.used import LISTING_CLASS
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)

# Document attribute listing the ("docname", "id") pairs left out of the assembled doctree.
OMITTED = "fieldnotes_handout_omitted"
# Document attribute: the glossary terms (lower case) that the printed text still refers to.
TERMS_LEFT = "fieldnotes_handout_terms"


STRAIGHT_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


class handout_omit(nodes.Invisible, nodes.Element):
    """What to leave out of this handout: ``sections`` ("docname#id") and ``titles``."""


def comma_list(argument: str | None) -> list[str]:
    """Split an option value at commas, dropping blanks."""
    return [part.strip() for part in (argument or "").split(",") if part.strip()]


class HandoutOmit(SphinxDirective):
    """Record what the handout whose start page holds this directive leaves out."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {"admonitions": comma_list, "introductions": comma_list}

    def run(self) -> list[nodes.Node]:
        """Return the (invisible) request; the LaTeX post-transform acts on it."""
        sections = []
        for line in self.content:
            entry = line.strip()
            if not entry:
                continue
            docname, _, anchor = entry.lstrip("/").partition("#")
            if not anchor:
                raise self.error(f"handout-omit: {entry!r} needs the form /docname#id")
            sections.append(f"{docname.removesuffix('.md')}#{anchor}")
        introductions = [
            name.lstrip("/").removesuffix(".md") for name in self.options.get("introductions", [])
        ]
        node = handout_omit(
            sections=sections, titles=self.options.get("admonitions", []), introductions=introductions
        )
        self.set_source_info(node)
        return [node]


def admonition_opening(node: nodes.Element) -> str:
    """An admonition's title, or for an untitled one (a note, a tip) its first words."""
    first = node.children[0] if node.children else None
    text = " ".join(first.astext().split()) if first is not None else ""
    # Smart quotes turn the source's straight apostrophes and quotes into curly ones.
    return text.translate(STRAIGHT_QUOTES)


class OmitFromHandout(SphinxPostTransform):
    """Remove the parts a handout leaves out, before references are resolved."""

    builders = ("latex",)
    default_priority = 2  # before OnlineLinksForMissingPages (5) and the ReferencesResolver (10)

    def run(self, **kwargs: Any) -> None:
        """Apply every ``handout-omit`` request of the assembled handout."""
        requests = list(self.document.findall(handout_omit))
        if not requests:
            return
        self.sections = {entry: False for request in requests for entry in request["sections"]}
        self.titles = {title: False for request in requests for title in request["titles"]}
        self.introductions = {name: False for request in requests for name in request["introductions"]}
        self.omitted: set[tuple[str, str]] = set()
        self.prune(self.document, self.document.get("docname", ""))
        self.document[OMITTED] = self.omitted
        self.document[TERMS_LEFT] = {
            xref["reftarget"].lower()
            for xref in self.document.findall(addnodes.pending_xref)
            if xref.get("refdomain") == "std" and xref.get("reftype") == "term"
        }
        found_all = [*self.sections.items(), *self.titles.items(), *self.introductions.items()]
        for what, found in found_all:
            if not found:
                logger.warning(
                    "handout-omit: %r matches nothing in this handout",
                    what,
                    location=requests[0],
                    type="fieldnotes",
                    subtype="handout.omit-unknown",
                )
        for request in requests:
            request.parent.remove(request)

    def prune(self, parent: nodes.Element, docname: str) -> None:
        """Drop the matching children of *parent* (from page *docname*), then descend.

        The walk goes top-down and carries the page's name: in the LaTeX builder's assembled
        doctree, the children of each inlined page keep their old ``parent`` pointers.
        """
        kept = []
        for child in parent.children:
            if not isinstance(child, nodes.Element):
                kept.append(child)
                continue
            if isinstance(child, addnodes.start_of_file):
                inner = child["docname"]
            else:
                inner = child.get("docname", docname) if isinstance(child, nodes.section) else docname
            if self.matches(child, inner):
                for node in child.findall(nodes.Element):
                    self.omitted |= {(inner, node_id) for node_id in node.get("ids", [])}
                continue
            kept.append(child)
            if isinstance(parent, addnodes.start_of_file) and isinstance(child, nodes.section):
                self.drop_introduction(child, inner)
            self.prune(child, inner)
        if len(kept) != len(parent.children):
            parent.children = []
            parent.extend(kept)

    def drop_introduction(self, page: nodes.section, docname: str) -> None:
        """Remove what stands between the title of *page* and its first section, if asked to."""
        if docname not in self.introductions:
            return
        self.introductions[docname] = True
        kept = []
        for child in page.children:
            if isinstance(child, nodes.section):
                kept.extend(page.children[page.index(child) :])
                break
            if isinstance(child, nodes.title | nodes.target | nodes.Invisible):
                kept.append(child)
                continue
            for node in child.findall(nodes.Element) if isinstance(child, nodes.Element) else ():
                self.omitted |= {(docname, node_id) for node_id in node.get("ids", [])}
        page.children = []
        page.extend(kept)

    def matches(self, node: nodes.Element, docname: str) -> bool:
        """Whether *node*, from page *docname*, is one of the parts to leave out."""
        found = False
        for node_id in node.get("ids", []):
            key = f"{docname}#{node_id}"
            if key in self.sections:
                self.sections[key] = found = True
        if isinstance(node, nodes.Admonition):
            opening = admonition_opening(node)
            for prefix in self.titles:
                if opening.startswith(prefix):
                    self.titles[prefix] = found = True
        return found


class PruneHandoutGlossary(SphinxPostTransform):
    """Keep in the handout's closing glossary only the terms its printed text still uses.

    The ``glossary-used`` listing (sphinx-fieldnotes) is computed from whole pages; after
    ``handout-omit`` some of its terms may appear only in the parts left out.
    """

    builders = ("latex",)
    default_priority = 25  # after sphinx-fieldnotes fills the listing (20)

    def run(self, **kwargs: Any) -> None:
        """Drop the listing's entries for terms no longer referenced."""
        if TERMS_LEFT not in self.document:
            return
        referenced = self.document[TERMS_LEFT]
        listings = [
            node for node in self.document.findall(nodes.definition_list) if LISTING_CLASS in node["classes"]
        ]
        # The printed text without the listings themselves.
        stand_ins = [nodes.inline() for _ in listings]
        for listing, stand_in in zip(listings, stand_ins, strict=True):
            listing.replace_self(stand_in)
        text = self.document.astext()
        for listing, stand_in in zip(listings, stand_ins, strict=True):
            stand_in.replace_self(listing)
            for item in list(listing.children):
                term = item.next_node(nodes.term)
                if term is not None and not still_used(term.astext(), referenced, text):
                    listing.remove(item)


def still_used(term: str, referenced: set[str], text: str) -> bool:
    """Whether *term* is referenced (``{term}``) or written out as a word in the printed *text*."""
    if term.lower() in referenced:
        return True
    return re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text) is not None


def skip(translator: nodes.NodeVisitor, node: nodes.Element) -> None:
    """Print nothing: the request only steers the LaTeX post-transform."""
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    """Register the directive, its node and the post-transform."""
    app.add_node(
        handout_omit,
        html=(skip, None),
        latex=(skip, None),
        text=(skip, None),
        man=(skip, None),
        texinfo=(skip, None),
    )
    app.add_directive("handout-omit", HandoutOmit)
    app.add_post_transform(OmitFromHandout)
    app.add_post_transform(PruneHandoutGlossary)
