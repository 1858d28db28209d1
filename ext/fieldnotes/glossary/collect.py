"""Collect (``doctree-read``, in the reading process): definitions and term usages.

Only records (:mod:`.records`) go into the domain; the doctree is not changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from fieldnotes.glossary.location import nearest_section
from fieldnotes.glossary.plaintext import first_paragraph, first_paragraph_segments
from fieldnotes.glossary.records import Definition, Usage
from fieldnotes.glossary.uses import ATTRIBUTE, term_uses

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sphinx.application import Sphinx

    from fieldnotes.glossary.domain import GlossaryDomain

# (refdomain, reftype) of the cross-references that use a glossary term.
TERM_XREFS = frozenset({("std", "term")})


def glossary_entries(doctree: nodes.Node) -> Iterator[tuple[list[nodes.term], nodes.definition | None]]:
    """Each entry of every ``glossary`` directive: its term nodes and its definition node."""
    for glossary in doctree.findall(addnodes.glossary):
        for dlist in glossary.children:
            if not isinstance(dlist, nodes.definition_list):
                continue
            for item in dlist.children:
                terms = [child for child in item.children if isinstance(child, nodes.term)]
                definition = next((c for c in item.children if isinstance(c, nodes.definition)), None)
                yield terms, definition


def line_offset(terms: list[nodes.term], lines: list[str]) -> int:
    """How far the lines Sphinx reports for one glossary's terms are from the real ones.

    Sphinx's glossary takes lines from its content's items: reST numbers them from the
    start of the file (offset 0), MyST from the start of the directive body. The offset is
    the smallest one at which every term's own text sits on its line.
    """
    probes = [(term.line or 0, term.rawsource.strip()) for term in terms if term.rawsource.strip()]
    for offset in range(len(lines)):
        if all(
            0 < line + offset <= len(lines) and lines[line + offset - 1].strip() == raw
            for line, raw in probes
        ):
            return offset
    return 0


def _source_lines(source: str, cache: dict[str, list[str]]) -> list[str]:
    if source not in cache:
        try:
            cache[source] = Path(source).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            cache[source] = []
    return cache[source]


def _relative(path: Path, srcdir: Path) -> str:
    try:
        return path.resolve().relative_to(srcdir.resolve()).as_posix()
    except ValueError:
        return str(path)


def collect_definitions(doctree: nodes.document, srcdir: Path, docpath: Path) -> list[Definition]:
    """One record per glossary term of the document, with the term's real source line.

    ``source`` is empty when the term is in the document's own file, else the path of the
    included file relative to ``srcdir`` (the environment stays relocatable).
    """
    entries = list(glossary_entries(doctree))
    cache: dict[str, list[str]] = {}
    offsets: dict[str, int] = {}
    for source in {term.source or "" for terms, _ in entries for term in terms} - {""}:
        terms = [term for entry_terms, _ in entries for term in entry_terms if term.source == source]
        offsets[source] = line_offset(terms, _source_lines(source, cache))
    records: list[Definition] = []
    for terms, definition in entries:
        segments = tuple(first_paragraph_segments(definition)) if definition is not None else ()
        text = first_paragraph(definition) if definition is not None else ""
        synonyms = tuple(term.astext().strip().lower() for term in terms)
        for term in terms:
            name = term.astext().strip()
            source = term.source or ""
            relative = "" if not source or Path(source) == docpath else _relative(Path(source), srcdir)
            line = (term.line or 0) + offsets.get(source, 0)
            ids = tuple(term["ids"])
            records.append(Definition(name, name.lower(), ids, relative, line, text, segments, synonyms))
    return records


def _entry_keys(node: nodes.Node) -> set[str] | None:
    """Terms of the glossary entry around ``node``; ``None`` outside any glossary."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.definition_list_item) and isinstance(
            parent.parent.parent, addnodes.glossary
        ):
            return {c.astext().strip().lower() for c in parent.children if isinstance(c, nodes.term)}
        parent = parent.parent
    return None


def _uses(doctree: nodes.document) -> Iterator[tuple[nodes.Element, str]]:
    """Each term reference and each name marked by :func:`.uses.mark_term_uses`, in document order."""
    for node in doctree.findall(nodes.Element):
        if isinstance(node, addnodes.pending_xref):
            if (node.get("refdomain"), node.get("reftype")) in TERM_XREFS:
                yield node, node["reftarget"]
        elif ATTRIBUTE in node.attributes:
            for name in term_uses(node):
                yield node, name


def collect_usages(doctree: nodes.document) -> list[Usage]:
    """One record per distinct (term, section) used in the document, in document order.

    A term referenced in its own definition is skipped; references from other glossary
    definitions are marked ``in_glossary`` (they count as use, but "Used on" omits them).
    Names marked as term uses count whether or not they name a term (lookups ignore the others).
    """
    records: list[Usage] = []
    seen: set[tuple[str, str, bool]] = set()
    for node, target in _uses(doctree):
        key = " ".join(target.split()).lower()
        entry = _entry_keys(node)
        if entry is not None and key in entry:
            continue
        title, anchor = nearest_section(node)
        if (key, anchor, entry is not None) not in seen:
            seen.add((key, anchor, entry is not None))
            records.append(Usage(key, title, anchor, entry is not None))
    return records


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """Store what this document defines and references."""
    domain: GlossaryDomain = app.env.domains["fieldnotes-glossary"]  # type: ignore[assignment]
    docname = app.env.current_document.docname
    terms = collect_definitions(doctree, Path(app.srcdir), Path(app.env.doc2path(docname)))
    domain.set_collected(docname, terms, collect_usages(doctree))
