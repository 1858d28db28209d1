"""The definition tooltips in a real browser: Furo, served on 127.0.0.1, headless Chromium.

Hover shows the definition, Escape hides it; keyboard focus (Tab) shows it, blur hides it;
without JavaScript the definition is the link's title, and so its accessible description; the colours follow
Furo's light and dark themes with readable contrast (computed here: axe leaves the contrast
of a positioned box "incomplete"); axe finds no ARIA or other violations with a definition
open; nothing is fetched from elsewhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import chromium, serve
from conftest import needs
from support import copy_root

pytestmark = [pytest.mark.browser, needs("chromium")]

GERRIT = (
    "The code review system where every change is proposed, discussed and merged. "
    "It keeps one page per change."
)
TERM_LINK = "span.fieldnotes-term-wrap > a.fieldnotes-term"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The MyST test root built with Furo (the handbook's theme)."""
    from sphinx.testing.util import SphinxTestApp

    srcdir = copy_root("glossary", tmp_path_factory.mktemp("browser") / "src")
    app = SphinxTestApp("html", srcdir=srcdir, confoverrides={"html_theme": "furo"})
    try:
        app.build()
    finally:
        app.cleanup()
    return Path(app.outdir)


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


@pytest.fixture
def base_url(site):
    with serve(site) as url:
        yield url


def tip_of(page, link):
    return page.locator(f"#{link.get_attribute('aria-describedby')}")


def luminance(rgb: tuple[float, ...]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: tuple[float, ...], background: tuple[float, ...]) -> float:
    # Composite a translucent foreground over the (opaque) background first.
    alpha = foreground[3] if len(foreground) > 3 else 1.0
    mixed = tuple(alpha * f + (1 - alpha) * b for f, b in zip(foreground[:3], background[:3], strict=True))
    lighter, darker = sorted((luminance(mixed), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


COLOURS_JS = """tip => {
  const parse = (value) => value.match(/[\\d.]+/g).map(Number);
  const style = getComputedStyle(tip);
  return {color: parse(style.color), background: parse(style.backgroundColor)};
}"""


def test_hover_shows_and_escape_hides(browser, base_url):
    from playwright.sync_api import expect

    page = browser.new_page()
    outside = []
    page.on(
        "request", lambda request: None if request.url.startswith(base_url) else outside.append(request.url)
    )
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base_url}/review.html")
    link = page.locator(TERM_LINK).first
    tip = tip_of(page, link)
    expect(tip).to_be_hidden()
    # The script moved the definition from the title into the tooltip: no double tooltip.
    expect(link).not_to_have_attribute("title", GERRIT)
    expect(link).to_have_accessible_description(GERRIT)

    link.hover()
    expect(tip).to_be_visible()
    expect(tip).to_have_text(GERRIT)
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()

    page.mouse.move(0, 0)
    link.hover()
    expect(tip).to_be_visible()
    page.mouse.move(0, 0)
    expect(tip).to_be_hidden()
    assert outside == []
    assert errors == []
    page.close()


def test_keyboard_focus_shows_and_blur_hides(browser, base_url):
    from playwright.sync_api import expect

    page = browser.new_page()
    page.goto(f"{base_url}/review.html")
    link = page.locator(TERM_LINK).first
    tip = tip_of(page, link)
    for _ in range(200):
        page.keyboard.press("Tab")
        if link.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the term link")
    expect(tip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()

    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    expect(link).to_be_focused()
    expect(tip).to_be_visible()
    page.keyboard.press("Tab")  # focus moves on: blur
    expect(link).not_to_be_focused()
    expect(tip).to_be_hidden()
    page.close()


def test_without_javascript_the_definition_is_the_links_description(browser, base_url):
    from playwright.sync_api import expect

    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base_url}/review.html")
    link = page.get_by_role("link", name="Gerrit", exact=True)
    # The definition is the link's title: browsers show it on hover, screen readers read it.
    expect(link).to_have_accessible_description(GERRIT)
    expect(link).to_have_attribute("title", GERRIT)
    assert page.locator(".fieldnotes-term-tip").count() == 0
    link.click()
    expect(page).to_have_url(f"{base_url}/glossary.html#term-Gerrit")
    context.close()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_tooltip_follows_furo_theme_with_readable_contrast(browser, base_url, theme):
    page = browser.new_page(color_scheme=theme)
    page.goto(f"{base_url}/review.html")
    page.evaluate(f"document.body.dataset.theme = '{theme}'")
    link = page.locator(TERM_LINK).first
    link.hover()
    tip = tip_of(page, link)
    colours = tip.evaluate(COLOURS_JS)
    furo = page.evaluate(
        "() => getComputedStyle(document.body).getPropertyValue('--color-background-secondary').trim()"
    )
    assert furo, "Furo's colour variables are not defined"
    background = colours["background"]
    assert contrast(colours["color"], background) >= 4.5
    if theme == "dark":
        assert luminance(background) < 0.1
    else:
        assert luminance(background) > 0.8
    page.close()


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("name", ["review.html", "glossary.html", "listing.html"])
def test_axe_finds_no_violations_with_a_definition_open(browser, base_url, theme, name):
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page(color_scheme=theme)
    page.goto(f"{base_url}/{name}")
    page.evaluate(f"document.body.dataset.theme = '{theme}'")
    link = page.locator(TERM_LINK).first
    link.focus()
    assert tip_of(page, link).is_visible()
    results = Axe().run(page, context={"include": [["article"]]})
    assert results.violations_count == 0, results.generate_report()
    page.close()


def test_definition_stays_inside_the_viewport(browser, base_url):
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.goto(f"{base_url}/setup.html")
    link = page.locator(TERM_LINK).first  # DevStack: the longest definition
    # A narrow window whose bottom edge is just under the term: no room below it.
    height = int(link.bounding_box()["y"] + 50)
    page.set_viewport_size({"width": 360, "height": height})
    link.hover()
    box = tip_of(page, link).bounding_box()
    assert box["height"] > 60
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert box["y"] >= 0 and box["y"] + box["height"] <= height
    page.close()
