"""The ``talks`` domain: every talk and listing of the site as records, and where links go.

``self.data`` (all keyed by docname, so ``clear_doc`` and ``merge_domaindata`` are exact):

- ``talks``: ``{docname: [Talk, ...]}`` (:class:`~fieldnotes.talks.records.Talk`);
- ``listings``: ``{docname: [ListingSpec, ...]}``, in the order of the page's listings;
- ``refs``: ``{docname: [(kind, target), ...]}``: what the page's roles point at;
- ``fingerprints``: see :mod:`fieldnotes.freshness`.
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from docutils import nodes
from docutils.nodes import Element
from sphinx import addnodes
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from fieldnotes.freshness import forget
from fieldnotes.i18n import _
from fieldnotes.talks.ids import unique_anchors
from fieldnotes.talks.indices import EventIndex, SpeakerIndex, TagIndex
from fieldnotes.talks.linking import TalkLinks
from fieldnotes.talks.records import ListingSpec, Talk
from fieldnotes.talks.roles import TalksRole

logger = logging.getLogger(__name__)

_COLLECTED = ("talks", "listings", "refs")


@dataclass(frozen=True)
class Target:
    """Where a link goes: document, anchor, the link's title and extra classes."""

    docname: str
    anchor: str
    title: str | None = None
    classes: tuple[str, ...] = ()


@dataclass
class _Lookups:
    talks: list[Talk]
    by_id: dict[str, Talk]
    duplicates: dict[str, list[Talk]]
    speakers: dict[str, str]
    anchors: dict[str, dict[str, str]]
    """Per kind (speaker, event, tag): case-folded name -> its entry's unique anchor."""


class TalksDomain(Domain):
    """Talks, their speakers, events and tags."""

    name = "talks"
    label = "Talks"
    object_types = {"talk": ObjType(_("talk"), "talk")}
    roles = {"talk": TalksRole("talk"), "speaker": TalksRole("speaker")}
    indices = [SpeakerIndex, EventIndex, TagIndex]
    initial_data: dict[str, Any] = {"talks": {}, "listings": {}, "refs": {}, "fingerprints": {}}
    data_version = 3

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        #: Site-wide outputs written earlier that this build keeps (see :mod:`.outputs`);
        #: decided at ``write-started``, in memory only.
        self.kept_outputs: set[str] = set()
        #: The keys of this build's site-wide outputs, computed once at ``write-started``.
        self.output_keys: dict[str, str] = {}

    # -- collecting (reading processes) ------------------------------------------------------

    def add_talk(self, talk: Talk) -> None:
        """Store a talk of ``talk.docname``."""
        self.data["talks"].setdefault(talk.docname, []).append(talk)
        self.__dict__.pop("lookups", None)

    def add_listing(self, docname: str, spec: ListingSpec) -> int:
        """Store a listing of *docname*; return its index (what its placeholder node keeps)."""
        listings = self.data["listings"].setdefault(docname, [])
        listings.append(spec)
        return len(listings) - 1

    def add_ref(self, docname: str, kind: str, target: str) -> None:
        """Remember that *docname* links to a talk id or a speaker (its link text depends on it)."""
        refs = self.data["refs"].setdefault(docname, [])
        if (kind, target) not in refs:
            refs.append((kind, target))

    def anchor_taken(self, docname: str, anchor: str) -> bool:
        """True if *docname* already has a talk with this anchor."""
        return any(t.anchor == anchor for t in self.data["talks"].get(docname, ()))

    # -- housekeeping (main process) ---------------------------------------------------------

    def clear_doc(self, docname: str) -> None:
        """Forget everything *docname* contributed."""
        for key in _COLLECTED:
            self.data[key].pop(docname, None)
        forget(self.data["fingerprints"], docname)
        self.__dict__.pop("lookups", None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """Copy what the documents *docnames* contributed in a worker (and nothing else)."""
        for key in _COLLECTED:
            for docname in docnames:
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]
        self.__dict__.pop("lookups", None)

    def check_consistency(self) -> None:
        """Report every duplicate talk id once (after the first definition, in docname order)."""
        for talk_id, talks in self.lookups.duplicates.items():
            first = talks[0]
            for talk in talks[1:]:
                logger.warning(
                    "duplicate talk id %r (first defined in %s, line %s); links go to the first",
                    talk_id,
                    self.env.doc2path(first.docname, False),
                    first.lineno,
                    location=(talk.docname, talk.lineno),
                    type="fieldnotes",
                    subtype="talk.duplicate-id",
                )

    # -- lookups -----------------------------------------------------------------------------

    @cached_property
    def lookups(self) -> _Lookups:
        """Every talk in docname and source order, by id, duplicates, speakers (cached)."""
        talks = [t for docname in sorted(self.data["talks"]) for t in self.data["talks"][docname]]
        by_id: dict[str, Talk] = {}
        groups: dict[str, list[Talk]] = {}
        speakers: dict[str, str] = {}
        for talk in talks:
            by_id.setdefault(talk.id, talk)
            groups.setdefault(talk.id, []).append(talk)
            for name in talk.speakers:
                speakers.setdefault(name.casefold(), name)
        duplicates = {k: v for k, v in groups.items() if len(v) > 1}
        anchors = {
            "speaker": unique_anchors(speakers.values()),
            "event": unique_anchors(t.event for t in talks if t.event),
            "tag": unique_anchors(tag for t in talks for tag in t.tags),
        }
        return _Lookups(talks, by_id, duplicates, speakers, anchors)

    def all_talks(self) -> list[Talk]:
        """Every talk, in docname and then source order (duplicates included)."""
        return self.lookups.talks

    def talk(self, talk_id: str) -> Talk | None:
        """The talk with this id (the first one if the id is duplicated)."""
        return self.lookups.by_id.get(talk_id)

    def talk_at(self, docname: str, anchor: str) -> Talk | None:
        """The talk whose card in *docname* has this anchor."""
        return next((t for t in self.data["talks"].get(docname, ()) if t.anchor == anchor), None)

    def speaker(self, name: str) -> str | None:
        """The speaker's name as first written, or ``None`` if no talk has this speaker."""
        return self.lookups.speakers.get(" ".join(name.split()).casefold())

    def entry_anchor(self, kind: str, name: str) -> str:
        """The anchor of *name*'s entry in the index of *kind* (unique on that page)."""
        folded = " ".join(name.split()).casefold()
        return self.lookups.anchors[kind].get(folded) or unique_anchors([folded])[folded]

    def glossary_term(self, tag: str) -> Target | None:
        """The glossary term named like *tag*, when ``fieldnotes.glossary`` is loaded."""
        glossary = self.env.domains.get("fieldnotes-glossary")
        found = glossary.lookup(tag) if glossary is not None else None  # type: ignore[attr-defined]
        if found is None:
            return None
        return Target(found.docname, found.anchor, found.tooltip, ("fieldnotes-term",))

    # -- resolving ---------------------------------------------------------------------------

    def target(self, kind: str, target: str, talk: Talk | None = None) -> Target | None:
        """Where a link of *kind* goes, or ``None`` if it goes nowhere.

        Talks go to their card (*talk*, or the first talk with the id *target*); speakers,
        events and tags to their entry in the index (a tag naming a glossary term to the term).
        """
        if kind == "talk":
            talk = talk or self.talk(target)
            return Target(talk.docname, talk.anchor, talk.title or None) if talk else None
        if kind == "speaker" and self.speaker(target) is None:
            return None
        if kind == "tag" and (term := self.glossary_term(target)) is not None:
            return term
        index = {"speaker": "speakers", "event": "events", "tag": "tags"}.get(kind)
        return Target(f"talks-{index}", self.entry_anchor(kind, target)) if index else None

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: addnodes.pending_xref,
        contnode: Element,
    ) -> Element | None:
        """Resolve the ``talk`` and ``speaker`` roles."""
        if typ not in ("talk", "speaker"):
            return None
        if self.target(typ, target) is None:
            subtype, message = {
                "talk": ("talk.unknown-id", "unknown talk id %r"),
                "speaker": ("talk.unknown-speaker", "unknown speaker %r: no talk lists this speaker"),
            }[typ]
            logger.warning(message, target, location=node, type="fieldnotes", subtype=subtype)
            return nodes.inline("", "", contnode, classes=["fieldnotes-unresolved"])
        if typ == "talk" and not node.get("refexplicit"):
            talk = self.talk(target)
            contnode = contnode.deepcopy()
            contnode.children = []
            contnode += nodes.Text(talk.title if talk and talk.title else target)
        return TalkLinks(self, builder, fromdocname)(typ, target, contnode)  # type: ignore[return-value]

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: addnodes.pending_xref,
        contnode: Element,
    ) -> list[tuple[str, Element]]:
        """``{any}`` finds talk ids and speakers."""
        links = TalkLinks(self, builder, fromdocname)
        return [
            (f"talks:{kind}", links(kind, target, contnode))  # type: ignore[misc]
            for kind in ("talk", "speaker")
            if self.target(kind, target) is not None
        ]

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """Every talk (first of each id), for the inventory and search."""
        for talk_id, talk in sorted(self.lookups.by_id.items()):
            yield talk_id, talk.title or talk_id, "talk", talk.docname, talk.anchor, 1
