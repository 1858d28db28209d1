"""Working links in single-page HTML (sphinx-doc/sphinx#14221), for every reference.

Sphinx 9's ``singlehtml`` builder gives every document the URI ``#document-<docname>``, so a
reference to an anchor in another document becomes ``#document-glossary#term-API``: two
fragments, which no browser resolves (the builder's ``fix_refuris`` repair is deprecated and no
longer called). Every id is on the one page, so the anchor alone is the right target.

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
from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from fieldnotes import __version__
from fieldnotes.sphinx_internals import is_single_page

#: Late, so that links made at ``doctree-resolved`` by other handlers are fixed too.
PRIORITY = 900


_DOUBLE_FRAGMENT = re.compile(r'href="#[^"#]*(#[^"]*)"')


def fixed_html(html: str) -> str:
    """Every ``href="#document-x#anchor"`` of rendered HTML as ``href="#anchor"``."""
    return _DOUBLE_FRAGMENT.sub(r'href="\1"', html)


def fixed_uri(uri: str) -> str:
    """``#document-x#anchor`` -> ``#anchor``; any other URI unchanged."""
    if uri.startswith("#") and uri.count("#") > 1:
        return uri[uri.rindex("#") :]
    return uri


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
    for ref in list(doctree.findall(nodes.reference)):
        uri = ref.get("refuri")
        if not uri or not ref.get("internal"):
            continue
        if unwritten_page(uri, suffix):
            ref.replace_self(nodes.inline("", "", *ref.children, classes=ref["classes"]))
        else:
            ref["refuri"] = fixed_uri(uri)


def _fixed_toctree(toctree: Callable[..., str]) -> Callable[..., str]:
    def fixed(*args: Any, **kwargs: Any) -> str:
        return fixed_html(toctree(*args, **kwargs))

    return fixed


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.Node | None
) -> None:
    """Fix the links of the navigation the theme renders (``toc``, ``toctree()``)."""
    if not is_single_page(app.builder):
        return
    if isinstance(context.get("toc"), str):
        context["toc"] = fixed_html(context["toc"])
    if callable(context.get("toctree")):
        context["toctree"] = _fixed_toctree(context["toctree"])


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the fix (it acts only in the ``singlehtml`` builder)."""
    app.connect("doctree-resolved", on_doctree_resolved, priority=PRIORITY)
    app.connect("html-page-context", on_html_page_context, priority=PRIORITY)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
