"""Every kind of bad input gets one warning with file, line, type and subtype; nothing is lost."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import build, copy_root, warnings

# (file, line in the MyST root, line in the reST root, subtype, text)
EXPECTED = [
    ("bad", 3, 4, "talk.missing-option", "no title"),
    ("bad", 8, 8, "talk.unknown-option", "unknown option :colour:"),
    ("bad", 8, 8, "talk.missing-option", "no :speakers:"),
    ("bad", 8, 8, "talk.bad-id", "'Not A Slug' is not a slug"),
    ("bad", 8, 8, "talk.bad-date", "'2011-13-45'"),
    ("bad", 8, 8, "talk.bad-url", "'javascript:alert(1)'"),
    ("bad", 8, 8, "talk.bad-url", "'data:text/html,hi'"),
    ("bad", 17, 16, "talk.missing-option", "no :event:"),
    ("bad", 22, 20, "talk.duplicate-id", "duplicate talk id 'dup'"),
    ("index", 13, 13, "talk-list.unknown-option", "unknown option :colour:"),
    ("index", 13, 13, "talk-list.bad-option", ":year: '20x1'"),
    ("index", 13, 13, "talk-list.bad-option", ":sort: 'sideways'"),
    ("index", 13, 13, "talk-list.bad-option", ":layout: 'blobs'"),
    ("index", 13, 13, "talk-list.bad-option", ":limit: '-3'"),
    ("index", 9, 10, "talk-list.empty", "no talk matches :event: No Such Event"),
    ("index", 7, 8, "talk.unknown-id", "unknown talk id 'no-such-id'"),
    ("index", 7, 8, "talk.unknown-speaker", "unknown speaker 'Nobody Known'"),
]


@pytest.fixture(scope="module", params=["md", "rst"])
def result(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, list[str], Path]:
    name = "talks-warnings" if request.param == "md" else "talks-warnings-rst"
    srcdir = copy_root(name, tmp_path_factory.mktemp(name) / "src")
    app = build(srcdir, freshenv=True, nitpicky=True)
    return request.param, warnings(app), app.outdir


def test_each_problem_is_reported_once_with_file_line_and_subtype(
    result: tuple[str, list[str], Path],
) -> None:
    suffix, lines, _ = result
    remaining = list(lines)
    for doc, md_line, rst_line, subtype, text in EXPECTED:
        line = md_line if suffix == "md" else rst_line
        pattern = re.compile(
            rf"{doc}\.{suffix}:{line}: WARNING: .*{re.escape(text)}.*\[fieldnotes\.{re.escape(subtype)}\]$"
        )
        found = [w for w in remaining if pattern.search(w)]
        assert len(found) == 1, f"{subtype} {text!r} at {doc}:{line}: {found or lines}"
        remaining.remove(found[0])
    # nothing else: no parser error for the unknown option, no "reference target not found"
    assert remaining == []


def test_bad_cards_are_still_rendered(result: tuple[str, list[str], Path]) -> None:
    _, _, outdir = result
    page = BeautifulSoup((outdir / "bad.html").read_text(), "html.parser")
    cards = page.find_all("article", class_="fieldnotes-talk")
    titles = [c.find(class_="fieldnotes-talk-title").get_text() for c in cards]
    assert titles == ["Untitled talk", "No speakers", "No event", "Another"]
    no_speakers = cards[1]
    assert no_speakers["id"] == "talk-not-a-slug"
    assert "2011-13-45" in no_speakers.get_text()  # the bad date is shown as written
    hrefs = [a["href"] for a in no_speakers.find_all("a")]
    assert "https://ok.example/v" in hrefs
    assert not any(h.startswith(("javascript:", "data:")) for h in hrefs)
    html = (outdir / "bad.html").read_text()
    assert "javascript:" not in html and "data:text" not in html


def test_duplicate_links_go_to_the_first(result: tuple[str, list[str], Path]) -> None:
    _, _, outdir = result
    page = BeautifulSoup((outdir / "bad.html").read_text(), "html.parser")
    assert [c.get("id") for c in page.find_all("article")][2:] == ["talk-dup", "talk-dup-2"]


def test_unresolved_roles_keep_their_text(result: tuple[str, list[str], Path]) -> None:
    _, _, outdir = result
    text = BeautifulSoup((outdir / "index.html").read_text(), "html.parser").get_text()
    assert "no-such-id" in text and "Nobody Known" in text
    assert "No talks match this list." in text


@pytest.mark.sphinx(
    "html",
    testroot="talks-warnings",
    srcdir="talks-warnings-suppressed",
    freshenv=True,
    confoverrides={"suppress_warnings": ["fieldnotes"]},
)
def test_warnings_can_be_suppressed(app) -> None:
    app.build()
    assert "fieldnotes" not in app.warning.getvalue()


@pytest.mark.parametrize(("root", "page"), [("talks", "lightning.md"), ("talks-rst", "lightning.rst")])
def test_flag_with_a_value_is_still_the_flag(tmp_path: Path, root: str, page: str) -> None:
    srcdir = copy_root(root, tmp_path / "src")
    path = srcdir / "talks" / page
    path.write_text(path.read_text().replace(":speakers-unknown:", ":speakers-unknown: yes"))
    app = build(srcdir, freshenv=True)
    assert warnings(app) == []
    card = BeautifulSoup((app.outdir / "talks" / "lightning.html").read_text(), "html.parser").find("article")
    assert card.find("dd").get_text(strip=True) == "not recorded"


@pytest.mark.parametrize("root", ["talks", "talks-rst"])
def test_text_listing_prints_urls_and_other_pages_are_untouched(tmp_path: Path, root: str) -> None:
    srcdir = copy_root(root, tmp_path / "src")
    app = build(srcdir, "text", freshenv=True)
    assert "Video" not in (app.outdir / "glossary.txt").read_text()
    assert (
        "Video (YouTube): https://www.youtube.com/watch?v=0SARbwvhupQ"
        in (app.outdir / "index.txt").read_text()
    )
