"""Unit tests of the glossary component's pure parts: text, domain data, document sets."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from docutils import nodes
from fieldnotes.glossary.backlinks import used_on_nodes
from fieldnotes.glossary.collect import line_offset
from fieldnotes.glossary.domain import GlossaryDomain
from fieldnotes.glossary.plaintext import ELLIPSIS, first_paragraph, first_paragraph_segments, shorten
from fieldnotes.glossary.records import Definition, ListingRequest, Usage
from fieldnotes.glossary.used import listing_nodes, paragraph_from
from fieldnotes.glossary.views import UsageIndex, listing_documents, match_documents, toctree_descendants
from fieldnotes.links import Linker


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("Short enough.", 40, "Short enough."),
        ("  spaces\n  and\tlines  ", 40, "spaces and lines"),
        ("One two three four five six", 14, f"One two three{ELLIPSIS}"),
        ("One two three, four five six", 15, f"One two three{ELLIPSIS}"),
        ("First sentence here. Second sentence is long enough to cut.", 40, "First sentence here."),
        (
            "Tiny. Then a sentence that goes on and on without an end",
            40,
            f"Tiny. Then a sentence that goes on and{ELLIPSIS}",
        ),
        ("Supercalifragilisticexpialidocious", 10, f"Supercali{ELLIPSIS}"),
        ("Anything", 0, "Anything"),
    ],
)
def test_shorten(text, limit, expected):
    assert shorten(text, limit) == expected
    if limit:
        assert len(shorten(text, limit)) <= limit


def test_shorten_never_cuts_inside_a_word():
    text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda"
    for limit in range(8, len(text)):
        words = shorten(text, limit).removesuffix(ELLIPSIS).split()
        assert all(word in text.split() for word in words), limit


def test_first_paragraph_is_plain_text_without_raw_markup():
    definition = nodes.definition(
        "",
        nodes.paragraph(
            "",
            "",
            nodes.Text("Uses "),
            nodes.literal("pip", "pip"),
            nodes.Text(" and\n"),
            nodes.raw("", "<b>", format="html"),
            nodes.Text("more"),
            nodes.raw("", "</b>", format="html"),
            nodes.Text("."),
        ),
        nodes.paragraph("", "Second."),
    )
    assert first_paragraph(definition) == "Uses pip and more."
    assert len(definition[0].children) == 7  # the doctree itself is untouched
    assert first_paragraph(nodes.definition()) == ""


def test_first_paragraph_segments_keep_code_and_emphasis():
    definition = nodes.definition(
        "",
        nodes.paragraph(
            "",
            "",
            nodes.Text("  Run "),
            nodes.literal("", "git review -s"),
            nodes.Text(" once,\n  then "),
            nodes.reference("", "", nodes.emphasis("", "push"), refuri="x"),
            nodes.Text(". "),
        ),
    )
    assert first_paragraph_segments(definition) == [
        ("text", "Run "),
        ("literal", "git review -s"),
        ("text", " once, then "),
        ("emphasis", "push"),
        ("text", "."),
    ]
    assert first_paragraph(definition) == "Run git review -s once, then push."


def make_term(raw, line):
    term = nodes.term(raw, raw)
    term.rawsource, term.line = raw, line
    return term


def test_line_offset_finds_where_the_glossary_body_starts():
    lines = ["# Glossary", "", "Gerrit", "", "```{glossary}", "Gerrit", "  Review.", "", "openrc", "  Shell."]
    # MyST numbers the terms from the directive body (Gerrit 0, openrc 3); the body starts at 6.
    assert line_offset([make_term("Gerrit", 0), make_term("openrc", 3)], lines) == 6
    # reST reports the real lines.
    assert line_offset([make_term("Gerrit", 6), make_term("openrc", 9)], lines) == 0
    assert line_offset([make_term("missing", 1)], lines) == 0


@pytest.fixture
def domain() -> GlossaryDomain:
    """The domain's methods on fresh data, without a Sphinx environment."""
    domain = GlossaryDomain.__new__(GlossaryDomain)
    domain.data = {key: {} for key in GlossaryDomain.initial_data}
    return domain


def record(term, docname="glossary"):
    return Definition(
        term, term.lower(), (f"term-{term}",), "", 1, f"{term} means something.", (), (term.lower(),)
    )


def usage(key, section):
    return Usage(key, section.upper(), section, False)


def test_clear_doc_drops_only_that_documents_records(domain):
    domain.terms["glossary"] = [record("Gerrit")]
    domain.usages["a"] = [usage("gerrit", "a")]
    domain.usages["b"] = [usage("gerrit", "b")]
    domain.data["fingerprints"]["html:/out"] = {"a": "x", "b": "y"}
    domain.add_index("a", 3)
    domain.add_index("b", 5)
    domain.clear_doc("a")
    assert set(domain.usages) == {"b"}
    assert domain.indexes == {"b": 5}
    assert domain.data["fingerprints"]["html:/out"] == {"b": "y"}
    assert domain.used_keys() == {"gerrit"}


def test_merge_copies_only_the_workers_documents(domain):
    domain.usages["kept"] = [usage("old", "")]
    request = ListingRequest((), False, 3)
    worker = {
        "terms": {"glossary": [record("Gerrit")], "stale": [record("Stale")]},
        "usages": {"a": [usage("gerrit", "a")], "kept": []},
        "listings": {"a": [request]},
        "indexes": {"glossary": 4, "stale": 9},
        "fingerprints": {"html:/out": {"a": "from-worker"}},
    }
    domain.merge_domaindata({"glossary", "a"}, worker)
    assert set(domain.terms) == {"glossary"}
    assert set(domain.usages) == {"kept", "a"}
    assert domain.usages["kept"] == [usage("old", "")]
    assert domain.listings == {"a": [request]}
    assert domain.indexes == {"glossary": 4}
    assert domain.data["fingerprints"] == {}


def test_by_key_and_term_at(domain):
    domain.terms["b"] = [record("Gerrit", "b")]
    domain.terms["a"] = [record("Gerrit", "a"), record("Zuul", "a")]
    assert domain.by_key["gerrit"][0] == "a"
    assert domain.term_at("a", "term-Zuul").key == "zuul"
    assert domain.term_at("a", "term-Nope") is None


def test_lookup_gives_target_and_shortened_tooltip(domain):
    domain.env = SimpleNamespace(config=SimpleNamespace(fieldnotes_glossary_tooltip_length=12))
    domain.terms["glossary"] = [record("Gerrit")]
    found = domain.lookup("  GERRIT ")
    assert (found.docname, found.anchor) == ("glossary", "term-Gerrit")
    assert found.tooltip == shorten("Gerrit means something.", 12)
    assert domain.lookup("Zuul") is None
    domain.env.config.fieldnotes_glossary_tooltip_length = 0
    domain._changed()
    assert domain.lookup("gerrit").tooltip == ""


@pytest.fixture
def env():
    found = {"index", "guide/a", "guide/b", "guide/c", "handout", "other"}
    return SimpleNamespace(
        found_docs=found,
        toctree_includes={
            "handout": ["guide/a", "guide/b"],
            "guide/b": ["guide/c", "handout"],
            "index": ["other"],
        },
        config=SimpleNamespace(source_suffix={".md": "markdown", ".rst": "restructuredtext"}),
    )


def test_toctree_descendants_are_recursive_and_cycle_safe(env):
    assert toctree_descendants(env, "handout") == ["guide/a", "guide/b", "guide/c"]
    assert toctree_descendants(env, "other") == []


@pytest.mark.parametrize(
    ("host", "pattern", "expected"),
    [
        ("handout", "guide/a", ["guide/a"]),
        ("handout", "guide/a.md", ["guide/a"]),
        ("guide/a", "b", ["guide/b"]),
        ("guide/a", "/other", ["other"]),
        ("handout", "guide/*", ["guide/a", "guide/b", "guide/c"]),
        ("handout", "guide/[ab]", ["guide/a", "guide/b"]),
        ("handout", "nowhere/*", []),
        ("handout", "missing", []),
    ],
)
def test_match_documents(env, host, pattern, expected):
    assert match_documents(env, host, pattern) == expected


def test_listing_documents(env):
    assert listing_documents(env, "handout", ListingRequest((), False, 1)) == ["handout"]
    assert listing_documents(env, "handout", ListingRequest((), True, 1)) == [
        "handout",
        "guide/a",
        "guide/b",
        "guide/c",
    ]
    assert listing_documents(env, "handout", ListingRequest(("other", "guide/a"), False, 1)) == [
        "other",
        "guide/a",
    ]
    assert listing_documents(env, "handout", ListingRequest(("other",), True, 1))[-1] == "other"


def test_used_on_groups_sections_by_page(domain):
    env = SimpleNamespace(titles={})
    domain.usages["a"] = [Usage("gerrit", "A", "a", False), Usage("gerrit", "Setup", "setup", False)]
    domain.usages["b"] = [Usage("gerrit", "", "", False), Usage("gerrit", "In a definition", "x", True)]
    pages = UsageIndex(env, domain).used_on({"gerrit"})
    assert pages == [
        {
            "docname": "a",
            "title": "a",
            "sections": [{"title": "A", "anchor": "a"}, {"title": "Setup", "anchor": "setup"}],
        },
        {"docname": "b", "title": "b", "sections": []},
    ]


def test_renderers_build_links_and_escaped_text():
    builder = SimpleNamespace(get_relative_uri=lambda fromdoc, todoc: f"{todoc}.html")
    link = Linker(builder, "glossary")
    block = used_on_nodes(
        link, [{"docname": "a", "title": "Page <A>", "sections": [{"title": "S", "anchor": "s"}]}]
    )
    assert block.astext() == "Used on:\n\nPage <A> \N{EM DASH} S"
    assert [r["refuri"] for r in block.findall(nodes.reference)] == ["a.html", "a.html#s"]
    paragraph = paragraph_from((("text", "Run "), ("literal", "x <y>"), ("emphasis", "now")))
    assert [type(c).__name__ for c in paragraph.children] == ["Text", "literal", "emphasis"]
    entries = [
        {"docname": "glossary", "ids": ("term-Gerrit",), "term": "Gerrit", "segments": (("text", "Review."),)}
    ]
    listing = listing_nodes(entries, Linker(builder, "handout"))
    assert listing["classes"] == ["fieldnotesglossaryused"]
    assert [r["refuri"] for r in listing.findall(nodes.reference)] == ["glossary.html#term-Gerrit"]
