"""Render (a post-transform, main process): card details and ``talk-list`` listings.

Both are rendered fresh from the domain's records when a page is written, with the builder's
own links (one link maker, :class:`fieldnotes.links.Linker`), so they are never stale and need no
second resolving pass. It runs among the post-transforms, before those that read links (such as
the linkcheck builder's collector). Pages without cards or listings are skipped from the
collected data, without walking their doctree.
"""

from __future__ import annotations

from typing import Any

from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from fieldnotes.sphinx_internals import current_builder, one_tree_per_document
from fieldnotes.talks import render
from fieldnotes.talks.linking import TalkLinks
from fieldnotes.talks.nodes import talk_card, talk_list
from fieldnotes.talks.select import select

logger = logging.getLogger(__name__)


def _warn_empty(node: talk_list, filters: str) -> None:
    logger.warning(
        "talk-list: no talk matches %s",
        filters or "(no filter: the site has no talks)",
        location=node,
        type="fieldnotes",
        subtype="talk-list.empty",
    )


class FillTalks(SphinxPostTransform):
    """Fill every card made by the ``talk`` directive, and replace every ``talk-list``."""

    default_priority = 20  # after references are resolved, before links are collected

    def run(self, **kwargs: Any) -> None:
        """Render this page's cards and listings from the domain's records."""
        builder = current_builder(self.env)
        domain = self.env.domains["talks"]
        docname = self.env.current_document.docname
        data = domain.data
        if (
            one_tree_per_document(builder.name)
            and docname not in data["talks"]
            and docname not in data["listings"]
        ):
            return
        print_urls = builder.format != "html"
        link = TalkLinks(domain, builder, docname)
        for card in list(self.document.findall(talk_card)):
            if "anchor" not in card:
                continue
            talk = domain.talk_at(card["docname"], card["anchor"])
            if talk is not None:
                render.fill_card(card, talk, link, print_urls=print_urls)
            del card["anchor"], card["docname"]
        for node in list(self.document.findall(talk_list)):
            spec = data["listings"][node["docname"]][node["index"]]
            chosen = select(domain.all_talks(), spec)
            if not chosen and not spec.matches_nothing:
                filters = (f":{k}: {getattr(spec, k)}" for k in ("event", "speaker", "tag", "year"))
                _warn_empty(node, ", ".join(f for f in filters if not f.endswith(": ")))
            node.replace_self(render.listing(chosen, spec, link, print_urls=print_urls))
