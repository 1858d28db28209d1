"""sphinx-fieldnotes as a distribution: built, installed into a fresh venv, used by another project.

Slow (it creates virtual environments and installs Sphinx from the package index), but it is
the only test that sees the package as its users do: no editable install, no repository around.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from conftest import REPO

THIRD_PARTY = Path(__file__).with_name("third-party")
EXT = REPO / "ext"


def run(*args: str | os.PathLike[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, (
        f"{' '.join(map(str, args))}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )
    return result


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel and sdist, built with ``python -m build`` from ext/."""
    out = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("ext-copy") / "ext"
    shutil.copytree(EXT, work, ignore=shutil.ignore_patterns("*.egg-info", "__pycache__", "build"))
    run(sys.executable, "-m", "build", "--outdir", out, work)
    return out


def test_wheel_holds_the_package_and_nothing_of_the_handbook(dist: Path) -> None:
    wheel = next(dist.glob("sphinx_fieldnotes-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "fieldnotes/talks/static/fieldnotestalks.sty" in names
    assert "fieldnotes/glossary/static/fieldnotes-glossary.js" in names
    assert "fieldnotes/py.typed" in names
    assert not [n for n in names if n.startswith("fieldnotes_handbook")]
    metadata = next(n for n in names if n.endswith("METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "Classifier: Framework :: Sphinx :: Extension" in text
    assert "License-Expression: MIT" in text
    assert "Requires-Dist: sphinx<10,>=9.0" in text


def test_sdist_has_readme_licence_and_changelog(dist: Path) -> None:
    sdist = next(dist.glob("sphinx_fieldnotes-*.tar.gz"))
    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    assert {"README.md", "LICENSE", "CHANGELOG.md", "pyproject.toml"} <= names
    assert not [n for n in names if n.startswith("fieldnotes_handbook")]


def interpreters() -> list[tuple[str, str]]:
    """(python, sphinx pin): the pinned Sphinx on this Python, the newest 9.x on Python 3.13."""
    found = [(sys.executable, "sphinx==9.0.4")]
    pyenv = sorted((Path.home() / ".pyenv" / "versions").glob("3.13*/bin/python3"))
    newest = str(pyenv[-1]) if pyenv else shutil.which("python3.13")
    if newest:
        found.append((newest, "sphinx==9.2.0"))
    return found


@pytest.mark.parametrize(("python", "sphinx"), interpreters(), ids=lambda v: Path(v).name if "/" in v else v)
def test_a_project_outside_the_repository_builds_with_the_installed_wheel(
    dist: Path, tmp_path: Path, python: str, sphinx: str
) -> None:
    venv = tmp_path / "venv"
    run(python, "-m", "venv", venv)
    pip = venv / "bin" / "pip"
    run(pip, "install", "--quiet", sphinx, next(dist.glob("*.whl")))
    project = tmp_path / "project"
    shutil.copytree(THIRD_PARTY, project)
    out = tmp_path / "html"
    result = run(venv / "bin" / "python", "-m", "sphinx", "-W", "-n", "-j", "2", "-b", "html", project, out)
    assert "WARNING" not in result.stderr, result.stderr
    talks = (out / "talks.html").read_text(encoding="utf-8")
    assert '<article class="fieldnotes-talk" id="talk-meetup-2026-packaging">' in talks
    assert 'class="xref talks talks-tag fieldnotes-term reference internal"' in talks
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'title="A talk of five minutes or less."' in index
    assert "Packaging without tears" in index  # the talk-list table
    assert "_static/fieldnotes-glossary.js" in index
    assert (out / "talks.json").is_file()
    # Installed, not imported from this repository.
    where = run(venv / "bin" / "python", "-c", "import fieldnotes; print(fieldnotes.__file__)").stdout
    assert str(venv) in where
