"""The Makefile's promises: every target listed, and a clear message when TeX is missing."""

from __future__ import annotations

import re
import subprocess

from conftest import REPO

TARGETS = {
    *("html", "live", "pdf", "handouts", "linkcheck", "test", "lint"),
    *("bench", "stress", "audit", "clean", "help"),
}


def make(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(REPO), *args], capture_output=True, text=True, check=False
    )


def test_help_lists_every_target() -> None:
    result = make("help")
    assert result.returncode == 0
    listed = set(re.findall(r"^  ([a-z-]+) ", result.stdout, re.MULTILINE))
    assert listed >= TARGETS, TARGETS - listed


def test_html_is_the_default_target() -> None:
    result = make("-n")
    assert "-M html docs _build -c ." in result.stdout


def test_missing_tex_names_the_debian_packages() -> None:
    result = make("check-tex", "LATEXMK=no-such-latexmk")
    assert result.returncode != 0
    assert "no-such-latexmk" in result.stdout
    assert "sudo apt-get install latexmk texlive-latex-recommended texlive-latex-extra" in result.stdout


def test_tex_check_passes_here() -> None:
    assert make("check-tex").returncode == 0


def test_missing_graphviz_is_named() -> None:
    # A PATH without dot, for the recipe's shell only.
    result = make("check-dot", "PATH=/nonexistent")
    assert result.returncode != 0
    assert "sudo apt-get install graphviz" in result.stdout
