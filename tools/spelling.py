"""Typos and American spellings in the handbook's Markdown, with codespell.

Two dictionaries: codespell's own (common typos: "recieve"), and codespell's list of British
spellings with their American forms, read backwards (American to British: "color" to "colour").
``spelling-words.txt`` at the repository root lists the words to accept (one a line, ``#``
starts a comment). Quoted code is not checked, since commands and their output are exact: code
blocks (found with MyST's own parser, see ``myst_fences``) are blanked out of a copy of each
page before codespell reads it, and inline code, link targets and directive options are ignored.

    python tools/spelling.py docs README.md CONTRIBUTING.md   # exit status 1 on any finding
"""

from __future__ import annotations

import contextlib
import io
import sys
import tempfile
from pathlib import Path

import codespell_lib
from myst_fences import fences, sources

ROOT = Path(__file__).resolve().parent.parent
WORDS = ROOT / "spelling-words.txt"
BRITISH_TO_AMERICAN = Path(codespell_lib.__file__).parent / "data" / "dictionary_en-GB_to_en-US.txt"
# Inline code, link targets "](...)", autolinks "<https://...>", directive options ":align: x".
INLINE = r"`[^`\n]+`|\]\([^)\s]*\)|<https?://[^>\s]+>|^\s*:[\w-]+:.*$"


def american_to_british(source: Path = BRITISH_TO_AMERICAN) -> str:
    """The British-to-American dictionary that codespell ships, reversed."""
    lines = []
    for line in source.read_text(encoding="utf-8").splitlines():
        british, _, american = line.partition("->")
        if british and american and "," not in american:
            lines.append(f"{american.strip()}->{british.strip()}")
    return "\n".join(lines) + "\n"


def accepted_words(path: Path = WORDS) -> str:
    """The project's word list without comments and blank lines."""
    words = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return "\n".join(word for word in words if word) + "\n"


def without_code(text: str) -> str:
    """*text* with the lines inside code blocks blanked (line numbers unchanged)."""
    lines = text.splitlines()
    for fence in fences(text):
        if not fence.holds_markdown:
            for number in range(fence.start + 1, fence.end - 1 if fence.closed else fence.end):
                lines[number] = ""
    return "\n".join(lines) + "\n"


def check(paths: list[str]) -> int:
    """Run codespell over the Markdown under *paths*, print its findings; 0 when there are none."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "american-to-british.txt").write_text(american_to_british(), encoding="utf-8")
        (folder / "words.txt").write_text(accepted_words(), encoding="utf-8")
        copies: dict[str, str] = {}
        for number, path in enumerate(sources(paths)):
            copy = folder / "pages" / str(number) / path.name
            copy.parent.mkdir(parents=True)
            copy.write_text(without_code(path.read_text(encoding="utf-8")), encoding="utf-8")
            copies[str(copy)] = str(path)
        args = ["--dictionary", "-", "--dictionary", str(folder / "american-to-british.txt")]
        args += ["--ignore-words", str(folder / "words.txt"), "--ignore-regex", INLINE]
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            status = codespell_lib.main(*args, *copies)
    for line in output.getvalue().splitlines():
        copy, _, rest = line.partition(":")
        print(f"{copies.get(copy, copy)}:{rest}")
    return status


if __name__ == "__main__":
    sys.exit(1 if check(sys.argv[1:]) else 0)
