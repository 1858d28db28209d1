"""Public API: count words that other components show as uses of glossary terms.

A component that renders names which may be glossary terms (the talk cards' tags) marks the
node that shows them with :func:`mark_term_uses`. When the page is read, the glossary counts
each name that is a term as used in that node's section, as it counts a ``term`` reference:
the term is not reported unused and the page appears in its "Used on" list. A name that is no
term is ignored. Marking is inert when ``fieldnotes.glossary`` is not loaded, so callers need
not check.
"""

from __future__ import annotations

from collections.abc import Iterable

from docutils import nodes

#: The node attribute that holds the marked names.
ATTRIBUTE = "fieldnotes_term_uses"


def mark_term_uses(node: nodes.Element, names: Iterable[str]) -> None:
    """Mark *node* as showing *names*, which count as uses of the glossary terms they name."""
    marked = tuple(dict.fromkeys(" ".join(name.split()) for name in names if name.strip()))
    if marked:
        node[ATTRIBUTE] = marked


def term_uses(node: nodes.Element) -> tuple[str, ...]:
    """The names marked on *node* (none when it is not marked)."""
    return tuple(node.get(ATTRIBUTE, ()))
