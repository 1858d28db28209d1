"""The handbook as one HTML page (singlehtml, Read the Docs' "HTML zip"): every link works.

fieldnotes.singlehtml repairs cross-document links (sphinx-doc/sphinx#14221) and makes ids
unique; docs/_templates drops the theme's links to the search and index pages a single page
does not have. Here the real handbook is built and its page checked link by link.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import chromium, serve
from bs4 import BeautifulSoup, Tag
from conftest import build_docs, needs
from offline_checks import page_links
from test_html_validity import nu_errors


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("singlehtml")
    build_docs("singlehtml", out, "-j", "1")
    return out


@pytest.fixture(scope="module")
def soup(single: Path) -> BeautifulSoup:
    return BeautifulSoup((single / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_every_in_page_link_reaches_one_element(single: Path) -> None:
    links = page_links(single / "index.html")
    assert len(links.in_page) > 2000
    assert links.broken == []
    assert links.duplicate_ids == []


def test_no_link_to_a_file_the_build_did_not_write(single: Path) -> None:
    links = page_links(single / "index.html")
    assert links.missing_files == []
    html = (single / "index.html").read_text(encoding="utf-8")
    for page in ("search.html", "genindex.html", "talks-events.html", "talks-speakers.html"):
        assert page not in html
    # No search form (the theme's points at search.html); the glossary's filter box is no form.
    assert not BeautifulSoup(html, "html.parser").select("form[role=search], form[action*=search]")


def document_of(tag: Tag) -> str:
    """The document an element of the single page comes from (its ``document-<name>`` marker)."""
    for node in [tag, *tag.parents]:
        for sibling in node.find_previous_siblings("span"):
            if str(sibling.get("id", "")).startswith("document-"):
                return str(sibling["id"])
    return "document-index"


def test_used_on_links_land_in_the_page_they_name(soup: BeautifulSoup) -> None:
    """Many pages have a "Related" section: each link must reach its own page's."""
    entries = soup.select(".fieldnotes-used-on-list > li")
    assert len(entries) > 100
    checked = 0
    for entry in entries:
        page, *sections = entry.find_all("a")
        for link in sections:
            target = soup.find(id=link["href"][1:])
            assert document_of(target) == page["href"][1:], (page.get_text(), link.get_text())
            checked += 1
    assert checked > 100


def test_talk_cards_and_index_links(soup: BeautifulSoup) -> None:
    card = soup.find("article", id="talk-ep2011-good-api-design-2")
    assert card is not None and "Alex Martelli" in card.get_text()
    speaker = card.find("a", string="Alex Martelli")
    # The speakers index page is not part of a single page: the name stays, without a link.
    assert speaker is None or not speaker.get("href", "").endswith(".html")
    assert card.find("a", class_="fieldnotes-talk-link")["href"].startswith("https://")


@pytest.mark.browser
@needs("chromium")
def test_definition_tooltip_and_term_link_work_in_the_single_page(single: Path) -> None:
    from playwright.sync_api import expect

    with serve(single) as base_url, chromium() as browser:
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{base_url}/index.html")
        link = page.locator("span.fieldnotes-term-wrap > a.fieldnotes-term[href='#term-API']").first
        link.scroll_into_view_if_needed()
        link.hover()
        tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
        expect(tip).to_be_visible()
        expect(tip).to_contain_text("through which other code uses a library")
        link.click()
        expect(page).to_have_url(f"{base_url}/index.html#term-API")
        expect(page.locator("dt#term-API")).to_be_in_viewport()
        assert errors == []


def test_parallel_build_writes_the_same_page(single: Path, tmp_path: Path) -> None:
    build_docs("singlehtml", tmp_path / "out", "-j", "2")
    serial = sorted(p.relative_to(single) for p in single.rglob("*") if p.is_file())
    parallel = sorted(p.relative_to(tmp_path / "out") for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert serial == parallel
    different = [p for p in serial if (single / p).read_bytes() != (tmp_path / "out" / p).read_bytes()]
    assert different == []


@needs("java")
def test_the_single_page_is_valid_html(single: Path) -> None:
    assert nu_errors(single / "index.html") == []
