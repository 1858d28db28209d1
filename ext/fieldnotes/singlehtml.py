"""Working links in single-page HTML (sphinx-doc/sphinx#14221), for every reference.

Sphinx 9's ``singlehtml`` builder gives every document the URI ``#document-<docname>``, so a
reference to an anchor in another document becomes ``#document-glossary#term-API``: two
fragments, which no browser resolves (the builder's ``fix_refuris`` repair is deprecated and no
longer called). Every id is on the one page, so the anchor alone is the right target, once
it is unique there: ids are unique per document only, and many documents have a "Related" or
a "Fix" section, or a footnote ``id1``. An id that an earlier document already uses is
renamed ``<document>-<id>`` in every later document that has it, and the links into that
document (which name it in ``#document-<doc>#<id>``, or by ``refid`` inside it) follow.

Two places, one rule:

- the page body: once per build, on the assembled tree, after every ``doctree-resolved``
  handler of lower priority (so also after references made by other extensions at that
  event), every ``reference`` node (Sphinx's roles, MyST links, any extension's). A reference
  to a page the single-page build does not write (the general index, search, domain indices)
  loses its link and keeps its text;
- the navigation the theme renders from the table of contents (``toc`` and the ``toctree()``
  template function), which never passes through a doctree event: its links are rewritten in
  ``html-page-context``.

Usable alone: ``extensions = ["fieldnotes.singlehtml"]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any
from weakref import WeakKeyDictionary

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder

from fieldnotes import __version__
from fieldnotes.sphinx_internals import assembled_document, is_single_page

#: Late, so that links made at ``doctree-resolved`` by other handlers are fixed too.
PRIORITY = 900


#: (document, id) -> the id it has on the single page, where it had to change.
Renamed = Mapping[tuple[str, str], str]

_DOUBLE_FRAGMENT = re.compile(r'href="#([^"#]*)#([^"]*)"')
_DOCUMENT = "document-"

#: The ids renamed in each single-page build, for the navigation written after the body.
_RENAMED: WeakKeyDictionary[Builder, Renamed] = WeakKeyDictionary()


def _anchor(target: str, anchor: str, renamed: Renamed) -> str:
    docname = target.removeprefix(_DOCUMENT)
    return "#" + renamed.get((docname, anchor), anchor)


def fixed_html(html: str, renamed: Renamed | None = None) -> str:
    """Every ``href="#document-x#anchor"`` of rendered HTML as ``href="#anchor"`` (renamed)."""
    return _DOUBLE_FRAGMENT.sub(lambda m: f'href="{_anchor(m[1], m[2], renamed or {})}"', html)


def fixed_uri(uri: str, renamed: Renamed | None = None) -> str:
    """``#document-x#anchor`` -> ``#anchor`` (or its new name in *renamed*); other URIs unchanged."""
    if uri.startswith("#") and uri.count("#") > 1:
        target, anchor = uri[1:].split("#", 1)
        return _anchor(target, anchor.rsplit("#", 1)[-1], renamed or {})
    return uri


def by_document(tree: nodes.Element, root_doc: str) -> Iterator[tuple[nodes.Element, str]]:
    """Every element of the assembled tree, in document order, with the document it comes from."""
    stack: list[tuple[nodes.Element, str]] = [(tree, root_doc)]
    while stack:
        node, docname = stack.pop()
        docname = assembled_document(node) or docname
        yield node, docname
        stack.extend((c, docname) for c in reversed(node.children) if isinstance(c, nodes.Element))


def unique_ids(elements: list[tuple[nodes.Element, str]]) -> dict[tuple[str, str], str]:
    """Rename, in place, each id that an earlier document already uses; return the renames."""
    taken = {id_ for element, _ in elements for id_ in element["ids"]}
    owner: dict[str, str] = {}
    renamed: dict[tuple[str, str], str] = {}
    for element, docname in elements:
        for i, id_ in enumerate(element["ids"]):
            if owner.setdefault(id_, docname) == docname:
                continue
            if (docname, id_) not in renamed:
                new, n = f"{nodes.make_id(docname)}-{id_}", 1
                while new in taken:
                    n += 1
                    new = f"{nodes.make_id(docname)}-{id_}-{n}"
                taken.add(new)
                renamed[docname, id_] = new
            element["ids"][i] = renamed[docname, id_]
    return renamed


def unwritten_page(uri: str, suffix: str) -> bool:
    """True for a relative link to a page of the site (``genindex.html``): not in a single page."""
    if not uri or uri.startswith("#") or "://" in uri or uri.startswith(("mailto:", "/", "data:")):
        return False
    path = uri.split("#", 1)[0]
    return path.endswith(suffix)


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Rewrite the assembled single page's internal references."""
    builder = app.builder
    if not is_single_page(builder):
        return
    suffix = builder.link_suffix  # type: ignore[attr-defined]
    elements = list(by_document(doctree, app.config.root_doc))
    renamed = _RENAMED[builder] = unique_ids(elements)
    for element, doc in elements:
        refid = element.get("refid")
        if refid and (doc, refid) in renamed:
            element["refid"] = renamed[doc, refid]
        if element.get("backrefs"):
            element["backrefs"] = [renamed.get((doc, b), b) for b in element["backrefs"]]
        uri = element.get("refuri")
        if not isinstance(element, nodes.reference) or not uri or not element.get("internal"):
            continue
        if unwritten_page(uri, suffix):
            element.replace_self(nodes.inline("", "", *element.children, classes=element["classes"]))
        elif uri.startswith("#") and "#" not in uri[1:]:
            element["refuri"] = "#" + renamed.get((doc, uri[1:]), uri[1:])
        else:
            element["refuri"] = fixed_uri(uri, renamed)


def _fixed_toctree(toctree: Callable[..., str], renamed: Renamed) -> Callable[..., str]:
    def fixed(*args: Any, **kwargs: Any) -> str:
        return fixed_html(toctree(*args, **kwargs), renamed)

    return fixed


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.Node | None
) -> None:
    """Fix the links of the navigation the theme renders (``toc``, ``toctree()``)."""
    if not is_single_page(app.builder):
        return
    renamed = _RENAMED.get(app.builder, {})
    if isinstance(context.get("toc"), str):
        context["toc"] = fixed_html(context["toc"], renamed)
    if callable(context.get("toctree")):
        context["toctree"] = _fixed_toctree(context["toctree"], renamed)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the fix (it acts only in the ``singlehtml`` builder)."""
    app.connect("doctree-resolved", on_doctree_resolved, priority=PRIORITY)
    app.connect("html-page-context", on_html_page_context, priority=PRIORITY)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
