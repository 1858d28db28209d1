"""Import pyvideo.org records: one MyST talk page per video JSON file.

Usage: ``python -m fieldnotes.talks.import_pyvideo SOURCE_DIR OUTPUT_DIR``

SOURCE_DIR is laid out as the ``pyvideo/data`` repository (``<event>/category.json`` and
``<event>/videos/<slug>.json``), or holds video files anywhere below it. Each video file gives
``OUTPUT_DIR/<event slug>/<slug>.md``: a heading and a ``talk`` card whose text is the
record's description (kept as plain text: markup in it shows as written). Each event folder
also gets an ``index.md`` with a listing of its talks and a hidden table of contents.

The event is the ``title`` of the ``category.json`` next to the ``videos`` folder (else the
record's old ``category`` field, else the folder's name). The talk id is the event's slug and
the record's slug (else the file name), so ids stay unique across events. A record with
problems gets one message per problem on standard error, naming the file and the field; what
can be kept is written. A file without a title, or that is not a JSON object, is not written.
The exit status is 1 when some file was not written, else 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from fieldnotes.talks.ids import slugify
from fieldnotes.talks.myst_source import inline, option_value, paragraphs, talk_fence
from fieldnotes.talks.parse import is_web_url, parse_date

Options = list[tuple[str, str | None]]


class Skip(Exception):
    """The record cannot become a page."""


def _names(record: dict[str, Any], field: str, problems: list[str]) -> list[str]:
    value = record.get(field)
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(f"field {field!r}: not a list; left out")
        return []
    names = [" ".join(v.split()) for v in value if isinstance(v, str) and v.strip()]
    if len(names) != len(value):
        problems.append(f"field {field!r}: {len(value) - len(names)} entries are not names; left out")
    if any(";" in name for name in names):
        problems.append(f"field {field!r}: ';' separates names on a card; written as ','")
        names = [name.replace(";", ",") for name in names]
    return names


def _joined(names: list[str]) -> str:
    """Names for a card option: commas, or semicolons when a name holds a comma."""
    if any("," in name for name in names):
        return "; ".join(names) + (";" if len(names) == 1 else "")
    return ", ".join(names)


def _urls(record: dict[str, Any], problems: list[str]) -> tuple[list[str], list[str], list[str]]:
    """The video, slides and other page addresses of a record."""
    videos, slides, pages = [], [], []
    for i, video in enumerate(record.get("videos") or []):
        url = video.get("url") if isinstance(video, dict) else None
        if isinstance(url, str) and is_web_url(url):
            videos.append(url)
        else:
            problems.append(f"field 'videos' [{i}]: no http(s) 'url'; left out")
    if not videos:
        problems.append("field 'videos': no video address; the card has no video link")
    for i, item in enumerate(record.get("related_urls") or []):
        url, label = (item.get("url"), item.get("label", "")) if isinstance(item, dict) else (item, "")
        if not (isinstance(url, str) and is_web_url(url)):
            problems.append(f"field 'related_urls' [{i}]: not an http(s) address; left out")
        elif isinstance(label, str) and "slide" in label.casefold():
            slides.append(url)
        else:
            pages.append(url)
    return videos, slides, pages


def card_options(record: dict[str, Any], event: str, slug: str, problems: list[str]) -> Options:
    """The ``talk`` options for *record* (problems appended as ``field ...: ...`` messages)."""
    options: Options = [("id", "-".join(filter(None, (slugify(event), slugify(slug)))))]
    speakers = _names(record, "speakers", problems)
    options.append(("speakers", _joined(speakers)) if speakers else ("speakers-unknown", None))
    options.append(("event", event))
    recorded = record.get("recorded")
    if isinstance(recorded, str) and parse_date(recorded.strip()):
        options.append(("date", recorded.strip()))
    elif recorded is not None:
        problems.append(f"field 'recorded': {recorded!r} is not an ISO date or date-time; left out")
    videos, slides, pages = _urls(record, problems)
    for name, urls in (("video", videos), ("slides", slides), ("page", pages)):
        if urls:
            options.append((name, " ".join(dict.fromkeys(urls))))
    tags = _names(record, "tags", problems)
    if tags:
        options.append(("tags", _joined(tags)))
    return options


def talk_page(record: Any, event: str, slug: str, problems: list[str]) -> str:
    """The MyST page for one record; raises :class:`Skip` when it cannot have one."""
    if not isinstance(record, dict):
        raise Skip("the file does not hold a JSON object")
    title = record.get("title")
    if not isinstance(title, str) or not title.strip():
        raise Skip("field 'title': missing or empty")
    options = card_options(record, event, slug, problems)
    description = record.get("description") or record.get("summary") or ""
    if not isinstance(description, str):
        problems.append("field 'description': not a text; left out")
        description = ""
    return f"# {inline(title)}\n\n" + talk_fence(title, options, paragraphs(description))


def event_of(path: Path, record: Any, problems: list[str]) -> str:
    """The event of a video file (see the module's documentation)."""
    folder = path.parent.parent if path.parent.name == "videos" else path.parent
    category = folder / "category.json"
    if category.is_file():
        try:
            title = json.loads(category.read_text(encoding="utf-8")).get("title")
        except (ValueError, AttributeError, OSError):
            title = None
            problems.append(f"{category}: not a JSON object with a 'title'; using the record's category")
        if isinstance(title, str) and title.strip():
            return " ".join(title.split())
    if isinstance(record, dict) and isinstance(record.get("category"), str) and record["category"].strip():
        return " ".join(record["category"].split())
    return folder.name


def event_index(event: str) -> str:
    """The ``index.md`` of an event folder: a listing and a hidden table of contents."""
    return (
        f"# {inline(event)}\n\n```{{talk-list}}\n:event: {option_value(event)}\n:sort: date\n```\n\n"
        "```{toctree}\n:hidden:\n:glob:\n\n*\n```\n"
    )


def import_folder(source: Path, output: Path, report: Any = None) -> tuple[int, int]:
    """Write a page per video file of *source* into *output*: (pages written, files skipped).

    Messages go to *report* (a text stream; standard error by default).
    """
    report = report or sys.stderr
    written = skipped = 0
    events: dict[Path, str] = {}
    for path in sorted(source.rglob("*.json")):
        if path.name == "category.json":
            continue
        problems: list[str] = []
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            event = event_of(path, record, problems)
            slug = record.get("slug") if isinstance(record, dict) else None
            slug = slug if isinstance(slug, str) and slugify(slug) else path.stem
            page = talk_page(record, event, slug, problems)
        except json.JSONDecodeError as error:
            print(f"{path}: not written: not JSON ({error.msg}, line {error.lineno})", file=report)
            skipped += 1
            continue
        except (ValueError, OSError, Skip) as error:
            print(f"{path}: not written: {error}", file=report)
            skipped += 1
            continue
        for problem in problems:
            print(f"{path}: {problem}", file=report)
        folder = output / (slugify(event) or "talks")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{slugify(slug)}.md").write_text(page, encoding="utf-8")
        events[folder] = event
        written += 1
    for folder, event in events.items():
        (folder / "index.md").write_text(event_index(event), encoding="utf-8")
    return written, skipped


def main(argv: list[str] | None = None) -> int:
    """Run the import from the command line."""
    parser = argparse.ArgumentParser(prog="python -m fieldnotes.talks.import_pyvideo", description=__doc__)
    parser.add_argument("source", type=Path, help="folder of pyvideo JSON files (searched recursively)")
    parser.add_argument("output", type=Path, help="folder for the MyST pages (created if needed)")
    args = parser.parse_args(argv)
    if not args.source.is_dir():
        parser.error(f"{args.source} is not a folder")
    written, skipped = import_folder(args.source, args.output)
    print(f"{written} talk pages written to {args.output}, {skipped} files skipped", file=sys.stderr)
    return 1 if skipped else 0


if __name__ == "__main__":
    sys.exit(main())
