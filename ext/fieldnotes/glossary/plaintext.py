"""Definitions as plain data: the first paragraph, whitespace collapsed, shortened sensibly.

:func:`first_paragraph` gives one line of text (tooltips); :func:`first_paragraph_segments`
keeps code, emphasis and strong spans as ``(kind, text)`` pairs (printed listings).
"""

from __future__ import annotations

import re

from docutils import nodes

_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?](?=\s)")
ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"


Segment = tuple[str, str]  # (kind, text), kind one of "text", "literal", "emphasis", "strong"

_KINDS: dict[type[nodes.Element], str] = {
    nodes.literal: "literal",
    nodes.emphasis: "emphasis",
    nodes.strong: "strong",
}


def _walk(node: nodes.Node, out: list[list[str]]) -> None:
    if isinstance(node, nodes.raw):  # markup (MyST inline HTML), not text
        return
    if isinstance(node, nodes.Text):
        out.append(["text", str(node)])
        return
    kind = _KINDS.get(type(node))
    if kind is not None:
        out.append([kind, node.astext()])
        return
    for child in node.children:
        _walk(child, out)


def first_paragraph_segments(definition: nodes.Element) -> list[Segment]:
    """The first paragraph of a definition as ``(kind, text)`` runs, whitespace collapsed."""
    paragraph = next(iter(definition.findall(nodes.paragraph)), None)
    raw: list[list[str]] = []
    _walk(paragraph if paragraph is not None else definition, raw)
    segments: list[list[str]] = []
    for kind, text in raw:
        text = _SPACE.sub(" ", text)
        if segments and segments[-1][0] == kind == "text":
            segments[-1][1] += text
        elif text:
            segments.append([kind, text])
    if segments:
        segments[0][1] = segments[0][1].lstrip()
        segments[-1][1] = segments[-1][1].rstrip()
    return [(kind, text) for kind, text in segments if text]


def first_paragraph(definition: nodes.Element) -> str:
    """The first paragraph of a glossary definition as one line of plain text."""
    text = "".join(text for _, text in first_paragraph_segments(definition))
    return _SPACE.sub(" ", text).strip()


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, never inside a word.

    Whole sentences are kept when they fill at least half of the room; otherwise the
    text is cut at the last word boundary and ends with an ellipsis.
    """
    text = _SPACE.sub(" ", text).strip()
    if limit <= 0 or len(text) <= limit:
        return text
    head = text[: limit + 1]
    sentence_ends = [m.end() for m in _SENTENCE_END.finditer(head)]
    if sentence_ends and sentence_ends[-1] >= limit // 2:
        return head[: sentence_ends[-1]]
    cut = head.rfind(" ", 0, limit)
    words = head[:cut] if cut > 0 else text[: limit - 1]
    return words.rstrip(" ,;:-\N{EN DASH}\N{EM DASH}") + ELLIPSIS
