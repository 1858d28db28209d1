"""Find talk cards that MyST did not read as directives, so they are never lost in silence.

A backtick fence cannot hold a title with backticks (CommonMark forbids them in a backtick
fence's info string): ```` ```{talk} The `str` type ```` is read as a paragraph, and the fence
that was meant to close it opens a code block that swallows the next card. In reST, a
directive without its space (``..talk::``) is a paragraph, and one with a single colon
(``.. talk: Title``) is a comment. This transform (reading, before the page is stored) warns
at each paragraph that starts with a ``talk`` or ``talk-list`` fence, name or directive
marker, at each code block without a language that starts with such a fence, and at each
comment that starts with ``talk:`` or ``talk-list:``.

Warning: type ``fieldnotes``, subtype ``talk.unparsed-fence``.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)

_FENCE = r"(?:`{3,}|~{3,}|:{3,})"
#: A paragraph's first text: a fence opening, the bare directive name, or a reST marker.
_PARAGRAPH = re.compile(
    rf"^\s*(?:(?:{_FENCE}\s*)?\{{(talk|talk-list)\}}(?:\s|$)|\.\.\s*(talk|talk-list)\s*::?(?:\s|$))"
)
#: A comment's text: a reST directive written with one colon.
_COMMENT = re.compile(r"^\s*(talk|talk-list):(?:\s|$)")
#: A code block's first line: a fence opening.
_CODE = re.compile(rf"^\s*{_FENCE}\s*\{{(talk|talk-list)\}}")
_ADVICE = (
    "in MyST write the fence with ~~~ or ::: (a backtick fence cannot hold a title with backticks); "
    "in reST write '.. talk:: Title'"
)


def unparsed_name(node: nodes.Node) -> tuple[str, int] | None:
    """The directive a paragraph or code block holds unparsed, and its line offset (or ``None``).

    The offset is how many lines below the node's own line the directive starts.
    """
    if isinstance(node, (nodes.paragraph, nodes.term)):  # reST: "..talk:: T" + options is a term
        first = node.children[0] if node.children else None
        match = _PARAGRAPH.match(first.astext()) if isinstance(first, nodes.Text) else None
        return (match.group(1) or match.group(2), 0) if match else None
    if isinstance(node, nodes.comment):
        match = _COMMENT.match(node.astext())
        # docutils gives a comment the line after its last one.
        return (match.group(1), -len(node.astext().splitlines())) if match else None
    if isinstance(node, nodes.literal_block) and node.get("language") in (None, "", "default"):
        lines = node.astext().splitlines()
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        match = _CODE.match(lines[first]) if first is not None else None
        # A MyST fence's node is on the fence line: its content starts one line below.
        return (match.group(1), first + 1) if match and first is not None else None
    return None


class DetectUnparsedFences(SphinxTransform):
    """Warn at every ``talk``/``talk-list`` the parser left as a paragraph or a code block."""

    default_priority = 700  # after the parse, before smart quotes change the text

    def apply(self, **kwargs: Any) -> None:
        """Check the page's paragraphs and code blocks."""
        kinds = (nodes.paragraph, nodes.term, nodes.literal_block, nodes.comment)
        for node in self.document.findall(lambda n: isinstance(n, kinds)):
            found = unparsed_name(node)
            if found is None:
                continue
            name, offset = found
            where = {nodes.literal_block: "code block", nodes.comment: "comment"}.get(type(node), "paragraph")
            logger.warning(
                "%s: this %s holds a %s directive that was not read as one, so the %s is not shown; %s",
                name,
                where,
                name,
                "card" if name == "talk" else "listing",
                _ADVICE,
                location=(self.env.current_document.docname, (node.line or 0) + offset),
                type="fieldnotes",
                subtype="talk.unparsed-fence",
            )
