"""Unit tests of fieldnotes.talks.parse and .select (no Sphinx involved)."""

from __future__ import annotations

import pytest
from fieldnotes.talks.parse import is_web_url, parse_date, parse_list_options, parse_talk, slugify, split_list
from fieldnotes.talks.records import Talk
from fieldnotes.talks.select import host_label, index_letter, link_labels, select


def subtypes(problems: list) -> list[str]:
    return [p.subtype for p in problems]


def test_slugify() -> None:
    assert slugify("EuroPython 2011 The Myth of the Genius Programmer") == (
        "europython-2011-the-myth-of-the-genius-programmer"
    )
    assert slugify("  Ünïcode — talk!  ") == "unicode-talk"
    assert slugify("<script>") == "script"


def test_split_list_strips_and_dedupes() -> None:
    assert split_list(" A ,b,, a , C  d ") == ("A", "b", "C d")
    assert split_list("x  y", None) == ("x", "y")
    assert split_list(None) == ()


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://pyvideo.org/x.html", True),
        ("HTTP://EXAMPLE.ORG", True),
        ("javascript:alert(1)", False),
        ("data:text/html,hi", False),
        ("ftp://example.org/x", False),
        ("https://", False),
        ("//example.org/x", False),
        ("https://exa mple.org", False),
        ("https://[bad", False),
    ],
)
def test_is_web_url(url: str, ok: bool) -> None:
    assert is_web_url(url) is ok


def test_host_labels() -> None:
    assert host_label("https://www.youtube.com/watch?v=1") == "YouTube"
    assert host_label("https://youtu.be/1") == "YouTube"
    assert host_label("https://pyvideo.org/a") == "pyvideo.org"
    assert host_label("https://media.example.org/a") == "media.example.org"


def test_link_labels() -> None:
    assert link_labels("Video", ("https://a.org/1",)) == ["Video"]
    assert link_labels("Video", ("https://pyvideo.org/1", "https://youtu.be/2")) == [
        "Video (pyvideo.org)",
        "Video (YouTube)",
    ]
    assert link_labels("Video", ("https://a.org/1", "https://a.org/2")) == [
        "Video (a.org)",
        "Video (a.org) 2",
    ]


@pytest.mark.parametrize(
    ("value", "iso"),
    [("2011-06-23", "2011-06-23"), ("2011-13-45", ""), ("23/06/2011", ""), ("2011-6-3", ""), ("", "")],
)
def test_parse_date(value: str, iso: str) -> None:
    assert parse_date(value) == iso


def test_parse_talk_full() -> None:
    record, problems = parse_talk(
        "The Myth",
        {
            "speakers": "Ann, Bob",
            "event": "EuroPython 2011",
            "date": "2011-06-23",
            "video": "https://youtu.be/x https://pyvideo.org/y",
            "slides": "https://s.org/s.pdf",
            "page": "https://ep.org/p",
            "tags": "testing, Testing, teams",
        },
    )
    assert problems == []
    assert record.id == "europython-2011-the-myth"
    assert record.anchor == "talk-europython-2011-the-myth"
    assert record.speakers == ("Ann", "Bob")
    assert record.videos == ("https://youtu.be/x", "https://pyvideo.org/y")
    assert record.tags == ("testing", "teams")


def test_parse_talk_problems() -> None:
    record, problems = parse_talk("", {"id": "Bad Id", "date": "soon", "video": "javascript:x"})
    assert subtypes(problems) == [
        "talk.missing-option",
        "talk.missing-option",
        "talk.missing-option",
        "talk.bad-id",
        "talk.bad-date",
        "talk.bad-url",
    ]
    assert record.id == "bad-id"
    assert record.date == "" and record.date_text == "soon"
    assert record.videos == ()


def test_speakers_unknown_satisfies_the_requirement() -> None:
    record, problems = parse_talk("Lightning", {"speakers-unknown": None, "event": "E"})
    assert problems == []
    assert record.speakers == () and record.speakers_unknown is True


def test_speakers_and_speakers_unknown_conflict() -> None:
    record, problems = parse_talk("T", {"speakers": "Ann", "speakers-unknown": None, "event": "E"})
    assert subtypes(problems) == ["talk.conflicting-options"]
    assert record.speakers == ("Ann",) and record.speakers_unknown is False


def test_list_options() -> None:
    spec, problems = parse_list_options({"sort": "-date", "layout": "table", "limit": "3", "year": "2011"})
    assert problems == []
    assert (spec.sort, spec.layout, spec.limit, spec.year) == ("-date", "table", 3, "2011")
    spec, problems = parse_list_options({"sort": "x", "layout": "", "limit": "0", "year": "11"})
    assert subtypes(problems) == ["talk-list.bad-option"] * 4
    assert (spec.sort, spec.layout, spec.limit, spec.year) == ("date", "list", 0, "")


def _talk(title: str, date: str, **options: str) -> Talk:
    record, _ = parse_talk(title, {"event": "E", "speakers": "S", "date": date, **options})
    return record


def test_select_filters_sort_and_limit() -> None:
    records = [
        _talk("B talk", "2012-01-01", tags="x"),
        _talk("A talk", "2011-01-01", speakers="Ann, Bob"),
        _talk("C talk", "2013-01-01", event="Other"),
    ]
    spec, _ = parse_list_options({})
    assert [r.title for r in select(records, spec)] == ["A talk", "B talk", "C talk"]
    spec, _ = parse_list_options({"sort": "-date", "limit": "2"})
    assert [r.title for r in select(records, spec)] == ["C talk", "B talk"]
    spec, _ = parse_list_options({"speaker": "bob"})
    assert [r.title for r in select(records, spec)] == ["A talk"]
    spec, _ = parse_list_options({"tag": "X", "year": "2012", "event": "e"})
    assert [r.title for r in select(records, spec)] == ["B talk"]
    spec, _ = parse_list_options({"sort": "title", "event": "other"})
    assert [r.title for r in select(records, spec)] == ["C talk"]


def test_undated_talks_come_last_in_date_order() -> None:
    records = [_talk("Undated", ""), _talk("Old", "2010-01-01"), _talk("New", "2014-01-01")]
    spec, _ = parse_list_options({"sort": "date"})
    assert [r.title for r in select(records, spec)] == ["Old", "New", "Undated"]
    spec, _ = parse_list_options({"sort": "-date"})
    assert [r.title for r in select(records, spec)] == ["New", "Old", "Undated"]


def test_index_letter() -> None:
    assert index_letter("Ünal") == "U"
    assert index_letter("<script>") == "#"
    assert index_letter("2nd") == "2"
