"""fieldnotes.singlehtml: every in-page link of a single-page build resolves (sphinx#14221)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from docutils import nodes
from fieldnotes.singlehtml import fixed_html, fixed_uri, unique_ids, unwritten_page

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
    # Ids are unique per document only: both pages have a "Notes" section and a footnote.
    ids = ID.findall(html)
    assert ids.count("notes") == 2 and ids.count("id1") == 2


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


def test_ids_are_unique_and_links_stay_in_their_document(make_app, tmp_path, rootdir):
    html = build(make_app, tmp_path, rootdir, ["fieldnotes.singlehtml"])
    ids = ID.findall(html)
    assert len(ids) == len(set(ids))
    # The second page comes first (where the toctree is): it keeps its ids, and the copies
    # further down the page, in the root document's "Notes", are renamed after their document.
    assert {"notes", "index-notes", "id1", "index-id1"} <= set(ids)
    second = html.index('id="document-second"')
    # The second page's footnote mark leads to the second page's footnote, and back.
    marks = re.findall(r'<a class="footnote-reference brackets" href="#([^"]+)" id="([^"]+)"', html)
    assert len(marks) == 2
    for target, mark in marks:
        assert (html.index(f'id="{target}"') > second) == (html.index(f'id="{mark}"') > second)
        assert f'href="#{mark}"' in html


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


def test_fixed_uri_follows_a_renamed_id() -> None:
    renamed = {("a/b", "related"): "a-b-related"}
    assert fixed_uri("#document-a/b#related", renamed) == "#a-b-related"
    assert fixed_uri("#document-c#related", renamed) == "#related"
    assert fixed_html('<a href="#document-a/b#related">R</a>', renamed) == '<a href="#a-b-related">R</a>'


def test_unique_ids_renames_later_documents_only() -> None:
    first, second, third = (nodes.section(ids=["related"]) for _ in range(3))
    taken = nodes.section(ids=["b-related"])
    renamed = unique_ids([(first, "a"), (taken, "a"), (second, "b"), (third, "b")])
    assert renamed == {("b", "related"): "b-related-2"}
    assert (first["ids"], second["ids"], third["ids"]) == (["related"], ["b-related-2"], ["b-related-2"])


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
