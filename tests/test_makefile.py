"""The Makefile's promises: every target listed, and a clear message when TeX is missing."""

from __future__ import annotations

import re
import subprocess

from conftest import REPO

TARGETS = {"html", "live", "pdf", "handouts", "linkcheck", "test", "lint", "bench", "audit", "clean", "help"}


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


def test_make_html_handouts_builds_the_site_as_read_the_docs_does() -> None:
    import yaml

    rtd = yaml.safe_load((REPO / ".readthedocs.yaml").read_text(encoding="utf-8"))
    html_job = rtd["build"]["jobs"]["build"]["html"]
    commands = make("-n", "html", "handouts").stdout
    # The handouts come first, then the site that serves them, in both.
    assert commands.index("-b latex -t handouts") < commands.index("-M html docs")
    assert html_job[0].index("-b latex -t handouts") >= 0 and "-b html" in html_job[-1]
    collect = "tools/handouts.py collect _build/handouts-latex _build/handouts"
    assert collect in commands and any(collect in c for c in html_job)
    serve = "-D fieldnotes_handout_pdfs=_build/handouts"
    assert serve in commands and serve in html_job[-1]
    # A plain `make html` links the published copies and needs no TeX.
    assert "fieldnotes_handout_pdfs" not in make("-n", "html").stdout


def test_make_handouts_event_checks_the_file_first() -> None:
    commands = make("-n", "handouts", "EVENT=my-event.toml").stdout.splitlines()
    checks = [i for i, c in enumerate(commands) if 'tools/handouts.py check-event "my-event.toml"' in c]
    builds = [i for i, c in enumerate(commands) if "-b latex -t handouts" in c]
    assert checks and builds and checks[0] < builds[0]
    assert any("-D fieldnotes_event=" in c and c.rstrip().endswith('my-event.toml"') for c in commands)
