"""Find MyST fences that are broken: never closed, or closed in the wrong place.

A fence left open does not fail the build: it swallows what follows. Either it runs to the end
of the page (or of its list item), or the next bare closing fence, meant for another block,
closes it, and the prose in between becomes code or part of a directive. This check parses
each page with MyST's own Markdown parser, configured as ``conf.py`` configures it, so it
sees fences exactly as the build does, and reports:

- a fence that never closes;
- a fence whose closing line is indented differently from its opening line;
- a fence that contains what opens another fence of the same kind and at least its length
  (``````console`` inside ```````, ``:::{note}`` inside ``:::``): a fence is missing, or the
  outer one needs a longer marker, as MyST requires for nesting.

Directives holding Markdown (``:::{note}``, ```````{tip}``) are checked inside as well.

    python tools/myst_fences.py docs/            # exit status 1 if any fence is broken
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.mdit import create_md_parser

CONF = Path(__file__).resolve().parent.parent / "conf.py"
FENCES = {"fence", "colon_fence"}
# Directives whose body is not Markdown: their fences hold code.
LITERAL_DIRECTIVES = {"code-block", "code", "code-cell", "sourcecode", "math", "raw", "graphviz", "csv-table"}
OPENING = re.compile(r"^(?P<indent>\s*)(?P<marker>`{3,}|~{3,}|:{3,})(?P<info>.*)$")


@dataclass(frozen=True)
class Fence:
    """One fence: its lines (0-based, in the whole file), opening marker and info string."""

    start: int
    end: int  # one past the last line of the block
    markup: str
    info: str
    content: str
    lines: tuple[str, ...]  # the whole file's lines

    @property
    def directive(self) -> str | None:
        """The directive's name for ``{name}`` fences, else ``None``."""
        match = re.match(r"\{([^}]+)\}", self.info.strip())
        return match.group(1) if match else None

    @property
    def holds_markdown(self) -> bool:
        """Whether the body is Markdown (a directive such as a note), not code."""
        return self.directive is not None and self.directive not in LITERAL_DIRECTIVES

    @property
    def closed(self) -> bool:
        last = self.lines[self.end - 1].strip() if self.end - self.start >= 2 else ""
        return len(last) >= len(self.markup) and set(last) == {self.markup[0]}


def enabled_extensions(conf: Path = CONF) -> list[str]:
    """``myst_enable_extensions`` as conf.py sets it (read, not executed)."""
    for node in ast.parse(conf.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "myst_enable_extensions" for t in node.targets
        ):
            return list(ast.literal_eval(node.value))
    return []


@cache
def parser() -> MarkdownIt:
    """MyST's Markdown parser with this handbook's extensions."""
    config = MdParserConfig(enable_extensions=set(enabled_extensions()))
    return create_md_parser(config, RendererHTML)


def fences(text: str, lines: tuple[str, ...] | None = None, offset: int = 0) -> Iterator[Fence]:
    """Every fence in *text*, and in the bodies of directives holding Markdown."""
    lines = lines if lines is not None else tuple(text.splitlines())
    for token in parser().parse(text):
        if token.type not in FENCES or not token.map:
            continue
        start, end = token.map
        fence = Fence(offset + start, offset + end, token.markup, token.info, token.content, lines)
        yield fence
        if fence.closed and fence.holds_markdown:
            yield from fences(token.content, lines, fence.start + 1)


def problems(fence: Fence) -> Iterator[str]:
    """What is wrong with one fence, if anything."""
    opening = fence.lines[fence.start]
    if not fence.closed:
        yield f"fence {opening.strip()!r} is never closed"
        return
    closing = fence.lines[fence.end - 1]
    if len(opening) - len(opening.lstrip()) != len(closing) - len(closing.lstrip()):
        yield f"fence {opening.strip()!r} is closed at line {fence.end}, indented differently"
    for number in range(fence.start + 1, fence.end - 1):
        match = OPENING.match(fence.lines[number])
        if (
            match
            and match["info"].strip()
            and match["marker"][0] == fence.markup[0]
            and len(match["marker"]) >= len(fence.markup)
        ):
            yield (
                f"fence {opening.strip()!r} contains the opening {match.group(0).strip()!r} "
                f"(line {number + 1}): a fence is missing, or the outer one needs a longer marker"
            )


def sources(paths: list[str]) -> Iterator[Path]:
    """The Markdown files named, or found under the folders named."""
    for name in paths:
        path = Path(name)
        yield from sorted(path.rglob("*.md")) if path.is_dir() else [path]


def main(argv: list[str] | None = None) -> int:
    """Check every Markdown file under the given paths; print each broken fence."""
    found = 0
    for path in sources(argv if argv is not None else sys.argv[1:]):
        for fence in fences(path.read_text(encoding="utf-8")):
            for problem in problems(fence):
                print(f"{path}:{fence.start + 1}: {problem}")
                found += 1
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
