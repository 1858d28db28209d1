"""Content rules for the how-to sections: a "Before you start" block on every page, real links.

Every page under ``first-contribution/``, ``workshop/`` and ``troubleshooting/`` opens with the
same MyST admonition, right after its title, saying what the reader needs and how long it takes::

    ```{admonition} Before you start
    :class: prerequisites

    **You need:** ...

    **Time:** ...
    ```

And every source the handbook cites must be a real link, so that ``make linkcheck`` checks it:
no web address written as plain text anywhere in ``docs/``, and every source listed in the
credits' section on today's procedure linked with https.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO
from test_linkcheck_docs import URL, prose_lines

DOCS = REPO / "docs"
SECTIONS = ("first-contribution", "workshop", "troubleshooting")
PAGES = sorted(page for section in SECTIONS for page in (DOCS / section).glob("*.md"))

OPENING = "```{admonition} Before you start"
CLASS = ":class: prerequisites"
FIELD = re.compile(r"^\*\*(You need|Time):\*\*\s+\S")

#: What makes a URL in MyST a link: inline links, autolinks, link definitions, roles.
LINKS = [
    re.compile(r"\[[^\]]*\]\([^)\s]*\)"),
    re.compile(r"<https?://[^>\s]+>"),
    re.compile(r"^\s*\[[^\]]+\]:\s*\S+"),
    re.compile(r"\{[\w:-]+\}`[^`]*`"),
]
OPTION_LINE = re.compile(r"^\s*:[\w-]+:\s")
#: A web address written without its scheme, with a path: ``example.org/page``.
BARE_ADDRESS = re.compile(r"(?<![\w@/.:-])(?:[a-z0-9-]+\.)+[a-z]{2,}/[^\s)>\]]*", re.IGNORECASE)


def prerequisites_problems(path: Path) -> list[str]:
    """Why the page's opening is not the "Before you start" block (an empty list if it is)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    rest = iter(enumerate(lines, 1))
    for number, line in rest:  # noqa: B007 (number is used after the loop)
        if line.startswith("# "):
            break
    else:
        return ["no '# ' title"]
    following = [(n, line) for n, line in rest if line.strip()]
    if not following or following[0][1].strip() != OPENING:
        where = following[0][0] if following else number
        return [f"line {where}: the title is not followed by {OPENING!r}"]
    body: list[str] = []
    for _, line in following[1:]:
        if line.strip().startswith("```"):
            break
        body.append(line.strip())
    else:
        return ["the 'Before you start' block is never closed"]
    problems = []
    if not body or body[0] != CLASS:
        problems.append(f"the block's first line is not {CLASS!r}")
    fields = [m[1] for line in body if (m := FIELD.match(line))]
    for name in ("You need", "Time"):
        if name not in fields:
            problems.append(f"no '**{name}:**' paragraph with text in the block")
    if fields[:2] != ["You need", "Time"]:
        problems.append("'You need' must come before 'Time'")
    return problems


def unlinked_addresses(path: Path) -> list[str]:
    """Web addresses written as plain text (outside code), which linkcheck would never see."""
    found = []
    for number, line in prose_lines(path):
        if OPTION_LINE.match(line):  # directive options such as :video: are links already
            continue
        text = line
        for pattern in LINKS:
            text = pattern.sub(" ", text)
        hits = [*re.findall(URL, text), *BARE_ADDRESS.findall(text)]
        found += [f"{number}: {hit.rstrip('.,;:!?')}" for hit in hits]
    return found


def list_items(text: str) -> list[str]:
    """The top-level bullet items of a Markdown fragment, continuation lines joined."""
    items: list[str] = []
    for line in text.splitlines():
        if line.startswith("- "):
            items.append(line[2:])
        elif items and line.startswith("  ") and line.strip():
            items[-1] += " " + line.strip()
    return items


def section(path: Path, label: str) -> str:
    """The text of the section that follows a ``(label)=`` line, up to the next heading."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f"({label})=")
    heading_end = text.index("\n", text.index("\n## ", start) + 1)
    end = text.find("\n## ", heading_end)
    return text[heading_end : end if end != -1 else None]


def test_the_sections_are_found() -> None:
    names = {page.relative_to(DOCS).as_posix() for page in PAGES}
    assert {f"{s}/index.md" for s in SECTIONS} <= names
    assert "first-contribution/getting-help.md" in names
    assert len(PAGES) >= 19, names


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_page_opens_with_prerequisites(page: Path) -> None:
    problems = prerequisites_problems(page)
    assert not problems, f"{page.relative_to(REPO)}: " + "; ".join(problems)


def test_prerequisites_render_first_on_every_page(site_html: Path) -> None:
    """In the built site, the block is a .prerequisites admonition right under the page title."""
    missing = []
    for page in PAGES:
        html = site_html / page.relative_to(DOCS).with_suffix(".html")
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        title = soup.select_one("article h1") or soup.find("h1")
        block = title.find_next_sibling() if title else None
        classes = block.get("class", []) if block else []
        text = block.get_text(" ", strip=True) if block else ""
        if not ({"admonition", "prerequisites"} <= set(classes) and "You need:" in text and "Time:" in text):
            missing.append(html.relative_to(site_html).as_posix())
    assert not missing, "no 'Before you start' block right under the title:\n" + "\n".join(missing)


def test_no_web_address_in_docs_is_plain_text() -> None:
    pages = sorted(DOCS.rglob("*.md"))
    found = [
        f"{page.relative_to(REPO)}:{where}"
        for page in pages
        if not any(part.startswith(("_", ".")) for part in page.relative_to(DOCS).parts)
        for where in unlinked_addresses(page)
    ]
    assert not found, "write these addresses as links, so that linkcheck checks them:\n" + "\n".join(found)


def test_credits_link_every_source_of_todays_procedure() -> None:
    credits = DOCS / "about" / "credits.md"
    items = list_items(section(credits, "credits-current-procedure"))
    assert len(items) >= 5, "the credits list no sources for today's procedure"
    unlinked = [item[:70] for item in items if not re.search(r"\]\(https://[^)\s]+\)", item)]
    insecure = [item[:70] for item in items if "](http://" in item]
    assert not unlinked, "sources without an https link:\n" + "\n".join(unlinked)
    assert not insecure, "sources linked over plain http:\n" + "\n".join(insecure)


GOOD_PAGE = """\
(ts-example)=
# An example

```{admonition} Before you start
:class: prerequisites

**You need:** a terminal.

**Time:** five minutes.
```

See [the example site](https://example.org/) or <https://example.org/auto>.
"""


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (lambda t: t, None),
        (lambda t: t.replace("**Time:** five minutes.\n", ""), "Time"),
        (lambda t: t.replace("**You need:** a terminal.\n", ""), "You need"),
        (lambda t: t.replace(":class: prerequisites\n", ""), ":class: prerequisites"),
        (lambda t: t.replace("# An example\n", "# An example\n\nIntroduction first.\n"), "not followed"),
    ],
)
def test_prerequisites_check_can_fail(tmp_path: Path, change, complaint: str | None) -> None:
    page = tmp_path / "page.md"
    page.write_text(change(GOOD_PAGE), encoding="utf-8")
    problems = prerequisites_problems(page)
    if complaint is None:
        assert problems == []
    else:
        assert any(complaint in problem for problem in problems), problems


def test_address_check_can_fail(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        GOOD_PAGE + "\nRead https://example.org/plain and example.org/bare/path.\n", encoding="utf-8"
    )
    assert [hit.split(": ", 1)[1] for hit in unlinked_addresses(page)] == [
        "https://example.org/plain",
        "example.org/bare/path",
    ]
    page.write_text(GOOD_PAGE + "\n`https://example.org/in-code` stays code.\n", encoding="utf-8")
    assert unlinked_addresses(page) == []
