"""Unit tests of fieldnotes.talks.parse and .select (no Sphinx involved)."""

from __future__ import annotations

import pytest
from fieldnotes.talks.ids import unique_anchors
from fieldnotes.talks.parse import is_web_url, parse_date, parse_list_options, parse_talk, slugify, split_list
from fieldnotes.talks.records import Talk
from fieldnotes.talks.select import host_label, index_letter, link_labels, select


def subtypes(problems: list) -> list[str]:
    return [p.subtype for p in problems]


def test_slugify() -> None:
    assert slugify("EuroPython 2011 The Myth of the Genius Programmer") == (
        "europython-2011-the-myth-of-the-genius-programmer"
    )
    assert slugify("  Ünïcode — talk!  ") == "ünïcode-talk"
    assert slugify("<script>") == "script"


def test_slugs_keep_every_script_and_never_share_a_fallback() -> None:
    assert slugify("이지호: 그만 퇴근합시다!") == "이지호-그만-퇴근합시다"
    assert slugify("Pythonで始めるデータ分析") == "pythonで始めるデータ分析"
    assert slugify("Café") != slugify("Cafe")  # accent variants stay apart
    assert slugify("\uff30\uff59\uff23\uff4f\uff4e") == "pycon"  # NFKC: full-width letters are one word
    emoji = slugify("🤖"), slugify("🎉"), slugify("🤖")
    assert emoji[0] != emoji[1] and emoji[0] == emoji[2]  # stable, and never one shared value
    assert all(e.startswith("x") and len(e) == 9 for e in emoji)
    assert slugify("   ") == ""


def test_non_latin_titles_give_distinct_ids() -> None:
    one, _ = parse_talk("Pythonで始めるデータ分析", {"speakers": "A", "event": "PyCon JP 2015"})
    two, _ = parse_talk("機械学習の基礎", {"speakers": "B", "event": "PyCon JP 2015"})
    emoji, _ = parse_talk("🤖", {"speakers": "C", "event": "PyCon JP 2015"})
    assert len({one.id, two.id, emoji.id}) == 3
    assert one.id == "pycon-jp-2015-pythonで始めるデータ分析"
    assert emoji.id.startswith("pycon-jp-2015-x")
    record, problems = parse_talk("T", {"speakers": "A", "event": "E", "id": "이지호-talk"})
    assert problems == [] and record.id == "이지호-talk"


def test_unique_anchors_for_index_entries() -> None:
    anchors = unique_anchors(["이지호", "김철수", "Café", "Cafe", "A. B.", "A B", "a b"])
    assert anchors["이지호"] != anchors["김철수"]
    assert anchors["café"] == "entry-café" and anchors["cafe"] == "entry-cafe"
    assert {anchors["a. b."], anchors["a b"]} == {"entry-a-b", "entry-a-b-2"}
    assert len(set(anchors.values())) == len(anchors) == 6
    assert unique_anchors(["🤖"])["🤖"] != unique_anchors(["🎉"])["🎉"]


def test_split_list_strips_and_dedupes() -> None:
    assert split_list(" A ,b,, a , C  d ") == ("A", "b", "C d")
    assert split_list("x  y", None) == ("x", "y")
    assert split_list(None) == ()


def test_semicolons_keep_names_with_commas() -> None:
    assert split_list("Richard D. Copeland, Jr.; Ann Example") == ("Richard D. Copeland, Jr.", "Ann Example")
    assert split_list("Richard D. Copeland, Jr.;") == ("Richard D. Copeland, Jr.",)
    assert split_list("Ann, Bob") == ("Ann", "Bob")


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
    [
        ("2011-06-23", "2011-06-23"),
        ("2011-13-45", ""),
        ("23/06/2011", ""),
        ("2011-6-3", ""),
        ("", ""),
        ("2019-07-12T10:30:00", "2019-07-12"),
        ("2017-09-22T15:00:00+02:00", "2017-09-22"),
        ("2019-07-12T10:30Z", "2019-07-12"),
        ("2019-07-12T25:30:00", ""),
        ("2019-07-12 10:30:00", ""),
        ("2019-07-12T10:30:00+2", ""),
    ],
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


def test_date_time_is_kept_whole_and_sorted_by_its_day() -> None:
    record, problems = parse_talk("T", {"speakers": "A", "event": "E", "date": "2017-09-22T15:00:00+02:00"})
    assert problems == []
    assert (record.date, record.date_text) == ("2017-09-22", "2017-09-22T15:00:00+02:00")


def test_values_emptied_by_myst_are_reported() -> None:
    # MyST reads ":tags: #MicroPython" as a YAML comment and passes an empty value.
    record, problems = parse_talk("T", {"speakers": "A", "event": "E", "tags": "", "video": " "})
    assert [(p.subtype, p.message.split()[0]) for p in problems] == [
        ("talk.empty-value", ":video:"),
        ("talk.empty-value", ":tags:"),
    ]
    assert record.tags == ()
    spec, problems = parse_list_options({"tag": ""})
    assert subtypes(problems) == ["talk-list.empty-value"]
    assert spec.matches_nothing
    assert select([_talk("A", "2011-01-01", tags="x")], spec) == []  # never "no filter"


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
