"""``talks.json``: every talk of the site, for other tools (written to the HTML output root).

This is the extension's own format, not pyvideo's: some field names (``speakers``, ``recorded``,
``tags``, ``description``, ``videos``, ``related_urls``) are borrowed from pyvideo.org's data,
but ``id`` is a slug, slides have a list of their own and a pyvideo.org page is a video of type
``pyvideo``. For records that validate against pyvideo's schema, see :mod:`.pyvideo`.

Schema::

    {
      "schema": "fieldnotes-talks/1",
      "count": 2,                      # number of talks
      "talks": [                       # sorted by id, then source document
        {
          "id": "ep2011-myth-of-the-genius-programmer",   # unique site-wide (slug)
          "title": "The Myth of the Genius Programmer",
          "speakers": ["Brian Fitzpatrick"],              # [] if unknown
          "speakers_recorded": true,   # false for :speakers-unknown: sessions
          "event": "EuroPython 2011",  # "" if missing
          "recorded": "2011-06-23",    # the date as written when valid (an ISO date
                                       #   or date-time), else null
          "tags": ["collaboration", "code review"],
          "description": "Plain-text abstract.",  # paragraphs separated by a blank line
          "videos": [{"type": "youtube", "url": "https://..."}],  # type: youtube, vimeo,
                                                                  #   pyvideo or url
          "slides": ["https://..."],
          "related_urls": [{"label": "Talk page", "url": "https://..."}],
          "url": "talks/ep2011/myth.html#talk-ep2011-...",  # the card, relative to the site root
          "absolute_url": "https://.../talks/...",   # only when html_baseurl is set
          "source": "talks/ep2011/myth"            # the Sphinx docname
        }
      ]
    }

Each talk is one line of JSON (readable and diff-friendly). Only http(s) URLs appear. The file is
rebuilt when the talks, this package or the HTML configuration changed (:mod:`.outputs`),
and written only when its content changed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.builders import Builder

from fieldnotes.talks.outputs import TALKS_JSON
from fieldnotes.talks.records import Talk
from fieldnotes.talks.select import host_label

SCHEMA = "fieldnotes-talks/1"
_VIDEO_TYPES = {"YouTube": "youtube", "Vimeo": "vimeo", "pyvideo.org": "pyvideo"}


def card_url(builder: Builder, talk: Talk) -> str:
    """The card's URL relative to the output root."""
    uri = builder.get_target_uri(talk.docname).split("#", 1)[0]
    return f"{uri}#{talk.anchor}"


def talk_entry(talk: Talk, url: str, baseurl: str) -> dict[str, Any]:
    """One talk in the ``talks.json`` schema (*url*: its card's, relative to the site root)."""
    entry: dict[str, Any] = {
        "id": talk.id,
        "title": talk.title,
        "speakers": list(talk.speakers),
        "speakers_recorded": not talk.speakers_unknown,
        "event": talk.event,
        "recorded": talk.date_text if talk.date else None,
        "tags": list(talk.tags),
        "description": talk.abstract,
        "videos": [{"type": _VIDEO_TYPES.get(host_label(u), "url"), "url": u} for u in talk.videos],
        "slides": list(talk.slides),
        "related_urls": [{"label": "Talk page", "url": u} for u in talk.pages],
        "url": url,
    }
    if baseurl:
        entry["absolute_url"] = baseurl.rstrip("/") + "/" + url
    entry["source"] = talk.docname
    return entry


def talks_json(talks: list[Talk], urls: list[str], baseurl: str) -> str:
    """The text of ``talks.json``: one talk per line (readable, diff-friendly, quick to write)."""
    lines = ",\n    ".join(
        json.dumps(talk_entry(talk, url, baseurl), ensure_ascii=False)
        for talk, url in zip(talks, urls, strict=True)
    )
    body = f"\n    {lines}\n  " if talks else ""
    return f'{{\n  "schema": "{SCHEMA}",\n  "count": {len(talks)},\n  "talks": [{body}]\n}}\n'


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    """Write ``talks.json`` for the html, dirhtml and singlehtml builders (when it changed)."""
    if exception is not None or app.builder.format != "html" or app.builder.name == "epub":
        return
    if TALKS_JSON in app.env.domains["talks"].kept_outputs:  # type: ignore[attr-defined]
        return  # still right (see .outputs)
    talks = sorted(app.env.domains["talks"].all_talks(), key=lambda t: (t.id, t.docname, t.lineno))
    text = talks_json(talks, [card_url(app.builder, t) for t in talks], app.config.html_baseurl)
    target = Path(app.builder.outdir) / "talks.json"
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
