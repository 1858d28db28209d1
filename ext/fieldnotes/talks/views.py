"""Resolve, for freshness: what each page shows of talk data defined on other pages.

A page depends on talks it does not define when it has a listing, uses the ``talk`` or
``speaker`` roles, or has cards whose tags may name a glossary term. :func:`page_views` gives
that data per page; :mod:`fieldnotes.freshness` rewrites the pages whose view changed.
"""

from __future__ import annotations

from dataclasses import astuple, fields
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from fieldnotes.freshness import changed_pages
from fieldnotes.talks.records import Talk
from fieldnotes.talks.select import select

#: What a listing shows of a talk: every field but where its source line is.
_SHOWN = attrgetter(*(f.name for f in fields(Talk) if f.name != "lineno"))

if TYPE_CHECKING:
    from fieldnotes.talks.domain import TalksDomain


def page_views(domain: TalksDomain) -> dict[str, Any]:
    """Per page: the talks its listings show, the targets of its roles and of its cards' tags."""
    data = domain.data
    talks = domain.all_talks()
    shown = {id(t): _SHOWN(t) for t in talks}
    tag_targets: dict[str, Any] = {}

    def tags_of(talk: Talk) -> list[Any]:
        """Where the talk's tags that name a glossary term go (tags that name none show nothing)."""
        for tag in talk.tags:
            if tag not in tag_targets:
                target = domain.glossary_term(tag)
                tag_targets[tag] = target and astuple(target)
        return [(tag, tag_targets[tag]) for tag in talk.tags if tag_targets[tag]]

    views: dict[str, Any] = {}
    for docname in set(data["listings"]) | set(data["refs"]) | set(data["talks"]):
        view: list[Any] = []
        for spec in data["listings"].get(docname, ()):
            view.append([(shown[id(t)], tags_of(t)) for t in select(talks, spec)])
        for kind, target in data["refs"].get(docname, ()):
            found = domain.target(kind, target)
            view.append(found and astuple(found))
        view.extend(tags for t in data["talks"].get(docname, ()) if (tags := tags_of(t)))
        if view:
            views[docname] = view
    return views


def on_env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The pages whose view changed since this output last wrote them."""
    domain: TalksDomain = env.domains["talks"]  # type: ignore[assignment]
    return changed_pages(domain.data["fingerprints"], app.builder, page_views(domain), env.found_docs)
