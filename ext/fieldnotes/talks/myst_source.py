"""Write text into MyST Markdown source so that MyST reads back exactly that text (pure functions).

- :func:`option_value`: a directive option value, double-quoted when MyST's option parser
  would otherwise change it (a leading ``#``, quote, ``|`` or ``>``, a `` #`` inside, spaces at
  either end).
- :func:`paragraphs`: plain text as Markdown paragraphs, every character that could start
  markup escaped with a backslash (the text shows as written, nothing becomes a link, a list,
  a heading, a role or a fence).
- :func:`talk_fence`: a ``talk`` directive with a tilde fence (a backtick fence cannot hold a
  title with backticks).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Characters that start or end markup anywhere in a line (CommonMark and MyST's extensions).
_ANYWHERE = set("\\`*_[]<>{}$|~&#!%^+=")
#: What starts a block at the beginning of a line: lists, breaks, fences, targets, field lists.
_LINE_START = re.compile(r"^([-:(]|\d+[.)])")
_NEEDS_QUOTES = re.compile(r"""^[#'"|>\[\]{}&*!%@`,?:-]|\s#|^\s|\s$|:$""")


def option_value(value: str) -> str:
    """*value* as MyST must see it after ``:name:`` (double-quoted only when needed)."""
    value = " ".join(value.split())
    if not value or not _NEEDS_QUOTES.search(value):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _escape_line(line: str) -> str:
    line = "".join(f"\\{ch}" if ch in _ANYWHERE else ch for ch in line.strip())
    match = _LINE_START.match(line)
    if match:
        token = match.group(1)
        line = token[:-1] + "\\" + token[-1] + line[len(token) :]
    return line


def inline(text: str) -> str:
    """*text* on one line, escaped (for a heading)."""
    return _escape_line(" ".join(text.split()))


def paragraphs(text: str) -> list[str]:
    """*text* as escaped Markdown paragraphs (blank lines separate them; lines are kept)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    blocks = re.split(r"\n\s*\n", text)
    out = []
    for block in blocks:
        lines = [_escape_line(line) for line in block.split("\n") if line.strip()]
        if lines:
            out.append("\n".join(lines))
    return out


def talk_fence(title: str, options: Iterable[tuple[str, str | None]], body: list[str]) -> str:
    """A ``talk`` directive: ``(name, value)`` options (``None`` for a flag) and body paragraphs."""
    lines = [f"~~~{{talk}} {' '.join(title.split())}"]
    for name, value in options:
        lines.append(f":{name}:" if value is None else f":{name}: {option_value(value)}")
    if body:
        lines.append("")
        lines.append("\n\n".join(body))
    lines.append("~~~")
    return "\n".join(lines) + "\n"
