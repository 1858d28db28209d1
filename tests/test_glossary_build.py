"""Build tests of the glossary component, each in MyST and in reST (tests/roots/test-glossary*)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import needs
from support import SYNTAXES, build, copy_root, soup, tooltips, used_on, warning_text, write_page

pytestmark = pytest.mark.parametrize("syntax", sorted(SYNTAXES))

UNUSED = re.compile(
    r"^(?P<file>\S+):(?P<line>\d+): WARNING: glossary term '(?P<term>[^']+)' is not referenced"
)


@pytest.fixture
def srcdir(tmp_path: Path, syntax: str) -> Path:
    """A private copy of the root, for tests that change it or build it differently."""
    return copy_root(SYNTAXES[syntax][0], tmp_path / "src")


@pytest.fixture(scope="module")
def default_builds(tmp_path_factory: pytest.TempPathFactory):
    """The unchanged root of each syntax, built once in HTML for the tests that only read it."""
    cache = {}

    def get(syntax: str):
        if syntax not in cache:
            src = copy_root(SYNTAXES[syntax][0], tmp_path_factory.mktemp(syntax) / "src")
            cache[syntax] = build(src, freshenv=True)
        return cache[syntax]

    return get


@pytest.fixture
def app(default_builds, syntax: str):
    """The shared default HTML build of this syntax (read it, never change it)."""
    return default_builds(syntax)


def test_used_on_lists_pages_with_sections(app):
    page = soup(app, "glossary.html")
    assert used_on(page, "term-Gerrit") == [
        ("Review", "review.html"),
        ("Push to Gerrit", "review.html#push-to-gerrit"),
        ("Setting up", "setup.html"),
        ("Install DevStack", "setup.html#install-devstack"),
    ]
    assert used_on(page, "term-DevStack") == [
        ("Setting up", "setup.html"),
        ("Install DevStack", "setup.html#install-devstack"),
        ("Next steps", "setup.html#next-steps"),
    ]
    assert used_on(page, "term-Unsafe-term")[0] == ("Listing", "listing.html")
    assert used_on(page, "term-openrc") == []
    # References from glossary definitions count as use but are not listed (openrc's
    # definition mentions DevStack, API's mentions API itself).
    assert used_on(page, "term-API") == [("Listing", "listing.html")]
    assert "Glossary" not in [text for text, _ in used_on(page, "term-DevStack")]
    assert dict(tooltips(page))["DevStack"].startswith("A set of scripts")
    # The block sits inside the entry's definition, after the definition's own text.
    dd = page.find("dt", id="term-Gerrit").find_next_sibling("dd")
    assert dd.find("p").get_text().startswith("The code review system")
    assert "Used on:" in dd.find("div", class_="fieldnotes-used-on").get_text()


def test_tooltips_carry_first_paragraph(app):
    page = soup(app, "review.html")
    tips = tooltips(page)
    assert [link for link, _ in tips] == ["Gerrit", "the review system", "Unsafe term"]
    gerrit = tips[0][1]
    assert gerrit == "The code review system where every change is proposed, discussed and merged. "[:-1] + (
        " It keeps one page per change."
    )
    assert "second paragraph" not in page.get_text()
    # The definition is an attribute of the link, never page text (search indexes text).
    for link in page.select("a.fieldnotes-term"):
        assert link["href"].startswith("glossary.html#term-")
        assert link["title"] not in page.get_text()
    # Assets only where needed.
    assert page.find("script", src=re.compile(r"_static/fieldnotes-glossary\.js"))
    assert page.find("link", href=re.compile(r"_static/fieldnotes-glossary\.css"))
    index = soup(app, "index.html")
    assert not index.find("script", src=re.compile("fieldnotes-glossary"))
    assert not index.find("link", href=re.compile("fieldnotes-glossary"))
    assert (Path(app.outdir) / "_static" / "fieldnotes-glossary.js").is_file()
    assert (Path(app.outdir) / "_static" / "fieldnotes-glossary.css").is_file()


def test_long_definition_is_shortened_at_a_word(srcdir):
    app = build(srcdir, confoverrides={"fieldnotes_glossary_tooltip_length": 60})
    tips = dict(tooltips(soup(app, "setup.html")))
    devstack = tips["DevStack"]
    assert devstack == "A set of scripts (stack.sh) that installs a complete\N{HORIZONTAL ELLIPSIS}"
    assert len(devstack) <= 61


def test_definitions_are_escaped(app):
    for name in ("review.html", "listing.html"):
        html = (Path(app.outdir) / name).read_text(encoding="utf-8")
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert(" in html
        page = soup(app, name)
        assert not [s for s in page.find_all("script") if "alert" in s.get_text()]
        assert not page.find("b", string="markup")


def test_glossary_used_lists_only_referenced_terms(app):
    page = soup(app, "listing.html")
    lists = page.select("dl.fieldnotes-glossary-used")
    assert len(lists) == 2
    this_page, setup_page = ([dt.get_text() for dt in dl.find_all("dt")] for dl in lists)
    assert this_page == ["API", "Unsafe term"]
    assert setup_page == ["DevStack", "Gerrit"]
    gerrit_dd = lists[1].find_all("dd")[1]
    assert gerrit_dd.get_text(strip=True) == (
        "The code review system where every change is proposed, discussed and merged. "
        "It keeps one page per change."
    )
    assert lists[1].find("a", string="Gerrit")["href"] == "glossary.html#term-Gerrit"
    devstack_dd = lists[1].find("dd")
    assert devstack_dd.find("code").get_text() == "stack.sh"
    assert devstack_dd.find("em").get_text() == "installs"
    handout = soup(app, "handout.html")
    assert [dt.get_text() for dt in handout.select("dl.fieldnotes-glossary-used dt")] == [
        "DevStack",
        "Gerrit",
    ]


MYST_MULTI = """---
orphan: true
---

# Several

```{glossary-used}
:docs: setup rev*
```

```{glossary-used}
---
docs: |
  /setup
  review.md
---
```
"""

REST_MULTI = """:orphan:

Several
=======

.. glossary-used::
   :docs: setup rev*

.. glossary-used::
   :docs: /setup
          review.rst
"""


def test_glossary_used_takes_several_documents_and_globs(srcdir, syntax):
    suffix = SYNTAXES[syntax][1]
    (srcdir / f"several{suffix}").write_text(MYST_MULTI if syntax == "myst" else REST_MULTI, encoding="utf-8")
    app = build(srcdir)
    assert [line for line in warning_text(app).splitlines() if "unused-term" not in line] == []
    lists = soup(app, "several.html").select("dl.fieldnotes-glossary-used")
    assert len(lists) == 2
    for dl in lists:
        assert [dt.get_text() for dt in dl.find_all("dt")] == ["DevStack", "Gerrit", "Unsafe term"]


def test_glossary_used_warns_about_unmatched_docs(srcdir, syntax):
    suffix = SYNTAXES[syntax][1]
    write_page(
        srcdir,
        syntax,
        "extra",
        myst="# Extra\n\n```{glossary-used}\n:docs: setup nowhere/*\n```\n",
        rest="Extra\n=====\n\n.. glossary-used::\n   :docs: setup nowhere/*\n",
    )
    app = build(srcdir)
    log = warning_text(app)
    assert re.search(
        rf"extra{re.escape(suffix)}:\d+: WARNING: glossary-used: 'nowhere/\*' matches no document", log
    )
    assert "[fieldnotes.glossary.no-documents]" in log
    assert [dt.get_text() for dt in soup(app, "extra.html").select("dl.fieldnotes-glossary-used dt")] == [
        "DevStack",
        "Gerrit",
    ]


def test_unused_term_warning_names_file_and_line(app, syntax):
    srcdir = Path(app.srcdir)
    found = [m for m in map(UNUSED.match, warning_text(app).splitlines()) if m]
    assert [m["term"] for m in found] == ["openrc"]
    source = srcdir / f"glossary{SYNTAXES[syntax][1]}"
    assert Path(found[0]["file"]) == source
    line = source.read_text(encoding="utf-8").splitlines()[int(found[0]["line"]) - 1]
    assert line.strip() == "openrc"
    assert "[fieldnotes.glossary.unused-term]" in warning_text(app)


def test_an_entry_is_used_when_any_of_its_terms_is(app):
    assert "application programming interface" not in warning_text(app)
    page = soup(app, "glossary.html")
    assert used_on(page, "term-API") == [("Listing", "listing.html")]
    # The Used-on block belongs to the entry (shared by its terms), so it appears once.
    dd = page.find("dt", id="term-application-programming-interface").find_next_sibling("dd")
    assert len(dd.select("div.fieldnotes-used-on")) == 1


def test_unused_term_in_an_included_file_names_that_file(srcdir, syntax):
    suffix = SYNTAXES[syntax][1]
    (srcdir / "parts").mkdir()
    if syntax == "myst":
        part = "```{glossary}\nZuul\n  The gate.\n```\n"
        host = "---\norphan: true\n---\n\n# More\n\n```{include} parts/more.md\n```\n"
    else:
        part = ".. glossary::\n\n   Zuul\n      The gate.\n"
        host = ":orphan:\n\nMore\n====\n\n.. include:: parts/more.rst\n"
    (srcdir / "parts" / f"more{suffix}").write_text(part, encoding="utf-8")
    (srcdir / f"more{suffix}").write_text(host, encoding="utf-8")
    app = build(srcdir, confoverrides={"exclude_patterns": ["_build", "parts"]})
    found = {m["term"]: m for m in map(UNUSED.match, warning_text(app).splitlines()) if m}
    assert Path(found["Zuul"]["file"]) == srcdir / "parts" / f"more{suffix}"
    assert found["Zuul"]["line"] == ("2" if syntax == "myst" else "3")


def test_unused_term_warning_can_be_suppressed(srcdir):
    app = build(srcdir, confoverrides={"suppress_warnings": ["fieldnotes.glossary.unused-term"]})
    assert "not referenced" not in warning_text(app)
    assert warning_text(app).strip() == ""


@pytest.mark.parametrize("builder", ["text", "singlehtml", "dirhtml", "epub", "gettext", "man", "texinfo"])
def test_other_builders_do_not_fail_or_warn(srcdir, builder):
    app = build(srcdir, builder, confoverrides={"suppress_warnings": ["fieldnotes.glossary.unused-term"]})
    assert warning_text(app).strip() == ""


def test_text_output_has_backlinks_but_no_tooltips(srcdir):
    app = build(srcdir, "text")
    glossary = (Path(app.outdir) / "glossary.txt").read_text(encoding="utf-8")
    assert "Used on:" in glossary
    assert "Review \N{EM DASH} Push to Gerrit" in glossary
    review = (Path(app.outdir) / "review.txt").read_text(encoding="utf-8")
    assert "code review system" not in review


def test_singlehtml_links_stay_inside_the_page(srcdir):
    app = build(srcdir, "singlehtml")
    page = soup(app, "index.html")
    links = [a["href"] for a in page.select("div.fieldnotes-used-on a")]
    assert "#push-to-gerrit" in links
    assert "#document-setup" in links
    assert all(href.startswith("#") and href.count("#") == 1 for href in links)
    assert page.select("a.fieldnotes-term[title]")


def test_latex_prints_backlinks_with_internal_links(srcdir):
    app = build(srcdir, "latex")
    tex = (Path(app.outdir) / "glossary-test.tex").read_text(encoding="utf-8")
    assert "Used on:" in tex
    assert r"\hyperref[\detokenize{review:push-to-gerrit}]{\sphinxcrossref{Push to Gerrit}}" in tex
    assert r"\hyperref[\detokenize{setup::doc}]{\sphinxcrossref{Setting up}}" in tex
    assert r"\textless{}script\textgreater{}" in tex
    # Every "Used on" link lands on a label of the same PDF.
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", tex))
    blocks = re.findall(
        r"\\begin\{sphinxuseclass\}\{fieldnotes-used-on\}(.*?)\\end\{sphinxuseclass\}", tex, re.S
    )
    targets = [t for block in blocks for t in re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", block)]
    assert len(blocks) == 4 and len(targets) >= 8
    assert set(targets) <= labels
    handout = (Path(app.outdir) / "handout.tex").read_text(encoding="utf-8")
    # The handout's own glossary; the main glossary is not in the handout, so no dangling link.
    assert "DevStack" in handout
    assert r"\sphinxcode{\sphinxupquote{stack.sh}}" in handout
    assert r"\detokenize{glossary:" not in handout


@needs("latexmk", "pdflatex", "pdftotext")
def test_pdf_shows_backlinks(srcdir):
    app = build(srcdir, "latex")
    subprocess.run(
        ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", "glossary-test.tex"],
        cwd=app.outdir,
        check=True,
        capture_output=True,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(Path(app.outdir) / "glossary-test.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    # The glossary chapter, up to the general index that follows it.
    start = re.search(r"^\d+ Glossary$", text, re.MULTILINE)
    assert start is not None
    glossary = text[start.end() : text.rindex("Index")]
    # (a page may end between the label and the list: its number is then in between)
    assert re.search(
        r"Used on:\s+(?:\d+\s+)?.\s*Review — Push to Gerrit\s+.\s*Setting up — Install DevStack", glossary
    )
    # glossary-index: a heading per letter in the printed glossary too.
    assert re.findall(r"^([A-Z#])$", glossary, re.MULTILINE) == ["A", "D", "G", "O", "U"]
