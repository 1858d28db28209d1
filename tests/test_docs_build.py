"""Build the real handbook (docs/) in every format, with warnings as errors."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import REPO, STRICT, needs, sphinx_build
from conftest import build_docs as build


@pytest.fixture(scope="module")
def html_serial(site_html: Path) -> Path:
    return site_html


def test_html_front_page(html_serial: Path) -> None:
    index = (html_serial / "index.html").read_text(encoding="utf-8")
    assert "<title>Field Notes" in index
    assert "Your first contribution to OpenStack" in index
    # Furo's "Edit this page" link points at docs/ on GitHub.
    assert "/edit/main/docs/index.md" in index


def html_pages(outdir: Path) -> dict[str, str]:
    """Every HTML page and talks.json of a build, by relative path."""
    return {
        str(p.relative_to(outdir)): p.read_text(encoding="utf-8")
        for p in sorted(outdir.rglob("*"))
        if p.suffix == ".html" or p.name == "talks.json"
    }


def test_html_parallel_matches_serial(html_serial: Path, tmp_path: Path) -> None:
    build("html", tmp_path, "-j", "2")
    serial, parallel = html_pages(html_serial), html_pages(tmp_path)
    assert sorted(serial) == sorted(parallel)
    differ = [name for name in serial if serial[name] != parallel[name]]
    assert differ == [], f"serial and -j 2 builds differ in {differ}"


def test_no_change_rebuild_writes_nothing(tmp_path: Path) -> None:
    build("html", tmp_path, "-j", "1")
    result = build("html", tmp_path, "-j", "1")
    assert "0 added, 0 changed, 0 removed" in result.stdout
    assert "no targets are out of date" in result.stdout


@pytest.mark.parametrize(
    ("builder", "expected"),
    [
        ("text", "index.txt"),
        ("man", "fieldnotes.7"),
    ],
)
def test_other_builders(builder: str, expected: str, tmp_path: Path) -> None:
    # (The EPUB and the single page have tests of their own: test_epub.py, test_single_page.py.)
    build(builder, tmp_path, "-j", "2")
    produced = tmp_path / expected
    assert produced.is_file() and produced.stat().st_size > 1000


@needs("latexmk", "pdftotext")
def test_pdf(tmp_path: Path) -> None:
    result = sphinx_build("-M", "latexpdf", "docs", tmp_path, "-c", ".", *STRICT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    pdf = tmp_path / "latex" / "fieldnotes.pdf"
    assert pdf.is_file()
    text = subprocess.run(
        ["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Field Notes" in text
    assert "Your first contribution to OpenStack" in text
    # Nothing runs off the page: code blocks wrap, long URLs break.
    log = (tmp_path / "latex" / "fieldnotes.log").read_text(encoding="latin-1")
    widths = [float(w) for w in re.findall(r"Overfull \\hbox \(([\d.]+)pt too wide\)", log)]
    assert all(w <= 3.0 for w in widths), f"overfull boxes of {widths} pt"


def test_broken_page_fails_the_build(tmp_path: Path) -> None:
    """A page with an unknown directive must fail a strict build, naming the file."""
    src = tmp_path / "docs"
    shutil.copytree(REPO / "docs", src)
    (src / "broken.md").write_text("# Broken\n\n```{no-such-directive}\nx\n```\n", encoding="utf-8")
    index = src / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8").replace("glossary\n", "glossary\nbroken\n", 1), encoding="utf-8"
    )
    result = sphinx_build("-b", "html", src, tmp_path / "out", "-c", REPO, *STRICT)
    assert result.returncode != 0
    assert "broken.md:3" in result.stderr
    assert "Unknown directive type: 'no-such-directive'" in result.stderr
