"""Talk cards in a real browser (Furo theme): accessible in light and dark, a responsive grid."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser import chromium, serve
from support import build, copy_root, warnings

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    srcdir = copy_root("talks", tmp_path_factory.mktemp("talks-furo") / "src")
    app = build(srcdir, freshenv=True, html_theme="furo")
    assert warnings(app) == []
    with serve(app.outdir) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium() as b:
        yield b


def open_page(browser, url: str, width: int, scheme: str):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.goto(url, wait_until="load")
    return context, page


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["index.html", "talks/myth.html"])
def test_cards_pass_axe_in_light_and_dark(browser, site: str, path: str, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context, page = open_page(browser, f"{site}/{path}", 1350, scheme)
    try:
        results = Axe().run(page, context={"include": [[".fieldnotes-talk"]]})
        violations = results.response["violations"]
        summary = [f"{v['id']}: {v['help']} ({v['nodes'][0]['target']})" for v in violations]
        assert not violations, "\n".join(summary)
        assert results.response["passes"], "axe checked the cards"
    finally:
        context.close()


def test_cards_follow_the_dark_theme(browser, site: str) -> None:
    colours = {}
    for scheme in ("light", "dark"):
        context, page = open_page(browser, f"{site}/talks/myth.html", 1350, scheme)
        try:
            colours[scheme] = page.evaluate(
                "getComputedStyle(document.querySelector('.fieldnotes-talk')).backgroundColor"
            )
        finally:
            context.close()
    assert colours["light"] != colours["dark"]


@pytest.mark.parametrize(("width", "columns"), [(1350, 2), (412, 1)])
def test_cards_layout_is_a_responsive_grid(browser, site: str, width: int, columns: int) -> None:
    context, page = open_page(browser, f"{site}/index.html", width, "light")
    try:
        tops = page.evaluate(
            "[...document.querySelectorAll('.fieldnotes-talk-grid > .fieldnotes-talk')]"
            ".map(e => e.getBoundingClientRect().top)"
        )
        assert len(tops) == 2
        assert (tops[0] == tops[1]) is (columns == 2)
    finally:
        context.close()


def test_card_id_is_a_link_target(browser, site: str) -> None:
    context, page = open_page(browser, f"{site}/index.html", 1350, "light")
    try:
        page.click(".fieldnotes-talk-grid .fieldnotes-talk-title a >> nth=0")
        page.wait_for_load_state("load")
        assert page.url.endswith("talks/myth.html#talk-ep2011-myth-of-the-genius-programmer")
        assert page.evaluate("document.querySelector(':target').tagName") == "ARTICLE"
    finally:
        context.close()
