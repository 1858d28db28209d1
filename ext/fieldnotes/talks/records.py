"""The talks component's records: typed, frozen, picklable values stored in the domain.

A change to any field (name, type, order) changes what a saved environment holds: bump
:attr:`fieldnotes.talks.domain.TalksDomain.data_version` with it (``tests/test_record_shapes.py``
fails until you do).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """A problem found in the input: the warning subtype and a message."""

    subtype: str
    message: str


@dataclass(frozen=True)
class Talk:
    """One talk card, as parsed from a ``talk`` directive."""

    id: str
    """Unique site-wide slug (from ``:id:``, else from the event and title)."""
    anchor: str
    """The card's id on its page (unique within the page)."""
    title: str
    speakers: tuple[str, ...]
    speakers_unknown: bool
    """``:speakers-unknown:``: the speakers were not recorded."""
    event: str
    date: str
    """ISO ``YYYY-MM-DD``, or ``""`` when missing or invalid (used for sorting and shown)."""
    date_text: str
    """The date as the author wrote it (a valid ISO date-time is kept whole for ``talks.json``)."""
    videos: tuple[str, ...]
    slides: tuple[str, ...]
    pages: tuple[str, ...]
    tags: tuple[str, ...]
    abstract: str = ""
    """The card's content as plain text, paragraphs separated by a blank line (listings show a preview)."""
    docname: str = ""
    lineno: int = 0


@dataclass(frozen=True)
class ListingSpec:
    """The filters, order and layout of one ``talk-list``."""

    event: str = ""
    speaker: str = ""
    tag: str = ""
    year: str = ""
    sort: str = "date"
    """One of ``date``, ``-date``, ``title``."""
    layout: str = "list"
    """One of ``cards``, ``table``, ``list``."""
    limit: int = 0
    matches_nothing: bool = False
    """A filter was given with an empty value (MyST empties ``:tag: #x``): the listing shows nothing."""
