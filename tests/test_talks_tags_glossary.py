"""A card tag that names a glossary term is a use of the term (issue 18, item 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import build, copy_root, edit, soup, used_on, warnings

REFERENCE = {
    "talks": "A {term}`code review` glossary reference.",
    "talks-rst": "A :term:`code review` glossary reference.",
}


@pytest.mark.parametrize(("root", "suffix"), [("talks", "md"), ("talks-rst", "rst")])
def test_a_tag_is_a_use_listed_under_used_on(tmp_path: Path, root: str, suffix: str) -> None:
    src = copy_root(root, tmp_path / "src")
    edit(src / f"index.{suffix}", REFERENCE[root], "")  # the card's tag is now the only use
    app = build(src, freshenv=True, nitpicky=True)
    assert warnings(app) == []  # no glossary.unused-term false alarm
    assert used_on(soup(app, "glossary.html"), "term-Code-review") == [
        ("The myth", "talks/myth.html"),
    ]


def test_without_the_tag_the_term_is_unused(tmp_path: Path) -> None:
    src = copy_root("talks", tmp_path / "src")
    edit(src / "index.md", REFERENCE["talks"], "")
    edit(src / "talks" / "myth.md", ":tags: collaboration, code review", ":tags: collaboration")
    lines = [w for w in warnings(build(src, freshenv=True)) if "glossary" in w]
    assert len(lines) == 1 and "[fieldnotes.glossary.unused-term]" in lines[0]


def test_talks_work_without_the_glossary(tmp_path: Path) -> None:
    src = copy_root("talks", tmp_path / "src")
    edit(src / "conf.py", '"talks")', '"talks", ("myst_parser", "fieldnotes.talks"))')
    edit(src / "index.md", REFERENCE["talks"], "")
    (src / "glossary.md").write_text("# Glossary\n\nNo glossary here.\n")
    app = build(src, freshenv=True, nitpicky=True)
    assert warnings(app) == []
    tags = soup(app, "talks/myth.html").select("dd a.talks-tag")
    assert [a.get_text() for a in tags] == ["collaboration", "code review"]
    assert all(a["href"].startswith("../talks-tags.html#entry-") for a in tags)
