"""Choose and order talks: listing filters and sorts, index letters, link labels (pure functions)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from fieldnotes.talks.records import ListingSpec, Talk

_HOSTS = {
    "pyvideo.org": "pyvideo.org",
    "youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "vimeo.com": "Vimeo",
    "speakerdeck.com": "Speaker Deck",
    "slideshare.net": "SlideShare",
    "archive.org": "Internet Archive",
    "github.com": "GitHub",
}


def matches(talk: Talk, spec: ListingSpec) -> bool:
    """True if *talk* passes every filter of *spec* (case-insensitive; filters are AND-ed)."""
    if spec.matches_nothing:
        return False
    if spec.event and talk.event.casefold() != spec.event.casefold():
        return False
    if spec.speaker and spec.speaker.casefold() not in {s.casefold() for s in talk.speakers}:
        return False
    if spec.tag and spec.tag.casefold() not in {t.casefold() for t in talk.tags}:
        return False
    return not (spec.year and talk.date[:4] != spec.year)


def sort_key(spec: ListingSpec) -> tuple[Callable[[Talk], Any], bool]:
    """The key function and ``reverse`` flag for a listing's ``:sort:``."""
    if spec.sort == "title":
        return (lambda t: (t.title.casefold(), t.date, t.id)), False
    # Talks without a date come last, whichever way the dates run.
    if spec.sort == "-date":
        return (lambda t: (t.date != "", t.date, t.title.casefold(), t.id)), True
    return (lambda t: (t.date == "", t.date, t.title.casefold(), t.id)), False


def select(talks: Iterable[Talk], spec: ListingSpec) -> list[Talk]:
    """The talks a listing shows: filtered, sorted and limited."""
    key, reverse = sort_key(spec)
    chosen = sorted((t for t in talks if matches(t, spec)), key=key, reverse=reverse)
    return chosen[: spec.limit] if spec.limit else chosen


def index_letter(name: str) -> str:
    """The letter group of an index entry: an upper-case letter or digit, else ``"#"``."""
    first = unicodedata.normalize("NFKD", name[:1]).encode("ascii", "ignore").decode("ascii").upper()
    return first if first.isalnum() else "#"


def host_label(url: str) -> str:
    """A short, readable name for the host of *url* (``"YouTube"``, ``"pyvideo.org"``)."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.").removeprefix("m.")
    for known, label in _HOSTS.items():
        if host == known or host.endswith("." + known):
            return label
    return host


def link_labels(kind: str, urls: tuple[str, ...]) -> list[str]:
    """Labels for the links of one kind: ``"Video"``; or, with several, by host, then numbered."""
    if len(urls) == 1:
        return [kind]
    labels = [f"{kind} ({host_label(url)})" for url in urls]
    counts: dict[str, int] = {}
    result = []
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
        if labels.count(label) > 1:
            label = f"{label} {counts[label]}" if counts[label] > 1 else label
        result.append(label)
    return result
