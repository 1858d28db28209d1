"""Every link to a glossary term carries its definition; every page has a description.

Term links come from prose (``{term}``), from talk tags that name a term, and from
``glossary-used`` listings; each must be a ``fieldnotes-term`` link whose ``title`` is the
definition's first paragraph as the tooltip shows it. Sphinx's own general index
(``genindex.html``) is the one exception: it lists terms among every other index entry. (A
glossary term's own permalink, the "¶" Sphinx puts beside it, is not a link *to* the term
from elsewhere: it stands next to the definition.)
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from fieldnotes.glossary.plaintext import shorten

TOOLTIP_LENGTH = 240  # conf.py keeps the default of fieldnotes_glossary_tooltip_length
EXCEPTED = {"genindex.html"}


def definitions(site: Path) -> dict[str, str]:
    """Term id -> its definition's first paragraph, shortened, read from the glossary page."""
    page = BeautifulSoup((site / "glossary.html").read_text(encoding="utf-8"), "html.parser")
    found = {}
    for term in page.select("dl.glossary > dt[id]"):
        definition = term.find_next_sibling("dd")
        found[term["id"]] = shorten(definition.find("p").get_text(), TOOLTIP_LENGTH)
    return found


def test_every_term_link_carries_its_definition(site_html: Path) -> None:
    known = definitions(site_html)
    assert len(known) > 150
    checked, missing, pages = 0, [], set()
    for path in sorted(site_html.rglob("*.html")):
        name = path.relative_to(site_html).as_posix()
        if name in EXCEPTED:
            continue
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for link in page.select("a[href*='#term-']:not(.headerlink)"):
            term = link["href"].split("#", 1)[1]
            checked += 1
            pages.add(name)
            if link.get("title") != known.get(term) or "fieldnotes-term" not in link.get("class", []):
                missing.append(f"{name}: {link.get_text()!r} -> #{term}, title {link.get('title')!r}")
    report = "\n".join(missing)
    assert not missing, f"{len(missing)} of {checked} term links lack their definition:\n{report}"
    # Prose, talk tags (on the event pages) and the talk pages all have term links.
    assert checked > 500
    assert {"first-contribution/index.html", "talks/europython-2011/index.html"} <= pages


def test_the_general_index_is_the_only_exception(site_html: Path) -> None:
    page = BeautifulSoup((site_html / "genindex.html").read_text(encoding="utf-8"), "html.parser")
    links = page.select("a[href*='#term-']")
    assert links and not any(link.get("title") for link in links)


def test_every_page_has_one_description(site_html: Path) -> None:
    # Lighthouse's SEO category: pages made from templates (indices) need one too (fieldnotes_handbook.site).
    lacking = []
    for path in sorted(site_html.rglob("*.html")):
        name = path.relative_to(site_html).as_posix()
        if name.startswith("_") or name == "search.html":  # search results: noindex, filled by JavaScript
            continue
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        descriptions = [meta.get("content", "") for meta in page.select('head meta[name="description"]')]
        if len(descriptions) != 1 or len(descriptions[0]) < 20:
            lacking.append(f"{name}: {descriptions}")
    assert not lacking, "\n".join(lacking)
