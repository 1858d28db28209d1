"""``glossary-index`` and collapsed "Used on" lists: letters, headings, bar, contents, warnings.

Unit tests of the pure grouping (:mod:`fieldnotes.glossary.letters`), then builds of the test
roots (MyST and reST: ``glossary.md``/``.rst`` opens with the directive). The filter box in a
browser is tested on the real handbook (tests/test_reader_experience.py).
"""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from fieldnotes.glossary.letters import Anchors, bar, letter_of, page_letters
from fieldnotes.glossary.records import Definition
from support import SYNTAXES, build, copy_root, soup, warning_text, write_page


def record(term: str, *synonyms: str) -> Definition:
    keys = tuple(t.lower() for t in (synonyms or (term,)))
    return Definition(term, term.lower(), (f"term-{term}",), "", 1, "Means something.", (), keys)


@pytest.mark.parametrize(
    ("term", "letter"),
    [
        ("Gerrit", "G"),
        ("gerrit", "G"),
        ("Éclair", "E"),
        ("2to3", "#"),
        ("!Relate", "#"),
        ("ωmega", "Ω"),
        ("", "#"),
    ],
)
def test_letter_of(term, letter):
    assert letter_of(term) == letter


def test_page_letters_follow_the_first_term_of_each_entry():
    records = [
        record("zuul"),
        record("API", "api", "application programming interface"),
        # A synonym starting with another letter does not open a letter of its own.
        record("application programming interface", "api", "application programming interface"),
        record("2to3"),
        record("ωmega"),
        record("Gerrit"),
    ]
    letters = page_letters(records)
    assert [(x.label, x.anchor) for x in letters] == [
        ("#", "letter-other"),
        ("A", "letter-a"),
        ("G", "letter-g"),
        ("Z", "letter-z"),
        ("Ω", "letter-u03a9"),
    ]
    shown = bar(letters)
    assert [label for label, _ in shown] == ["#", *string.ascii_uppercase, "Ω"]
    assert dict(shown)["G"] == "letter-g"
    assert dict(shown)["B"] == ""  # shown, not linked
    assert "#" not in dict(bar(page_letters([record("Gerrit")])))


def test_heading_ids_are_unique_on_a_page():
    anchors = Anchors()
    assert [anchors("G"), anchors("A"), anchors("G")] == ["letter-g", "letter-a", "letter-g-2"]


# -- builds ------------------------------------------------------------------------------------

pytestmark_build = pytest.mark.parametrize("syntax", sorted(SYNTAXES))


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory):
    """Each syntax's root built once in HTML (read, never changed)."""
    cache = {}

    def get(syntax: str):
        if syntax not in cache:
            src = copy_root(SYNTAXES[syntax][0], tmp_path_factory.mktemp(f"index-{syntax}") / "src")
            cache[syntax] = build(src, freshenv=True)
        return cache[syntax]

    return get


@pytestmark_build
def test_bar_links_letters_with_entries_and_shows_the_others(builds, syntax):
    page = soup(builds(syntax), "glossary.html")
    bar_items = page.select("nav.fieldnotes-glossary-letters li")
    assert [li.get_text() for li in bar_items] == list(string.ascii_uppercase)
    linked = {a.get_text(): a["href"] for a in page.select("nav.fieldnotes-glossary-letters a")}
    assert linked == {label: f"#letter-{label.lower()}" for label in "ADGOU"}
    assert page.select_one("nav.fieldnotes-glossary-letters span").get_text() == "B"
    # The filter box is labelled, and its status line is a live region.
    field = page.select_one(".fieldnotes-glossary-filter input[type=search]")
    assert page.select_one(f"label[for={field['id']}]").get_text() == "Filter the glossary"
    assert page.select_one(".fieldnotes-glossary-filter [role=status]") is not None
    assert page.find("script", src=re.compile("fieldnotes-glossary-index.js"))
    assert not soup(builds(syntax), "review.html").find("script", src=re.compile("fieldnotes-glossary-index"))


@pytestmark_build
def test_entries_sit_under_their_letter_heading(builds, syntax):
    page = soup(builds(syntax), "glossary.html")
    groups = page.select("div.fieldnotes-glossary-letter")
    found = {
        group.select_one("h2.rubric")["id"]: [dt.get_text().rstrip("¶") for dt in group.select("dt")]
        for group in groups
    }
    assert found == {
        "letter-a": ["API", "application programming interface"],
        "letter-d": ["DevStack"],
        "letter-g": ["Gerrit"],
        "letter-o": ["openrc"],
        "letter-u": ["Unsafe term"],
    }
    # Terms keep their permalinks; each letter's heading is one level below the page title.
    assert page.select_one("dt#term-Gerrit > a.headerlink")["href"] == "#term-Gerrit"
    assert all(group.select_one(":scope > h2") for group in groups)


@pytestmark_build
def test_letters_are_in_the_pages_table_of_contents(builds, syntax):
    app = builds(syntax)
    toc = app.env.tocs["glossary"]
    anchors = [ref["anchorname"] for ref in toc.findall(lambda n: n.tagname == "reference")]
    assert anchors == ["", "#letter-a", "#letter-d", "#letter-g", "#letter-o", "#letter-u"]
    assert "letter" not in str(app.env.tocs["review"])


@pytestmark_build
def test_search_index_has_no_bar_or_filter_text(builds, syntax):
    index = (Path(builds(syntax).outdir) / "searchindex.js").read_text(encoding="utf-8")
    assert '"filter"' not in index.lower()
    assert "entries shown" not in index


@pytestmark_build
def test_latex_and_text_print_letter_headings_without_the_bar(tmp_path, syntax):
    src = copy_root(SYNTAXES[syntax][0], tmp_path / "src")
    latex = build(src, "latex")
    tex = (Path(latex.outdir) / "glossary-test.tex").read_text(encoding="utf-8")
    assert re.findall(r"\\subsection\*\{(.)\}", tex) == list("ADGOU")
    assert "Filter the glossary" not in tex
    text = (Path(build(src, "text").outdir) / "glossary.txt").read_text(encoding="utf-8")
    assert re.findall(r"^-\[ (.) \]-$", text, re.MULTILINE) == list("ADGOU")


@pytestmark_build
def test_index_without_a_glossary_warns(tmp_path, syntax):
    src = copy_root(SYNTAXES[syntax][0], tmp_path / "src")
    suffix = SYNTAXES[syntax][1]
    write_page(
        src,
        syntax,
        "lonely",
        myst="---\norphan: true\n---\n\n# Lonely\n\n```{glossary-index}\n```\n",
        rest=":orphan:\n\nLonely\n======\n\n.. glossary-index::\n",
    )
    log = warning_text(build(src))
    assert re.search(
        rf"lonely{re.escape(suffix)}:\d+: WARNING: glossary-index: this page has no glossary entries"
        r" \[fieldnotes\.glossary\.index-without-entries\]",
        log,
    )


# -- "Used on" beyond the first pages ------------------------------------------------------------


def third_page(src: Path, syntax: str) -> None:
    """A third page that uses Gerrit (Gerrit: review, setup and this one)."""
    write_page(
        src,
        syntax,
        "zoo",
        myst="---\norphan: true\n---\n\n# Zoo\n\nSee {term}`Gerrit`.\n",
        rest=":orphan:\n\nZoo\n===\n\nSee :term:`Gerrit`.\n",
    )


@pytestmark_build
def test_used_on_beyond_the_first_pages_is_collapsed_in_html(tmp_path, syntax):
    src = copy_root(SYNTAXES[syntax][0], tmp_path / "src")
    third_page(src, syntax)
    app = build(src, fieldnotes_glossary_used_on_shown=1)
    page = soup(app, "glossary.html")
    block = page.find("dt", id="term-Gerrit").find_next_sibling("dd").select_one("div.fieldnotes-used-on")
    assert [a.get_text() for a in block.select(":scope > ul > li > a:first-child")] == ["Review"]
    more = block.select_one("details.fieldnotes-used-on-more")
    assert more.summary.get_text() == "2 more pages"
    assert [li.a.get_text() for li in more.select("li")] == ["Setting up", "Zoo"]
    # Two pages beyond the first would be "1 more page": not worth a click, so shown.
    unsafe = page.find("dt", id="term-Unsafe-term").find_next_sibling("dd")
    assert not unsafe.select("details") and len(unsafe.select("div.fieldnotes-used-on li")) == 2
    # The PDF lists every page (Zoo, not in the PDF, as plain text).
    latex = build(src, "latex", fieldnotes_glossary_used_on_shown=1)
    tex = (Path(latex.outdir) / "glossary-test.tex").read_text(encoding="utf-8")
    assert "more pages" not in tex
    assert re.search(r"Setting up\}\}.*Zoo", tex, re.DOTALL)


@pytestmark_build
def test_used_on_is_not_collapsed_by_default(tmp_path, syntax):
    src = copy_root(SYNTAXES[syntax][0], tmp_path / "src")
    third_page(src, syntax)
    page = soup(build(src), "glossary.html")
    assert not page.select("details") and len(page.select("#term-Gerrit + dd div.fieldnotes-used-on li")) == 3


def test_bad_used_on_count_is_reported(tmp_path):
    src = copy_root("glossary", tmp_path / "src")
    log = warning_text(build(src, fieldnotes_glossary_used_on_shown=-2))
    assert "fieldnotes_glossary_used_on_shown = -2 is not a whole number of pages >= 0; using 0" in log
    assert "[fieldnotes.config.bad-value]" in log


@pytestmark_build
def test_listed_terms_carry_their_definition(builds, syntax):
    page = soup(builds(syntax), "listing.html")
    links = page.select("dl.fieldnotes-glossary-used dt a[href*='#term-']")
    assert links and all("fieldnotes-term" in a["class"] for a in links)
    assert {a.get_text(): a["title"] for a in links}["Gerrit"] == (
        "The code review system where every change is proposed, discussed and merged. "
        "It keeps one page per change."
    )
