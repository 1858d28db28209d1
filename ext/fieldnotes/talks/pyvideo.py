"""The pyvideo.org export: every talk with a video as a record of pyvideo's own data format.

With ``fieldnotes_talks_pyvideo_export = True`` the HTML build writes, in its output, a folder
``talks-pyvideo/`` laid out as the ``pyvideo/data`` repository is: per event a folder named by
the event's slug, holding ``category.json`` (``{"title": event}``) and one
``videos/<slug>.json`` per talk. Each record validates against pyvideo's ``video.json`` schema.

How a card becomes a record:

- ``title``, ``speakers`` (``[]`` for unrecorded speakers), ``tags``; ``recorded`` is the
  ``:date:`` as written when pyvideo's pattern takes it (``YYYY-MM-DD[Thh:mm:ss[±hh:mm]]``),
  the day alone for other valid date-times (``Z``, no seconds), else ``null``;
  ``description`` is the card's text, paragraphs separated by a blank line.
- ``slug`` is the talk id, without the event's slug in front when it starts with it.
- ``videos``: each ``:video:`` address, typed ``youtube``, ``vimeo`` or ``archive.org`` by its
  host, by its file type (``mp4``, ``webm``...), else ``url``. A pyvideo.org page is not a
  video: it goes to ``related_urls`` (label ``pyvideo.org``), with the slides (``Slides``) and
  the talk pages (``Talk page``).
- Left out: pyvideo's numeric ``id`` (pyvideo gives it), ``language``, ``duration`` and
  ``thumbnail_url`` (cards do not have them), and talks without a video (pyvideo requires one).

Files are written only when their content changed; files of talks that are gone are removed.
"""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from sphinx.application import Sphinx

from fieldnotes.talks.ids import slugify
from fieldnotes.talks.records import Talk
from fieldnotes.talks.select import host_label

CONFIG = "fieldnotes_talks_pyvideo_export"
FOLDER = "talks-pyvideo"
_HOST_TYPES = {"YouTube": "youtube", "Vimeo": "vimeo", "Internet Archive": "archive.org"}
_FILE_TYPES = ("mp4", "webm", "ogv", "mkv", "flv", "mov", "m4v")
#: pyvideo's pattern for ``recorded`` (its ``video.json`` schema).
_RECORDED = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2})?)?$")


def video_type(url: str) -> str | None:
    """Pyvideo's ``type`` for a video address; ``None`` for a pyvideo.org page (not a video)."""
    host = host_label(url)
    if host == "pyvideo.org":
        return None
    if host in _HOST_TYPES:
        return _HOST_TYPES[host]
    suffix = PurePosixPath(urlsplit(url).path).suffix.lower().lstrip(".")
    return suffix if suffix in _FILE_TYPES else "url"


def event_folder(event: str) -> str:
    """The folder of an event's records (``"talks"`` for talks without an event)."""
    return slugify(event) or "talks"


def record_slug(talk: Talk) -> str:
    """The record's slug: the talk id without its event's slug in front."""
    prefix = slugify(talk.event) + "-"
    if talk.event and talk.id.startswith(prefix) and len(talk.id) > len(prefix):
        return talk.id[len(prefix) :]
    return talk.id


def pyvideo_record(talk: Talk) -> dict[str, Any] | None:
    """The talk as a pyvideo video record, or ``None`` when it has no video."""
    videos = [{"type": kind, "url": url} for url in talk.videos if (kind := video_type(url)) is not None]
    if not videos:
        return None
    related = [{"label": "pyvideo.org", "url": u} for u in talk.videos if video_type(u) is None]
    related += [{"label": "Slides", "url": u} for u in talk.slides]
    related += [{"label": "Talk page", "url": u} for u in talk.pages]
    record: dict[str, Any] = {
        "title": talk.title,
        "speakers": list(talk.speakers),
        "recorded": (talk.date_text if _RECORDED.match(talk.date_text) else talk.date) or None,
        "description": talk.abstract,
        "tags": list(talk.tags),
        "videos": videos,
        "slug": record_slug(talk),
    }
    if related:
        record["related_urls"] = related
    return record


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def export_files(talks: list[Talk]) -> dict[str, str]:
    """Relative path -> text of every file of the export (first talk of each slug wins)."""
    files: dict[str, str] = {}
    for talk in talks:
        record = pyvideo_record(talk)
        if record is None:
            continue
        folder = event_folder(talk.event)
        path = f"{folder}/videos/{record['slug']}.json"
        if path in files:
            record["slug"] = talk.id
            path = f"{folder}/videos/{talk.id}.json"
        if path in files:
            continue
        files.setdefault(f"{folder}/category.json", _dump({"title": talk.event or "Talks"}))
        files[path] = _dump(record)
    return files


def write_export(root: Path, files: dict[str, str]) -> None:
    """Write *files* under *root* (only those that changed) and remove the JSON files not in it."""
    for relative, text in files.items():
        target = root / relative
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    if root.is_dir():
        for stale in root.rglob("*.json"):
            if stale.relative_to(root).as_posix() not in files:
                stale.unlink()


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    """Write ``talks-pyvideo/`` for the HTML builders, when the configuration asks for it."""
    if exception is not None or not app.config[CONFIG]:
        return
    if app.builder.format != "html" or app.builder.name == "epub":
        return
    talks = sorted(app.env.domains["talks"].all_talks(), key=lambda t: (t.id, t.docname, t.lineno))
    write_export(Path(app.builder.outdir) / FOLDER, export_files(talks))
