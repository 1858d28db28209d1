"""Shared fixtures: Sphinx's testing fixtures, test roots, and helpers for real builds."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)

REPO = Path(__file__).resolve().parent.parent
ROOTS = Path(__file__).resolve().parent / "roots"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Where ``@pytest.mark.sphinx(testroot=...)`` finds its ``test-<name>`` folders."""
    return ROOTS


def sphinx_build(
    *args: str | os.PathLike[str], env: dict[str, str] | None = None, cwd: Path = REPO
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m sphinx`` as the Makefile does and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx", *map(str, args)],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )


def needs(*commands: str) -> pytest.MarkDecorator:
    """Fail loudly (not skip) when a system tool the suite relies on is missing."""
    missing = [c for c in commands if shutil.which(c) is None]
    return pytest.mark.skipif(
        bool(missing) and not os.environ.get("CI"),
        reason=f"missing system tools: {', '.join(missing)} (bash .ci/run installs them)",
    )


STRICT = ("-W", "-n", "--keep-going")


def build_docs(
    builder: str, out: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Build the real handbook strictly; fail the test with Sphinx's messages if it warns."""
    result = sphinx_build(
        "-b",
        builder,
        "docs",
        out,
        "-c",
        ".",
        "-d",
        out.with_name(out.name + "-doctrees"),
        *STRICT,
        *extra,
        env=env,
    )
    assert result.returncode == 0, f"{builder} build failed:\n{result.stderr[-5000:]}"
    assert "WARNING" not in result.stderr, result.stderr
    return result


@pytest.fixture(scope="session")
def site_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The handbook built once in HTML, serially, for every test that reads or serves it."""
    out = tmp_path_factory.mktemp("site-html")
    build_docs("html", out, "-j", "1")
    return out


# A fixed build date, so that two builds of the handouts print the same text.
HANDOUT_DATE = {"SOURCE_DATE_EPOCH": "1767225600"}  # 1 January 2026


def make_pdfs(latex_dir: Path) -> None:
    """Run LaTeX on every document of a LaTeX build, as `make handouts` does."""
    result = subprocess.run(
        ["make", "-C", str(latex_dir), "all-pdf", "LATEXMKOPTS=-silent"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **HANDOUT_DATE},
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


@pytest.fixture(scope="session")
def handouts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generic handouts (no event), built once as `make handouts` builds them."""
    out = tmp_path_factory.mktemp("handouts")
    result = sphinx_build(
        "-b", "latex", "-t", "handouts", "docs", out, "-c", ".", *STRICT, "-j", "1", env=HANDOUT_DATE
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert "WARNING" not in result.stderr, result.stderr
    make_pdfs(out)
    return out


def pdf_text(pdf: Path) -> str:
    """The text of a PDF, whitespace collapsed (poppler's pdftotext)."""
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", text)


def page_count(pdf: Path) -> int:
    """The number of pages of a PDF (poppler's pdfinfo)."""
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert match, info
    return int(match.group(1))
