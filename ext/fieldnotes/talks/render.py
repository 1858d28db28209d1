"""Build fresh docutils nodes from talk records: card details, listing cards, tables and lists.

Links to talks, speakers, events and tags are made by a *link* callable (see
:class:`fieldnotes.talks.linking.TalkLinks`). Links to the web are ``reference`` nodes with the
class ``fieldnotes-talk-link``; in formats without hyperlinks (``print_urls``) they read
"Label: URL" so a reader of paper can type the address.
"""

from __future__ import annotations

from typing import Protocol

from docutils import nodes

from fieldnotes.i18n import _
from fieldnotes.talks.nodes import talk_card, talk_title
from fieldnotes.talks.records import ListingSpec, Talk
from fieldnotes.talks.select import link_labels

ABSTRACT_PREVIEW = 240


class Link(Protocol):
    """Makes the node for a link to a talk, speaker, event or tag."""

    def __call__(self, kind: str, target: str, text: str, talk: Talk | None = None) -> nodes.Node:
        """A link of *kind* to *target* showing *text* (*talk*: the record, for ``kind="talk"``)."""
        ...


def _joined(items: list[nodes.Node]) -> list[nodes.Node]:
    out: list[nodes.Node] = []
    for i, item in enumerate(items):
        if i:
            out.append(nodes.Text(", "))
        out.append(item)
    return out


def speakers_text(talk: Talk) -> str:
    """The speakers as text, or why there are none."""
    if talk.speakers:
        return ", ".join(talk.speakers)
    return str(_("not recorded") if talk.speakers_unknown else _("unknown"))


def speaker_nodes(talk: Talk, link: Link) -> list[nodes.Node]:
    """The speakers as links to the speaker index, or "not recorded"."""
    if not talk.speakers:
        text = speakers_text(talk)
        return [nodes.emphasis(text, text)]
    return _joined([link("speaker", name, name) for name in talk.speakers])


def _field(term: str, body: list[nodes.Node], cls: str) -> nodes.definition_list_item:
    item = nodes.definition_list_item(classes=[cls])
    item += nodes.term(term, term)
    item += nodes.definition("", nodes.paragraph("", "", *body))
    return item


def metadata(talk: Talk, link: Link) -> nodes.definition_list:
    """Speakers, event, date and tags as a definition list (only the fields the talk has)."""
    dl = nodes.definition_list(classes=["fieldnotes-talk-meta"])
    dl += _field(str(_("Speakers")), speaker_nodes(talk, link), "fieldnotes-talk-speakers")
    if talk.event:
        dl += _field(str(_("Event")), [link("event", talk.event, talk.event)], "fieldnotes-talk-event")
    if talk.date_text:
        dl += _field(str(_("Date")), [nodes.Text(talk.date or talk.date_text)], "fieldnotes-talk-date")
    if talk.tags:
        tags = _joined([link("tag", tag, tag) for tag in talk.tags])
        dl += _field(str(_("Tags")), tags, "fieldnotes-talk-tags")
    return dl


def web_link(label: str, url: str, *, print_url: bool) -> list[nodes.Node]:
    """A labelled web link; with *print_url*, "Label: URL" with the URL as the link text."""
    if print_url:
        return [
            nodes.Text(f"{label}: "),
            nodes.reference(url, url, refuri=url, classes=["fieldnotes-talk-link"]),
        ]
    return [nodes.reference(label, label, refuri=url, classes=["fieldnotes-talk-link"])]


def links(talk: Talk, *, print_urls: bool) -> nodes.bullet_list | None:
    """Links labelled "Video", "Slides", "Talk page" (by host when there are several)."""
    items = nodes.bullet_list(classes=["fieldnotes-talk-links"])
    for kind, urls in ((_("Video"), talk.videos), (_("Slides"), talk.slides), (_("Talk page"), talk.pages)):
        for label, url in zip(link_labels(str(kind), urls), urls, strict=True):
            items += nodes.list_item("", nodes.paragraph("", "", *web_link(label, url, print_url=print_urls)))
    return items if len(items) else None


def card(talk: Talk, abstract: list[nodes.Node]) -> talk_card:
    """The card a ``talk`` directive puts in its page: title and abstract; details come later."""
    node = talk_card(classes=["fieldnotes-talk"], ids=[talk.anchor], docname=talk.docname, anchor=talk.anchor)
    title = talk.title or str(_("Untitled talk"))
    node += talk_title(title, title, classes=["fieldnotes-talk-title"])
    if abstract:
        node += nodes.container("", *abstract, classes=["fieldnotes-talk-abstract"])
    return node


def fill_card(node: talk_card, talk: Talk, link: Link, *, print_urls: bool) -> None:
    """Add the details (metadata after the title, links at the end) to a card made by :func:`card`."""
    node.insert(1, metadata(talk, link))
    link_list = links(talk, print_urls=print_urls)
    if link_list is not None:
        node += link_list


def _title_link(talk: Talk, link: Link) -> nodes.Node:
    return link("talk", talk.id, talk.title or str(_("Untitled talk")), talk)


def preview(text: str, limit: int = ABSTRACT_PREVIEW) -> str:
    """*text* cut at a word boundary to at most *limit* characters (with an ellipsis)."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def listing_card(talk: Talk, link: Link, *, print_urls: bool) -> talk_card:
    """A card in a ``cards`` listing: the title links to the talk's own card; no id."""
    node = talk_card(classes=["fieldnotes-talk", "fieldnotes-talk-summary"])
    node += talk_title("", "", _title_link(talk, link), classes=["fieldnotes-talk-title"])
    node += metadata(talk, link)
    if talk.abstract:
        text = preview(" ".join(talk.abstract.split()))
        node += nodes.paragraph(text, text, classes=["fieldnotes-talk-abstract"])
    link_list = links(talk, print_urls=print_urls)
    if link_list is not None:
        node += link_list
    return node


def _entry(*children: nodes.Node) -> nodes.entry:
    return nodes.entry("", nodes.paragraph("", "", *children))


def listing_table(talks: list[Talk], link: Link) -> nodes.table:
    """A table: title, speakers, event, date."""
    table = nodes.table(classes=["fieldnotes-talk-table", "no-search"])
    group = nodes.tgroup(cols=4)
    table += group
    for width in (40, 25, 25, 10):
        group += nodes.colspec(colwidth=width)
    head = nodes.row()
    for label in (_("Title"), _("Speakers"), _("Event"), _("Date")):
        head += _entry(nodes.Text(str(label)))
    group += nodes.thead("", head)
    body = nodes.tbody()
    for talk in talks:
        row = nodes.row()
        row += _entry(_title_link(talk, link))
        row += _entry(*speaker_nodes(talk, link))
        row += _entry(link("event", talk.event, talk.event)) if talk.event else _entry()
        row += _entry(nodes.Text(talk.date or talk.date_text))
        body += row
    group += body
    return table


def listing_list(talks: list[Talk], link: Link) -> nodes.bullet_list:
    """A compact bullet list: "Title, Speakers (Event, date)"; only the title is a link."""
    items = nodes.bullet_list(classes=["fieldnotes-talk-list", "no-search"])
    for talk in talks:
        where = ", ".join(x for x in (talk.event, talk.date or talk.date_text) if x)
        text = f", {speakers_text(talk)} ({where})" if where else f", {speakers_text(talk)}"
        items += nodes.list_item("", nodes.paragraph("", "", _title_link(talk, link), nodes.Text(text)))
    return items


def listing(talks: list[Talk], spec: ListingSpec, link: Link, *, print_urls: bool) -> list[nodes.Node]:
    """The nodes that replace a ``talk-list`` placeholder.

    Listings carry the ``no-search`` class: search finds each talk on its own page, once.
    """
    if not talks:
        text = str(_("No talks match this list."))
        return [nodes.paragraph(text, text, classes=["fieldnotes-talk-list-empty"])]
    if spec.layout == "cards":
        grid = nodes.container(classes=["fieldnotes-talk-grid", "no-search"])
        grid += [listing_card(talk, link, print_urls=print_urls) for talk in talks]
        return [grid]
    if spec.layout == "table":
        return [listing_table(talks, link)]
    return [listing_list(talks, link)]
