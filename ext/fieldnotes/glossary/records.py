"""The glossary component's records: typed, frozen, picklable values stored in the domain.

A change to any field (name, type, order) changes what a saved environment holds: bump
:attr:`fieldnotes.glossary.domain.GlossaryDomain.data_version` with it
(``tests/test_record_shapes.py`` fails until you do).
"""

from __future__ import annotations

from dataclasses import dataclass

Segment = tuple[str, str]
"""A run of a definition's text: ``(kind, text)``, kind one of text, literal, emphasis, strong."""


@dataclass(frozen=True)
class Definition:
    """One term of a glossary entry (an entry with synonyms gives one record per term)."""

    term: str
    key: str
    """The term lower-cased, as Sphinx's standard domain matches ``term`` references."""
    ids: tuple[str, ...]
    """The ids of the term's node (the first is the link target)."""
    source: str
    """``""`` when defined in the document's own file, else the included file (relative)."""
    line: int
    definition: str
    """The definition's first paragraph as one line of text."""
    segments: tuple[Segment, ...]
    """The same paragraph as runs that keep code and emphasis (printed listings)."""
    synonyms: tuple[str, ...]
    """The keys of every term of the entry."""


@dataclass(frozen=True)
class Usage:
    """A document references a term (once per term and section)."""

    key: str
    section: str
    """Title of the innermost section holding the reference ("" for none)."""
    anchor: str
    """That section's id ("" for none)."""
    in_glossary: bool
    """The reference is inside another glossary definition (counts as use, not listed)."""


@dataclass(frozen=True)
class ListingRequest:
    """What one ``glossary-used`` directive lists."""

    patterns: tuple[str, ...]
    toctree: bool
    line: int


@dataclass(frozen=True)
class TermTarget:
    """Where a term is defined, and its definition shortened for a tooltip."""

    docname: str
    anchor: str
    tooltip: str
