"""Parse and validate ``talk`` and ``talk-list`` options into records (no docutils, no Sphinx).

Functions take strings and return a record plus a list of :class:`~.records.Problem` (a
warning subtype and a message) for the caller to report.

Lists of names (``:speakers:``, ``:tags:``) are separated by commas, or by semicolons when the
value holds one: ``Richard Copeland, Jr.; Ann Example`` is two speakers, and a trailing
semicolon keeps a single name with a comma whole (``Richard Copeland, Jr.;``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from urllib.parse import urlsplit

from fieldnotes.talks.ids import is_slug, slugify
from fieldnotes.talks.records import ListingSpec, Problem, Talk

#: The options of the ``talk`` directive, in the order the card shows them.
TALK_OPTIONS = ("id", "speakers", "speakers-unknown", "event", "date", "video", "slides", "page", "tags")
#: The options of the ``talk-list`` directive.
LIST_OPTIONS = ("event", "speaker", "tag", "year", "sort", "layout", "limit")
SORTS = ("date", "-date", "title")
LAYOUTS = ("cards", "table", "list")
DEFAULT_SORT = "date"
DEFAULT_LAYOUT = "list"

#: Options whose value MyST may have emptied (a value starting with ``#`` is a YAML comment there).
_VALUED = ("id", "speakers", "event", "date", "video", "slides", "page", "tags")
_FILTERS = ("event", "speaker", "tag", "year")
_EMPTY_HINT = 'is empty (in MyST, a value that starts with # or a quote must be quoted: "#value")'
#: ``YYYY-MM-DD``, optionally followed by a time: ``THH:MM[:SS[.ffffff]]`` and ``Z`` or ``±HH:MM``.
_DATE_RE = re.compile(
    r"^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?)?$"
)


def split_list(value: str | None, sep: str | None = ",") -> tuple[str, ...]:
    """Split on *sep* (``None``: whitespace), strip, drop empties and case-insensitive repeats.

    With ``sep=","``, a value holding a semicolon is split on semicolons only (see above).
    """
    if sep == "," and value and ";" in value:
        sep = ";"
    seen: set[str] = set()
    items = []
    for raw in (value or "").split(sep):
        item = " ".join(raw.split())
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            items.append(item)
    return tuple(items)


def is_web_url(url: str) -> bool:
    """True for an absolute http(s) URL with a host and no spaces or control characters."""
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def parse_date(value: str) -> str:
    """The day ``YYYY-MM-DD`` of a valid ISO date or date-time *value*, else ``""``.

    ``2019-07-12`` and ``2019-07-12T10:30:00+02:00`` both give ``2019-07-12``.
    """
    match = _DATE_RE.match(value)
    if not match:
        return ""
    try:
        date.fromisoformat(match.group(1))
        if value != match.group(1):
            datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return ""
    return match.group(1)


def empty_values(kind: str, options: Mapping[str, str | None], names: tuple[str, ...]) -> list[Problem]:
    """A problem for each of *names* given with an empty value (what MyST leaves of ``:tags: #x``)."""
    return [
        Problem(f"{kind}.empty-value", f":{name}: {_EMPTY_HINT}")
        for name in names
        if name in options and not (options[name] or "").strip()
    ]


def _urls(name: str, value: str | None) -> tuple[tuple[str, ...], list[Problem]]:
    urls, problems = [], []
    for url in split_list(value, None):
        if is_web_url(url):
            urls.append(url)
        else:
            problems.append(
                Problem("talk.bad-url", f":{name}: {url!r} is not an http(s) URL; it is not shown as a link")
            )
    return tuple(urls), problems


def _required(title: str, speakers: tuple[str, ...], unknown: bool, event: str) -> list[Problem]:
    problems = []
    if not title:
        problems.append(Problem("talk.missing-option", "no title (the directive's argument)"))
    if not speakers and not unknown:
        problems.append(
            Problem("talk.missing-option", "no :speakers: (use :speakers-unknown: if they were not recorded)")
        )
    if speakers and unknown:
        problems.append(
            Problem("talk.conflicting-options", ":speakers-unknown: is ignored: the talk has :speakers:")
        )
    if not event:
        problems.append(Problem("talk.missing-option", "no :event:"))
    return problems


def parse_talk(title: str, options: Mapping[str, str | None]) -> tuple[Talk, list[Problem]]:
    """Build a talk record from the directive's argument and options (values as strings)."""
    title = " ".join(title.split())
    speakers = split_list(options.get("speakers"))
    unknown = "speakers-unknown" in options
    event = " ".join((options.get("event") or "").split())
    problems = empty_values("talk", options, _VALUED) + _required(title, speakers, unknown, event)

    raw_id = (options.get("id") or "").strip()
    # The title's slug apart: a title of emoji alone gets its own hash, not the event's id.
    talk_id = slugify(raw_id) if raw_id else "-".join(filter(None, (slugify(event), slugify(title))))
    if raw_id and not is_slug(raw_id):
        message = f":id: {raw_id!r} is not a slug (lower-case letters, digits, hyphens); using {talk_id!r}"
        problems.append(Problem("talk.bad-id", message))

    date_text = " ".join((options.get("date") or "").split())
    iso_date = parse_date(date_text)
    if date_text and not iso_date:
        message = f":date: {date_text!r} is not a date YYYY-MM-DD (nor an ISO date-time YYYY-MM-DDTHH:MM:SS)"
        problems.append(Problem("talk.bad-date", message))

    links: dict[str, tuple[str, ...]] = {}
    for name in ("video", "slides", "page"):
        links[name], bad = _urls(name, options.get(name))
        problems += bad

    talk = Talk(
        id=talk_id,
        anchor=f"talk-{talk_id}" if talk_id else "talk",
        title=title,
        speakers=speakers,
        speakers_unknown=unknown and not speakers,
        event=event,
        date=iso_date,
        date_text=date_text,
        videos=links["video"],
        slides=links["slides"],
        pages=links["page"],
        tags=split_list(options.get("tags")),
    )
    return talk, problems


def _choice(
    options: Mapping[str, str | None], name: str, allowed: tuple[str, ...], default: str
) -> tuple[str, list[Problem]]:
    value = (options.get(name) or "").strip()
    if value in allowed:
        return value, []
    if value or name in options:
        message = f":{name}: {value!r} is not one of {', '.join(allowed)}; using {default!r}"
        return default, [Problem("talk-list.bad-option", message)]
    return default, []


def parse_list_options(options: Mapping[str, str | None]) -> tuple[ListingSpec, list[Problem]]:
    """Validate ``talk-list`` options into a :class:`~.records.ListingSpec`; bad values use defaults."""
    emptied = empty_values("talk-list", options, _FILTERS)
    problems = list(emptied)
    year = (options.get("year") or "").strip()
    if year and not re.fullmatch(r"\d{4}", year):
        problems.append(Problem("talk-list.bad-option", f":year: {year!r} is not a four-digit year"))
        year = ""
    sort, bad = _choice(options, "sort", SORTS, DEFAULT_SORT)
    problems += bad
    layout, bad = _choice(options, "layout", LAYOUTS, DEFAULT_LAYOUT)
    problems += bad
    limit_text, limit = (options.get("limit") or "").strip(), 0
    if limit_text or "limit" in options:
        if limit_text.isdigit() and int(limit_text) > 0:
            limit = int(limit_text)
        else:
            problems.append(
                Problem("talk-list.bad-option", f":limit: {limit_text!r} is not a positive integer")
            )
    spec = ListingSpec(
        event=" ".join((options.get("event") or "").split()),
        speaker=" ".join((options.get("speaker") or "").split()),
        tag=" ".join((options.get("tag") or "").split()),
        year=year,
        sort=sort,
        layout=layout,
        limit=limit,
        matches_nothing=bool(emptied),
    )
    return spec, problems
