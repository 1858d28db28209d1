"""Generated index pages: talks by speaker, by event and by tag.

They are domain indices (``talks-speakers``, ``talks-events``, ``talks-tags``): linkable with
``{ref}``, regenerated on every HTML build (so never stale) and printed in the PDF. Entries are
grouped by initial; each speaker, event or tag is a group heading followed by its talks. In
HTML, :mod:`fieldnotes.talks.index_pages` renders them with an anchor per entry.

They have no ``shortname``: the indices are not listed in every page's relation bar (so no
page depends on whether an index page was written in this build: see :mod:`.outputs`).
"""

from __future__ import annotations

from collections.abc import Iterable

from sphinx.domains import Index, IndexEntry

from fieldnotes.i18n import _, ngettext
from fieldnotes.sphinx_internals import INDEX_NOT_WRITTEN
from fieldnotes.talks.outputs import INDICES
from fieldnotes.talks.records import Talk
from fieldnotes.talks.select import index_letter


def _count(n: int) -> str:
    return ngettext("%d talk", "%d talks", n) % n


class _TalkIndex(Index):
    """Talks grouped by the names :meth:`keys` gives for each talk."""

    def keys(self, talk: Talk) -> tuple[str, ...]:
        """The names a talk is listed under."""
        raise NotImplementedError

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        """Letter groups of ``name`` headings, each followed by its talks (by date)."""
        if docnames is None and INDICES in getattr(self.domain, "kept_outputs", ()):
            return INDEX_NOT_WRITTEN  # the page written earlier is still right (see .outputs)
        wanted = set(docnames) if docnames is not None else None
        groups: dict[str, tuple[str, list[Talk]]] = {}
        for talk in self.domain.all_talks():  # type: ignore[attr-defined]
            if wanted is not None and talk.docname not in wanted:
                continue
            for key in self.keys(talk):
                groups.setdefault(key.casefold(), (key, []))[1].append(talk)
        content: dict[str, list[IndexEntry]] = {}
        for _folded, (name, talks) in sorted(groups.items()):
            talks.sort(key=lambda t: (t.date, t.title.casefold(), t.id))
            entries = content.setdefault(index_letter(name), [])
            first = talks[0]
            entries.append(IndexEntry(name, 1, first.docname, first.anchor, _count(len(talks)), "", ""))
            for talk in talks:
                extra = ", ".join(x for x in (talk.event, talk.date) if x)
                entries.append(IndexEntry(talk.title or talk.id, 2, talk.docname, talk.anchor, extra, "", ""))
        return sorted(content.items()), False


class SpeakerIndex(_TalkIndex):
    """Talks by speaker."""

    name = "speakers"
    localname = _("Talks by speaker")
    shortname = ""

    def keys(self, talk: Talk) -> tuple[str, ...]:
        """Each speaker of the talk."""
        return talk.speakers


class EventIndex(_TalkIndex):
    """Talks by event."""

    name = "events"
    localname = _("Talks by event")
    shortname = ""

    def keys(self, talk: Talk) -> tuple[str, ...]:
        """The talk's event."""
        return (talk.event,) if talk.event else ()


class TagIndex(_TalkIndex):
    """Talks by tag."""

    name = "tags"
    localname = _("Talks by tag")
    shortname = ""

    def keys(self, talk: Talk) -> tuple[str, ...]:
        """The talk's tags."""
        return talk.tags
