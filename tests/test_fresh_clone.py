"""A new contributor's first ``make``: a fresh clone, Python, make and git, and no Graphviz."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO

GRAPHVIZ = {"dot", "neato", "twopi", "circo", "fdp", "sfdp", "patchwork", "osage"}


def path_without_graphviz(farm: Path) -> str:
    """A PATH with every program of today's PATH but Graphviz's, as links in one folder."""
    farm.mkdir()
    for folder in os.environ["PATH"].split(os.pathsep):
        if not Path(folder).is_dir():
            continue
        for program in Path(folder).iterdir():
            link = farm / program.name
            if program.name in GRAPHVIZ or link.exists() or not os.access(program, os.X_OK):
                continue
            link.symlink_to(program.resolve())
    return str(farm)


def test_make_builds_the_site_without_dot(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
    path = path_without_graphviz(tmp_path / "bin")
    env = {**os.environ, "PATH": path}
    assert subprocess.run(["sh", "-c", "command -v dot"], env=env, capture_output=True).returncode != 0
    # The interpreter this suite runs on, outside its virtual environment.
    python = Path(sys.base_prefix) / "bin" / "python3"
    result = subprocess.run(
        ["make", "--no-print-directory", f"PYTHON={python}", "JOBS=1"],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    site = clone / "_build" / "html"
    assert "Open _build/html/index.html" in result.stdout
    for diagram in ("contribution-path.svg", "workshop-timeline.svg"):
        assert (site / "_images" / diagram).is_file()
