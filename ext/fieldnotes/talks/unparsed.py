"""Find talk cards that MyST did not read as directives, so they are never lost in silence.

A backtick fence cannot hold a title with backticks (CommonMark forbids them in a backtick
fence's info string): ```` ```{talk} The `str` type ```` is read as a paragraph, and the fence
that was meant to close it opens a code block that swallows the next card. This transform
(reading, before the page is stored) warns at each paragraph that starts with a ``talk`` or
``talk-list`` fence or name, and at each code block without a language that starts with one.

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
#: A paragraph's first text: a fence opening, or the bare directive name.
_PARAGRAPH = re.compile(rf"^\s*(?:{_FENCE}\s*)?\{{(talk|talk-list)\}}(?:\s|$)")
#: A code block's first line: a fence opening.
_CODE = re.compile(rf"^\s*{_FENCE}\s*\{{(talk|talk-list)\}}")
_ADVICE = "write the fence with ~~~ or ::: (a backtick fence cannot hold a title with backticks)"


def unparsed_name(node: nodes.Node) -> tuple[str, int] | None:
    """The directive (``talk`` or ``talk-list``) a paragraph or code block holds unparsed, if any,
    and how many lines below the node's own line it starts.
    """
    if isinstance(node, nodes.paragraph):
        first = node.children[0] if node.children else None
        match = _PARAGRAPH.match(first.astext()) if isinstance(first, nodes.Text) else None
        return (match.group(1), 0) if match else None
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
        for node in self.document.findall(lambda n: isinstance(n, (nodes.paragraph, nodes.literal_block))):
            found = unparsed_name(node)
            if found is None:
                continue
            name, offset = found
            where = "paragraph" if isinstance(node, nodes.paragraph) else "code block"
            logger.warning(
                "%s: this %s holds a {%s} fence that was not read as a directive, so the %s is not shown; %s",
                name,
                where,
                name,
                "card" if name == "talk" else "listing",
                _ADVICE,
                location=(self.env.current_document.docname, (node.line or 0) + offset),
                type="fieldnotes",
                subtype="talk.unparsed-fence",
            )
