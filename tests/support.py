"""Helpers shared by the build tests (no tests here): copy a test root, build it, read the output."""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path

from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

ROOTS = Path(__file__).resolve().parent / "roots"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

#: The glossary snippets, written in MyST and in reST: (test root, source suffix).
SYNTAXES = {"myst": ("glossary", ".md"), "rest": ("glossary-rst", ".rst")}


def copy_root(name: str, dest: Path) -> Path:
    """Copy ``tests/roots/test-<name>`` to *dest* (which must not exist) and return it."""
    shutil.copytree(ROOTS / f"test-{name}", dest)
    return dest


def write_page(srcdir: Path, syntax: str, name: str, *, myst: str, rest: str) -> str:
    """Write page *name* in the project's *syntax* (``myst`` or ``rest`` text); return its file name."""
    filename = f"{name}{SYNTAXES[syntax][1]}"
    (srcdir / filename).write_text(myst if syntax == "myst" else rest, encoding="utf-8")
    return filename


def build(
    srcdir: Path,
    buildername: str = "html",
    *,
    parallel: int = 0,
    freshenv: bool = False,
    confoverrides: dict[str, object] | None = None,
    **more_overrides: object,
) -> SphinxTestApp:
    """Build *srcdir* into ``srcdir/_build/<builder>`` (incrementally unless *freshenv*)."""
    app = SphinxTestApp(
        buildername,
        srcdir=srcdir,
        builddir=srcdir / "_build",
        freshenv=freshenv,
        parallel=parallel,
        status=StringIO(),
        warning=StringIO(),
        confoverrides={**(confoverrides or {}), **more_overrides} or None,
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def warning_text(app: SphinxTestApp) -> str:
    """The build's warnings, without colour codes."""
    return ANSI.sub("", app.warning.getvalue())


def warnings(app: SphinxTestApp) -> list[str]:
    """The warning (and error) lines of a build."""
    return [line for line in warning_text(app).splitlines() if "WARNING" in line or "ERROR" in line]


def soup(app_or_outdir: SphinxTestApp | Path, page: str) -> BeautifulSoup:
    """A built HTML page, parsed."""
    outdir = app_or_outdir if isinstance(app_or_outdir, Path) else Path(app_or_outdir.outdir)
    return BeautifulSoup((outdir / page).read_text(encoding="utf-8"), "html.parser")


def outputs(outdir: Path) -> dict[str, str]:
    """Every HTML page and ``talks.json`` of an HTML build, by relative path (for comparing builds)."""
    return {
        str(p.relative_to(outdir)): p.read_text(encoding="utf-8")
        for p in sorted(outdir.rglob("*"))
        if p.suffix == ".html" or p.name == "talks.json"
    }


def mtimes(outdir: Path) -> dict[str, int]:
    """Modification times (ns) of every file in *outdir*."""
    return {str(p.relative_to(outdir)): p.stat().st_mtime_ns for p in outdir.rglob("*") if p.is_file()}


def edit(path: Path, old: str, new: str) -> None:
    """Replace *old* (which must be there) with *new* in the file at *path*."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


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
