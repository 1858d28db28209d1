"""fieldnotes.singlehtml: every in-page link of a single-page build resolves (sphinx#14221)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from fieldnotes.singlehtml import fixed_html, fixed_uri, unwritten_page

HREF = re.compile(r'href="([^"]*)"')
ID = re.compile(r'\bid="([^"]*)"')


def build(make_app, tmp_path: Path, rootdir: Path, extensions: list[str]) -> str:
    srcdir = tmp_path / ("src-" + "-".join(extensions or ["plain"]))
    shutil.copytree(rootdir / "test-two-pages", srcdir)
    app = make_app("singlehtml", srcdir=srcdir, confoverrides={"extensions": extensions})
    app.build()
    return (Path(app.outdir) / "index.html").read_text(encoding="utf-8")


def in_page_links(html: str) -> list[str]:
    return [h for h in HREF.findall(html) if h.startswith("#")]


def test_plain_sphinx_writes_double_fragments(make_app, tmp_path, rootdir):
    """The bug, shown on plain Sphinx (if this fails, Sphinx fixed it: the extension can go)."""
    html = build(make_app, tmp_path, rootdir, [])
    assert "#document-second#target" in in_page_links(html)
    assert '<a class="reference internal" href="genindex.html"' in html


def test_every_in_page_link_resolves_with_the_extension(make_app, tmp_path, rootdir):
    html = build(make_app, tmp_path, rootdir, ["fieldnotes.singlehtml"])
    ids = set(ID.findall(html))
    links = in_page_links(html)
    assert "#target" in links
    assert [h for h in links if h.count("#") > 1] == []
    assert [h for h in links if h[1:] and h[1:] not in ids] == []
    # The general index is not written by a single-page build: the body's link to it keeps only
    # its text. (The theme's own <link rel="index"> in the head is the theme's business.)
    assert '<a class="reference internal" href="genindex.html"' not in html
    assert '<span class="std std-ref">Index</span>' in html


@pytest.mark.parametrize(
    ("uri", "fixed"),
    [
        ("#document-glossary#term-API", "#term-API"),
        ("#document-a/b#c", "#c"),
        ("#document-glossary", "#document-glossary"),
        ("#term-API", "#term-API"),
        ("https://example.org/#a#b", "https://example.org/#a#b"),
    ],
)
def test_fixed_uri(uri: str, fixed: str) -> None:
    assert fixed_uri(uri) == fixed


@pytest.mark.parametrize(
    ("uri", "unwritten"),
    [
        ("genindex.html", True),
        ("talks-events.html#entry-x", True),
        ("#document-index", False),
        ("https://example.org/page.html", False),
        ("mailto:someone@example.org", False),
        ("_static/file.pdf", False),
    ],
)
def test_unwritten_page(uri: str, unwritten: bool) -> None:
    assert unwritten_page(uri, ".html") is unwritten


def test_fixed_html() -> None:
    html = '<a class="reference internal" href="#document-second#target">T</a> <a href="#document-x">X</a>'
    assert (
        fixed_html(html) == '<a class="reference internal" href="#target">T</a> <a href="#document-x">X</a>'
    )
