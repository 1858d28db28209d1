"""The handbook as readers meet it: accessible, keyboard-friendly, light on every page.

Builds the real site, serves it on 127.0.0.1 and drives Debian's headless Chromium.
Scores that vary between runs (Lighthouse) live in ``make audit``, not here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from audit import PAGES, page_weight
from browser import chromium, serve
from bs4 import BeautifulSoup

pytestmark = pytest.mark.browser

# The five pages the reader-experience targets are measured on: audit.PAGES.
WIDTHS = {"desktop": 1350, "phone": 412}


@pytest.fixture(scope="module")
def site(site_html: Path) -> Iterator[str]:
    with serve(site_html) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as b:
        yield b


#: axe's default rules plus WCAG 2.2's target size, which Lighthouse's accessibility score counts.
AXE_OPTIONS = {"rules": {"target-size": {"enabled": True}}}
LAID_OUT_JS = """() => !document.querySelector('.fieldnotes-glossary-filter')
  || document.documentElement.classList.contains('fieldnotes-glossary-laid-out')"""


def open_page(browser, url: str, width: int = 1350, scheme: str = "light"):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(url, wait_until="load")
    # A glossary with an index lays its letters out after load, one per idle period (fails if never).
    page.wait_for_function(LAID_OUT_JS, timeout=15000)
    return context, page


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_axe_finds_no_violations(browser, site: str, path: str, width: int, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context, page = open_page(browser, f"{site}/{path}", width, scheme)
    try:
        results = Axe().run(page, options=AXE_OPTIONS)
        violations = results.response["violations"]
        summary = [
            f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})" for v in violations
        ]
        assert not violations, "\n".join(summary)
    finally:
        context.close()


def tab_until(page, predicate_js: str, limit: int = 400) -> bool:
    """Press Tab until the focused element satisfies *predicate_js*; say whether it did."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {predicate_js})(document.activeElement)"):
            return True
    return False


def test_tab_reaches_the_search_box(browser, site: str) -> None:
    context, page = open_page(browser, f"{site}/index.html")
    try:
        assert tab_until(page, "el.matches('input.sidebar-search, input[type=search], input[name=q]')")
    finally:
        context.close()


def test_tab_reaches_copy_buttons_and_copies_without_prompt(browser, site: str) -> None:
    context, page = open_page(browser, f"{site}/python-environments/index.html")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site)
    try:
        assert tab_until(page, "el.matches('button.copybtn')"), "no copy button is reachable with Tab"
        block = page.evaluate("document.activeElement.closest('.highlight').innerText")
        page.keyboard.press("Enter")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.strip(), "the copy button copied nothing"
        assert not re.search(r"^(\$|\(\S+\) \$|>>>) ", copied, re.MULTILINE), copied
        # What was copied is the command as shown, minus its prompt.
        first = copied.strip().splitlines()[0]
        assert first in block
    finally:
        context.close()


def test_tab_reaches_every_talk_card_link(browser, site: str) -> None:
    context, page = open_page(browser, f"{site}/talks/europython-2011/index.html")
    try:
        hrefs = page.eval_on_selector_all(
            ".fieldnotes-talk a[href]", "els => els.map(e => e.getAttribute('href'))"
        )
        assert len(hrefs) >= 12
        reached = set()
        for _ in range(1200):
            page.keyboard.press("Tab")
            href = page.evaluate(
                "(el => el && el.closest('.fieldnotes-talk') ? el.getAttribute('href') : null)"
                "(document.activeElement)"
            )
            if href:
                reached.add(href)
            if reached >= set(hrefs):
                break
        assert set(hrefs) <= reached, f"not reachable with Tab: {sorted(set(hrefs) - reached)}"
    finally:
        context.close()


# The tooltip that describes the focused element, and its box on screen.
DESCRIBED_TIP = (
    "const t = document.getElementById(document.activeElement.getAttribute('aria-describedby'));"
    " const r = t.getBoundingClientRect();"
)


def test_tab_reaches_a_glossary_tooltip(browser, site: str) -> None:
    context, page = open_page(browser, f"{site}/first-contribution/index.html")
    try:
        assert tab_until(page, "el.matches('a[aria-describedby]') && el.querySelector('.std-term') !== null")
        page.wait_for_timeout(300)
        box = "{w: r.width, h: r.height, text: t.textContent}"
        tip = page.evaluate(f"(() => {{ {DESCRIBED_TIP} return {box}; }})()")
        assert tip["w"] > 100 and tip["h"] > 10, f"focusing a glossary term shows no definition: {tip}"
        assert len(tip["text"]) > 20
        page.keyboard.press("Escape")
        page.wait_for_timeout(200)
        hidden = page.evaluate(f"(() => {{ {DESCRIBED_TIP} return r.width * r.height; }})()")
        assert hidden <= 1, "Escape leaves the definition on screen"
    finally:
        context.close()


def test_front_page_weight(site_html: Path) -> None:
    raw, packed = page_weight(site_html, "index.html")
    assert packed <= 43 * 1024, f"front page is {packed / 1024:.1f} KB gzip ({raw / 1024:.0f} KB raw)"


def test_extension_assets_only_where_used(site_html: Path) -> None:
    front = (site_html / "index.html").read_text(encoding="utf-8")
    talk = (site_html / PAGES["talks landing"]).read_text(encoding="utf-8")
    assert "sphinx-design" not in front
    assert "fieldnotes-talks" not in front and "fieldnotes-talks" in talk


def test_meta_description_and_favicon_on_every_page(site_html: Path) -> None:
    for path in PAGES.values():
        soup = BeautifulSoup((site_html / path).read_text(encoding="utf-8"), "html.parser")
        description = soup.find("meta", attrs={"name": "description"})
        assert description and len(description["content"]) > 40, path
        assert soup.find("link", rel="icon"), path
        assert soup.find("meta", property="og:title"), path


def test_side_panels_are_named_landmarks(site_html: Path) -> None:
    soup = BeautifulSoup((site_html / "index.html").read_text(encoding="utf-8"), "html.parser")
    labels = [
        aside.get("aria-label") for aside in soup.find_all("aside") if "drawer" in " ".join(aside["class"])
    ]
    assert labels == ["Site navigation", "On this page"]


def test_404_page_and_sitemap(site_html: Path) -> None:
    notfound = (site_html / "404.html").read_text(encoding="utf-8")
    # Absolute asset URLs, so the page works at any depth.
    assert re.search(r'href="/_static/', notfound)
    sitemap = (site_html / "sitemap.xml").read_text(encoding="utf-8")
    assert "first-contribution/index.html" in sitemap


def test_diagrams_are_svg_with_text_alternative(site_html: Path) -> None:
    for path in ("first-contribution/index.html", "workshop/index.html"):
        soup = BeautifulSoup((site_html / path).read_text(encoding="utf-8"), "html.parser")
        graph = soup.select_one("figure img[src$='.svg']")
        assert graph is not None, f"no diagram on {path}"
        assert graph["src"].endswith(".svg")
        alt = graph.get("alt")
        assert alt and len(alt) > 20, path


# -- the glossary on a phone: filter, letters, contents --------------------------------------

GLOSSARY = "glossary.html"
FILTER = "#fieldnotes-glossary-filter"
VISIBLE_TERMS = "els => els.filter(e => e.checkVisibility()).map(e => e.id)"


def visible_terms(page) -> list[str]:
    return page.eval_on_selector_all("dl.glossary dt", VISIBLE_TERMS)


def term_text(page, term_id: str) -> str:
    return page.evaluate(f"document.getElementById({term_id!r}).firstChild.textContent")


def test_glossary_filter_narrows_as_you_type_and_escape_clears_it(browser, site: str) -> None:
    from playwright.sync_api import expect

    context, page = open_page(browser, f"{site}/{GLOSSARY}", WIDTHS["phone"])
    try:
        everything = visible_terms(page)
        assert len(everything) > 150
        page.locator(FILTER).press_sequentially("ger")
        status = page.locator(".fieldnotes-glossary-filter [role=status]")
        expect(status).to_have_text(re.compile(r"^\d+ of \d+ entries shown$"))
        shown = visible_terms(page)
        assert shown and len(shown) < len(everything)
        assert all("ger" in term_text(page, term).lower() for term in shown), shown
        assert "term-Gerrit" in shown
        # The definitions of hidden entries are hidden too, and so are empty letters.
        assert page.locator("#term-DevStack + dd").is_hidden()
        assert page.locator("#letter-a").is_hidden() and page.locator("#letter-g").is_visible()
        page.locator(FILTER).press("Escape")
        expect(page.locator(FILTER)).to_have_value("")
        expect(status).to_have_text(re.compile(r"^All \d+ entries shown$"))
        assert visible_terms(page) == everything
    finally:
        context.close()


def test_glossary_letter_moves_focus_to_its_first_entry(browser, site: str) -> None:
    context, page = open_page(browser, f"{site}/{GLOSSARY}", WIDTHS["phone"])
    try:
        link = page.locator(".fieldnotes-glossary-letters a[href='#letter-g']")
        link.focus()
        page.keyboard.press("Enter")
        first = page.evaluate("document.querySelector('#letter-g').parentElement.querySelector('dt').id")
        assert page.evaluate("document.activeElement.id") == first
        assert term_text(page, first).startswith("G")
        page.wait_for_function("document.getElementById('letter-g').getBoundingClientRect().top < 200")
        assert page.url.endswith("#letter-g")
        # Letters without entries are shown, not linked.
        assert page.locator(".fieldnotes-glossary-letters span", has_text="J").count() == 1
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_with_the_glossary_filter_in_use(browser, site: str, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import expect

    context, page = open_page(browser, f"{site}/{GLOSSARY}", WIDTHS["phone"], scheme)
    try:
        page.locator(FILTER).press_sequentially("ger")
        expect(page.locator(".fieldnotes-glossary-filter [role=status]")).not_to_be_empty()
        results = Axe().run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()


def test_glossary_works_without_javascript(browser, site: str) -> None:
    viewport = {"width": WIDTHS["phone"], "height": 900}
    context = browser.new_context(viewport=viewport, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site}/{GLOSSARY}")
        assert page.locator(".fieldnotes-glossary-filter").is_hidden()
        assert len(visible_terms(page)) > 150
        page.locator(".fieldnotes-glossary-letters a[href='#letter-g']").click()
        assert page.url.endswith("#letter-g")
        assert page.locator("#letter-g").is_visible()
        # Collapsed "Used on" pages open without a script.
        more = page.locator("#term-Gerrit + dd details.fieldnotes-used-on-more")
        more.locator("summary").click()
        assert more.locator("a").first.is_visible()
    finally:
        context.close()


def test_glossary_letters_are_on_this_page(site_html: Path) -> None:
    soup = BeautifulSoup((site_html / GLOSSARY).read_text(encoding="utf-8"), "html.parser")
    toc = [a["href"] for a in soup.select(".toc-tree a")]
    assert toc[0] == "#" and "#letter-g" in toc and "#letter-j" not in toc
    assert [a["href"] for a in soup.select(".fieldnotes-glossary-letters a")] == toc[1:]


# -- stylesheets cut down to each page (fieldnotes_handbook.site) ----------------------------

STYLES_JS = """() => {
  const names = ["color", "background-color", "font-weight", "font-style", "display", "visibility",
                 "border-bottom-color", "border-bottom-width", "padding-top", "margin-top", "order"];
  return Array.from(document.querySelectorAll("article *")).map((element) => {
    const style = getComputedStyle(element);
    return element.tagName + " " + names.map((name) => style.getPropertyValue(name)).join("|");
  });
}"""
FULL_STYLESHEETS_JS = """() => Promise.all(
  Array.from(document.querySelectorAll("link[href*='/pruned/']")).map((link) => new Promise((done) => {
    const full = link.cloneNode();
    full.href = link.href.replace(/pruned\\/([a-z-]+)\\.[0-9a-f]+\\.css.*$/,
      (whole, name) => (name === "sphinx-design" ? "sphinx-design.min.css" : `${name}.css`));
    full.onload = done;
    link.after(full);
    link.remove();
  }))).then((loaded) => loaded.length)"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["python-environments/index.html", PAGES["talk page"]])
def test_cut_down_stylesheets_style_the_page_as_the_full_ones(
    browser, site: str, path: str, scheme: str
) -> None:
    context, page = open_page(browser, f"{site}/{path}", scheme=scheme)
    try:
        # Compare end states, not colours half-way through a transition.
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
        cut_down = page.evaluate(STYLES_JS)
        assert page.evaluate(FULL_STYLESHEETS_JS) >= 1
        full = page.evaluate(STYLES_JS)
        assert len(full) == len(cut_down) > 100
        differences = [(a, b) for a, b in zip(cut_down, full, strict=True) if a != b]
        assert not differences, differences[:5]
    finally:
        context.close()


def test_search_page_finds_pages(browser, site: str) -> None:
    # Its scripts keep their order (fieldnotes_handbook.site): the search runs after Sphinx's.
    context, page = open_page(browser, f"{site}/search.html?q=gerrit")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.wait_for_selector("#search-results li", timeout=20000)
        assert page.locator("#search-results li").count() >= 3
        assert errors == []
    finally:
        context.close()


def settle(page, limit: float = 15.0) -> None:
    """Wait until the page stops scrolling (the theme scrolls smoothly: long jumps take a while)."""
    last, waited = None, 0.0
    while waited < limit:
        page.wait_for_timeout(250)
        waited += 0.25
        position = page.evaluate("window.scrollY")
        if position == last:
            return
        last = position


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_links_within_the_glossary_land_on_their_target(
    browser, site: str, width: int, javascript: bool
) -> None:
    # The bar (its clicks handled by the script) and addresses with an anchor land on their target.
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=javascript)
    page = context.new_page()
    top = "id => document.getElementById(id).getBoundingClientRect().top"
    try:
        page.goto(f"{site}/{GLOSSARY}")
        page.locator(".fieldnotes-glossary-letters a[href='#letter-s']").click()
        settle(page)
        assert 0 <= page.evaluate(top, "letter-s") < 150
        page.goto(f"{site}/index.html")
        page.goto(f"{site}/{GLOSSARY}#term-Sentry")
        settle(page)
        assert 0 <= page.evaluate(top, "term-Sentry") < 150
    finally:
        context.close()
