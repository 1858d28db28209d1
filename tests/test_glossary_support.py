"""Helpers shared by the glossary tests (no tests here): copy a root, build it, read output."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from bs4 import BeautifulSoup

ANSI = re.compile(r"\x1b\[[0-9;]*m")
ROOTS = Path(__file__).resolve().parent / "roots"

# The same snippets, written in MyST and in reST: (test root, source suffix).
SYNTAXES = {"myst": ("glossary", ".md"), "rest": ("glossary-rst", ".rst")}


def copy_root(tmp_path: Path, root: str, name: str = "src") -> Path:
    """A private, editable copy of ``tests/roots/test-<root>``."""
    target = tmp_path / name
    shutil.copytree(ROOTS / f"test-{root}", target)
    return target


def build(make_app, srcdir: Path, builder: str = "html", **kwargs):
    """Build ``srcdir`` with ``builder`` and return the finished test app."""
    app = make_app(builder, srcdir=srcdir, **kwargs)
    app.build()
    return app


def warnings(app) -> str:
    """The app's warnings without colour codes."""
    return ANSI.sub("", app.warning.getvalue())


def soup(app, page: str) -> BeautifulSoup:
    """A built HTML page, parsed."""
    return BeautifulSoup((Path(app.outdir) / page).read_text(encoding="utf-8"), "html.parser")


def used_on(page: BeautifulSoup, term_id: str) -> list[tuple[str, str]]:
    """``(text, href)`` of each link in the "Used on" block of the glossary entry ``term_id``."""
    term = page.find("dt", id=term_id)
    assert term is not None, term_id
    block = term.find_next_sibling("dd").find("div", class_="fieldnotes-used-on")
    if block is None:
        return []
    return [(a.get_text(), a["href"]) for a in block.find_all("a")]


def tooltips(page: BeautifulSoup) -> list[tuple[str, str]]:
    """``(link text, definition)`` for each term reference that carries its definition."""
    return [(link.get_text(), link["title"]) for link in page.select("a.fieldnotes-term")]


def main_html(path: Path) -> str:
    """A page's text, for comparing two builds."""
    return path.read_text(encoding="utf-8")
