"""What search engines index: glossary tooltips must not count as the text of the pages using them.

Two indexers read the built site: Read the Docs' server-side parser (``rtd_parser``, RTD's own
code) and Sphinx's ``searchindex.js``. Whatever form a tooltip takes, it shows the definition
(first paragraph, maybe shortened) of a glossary term the page links to. A page's own text is
what Sphinx's text builder writes for it, where there are no tooltips: a definition found in a
page's index entry more often than in its text came from a tooltip.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from conftest import build_docs
from rtd_parser import GenericParser
from selectolax.parser import HTMLParser
from sphinx.search.en import SearchEnglish

# Pages Sphinx writes without a source: no own text to compare.
GENERATED = {"genindex", "search", "404"}
WORD = re.compile(r"\w+")
URL = re.compile(r"https?://\S+")
# A definition is found in a text by six of its words, from its second: an indexer may glue the
# first to the word before it ("GerritA web-based ...").
PROBE = slice(1, 7)


@pytest.fixture(scope="module")
def site_text(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site-text")
    build_docs("text", out, "-j", "1")
    return out


def pages(site: Path) -> dict[str, Path]:
    """Every HTML page of the site but Sphinx's generated ones, by docname."""
    found = {p.relative_to(site).with_suffix("").as_posix(): p for p in site.rglob("*.html")}
    return {name: path for name, path in found.items() if name not in GENERATED and not name.startswith("_")}


def rtd_indexed_text(html: str) -> str:
    """All text Read the Docs indexes for one page: its section titles and contents."""
    parsed = GenericParser()._process_content("page.html", html)
    return " ".join(f"{s['title']} {s['content']}" for s in parsed["sections"])


def glossary(site: Path) -> dict[str, str]:
    """Each glossary term's anchor (``term-...``) and the first paragraph of its definition."""
    definitions: dict[str, str] = {}
    pending: list[str] = []
    for node in HTMLParser((site / "glossary.html").read_text(encoding="utf-8")).css("dl.glossary > *"):
        if node.tag == "dt" and node.id:
            pending.append(node.id)
        elif node.tag == "dd" and (first := node.css_first("p")):
            definitions |= dict.fromkeys(pending, first.text())
            pending = []
    return definitions


def tooltips(html: str, definitions: dict[str, str]) -> list[str]:
    """The definitions of the glossary terms the page links to: what its tooltips show."""
    found = []
    for link in HTMLParser(html).css("a[href]"):
        page, _, anchor = (link.attributes["href"] or "").partition("#")
        if page.endswith("glossary.html") and anchor in definitions:
            found.append(definitions[anchor])
    return found


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def occurrences(probe: list[str], text: list[str]) -> int:
    size = len(probe)
    return sum(1 for i in range(len(text) - size + 1) if text[i : i + size] == probe)


def tooltip_words(indexed: str, own: str, definitions: list[str]) -> int:
    """How many indexed words come from tooltips: definitions indexed more often than the text has them."""
    indexed_words, own_words = words(indexed), words(own)
    total = 0
    for definition in set(definitions):
        definition_words = words(definition)
        probe = definition_words[PROBE] if len(definition_words) > 3 else definition_words
        extra = occurrences(probe, indexed_words) - occurrences(probe, own_words)
        total += max(extra, 0) * len(definition_words)
    return total


def own_text(site_text: Path, name: str) -> str:
    """The page's text without the link addresses the text builder prints; empty for pages an
    extension writes without a source (the talk indices)."""
    path = site_text / f"{name}.txt"
    return URL.sub(" ", path.read_text(encoding="utf-8")) if path.exists() else ""


def test_the_measure_finds_an_indexed_tooltip() -> None:
    """A page whose tooltip is an element in the page (hidden or not) counts as polluted."""
    definition = "A web-based code review system used by OpenStack for every change"
    html = (
        '<html><body><div role="main"><h1>Page</h1><p>Upload to '
        f'<a href="glossary.html#term-Gerrit">Gerrit<span class="tip no-search">'
        f"{definition}</span></a> today.</p></div></body></html>"
    )
    indexed = rtd_indexed_text(html)
    found = tooltips(html, {"term-Gerrit": definition})
    assert tooltip_words(indexed, "Page\n\nUpload to Gerrit today.", found) == len(words(definition))


def test_read_the_docs_indexes_no_tooltip_text(site_html: Path, site_text: Path) -> None:
    polluted: dict[str, str] = {}
    checked = with_terms = 0
    terms = glossary(site_html)
    for name, path in sorted(pages(site_html).items()):
        html = path.read_text(encoding="utf-8")
        definitions = tooltips(html, terms)
        indexed = rtd_indexed_text(html)
        from_tooltips = tooltip_words(indexed, own_text(site_text, name), definitions)
        checked += 1
        with_terms += bool(definitions)
        if from_tooltips:
            polluted[name] = f"{100 * from_tooltips / len(words(indexed)):.0f}% of indexed words"
    assert checked >= 55 and with_terms >= 40, (checked, with_terms)
    assert polluted == {}


# Not page text for either indexer: permalinks, generated admonition labels ("Note"), a
# diagram's fallback text, tables of contents and no-search parts (the talk grids).
UNSEARCHED = ".headerlink, .admonition-title, object, .toctree-wrapper, .no-search, nav, script, style"


def paragraphs(html: str) -> list[str]:
    """The text of each paragraph of the page's main part, whitespace normalised."""
    main = HTMLParser(html).css_first("[role=main]")
    for node in main.css(UNSEARCHED):
        node.decompose()
    return [" ".join(text.split()) for p in main.css("p") if (text := p.text()).strip()]


def test_read_the_docs_still_indexes_every_paragraph(site_html: Path) -> None:
    missing: dict[str, list[str]] = {}
    total = 0
    for name, path in sorted(pages(site_html).items()):
        html = path.read_text(encoding="utf-8")
        indexed = " ".join(rtd_indexed_text(html).split())
        own = paragraphs(html)
        total += len(own)
        if lost := [p for p in own if p not in indexed]:
            missing[name] = lost
    assert total > 2000
    assert missing == {}


@cache
def english() -> SearchEnglish:
    return SearchEnglish({})


def index_key(word: str) -> str | None:
    """The key Sphinx's IndexBuilder.feed files *word* under (stemmed if the stem passes its filter)."""
    lang = english()
    stemmed = lang.stem(word).lower()
    if lang.word_filter(stemmed):
        return stemmed
    return word if lang.word_filter(word) else None


def index_keys(text: str) -> set[str]:
    return {key for word in english().split(text) if (key := index_key(word))}


def sphinx_index(site: Path) -> tuple[list[str], dict[int, set[str]]]:
    """Sphinx's searchindex.js: its docnames, and the words (terms and title terms) of each."""
    raw = (site / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(raw[raw.index("(") + 1 : raw.rindex(")")])
    by_doc: dict[int, set[str]] = {}
    for table in ("terms", "titleterms"):
        for term, docs in index[table].items():
            for doc in docs if isinstance(docs, list) else [docs]:
                by_doc.setdefault(doc, set()).add(term)
    return index["docnames"], by_doc


def test_sphinx_search_indexes_no_tooltip_text(site_html: Path, site_text: Path) -> None:
    """No word found only in a page's tooltips is filed under that page in searchindex.js."""
    docnames, by_doc = sphinx_index(site_html)
    html_pages = pages(site_html)
    polluted: dict[str, list[str]] = {}
    tooltip_only_words = 0
    terms = glossary(site_html)
    for number, name in enumerate(docnames):
        own = index_keys(own_text(site_text, name))
        tooltip_only = (
            index_keys(" ".join(tooltips(html_pages[name].read_text(encoding="utf-8"), terms))) - own
        )
        tooltip_only_words += len(tooltip_only)
        if leaked := sorted(tooltip_only & by_doc.get(number, set())):
            polluted[name] = leaked
    # The check has words to look for: definitions bring many words their pages do not use.
    assert tooltip_only_words > 200
    assert polluted == {}


def test_sphinx_search_indexes_every_paragraph(site_html: Path) -> None:
    """Every word of every paragraph of a page is filed under that page in searchindex.js."""
    docnames, by_doc = sphinx_index(site_html)
    html_pages = pages(site_html)
    missing: dict[str, list[str]] = {}
    for number, name in enumerate(docnames):
        own = set().union(*map(index_keys, paragraphs(html_pages[name].read_text(encoding="utf-8"))))
        if lost := sorted(own - by_doc.get(number, set())):
            missing[name] = lost
    assert len(docnames) >= 55
    assert missing == {}
