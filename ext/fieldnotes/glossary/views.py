"""Resolve: from domain records to what a page shows, as plain data (no nodes, no builder).

The renderers build nodes from these views, and :mod:`fieldnotes.freshness` hashes them
(:func:`on_env_get_updated`), so a page is rewritten exactly when what it shows has changed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from sphinx.util import docname_join
from sphinx.util.matching import patfilter

from fieldnotes.freshness import changed_pages

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from fieldnotes.glossary.domain import GlossaryDomain
    from fieldnotes.glossary.records import Definition, ListingRequest, Usage

View = dict[str, Any]

_GLOB = re.compile(r"[*?\[]")


def page_title(env: BuildEnvironment, docname: str) -> str:
    """The title of ``docname`` as plain text (the docname when it has none)."""
    title = env.titles.get(docname)
    return title.astext() if title is not None and title.astext() else docname


class UsageIndex:
    """Usages grouped by term (glossary definitions left out), built once per pass."""

    def __init__(self, env: BuildEnvironment, domain: GlossaryDomain) -> None:
        """Index ``domain``'s usages; page titles come from ``env`` when asked for."""
        self.env = env
        self.by_key: dict[str, list[tuple[str, int, Usage]]] = {}
        for docname in sorted(domain.usages):
            for position, usage in enumerate(domain.usages[docname]):
                if not usage.in_glossary:
                    self.by_key.setdefault(usage.key, []).append((docname, position, usage))
        self._titles: dict[str, str] = {}

    def title(self, docname: str) -> str:
        """The page title of ``docname`` (cached)."""
        if docname not in self._titles:
            self._titles[docname] = page_title(self.env, docname)
        return self._titles[docname]

    def used_on(self, keys: set[str]) -> list[View]:
        """Pages referencing any of ``keys``: ``{"docname", "title", "sections": [{"title", "anchor"}]}``.

        Pages come in docname order, sections in document order; a page's own top section
        is not repeated as a section.
        """
        hits = sorted(
            (hit for key in keys for hit in self.by_key.get(key, ())), key=lambda hit: (hit[0], hit[1])
        )
        pages: list[View] = []
        seen: set[str] = set()
        for docname, _position, usage in hits:
            if not pages or pages[-1]["docname"] != docname:
                pages.append({"docname": docname, "title": self.title(docname), "sections": []})
                seen = set()
            anchor = usage.anchor
            if anchor and anchor not in seen and usage.section != pages[-1]["title"]:
                seen.add(anchor)
                pages[-1]["sections"].append({"title": usage.section, "anchor": anchor})
        return pages


def toctree_descendants(env: BuildEnvironment, docname: str) -> list[str]:
    """Documents included by ``docname``'s toctrees, recursively, in reading order."""
    found: list[str] = []
    seen = {docname}
    stack = list(reversed(env.toctree_includes.get(docname, [])))
    while stack:
        child = stack.pop()
        if child in seen or child not in env.found_docs:
            continue
        seen.add(child)
        found.append(child)
        stack.extend(reversed(env.toctree_includes.get(child, [])))
    return found


def strip_suffix(env: BuildEnvironment, pattern: str) -> str:
    """``pattern`` without a source suffix such as ``.md`` or ``.rst``."""
    for suffix in env.config.source_suffix:
        if pattern.endswith(suffix):
            return pattern[: -len(suffix)]
    return pattern


def match_documents(env: BuildEnvironment, host: str, pattern: str) -> list[str]:
    """Docnames matched by ``pattern`` (a docname or glob, relative to ``host`` unless ``/``-rooted)."""
    name = docname_join(host, strip_suffix(env, pattern))
    if _GLOB.search(name):
        return sorted(patfilter(env.found_docs, name))
    return [name] if name in env.found_docs else []


def listing_documents(env: BuildEnvironment, host: str, request: ListingRequest) -> list[str]:
    """The documents a ``glossary-used`` request covers (the host alone by default)."""
    docs: list[str] = []
    if request.toctree or not request.patterns:
        docs += [host]
    if request.toctree:
        docs += toctree_descendants(env, host)
    for pattern in request.patterns:
        docs += match_documents(env, host, pattern)
    return list(dict.fromkeys(docs))


SHOWN = ("term", "key", "ids", "definition", "segments")


def shown(docname: str, record: Definition) -> View:
    """The parts of a definition that pages display (not where its source line is)."""
    return {"docname": docname, **{key: getattr(record, key) for key in SHOWN}}


def listing_entries(domain: GlossaryDomain, docs: list[str]) -> list[View]:
    """Definitions referenced within ``docs``, sorted by term (see :func:`shown`)."""
    index = domain.by_key
    keys = {usage.key for doc in docs for usage in domain.usages.get(doc, ())}
    entries = [shown(*index[key]) for key in keys if key in index]
    return sorted(entries, key=lambda entry: (entry["key"], entry["term"]))


def page_view(env: BuildEnvironment, domain: GlossaryDomain, docname: str, usages: UsageIndex) -> View:
    """Everything collected elsewhere that ``docname`` shows (empty when nothing)."""
    view: View = {}
    index = domain.by_key
    backlinks = {record.key: usages.used_on(set(record.synonyms)) for record in domain.terms.get(docname, ())}
    if backlinks:
        view["backlinks"] = backlinks
    referenced = sorted({usage.key for usage in domain.usages.get(docname, ())})
    if referenced:
        view["definitions"] = {key: shown(*index[key]) if key in index else None for key in referenced}
    listings = [
        listing_entries(domain, listing_documents(env, docname, request))
        for request in domain.listings.get(docname, ())
    ]
    if listings:
        view["listings"] = listings
    return view


def on_env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Documents whose glossary view changed since this output last wrote them."""
    domain: GlossaryDomain = env.domains["fieldnotes-glossary"]  # type: ignore[assignment]
    usages = UsageIndex(env, domain)
    candidates = (set(domain.terms) | set(domain.usages) | set(domain.listings)) & env.found_docs
    views = {docname: page_view(env, domain, docname, usages) for docname in candidates}
    return changed_pages(domain.data["fingerprints"], app.builder, views, env.found_docs)
