"""Shared fixtures: Sphinx's testing fixtures, test roots, and helpers for real builds."""

from __future__ import annotations

import os
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
