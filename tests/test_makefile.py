"""The Makefile's promises: every target listed, and missing system tools named before .venv is made."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from conftest import REPO

TARGETS = {
    "html",
    "live",
    "pdf",
    "handouts",
    "linkcheck",
    "test",
    "lint",
    "bench",
    "stress",
    "audit",
    "clean",
    "help",
    "diagrams",
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


def test_missing_tools_stop_make_before_the_venv(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    no_python = make("html", f"VENV={venv}", "PYTHON=/nonexistent/python3")
    assert no_python.returncode != 0
    assert "needs Python 3.11 or newer" in no_python.stdout
    no_tex = make("pdf", f"VENV={venv}", "LATEXMK=no-such-latexmk")
    assert no_tex.returncode != 0
    assert "no-such-latexmk" in no_tex.stdout
    assert not venv.exists()


def test_only_the_diagram_and_test_targets_need_dot() -> None:
    for target in ("html", "pdf", "handouts", "live", "venv"):
        assert make(target, "-n", "PATH=/nonexistent").stdout.count("command -v dot") == 0, target
    assert "command -v dot" in make("diagrams", "-n").stdout
    assert "command -v dot" in make("test", "-n").stdout


def test_make_html_handouts_builds_the_site_as_read_the_docs_does() -> None:
    import yaml

    rtd = yaml.safe_load((REPO / ".readthedocs.yaml").read_text(encoding="utf-8"))
    html_job = rtd["build"]["jobs"]["build"]["html"]
    # `make -n` still runs recursive `$(MAKE)` lines: MAKE=: keeps the dry run dry.
    commands = make("-n", "MAKE=:", "html", "handouts").stdout
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
