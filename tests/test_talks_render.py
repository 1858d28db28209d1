"""Unit tests of the talks component's renderers, index bodies and export (no Sphinx build)."""

from __future__ import annotations

import json
from types import SimpleNamespace

from docutils import nodes
from fieldnotes.talks import export, render
from fieldnotes.talks.index_pages import entry_anchor, index_body
from fieldnotes.talks.indices import EventIndex, SpeakerIndex, TagIndex
from fieldnotes.talks.parse import parse_list_options, parse_talk
from fieldnotes.talks.records import Talk


def talk(title: str = "T <b>", **options: str) -> Talk:
    record, _ = parse_talk(
        title, {"speakers": "Ann, Bob", "event": "E 2011", "date": "2011-06-20", **options}
    )
    return record


def link(kind: str, target: str, text: str, record: Talk | None = None) -> nodes.Node:
    """A stand-in link maker: a reference whose URI names the kind and target."""
    return nodes.reference(text, text, refuri=f"{kind}:{target}")


def refs(node: nodes.Node) -> list[str]:
    return [r["refuri"] for r in node.findall(nodes.reference)]


def test_metadata_lists_only_the_fields_a_talk_has() -> None:
    dl = render.metadata(talk(tags="a, b"), link)
    assert [item["classes"][0] for item in dl.children] == [
        "fieldnotes-talk-speakers",
        "fieldnotes-talk-event",
        "fieldnotes-talk-date",
        "fieldnotes-talk-tags",
    ]
    assert refs(dl) == ["speaker:Ann", "speaker:Bob", "event:E 2011", "tag:a", "tag:b"]
    bare, _ = parse_talk("T", {"speakers-unknown": None, "event": "E"})
    dl = render.metadata(bare, link)
    assert len(dl.children) == 2
    assert dl.children[0].astext().endswith("not recorded")


def test_card_is_filled_with_details_and_links() -> None:
    record = talk(video="https://youtu.be/1 https://pyvideo.org/2", slides="https://s.org/x.pdf")
    card = render.card(record, [nodes.paragraph("", "Abstract.")])
    assert card["ids"] == [record.anchor]
    assert [type(c).__name__ for c in card.children] == ["talk_title", "container"]
    render.fill_card(card, record, link, print_urls=False)
    assert [type(c).__name__ for c in card.children] == [
        "talk_title",
        "definition_list",
        "container",
        "bullet_list",
    ]
    labels = [r.astext() for r in card.children[-1].findall(nodes.reference)]
    assert labels == ["Video (YouTube)", "Video (pyvideo.org)", "Slides"]


def test_print_urls_show_the_address_after_the_label() -> None:
    record = talk(video="https://youtu.be/1")
    (item,) = render.links(record, print_urls=True).children
    assert item.astext() == "Video: https://youtu.be/1"


def test_listing_layouts_and_empty_listing() -> None:
    talks = [talk("A"), talk("B")]
    for layout, cls in (
        ("cards", "fieldnotes-talk-grid"),
        ("table", "fieldnotes-talk-table"),
        ("list", "fieldnotes-talk-list"),
    ):
        spec, _ = parse_list_options({"layout": layout})
        (node,) = render.listing(talks, spec, link, print_urls=False)
        assert cls in node["classes"] and "no-search" in node["classes"]
        assert refs(node)[0].startswith("talk:")
    spec, _ = parse_list_options({})
    (empty,) = render.listing([], spec, link, print_urls=False)
    assert empty.astext() == "No talks match this list."


def test_preview_cuts_at_a_word() -> None:
    assert render.preview("short") == "short"
    assert render.preview("one two three four", 9) == "one two…"


def test_index_body_escapes_and_anchors_each_entry() -> None:
    content = [
        (
            "A",
            [
                ("Ann <x>", 1, "p", "talk-1", "2 talks", "", ""),
                ("T & U", 2, "p", "talk-1", "E, 2011", "", ""),
            ],
        ),
    ]
    html = index_body("Talks by speaker", content, lambda page: f"{page}.html")
    assert f'<dt id="{entry_anchor("Ann <x>")}">Ann &lt;x&gt; <span>(2 talks)</span></dt>' in html
    assert '<a href="p.html#talk-1">T &amp; U</a> <em>(E, 2011)</em>' in html
    assert '<a href="#cap-A">A</a>' in html


def test_indices_group_by_key_and_letter() -> None:
    talks = [talk("B talk", tags="web"), talk("A talk", speakers="Zoe", tags="web, data")]
    domain = SimpleNamespace(all_talks=lambda: [replace_doc(t, f"d{i}") for i, t in enumerate(talks)])
    content, _ = SpeakerIndex(domain).generate()
    assert [letter for letter, _ in content] == ["A", "B", "Z"]
    content, _ = TagIndex(domain).generate()
    web = [e for letter, entries in content for e in entries if letter == "W"]
    assert web[0].name == "web" and web[0].extra == "2 talks"
    assert [e.name for e in web[1:]] == ["A talk", "B talk"]
    content, _ = EventIndex(domain).generate(docnames=["d0"])
    assert [e.name for _, entries in content for e in entries] == ["E 2011", "B talk"]


def replace_doc(record: Talk, docname: str) -> Talk:
    from dataclasses import replace

    return replace(record, docname=docname)


def test_talks_json_entry_and_document() -> None:
    record = replace_doc(talk(video="https://youtu.be/1", page="https://ep.org/p"), "talks/t")
    entry = export.talk_entry(record, "talks/t.html#talk-x", "https://site.example/")
    assert entry["videos"] == [{"type": "youtube", "url": "https://youtu.be/1"}]
    assert entry["related_urls"] == [{"label": "Talk page", "url": "https://ep.org/p"}]
    assert entry["absolute_url"] == "https://site.example/talks/t.html#talk-x"
    document = json.loads(export.talks_json([record], ["talks/t.html#talk-x"], ""))
    assert document["count"] == 1 and "absolute_url" not in document["talks"][0]
    assert json.loads(export.talks_json([], [], ""))["talks"] == []
