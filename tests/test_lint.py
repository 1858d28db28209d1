"""`make lint` reads the Markdown as MyST and checks British spelling: planted mistakes fail it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import REPO

PAGE = "first-contribution/accounts.md"


def lint(docs: Path) -> subprocess.CompletedProcess[str]:
    """``make lint`` with a copy of the pages as the Markdown to check."""
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(REPO), "lint", f"MARKDOWN={docs}"],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A copy of docs/ that passes ``make lint``, to plant mistakes in."""
    copy = tmp_path / "docs"
    shutil.copytree(REPO / "docs", copy, ignore=shutil.ignore_patterns("_intersphinx", "_static"))
    result = lint(copy)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return copy


def plant(docs: Path, text: str) -> int:
    """Insert *text* before the page's second heading; the line number where it starts."""
    page = docs / PAGE
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("## "))
    page.write_text("".join([*lines[:at], text, "\n", *lines[at:]]), encoding="utf-8")
    return at + 1


@pytest.mark.parametrize(
    "fence",
    [
        "```console\n$ git review -s\n",  # a code block never closed: the rest of the page is code
        ":::{note}\nA note that never closes.\n",  # a MyST directive never closed
        "````{tip}\nClosed by a shorter fence.\n```\n",
    ],
    ids=["code-block", "colon-directive", "short-closing-fence"],
)
def test_a_broken_fence_fails_lint(docs: Path, fence: str) -> None:
    line = plant(docs, fence)
    result = lint(docs)
    assert result.returncode != 0
    assert f"{PAGE}:{line}:" in result.stdout


def test_misspellings_fail_lint(docs: Path) -> None:
    line = plant(docs, "You will recieve an email in the color of the organization.\n")
    result = lint(docs)
    assert result.returncode != 0
    for finding in ("recieve ==> receive", "color ==> colour", "organization ==> organisation"):
        assert f"{PAGE}:{line}: {finding}" in result.stdout + result.stderr, finding


def test_quoted_code_is_not_spellchecked(docs: Path) -> None:
    plant(docs, "Run `git config color.ui auto`:\n\n```console\n$ git config color.ui auto\n```\n")
    result = lint(docs)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


def test_pre_commit_runs_make_lint_only() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert [hook["entry"] for hook in hooks] == ["make lint"]
