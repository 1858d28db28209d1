"""pyvideo.org both ways (issue 18, item 6): real records imported, built (-j 2, HTML and PDF),
exported back, validated against pyvideo's own schema and compared with the originals.

The records and the schema are in tests/fixtures/pyvideo (see its README for source and licence).
"""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
from conftest import needs
from fieldnotes.talks.ids import slugify
from fieldnotes.talks.import_pyvideo import import_folder, main
from fieldnotes.talks.parse import parse_talk
from fieldnotes.talks.pyvideo import pyvideo_record
from support import build, soup, warnings
from test_talks_output import _compile

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pyvideo"
RECORDS = sorted((FIXTURES / "data").glob("*/videos/*.json"))
CONF = """\
extensions = ["myst_parser", "fieldnotes"]
root_doc = "index"
exclude_patterns = ["_build"]
fieldnotes_talks_pyvideo_export = True
latex_documents = [("index", "imported.tex", "Imported", "Tester", "howto")]
latex_show_urls = "footnote"
"""
INDEX = "# Imported\n\n```{toctree}\n:glob:\n\ntalks/*/index\n```\n"


def schema(name: str) -> dict:
    return json.loads((FIXTURES / "schema" / f"{name}.json").read_text(encoding="utf-8"))


def paragraphs(text: str | None) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", (text or "").replace("\r", "")) if p.strip()]


def project(tmp: Path, source: Path) -> tuple[Path, str]:
    src = tmp / "src"
    src.mkdir(parents=True)
    (src / "conf.py").write_text(CONF)
    (src / "index.md").write_text(INDEX)
    report = io.StringIO()
    import_folder(source, src / "talks", report)
    return src, report.getvalue()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src, report = project(tmp_path_factory.mktemp("pyvideo"), FIXTURES / "data")
    assert report == ""  # the real records have nothing to report
    app = build(src, freshenv=True, nitpicky=True, parallel=2)
    assert warnings(app) == []
    return app.outdir


def exported(outdir: Path, record_path: Path) -> dict:
    original = json.loads(record_path.read_text(encoding="utf-8"))
    event = json.loads((record_path.parent.parent / "category.json").read_text())["title"]
    slug = slugify(original.get("slug") or record_path.stem)
    path = outdir / "talks-pyvideo" / slugify(event) / "videos" / f"{slug}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_export_validates_against_pyvideos_schema(site: Path) -> None:
    files = sorted((site / "talks-pyvideo").rglob("*.json"))
    assert len([f for f in files if f.name != "category.json"]) == len(RECORDS) == 8
    checker = jsonschema.FormatChecker()
    for path in files:
        which = "category" if path.name == "category.json" else "video"
        jsonschema.validate(
            json.loads(path.read_text(encoding="utf-8")), schema(which), format_checker=checker
        )


@pytest.mark.parametrize("record_path", RECORDS, ids=lambda p: p.parent.parent.name)
def test_round_trip_keeps_every_field_cards_have(site: Path, record_path: Path) -> None:
    original = json.loads(record_path.read_text(encoding="utf-8"))
    back = exported(site, record_path)
    assert back["title"] == original["title"]
    assert back["speakers"] == original["speakers"]
    assert back["recorded"] == original["recorded"]  # date-times kept whole
    assert back["tags"] == original.get("tags", [])
    assert back["videos"] == [{"type": v["type"], "url": v["url"]} for v in original["videos"]]
    related = [u["url"] if isinstance(u, dict) else u for u in original.get("related_urls", [])]
    assert [u["url"] for u in back.get("related_urls", [])] == related
    text = original.get("description") or original.get("summary")  # old records: summary only
    assert paragraphs(back["description"]) == paragraphs(text)


def test_imported_pages_show_the_awkward_values(site: Path) -> None:
    page = soup(site, "talks/pyohio-2023/what-is-the-annotated-type.html")
    assert page.find(class_="fieldnotes-talk-title").get_text() == "What Is the `Annotated` Type?"
    page = soup(site, "talks/pygotham-2011/pygotham-2011-rapid-and-scalable-development-wit.html")
    assert [a.get_text() for a in page.select("dd a.talks-speaker")] == ["Richard D. Copeland, Jr."]
    page = soup(site, "talks/pycascades-2021/your-name-is-invalid-miroslav-sedivy-pycascades-2021.html")
    assert next(a.get_text() for a in page.select("dd a.talks-tag")) == "#pycascades#pycon#python#conference"
    page = soup(site, "talks/pycon-sk-2019/sviatoslav-sydorenko-github-bots-rise-of-the-machines.html")
    assert "Rise of the Machines 🤖" in page.find(class_="fieldnotes-talk-title").get_text()
    listing = soup(site, "talks/pycon-jp-2019/index.html").select("ul.fieldnotes-talk-list li")
    assert len(listing) == 2  # the event page lists both Japanese talks (distinct ids)


@needs("latexmk", "pdflatex", "pdftotext")
def test_pdf_builds_with_the_emoji_and_korean_records(tmp_path: Path) -> None:
    src, _ = project(tmp_path, FIXTURES / "data")
    app = build(src, "latex", freshenv=True, nitpicky=True, parallel=2)
    assert warnings(app) == []
    text = " ".join(_compile(app.outdir, "imported").split())
    assert "GitHub Bots: Rise of the Machines ?" in text
    assert "Parallel and non parallel stuff" in text and "2017-09-22" in text


BAD = {
    "broken.json": "{not json",
    "array.json": "[1, 2]",
    "untitled.json": json.dumps(
        {"speakers": ["A"], "videos": [{"type": "youtube", "url": "https://y.example/1"}]}
    ),
    "partial.json": json.dumps(
        {
            "title": "Partial",
            "speakers": "Ann",
            "recorded": "last spring",
            "videos": [{"type": "mp4", "url": "ftp://x.example/v.mp4"}],
            "related_urls": ["javascript:alert(1)", {"label": "Slides", "url": "https://s.example/s"}],
            "tags": ["ok", 3],
        }
    ),
}


def test_bad_and_partial_records_are_named_and_the_rest_written(tmp_path: Path, capsys) -> None:
    source = tmp_path / "data" / "someconf-2020"
    (source / "videos").mkdir(parents=True)
    (source / "category.json").write_text('{"title": "SomeConf 2020"}')
    for name, text in BAD.items():
        (source / "videos" / name).write_text(text)
    good = RECORDS[0]
    shutil.copy(good, source / "videos" / good.name)
    out = tmp_path / "out"
    assert main([str(tmp_path / "data"), str(out)]) == 1
    messages = capsys.readouterr().err.splitlines()
    expected = [
        ("array.json", "not written: the file does not hold a JSON object"),
        ("broken.json", "not written: not JSON (Expecting property name"),
        ("partial.json", "field 'speakers': not a list"),
        ("partial.json", "field 'recorded': 'last spring' is not an ISO date"),
        ("partial.json", "field 'videos' [0]: no http(s) 'url'"),
        ("partial.json", "field 'videos': no video address"),
        ("partial.json", "field 'related_urls' [0]: not an http(s) address"),
        ("partial.json", "field 'tags': 1 entries are not names"),
        ("untitled.json", "not written: field 'title': missing or empty"),
    ]
    for name, text in expected:
        assert any(m.startswith(str(source / "videos" / name)) and text in m for m in messages), (name, text)
    assert messages[-1] == f"2 talk pages written to {out}, 3 files skipped"
    written = sorted(p.name for p in (out / "someconf-2020").iterdir())
    assert written == sorted(["index.md", "partial.md", f"{slugify(good.stem)}.md"])
    partial = (out / "someconf-2020" / "partial.md").read_text()
    assert ":speakers-unknown:" in partial and ":slides: https://s.example/s" in partial
    assert ":date:" not in partial and ":video:" not in partial and ":tags: ok" in partial


NASTY = {
    "title": "~~~ `code` <b>bold</b> {role}`x` $x$ & more",
    "speakers": ["O'Brien, Jr.", '"Doc" Example', "|pipe"],
    "tags": ["#tag", ">gt", "'quoted", "a #b", "c: d"],
    "recorded": "2020-01-02T03:04:05Z",
    "videos": [{"type": "youtube", "url": "https://www.youtube.com/watch?v=x"}],
    "description": "# Not a heading\n- not a list\n1. not a list\n```\n~~~\n::: not a fence\n\n"
    "(target)= {role}`x` <b>x</b> $x$ [link](https://a.example) *em* _u_ \\ back \\\\slash\n\n"
    "% not a comment\n+++\n> not a quote\n    not code",
}


def test_markup_in_records_reads_back_exactly(tmp_path: Path) -> None:
    source = tmp_path / "data" / "nasty-2020"
    (source / "videos").mkdir(parents=True)
    (source / "category.json").write_text('{"title": "#Nasty: 2020"}')
    (source / "videos" / "nasty.json").write_text(json.dumps(NASTY))
    src, report = project(tmp_path, tmp_path / "data")
    assert report == ""
    app = build(src, freshenv=True, nitpicky=True)
    assert warnings(app) == []
    talk = json.loads((app.outdir / "talks.json").read_text())["talks"][0]
    assert talk["title"] == NASTY["title"]
    assert talk["speakers"] == NASTY["speakers"]
    assert talk["tags"] == NASTY["tags"]
    assert talk["event"] == "#Nasty: 2020"
    assert talk["recorded"] == NASTY["recorded"]
    assert paragraphs(talk["description"]) == paragraphs(NASTY["description"])


@pytest.mark.parametrize(
    ("date", "recorded"),
    [
        ("2019-07-12", "2019-07-12"),
        ("2017-09-22T15:00:00+02:00", "2017-09-22T15:00:00+02:00"),
        ("2019-07-12T10:30Z", "2019-07-12"),  # valid ISO, not pyvideo's pattern: the day
        ("2019-07-12T10:30:00.5", "2019-07-12"),
        ("soon", None),
    ],
)
def test_records_of_cards_validate(date: str, recorded: str | None) -> None:
    options = {
        "speakers": "Ann Example",
        "event": "ExampleConf 2026",
        "date": date,
        "video": "https://pyvideo.org/exampleconf-2026/x.html https://media.example.org/x.webm",
        "slides": "https://s.example.org/x.pdf",
    }
    talk, _ = parse_talk("Title", options)
    record = pyvideo_record(talk)
    jsonschema.validate(record, schema("video"), format_checker=jsonschema.FormatChecker())
    assert record["recorded"] == recorded
    assert record["slug"] == "title"
    assert record["videos"] == [{"type": "webm", "url": "https://media.example.org/x.webm"}]
    assert [u["label"] for u in record["related_urls"]] == ["pyvideo.org", "Slides"]
    no_video, _ = parse_talk("T", {**options, "video": "https://pyvideo.org/x.html"})
    assert pyvideo_record(no_video) is None  # pyvideo requires a video
