"""The ``talk`` and ``talk-list`` directives: parse options, store records, emit nodes."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from fieldnotes.glossary.uses import mark_term_uses
from fieldnotes.talks import render
from fieldnotes.talks.nodes import talk_list
from fieldnotes.talks.parse import LIST_OPTIONS, TALK_OPTIONS, parse_list_options, parse_talk
from fieldnotes.talks.records import Problem

logger = logging.getLogger(__name__)


class AnyOption(dict):
    """An ``option_spec`` that accepts unknown options (as text) so the directive can report them.

    docutils and MyST look options up with ``spec[name]``; an unknown name gets
    :func:`~docutils.parsers.rst.directives.unchanged` instead of an error that would drop the
    whole directive.
    """

    def __missing__(self, key: str) -> Any:
        return directives.unchanged


def _spec(names: tuple[str, ...]) -> AnyOption:
    # Every value is taken as text and validated by the parser: a bad value is a warning, never a
    # docutils error that drops the directive (``:speakers-unknown: yes`` is still the flag).
    return AnyOption(dict.fromkeys(names, directives.unchanged))


class _Directive(SphinxDirective):
    known: ClassVar[tuple[str, ...]] = ()
    kind = ""

    def report(self, problems: list[Problem]) -> None:
        """Log each problem as a ``fieldnotes`` warning at this directive."""
        for problem in problems:
            logger.warning(
                "%s: %s",
                self.kind,
                problem.message,
                location=self.get_location(),
                type="fieldnotes",
                subtype=problem.subtype,
            )

    def known_options(self) -> dict[str, str | None]:
        """The options the directive knows; a warning for each of the others."""
        self.report(
            [
                Problem(
                    f"{self.kind}.unknown-option",
                    f"unknown option :{name}: (known: {', '.join(self.known)})",
                )
                for name in self.options
                if name not in self.known
            ]
        )
        return {k: v for k, v in self.options.items() if k in self.known}


class TalkDirective(_Directive):
    """``talk``: a card with the talk's metadata; the content is the abstract."""

    kind = "talk"
    known = TALK_OPTIONS
    has_content = True
    required_arguments = 0  # a missing title is reported, not an error that drops the card
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = _spec(TALK_OPTIONS)

    def run(self) -> list[nodes.Node]:
        """Validate, store the record in the domain and return the card."""
        options = self.known_options()
        talk, problems = parse_talk(self.arguments[0] if self.arguments else "", options)
        self.report(problems)

        docname = self.env.current_document.docname
        domain = self.env.domains["talks"]
        anchor, n = talk.anchor, 1
        while anchor in self.state.document.ids or domain.anchor_taken(docname, anchor):
            n += 1
            anchor = f"{talk.anchor}-{n}"
        abstract = self.parse_content_to_nodes() if self.content else []
        text = "\n\n".join(" ".join(node.astext().split()) for node in abstract if node.astext().strip())
        talk = replace(talk, anchor=anchor, docname=docname, lineno=self.lineno, abstract=text)
        domain.add_talk(talk)

        card = render.card(talk, abstract)
        mark_term_uses(card, talk.tags)  # a tag naming a glossary term is a use of it
        self.set_source_info(card)
        self.state.document.ids[anchor] = card
        return [card]


class TalkListDirective(_Directive):
    """``talk-list``: a placeholder filled with the matching talks when the page is written."""

    kind = "talk-list"
    known = LIST_OPTIONS
    has_content = False
    option_spec = _spec(LIST_OPTIONS)

    def run(self) -> list[nodes.Node]:
        """Validate the filters, store the listing in the domain and return the placeholder."""
        spec, problems = parse_list_options(self.known_options())
        self.report(problems)
        docname = self.env.current_document.docname
        index = self.env.domains["talks"].add_listing(docname, spec)
        node = talk_list(docname=docname, index=index)
        self.set_source_info(node)
        return [node]
