"""Printing a page from the browser: Chromium's own print-to-PDF, read back with pdftotext.

The print rules live in docs/_static/site.css (the handbook) and in the package's
fieldnotes-talks.css and fieldnotes-glossary.css (talk cards, tooltips).
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from browser import CHROMIUM, CHROMIUM_ARGS, chromium, serve
from bs4 import BeautifulSoup
from conftest import needs

pytestmark = needs("chromium", "pdftotext")

#: Text of the theme's navigation, search and buttons, which paper has no use for.
SCREEN_ONLY = [
    "Skip to content",
    "Back to top",
    "On this page",
    "Edit this page",
    "Toggle site navigation sidebar",
    "Toggle Light / Dark / Auto color theme",
    "Search",
]


def print_to_pdf(page: Path, out: Path) -> Path:
    """Print *page* as a reader's browser would (Chromium's --print-to-pdf, no header or footer)."""
    pdf = out / (page.stem + ".pdf")
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            *CHROMIUM_ARGS,
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        capture_output=True,
        check=True,
        timeout=120,
    )
    return pdf


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page of *pdf*, in drawing order (``-raw`` keeps a hyphen at a line end)."""
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def squeezed(text: str) -> str:
    """*text* without whitespace: long addresses wrap on paper wherever they must."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def printed(site_html: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    out = tmp_path_factory.mktemp("print")
    pages = [
        "talks/europython-2011/good-api-design.html",
        "talks/europython-2011/index.html",
        "troubleshooting/wvdial-stackmaster.html",
        "troubleshooting/wind-tethering.html",
    ]
    return {name: pdf_pages(print_to_pdf(site_html / name, out)) for name in pages}


def test_no_navigation_search_or_buttons_on_paper(printed: dict[str, list[str]]) -> None:
    for name, pages in printed.items():
        text = "\n".join(pages)
        assert [s for s in SCREEN_ONLY if s in text] == [], name


def test_talk_card_prints_its_video_addresses(printed: dict[str, list[str]]) -> None:
    text = squeezed(printed["talks/europython-2011/good-api-design.html"][0])
    assert "Video(pyvideo.org)(https://pyvideo.org/europython-2011/good-api-design.html)" in text
    assert "(https://www.youtube.com/watch?v=LsfrMjcIudA)" in text


def test_talk_cards_are_not_split_across_pages(printed: dict[str, list[str]], site_html: Path) -> None:
    soup = BeautifulSoup((site_html / "talks/europython-2011/index.html").read_text(), "html.parser")
    cards = soup.select("article.fieldnotes-talk")
    pages = [squeezed(page) for page in printed["talks/europython-2011/index.html"]]
    assert len(cards) >= 8 and len(pages) >= 3
    for card in cards:
        first = squeezed(card.select_one(".fieldnotes-talk-title").get_text())
        links = card.select(".fieldnotes-talk-link")
        last = squeezed(links[-1]["href"] if links else card.get_text())[-40:]
        assert [i for i, page in enumerate(pages) if first in page] == [
            i for i, page in enumerate(pages) if last in page
        ], first


def test_long_code_lines_wrap_instead_of_being_cut(printed: dict[str, list[str]]) -> None:
    text = squeezed("".join(printed["troubleshooting/wvdial-stackmaster.html"]))
    assert squeezed("Assertion `magic_number == -0x123678' failed.") in text


def test_every_tab_of_a_tab_set_is_printed(printed: dict[str, list[str]]) -> None:
    text = "".join(printed["troubleshooting/wind-tethering.html"])
    assert "Debian / Ubuntu" in text and "sudo apt-get install wvdial" in text
    assert "Fedora" in text and "NetworkManager" in text


@pytest.mark.browser
def test_an_open_definition_tooltip_is_not_printed(site_html: Path) -> None:
    from playwright.sync_api import expect

    with serve(site_html) as base_url, chromium() as browser:
        page = browser.new_page()
        page.goto(f"{base_url}/talks/europython-2011/good-api-design.html")
        link = page.locator("a.fieldnotes-term", has_text="API").first
        link.hover()
        tip = page.locator(f"#{link.get_attribute('aria-describedby')}")
        expect(tip).to_be_visible()
        page.emulate_media(media="print")
        expect(tip).to_be_hidden()


def test_glossary_prints_every_used_on_page_and_no_filter_box(site_html: Path, tmp_path: Path) -> None:
    # On screen, pages beyond the first three fold into "N more pages"; paper cannot unfold them.
    html = BeautifulSoup((site_html / "glossary.html").read_text(encoding="utf-8"), "html.parser")
    assert html.select("details.fieldnotes-used-on-more")
    links = html.select(".fieldnotes-used-on-list > li > a:first-child")
    wanted = Counter(squeezed(a.get_text()) for a in links)
    text = "".join(pdf_pages(print_to_pdf(site_html / "glossary.html", tmp_path)))
    paper = squeezed(text)
    short = {title: (n, paper.count(title)) for title, n in wanted.items() if paper.count(title) < n}
    assert not short, short
    assert "Filter the glossary" not in text
