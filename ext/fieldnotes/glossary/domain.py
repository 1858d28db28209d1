"""The glossary's collected data: records keyed by the docname that owns them.

``terms``        docname -> [:class:`~.records.Definition`, ...]
``usages``       docname -> [:class:`~.records.Usage`, ...]
``listings``     docname -> [:class:`~.records.ListingRequest`, ...] (in page order)
``indexes``      docname -> line of the page's (first) ``glossary-index`` directive
``fingerprints`` see :mod:`fieldnotes.freshness`
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from functools import cached_property
from typing import Any

from sphinx.domains import Domain

from fieldnotes.freshness import forget
from fieldnotes.glossary.plaintext import shorten
from fieldnotes.glossary.records import Definition, ListingRequest, TermTarget, Usage

_COLLECTED = ("terms", "usages", "listings", "indexes")


class GlossaryDomain(Domain):
    """Holds glossary definitions, term usages and listing requests per document."""

    name = "fieldnotes-glossary"
    label = "Glossary"
    data_version = 4
    initial_data: dict[str, dict[str, Any]] = {key: {} for key in (*_COLLECTED, "fingerprints")}

    def _changed(self) -> None:
        self.__dict__.pop("by_key", None)

    # -- collecting ------------------------------------------------------------

    def set_collected(self, docname: str, terms: list[Definition], usages: list[Usage]) -> None:
        """Store what ``docname`` defines and references."""
        for key, records in (("terms", terms), ("usages", usages)):
            if records:
                self.data[key][docname] = records
        self._changed()

    def add_listing(self, docname: str, request: ListingRequest) -> int:
        """Store a ``glossary-used`` request of ``docname``; return its index."""
        listings = self.data["listings"].setdefault(docname, [])
        listings.append(request)
        return len(listings) - 1

    def add_index(self, docname: str, line: int) -> None:
        """Note that ``docname`` has a ``glossary-index`` (the first one's line is kept)."""
        self.data["indexes"].setdefault(docname, line)

    def clear_doc(self, docname: str) -> None:
        """Forget every record owned by ``docname``."""
        for key in _COLLECTED:
            self.data[key].pop(docname, None)
        forget(self.data["fingerprints"], docname)
        self._changed()

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """Copy the records of ``docnames`` (only those) from a worker's data."""
        for key in _COLLECTED:
            for docname in docnames:
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]
        self._changed()

    # -- accessors -------------------------------------------------------------

    @property
    def terms(self) -> dict[str, list[Definition]]:
        """Definitions per defining document."""
        return self.data["terms"]

    @property
    def usages(self) -> dict[str, list[Usage]]:
        """Term references per referencing document."""
        return self.data["usages"]

    @property
    def listings(self) -> dict[str, list[ListingRequest]]:
        """``glossary-used`` requests per hosting document."""
        return self.data["listings"]

    @property
    def indexes(self) -> dict[str, int]:
        """Pages with a ``glossary-index``: the directive's line."""
        return self.data["indexes"]

    def definitions(self) -> Iterator[tuple[str, Definition]]:
        """Every ``(docname, definition)``, in a stable order."""
        for docname in sorted(self.terms):
            for record in self.terms[docname]:
                yield docname, record

    @cached_property
    def by_key(self) -> dict[str, tuple[str, Definition]]:
        """Lower-cased term -> ``(docname, definition)``; the first definition wins (cached)."""
        index: dict[str, tuple[str, Definition]] = {}
        for docname, record in self.definitions():
            index.setdefault(record.key, (docname, record))
        return index

    def lookup(self, term: str) -> TermTarget | None:
        """Where ``term`` (any case) is defined, with its tooltip text; ``None`` if undefined."""
        found = self.by_key.get(" ".join(term.split()).lower())
        if found is None or not found[1].ids:
            return None
        docname, record = found
        limit = self.env.config.fieldnotes_glossary_tooltip_length
        return TermTarget(docname, record.ids[0], shorten(record.definition, limit) if limit else "")

    def term_at(self, docname: str, node_id: str) -> Definition | None:
        """The definition whose term node in ``docname`` has the id ``node_id``."""
        return next((r for r in self.terms.get(docname, ()) if node_id in r.ids), None)

    def used_keys(self) -> set[str]:
        """Every term key referenced anywhere."""
        return {usage.key for records in self.usages.values() for usage in records}

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list:
        """Resolve nothing: the domain has no roles, so ``any`` never resolves here."""
        return []
