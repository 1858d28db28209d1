"""The handbook as an e-book: EPUBCheck passes it, and every page reads as it should.

fieldnotes_handbook.epub makes tab sets sequential, drops the SVGs' external DTD and puts the
navigation in reading order; these tests build the real handbook and look at the result.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, build_docs, needs
from fieldnotes_handbook.epub import reading_order
from offline_checks import epub_files, epubcheck

# A fixed date for the e-book's metadata, so that two builds can be compared byte for byte.
REPRODUCIBLE = {"SOURCE_DATE_EPOCH": "1764460800"}


@pytest.fixture(scope="module")
def epub(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("epub")
    build_docs("epub", out, "-j", "1", env=REPRODUCIBLE)
    return out / "FieldNotes.epub"


@pytest.fixture(scope="module")
def files(epub: Path) -> dict[str, bytes]:
    return epub_files(epub)


def page(files: dict[str, bytes], name: str) -> BeautifulSoup:
    return BeautifulSoup(files[name].decode("utf-8"), "html.parser")


@needs("java")
def test_epubcheck_finds_nothing(epub: Path) -> None:
    result = epubcheck(epub)
    assert (result.fatals, result.errors, result.warnings) == (0, 0, 0), result.output[-6000:]


def test_tab_sets_are_sections_one_after_the_other(files: dict[str, bytes]) -> None:
    for name, content in files.items():
        if name.endswith(".xhtml"):
            assert b"<input" not in content and b"sd-tab-set" not in content, name
    wind = page(files, "troubleshooting/wind-tethering.xhtml")
    labels = wind.select(".fieldnotes-tab-label")
    assert [(h.name, h.get_text()) for h in labels] == [("h3", "Debian / Ubuntu"), ("h3", "Fedora")]
    # Each label is followed by its own tab's content.
    assert "apt-get install wvdial" in labels[0].find_next_sibling().get_text()
    assert "NetworkManager" in labels[1].find_next_sibling().get_text()


def test_diagrams_are_svg_without_a_doctype(files: dict[str, bytes]) -> None:
    """The committed renderings of docs/_diagrams/ travel as SVG images, cleaned of their DOCTYPE."""
    diagrams = {path.stem for path in (REPO / "docs" / "_diagrams").glob("*.dot")}
    svgs = {
        name: data for name, data in files.items() if name.endswith(".svg") and Path(name).stem in diagrams
    }
    assert len(svgs) == len(diagrams) >= 2, sorted(files)
    for name, data in svgs.items():
        assert b"<!DOCTYPE" not in data and b"<svg" in data, name
    assert page(files, "workshop/index.xhtml").find(
        "img", attrs={"src": re.compile(r"workshop-timeline\.svg$")}
    )


def test_source_svg_images_lose_their_doctype_too(make_app, tmp_path: Path) -> None:
    """Not only Graphviz's: an SVG the pages include as an image is cleaned in its e-book copy."""
    (tmp_path / "conf.py").write_text(
        "from root_conf import project_settings\n"
        'globals().update(project_settings("Svg", "svg", extensions=("fieldnotes_handbook.epub",)))\n'
    )
    (tmp_path / "index.rst").write_text("Svg\n===\n\n.. image:: drawing.svg\n   :alt: A square\n")
    svg = (
        '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\n'
        ' "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        '<rect width="10" height="10"/></svg>\n'
    )
    (tmp_path / "drawing.svg").write_text(svg)
    app = make_app("epub", srcdir=tmp_path)
    app.build()
    copied = (Path(app.outdir) / "_images" / "drawing.svg").read_text()
    assert "<!DOCTYPE" not in copied and copied.endswith(svg[svg.index("<svg") :])
    assert "<!DOCTYPE" in (tmp_path / "drawing.svg").read_text(), "the source stays as it is"


def test_navigation_is_in_reading_order(files: dict[str, bytes]) -> None:
    spine_ids = re.findall(r'<itemref idref="([^"]+)"', files["content.opf"].decode())
    hrefs = dict(re.findall(r'<item id="([^"]+)" href="([^"]+)"', files["content.opf"].decode()))
    spine = [hrefs[i] for i in spine_ids]
    nav = [a["href"] for a in page(files, "nav.xhtml").find("nav", attrs={"epub:type": "toc"}).find_all("a")]
    positions = [spine.index(href.split("#")[0]) for href in nav]
    assert len(positions) > 100 and positions == sorted(positions)
    # The workshop guide's own sections come before its checklist sub-page.
    assert nav.index("workshop/index.xhtml#the-goal-of-the-session") < nav.index("workshop/checklist.xhtml")


def test_glossary_keeps_definitions_and_used_on_lists(files: dict[str, bytes]) -> None:
    glossary = page(files, "glossary.xhtml")
    api = glossary.find("dt", id="term-API").find_next_sibling("dd")
    assert "through which other code uses a library" in api.get_text()
    used_on = api.select(".fieldnotes-used-on-list a")
    assert any(a.get_text() == "Good API design" for a in used_on)
    assert len(glossary.select(".fieldnotes-used-on-list > li")) > 100


def test_talk_cards_show_their_details_and_addresses(files: dict[str, bytes]) -> None:
    talk = page(files, "talks/europython-2011/good-api-design.xhtml")
    card = talk.find("article", class_="fieldnotes-talk")
    text = card.get_text(" ", strip=True)
    assert "Alex Martelli" in text and "EuroPython 2011" in text and "2011-06-20" in text
    # The e-book prints link addresses as footnotes (epub_show_urls): the video stays reachable.
    assert "https://pyvideo.org/europython-2011/good-api-design.html" in talk.get_text()
    assert "talks/europython-2011/good-api-design.xhtml" in files


def test_parallel_build_writes_the_same_book(files: dict[str, bytes], tmp_path: Path) -> None:
    build_docs("epub", tmp_path / "epub", "-j", "2", env=REPRODUCIBLE)
    parallel = epub_files(tmp_path / "epub" / "FieldNotes.epub")
    assert list(parallel) == list(files)
    assert [name for name in files if files[name] != parallel[name]] == []


def toc(*entries: tuple[int, str]) -> list[dict[str, object]]:
    return [{"level": level, "refuri": uri, "text": uri} for level, uri in entries]


def test_reading_order_puts_a_pages_sections_before_its_sub_pages() -> None:
    before = toc((1, "a.xhtml"), (2, "b.xhtml"), (3, "b.xhtml#x"), (2, "a.xhtml#s1"), (2, "a.xhtml#s2"))
    after = [(e["level"], e["refuri"]) for e in reading_order(before)]
    assert after == [(1, "a.xhtml"), (2, "a.xhtml#s1"), (2, "a.xhtml#s2"), (2, "b.xhtml"), (3, "b.xhtml#x")]


def test_reading_order_moves_a_sub_page_out_of_an_earlier_section() -> None:
    before = toc((1, "a.xhtml"), (2, "a.xhtml#s1"), (3, "b.xhtml"), (2, "a.xhtml#s2"), (3, "c.xhtml"))
    after = [(e["level"], e["refuri"]) for e in reading_order(before)]
    assert after == [(1, "a.xhtml"), (2, "a.xhtml#s1"), (2, "a.xhtml#s2"), (2, "b.xhtml"), (2, "c.xhtml")]


def test_reading_order_keeps_a_table_of_contents_already_in_order() -> None:
    before = toc((1, "index.xhtml"), (1, "a.xhtml"), (2, "a.xhtml#s1"), (2, "a.xhtml#pages"), (3, "b.xhtml"))
    assert reading_order(before) == before
