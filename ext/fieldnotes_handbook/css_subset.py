"""Stylesheets cut down to the rules one page can use (pure text processing, no Sphinx).

A rule is kept when one of its selectors could match the page: every class the selector
names (outside ``:not(...)``) is a class some element of the page has. Rules whose selectors
name no class (``:root``, ``body``), ``@font-face`` and other statements are kept; ``@media``
and ``@supports`` blocks are cut down the same way, and dropped when nothing is left;
``@keyframes`` are kept when a kept rule names them. Comments are dropped.

This is meant for stylesheets whose classes are all written into the page by the build (such
as Pygments' token classes and sphinx-design's components), not for classes a script adds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_NOT = re.compile(r":not\((?:[^()]|\([^()]*\))*\)")
_CLASS = re.compile(r"\.(-?[_a-zA-Z][-\w]*)")
_CLASS_ATTRIBUTE = re.compile(r'\bclass="([^"]*)"')
_GROUPING = ("@media", "@supports", "@layer", "@container")


def page_classes(html: str) -> set[str]:
    """Every class named in ``class="..."`` attributes of ``html``."""
    return {name for match in _CLASS_ATTRIBUTE.finditer(html) for name in match.group(1).split()}


def blocks(css: str) -> Iterator[tuple[str, str]]:
    """Top-level ``(prelude, body)`` pairs; a statement without a block (``@import ...;``) has body ``""``.

    Strings are skipped over, so braces inside ``content: "{"`` do not count.
    """
    depth, start, prelude_end, quote = 0, 0, -1, ""
    index = 0
    while index < len(css):
        char = css[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "{":
            if depth == 0:
                prelude_end = index
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                yield css[start:prelude_end].strip(), css[prelude_end + 1 : index]
                start = index + 1
        elif char == ";" and depth == 0:
            yield css[start : index + 1].strip(), ""
            start = index + 1
        index += 1


def split_selectors(prelude: str) -> list[str]:
    """The selectors of a selector list (commas inside parentheses do not split)."""
    selectors, depth, current = [], 0, []
    for char in prelude:
        if char == "," and depth == 0:
            selectors.append("".join(current))
            current = []
            continue
        depth += (char == "(") - (char == ")")
        current.append(char)
    selectors.append("".join(current))
    return [selector.strip() for selector in selectors if selector.strip()]


def selector_matches(selector: str, classes: set[str]) -> bool:
    """Whether every class ``selector`` requires (``:not(...)`` aside) is in ``classes``."""
    return set(_CLASS.findall(_NOT.sub("", selector))) <= classes


def subset(css: str, classes: set[str]) -> str:
    """The rules of ``css`` that can match a page with ``classes`` (see the module docstring)."""
    kept: list[str] = []
    keyframes: list[tuple[str, str]] = []
    for prelude, body in blocks(_COMMENT.sub("", css)):
        if not body and prelude.endswith(";"):
            kept.append(prelude)
        elif prelude.startswith(_GROUPING):
            inner = subset(body, classes)
            if inner:
                kept.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith(("@keyframes", "@-webkit-keyframes")):
            keyframes.append((prelude, body))
        elif prelude.startswith("@") or any(selector_matches(s, classes) for s in split_selectors(prelude)):
            kept.append(f"{prelude}{{{body}}}")
    text = "\n".join(kept)
    for prelude, body in keyframes:
        name = prelude.split(None, 1)[-1].strip()
        if re.search(rf"(?<![-\w]){re.escape(name)}(?![-\w])", text):
            kept.append(f"{prelude}{{{body}}}")
    return "\n".join(kept)
