"""The "last updated" dates and sitemap <lastmod> from git, in full and shallow clones and outside git.

A synthetic history in a temporary repository: ``old.md`` last changed in 2020, then five
commits to ``new.md`` in 2024. A ``git clone --depth 3`` lacks the 2020 commit, as Read the
Docs' 50-commit clones lack older history. The handbook's real ``conf.py`` builds it (``-c``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import REPO, STRICT, sphinx_build

PAGES = {"index.md": "# Home\n\n```{toctree}\nold\nnew\n```\n", "old.md": "# Old\n\nText from 2020.\n"}
TOO_SHALLOW = "Git clone too shallow"


def git(repo: Path, *args: str, when: str = "2020-01-02T12:00:00+00:00") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(repo.parent),
    }
    result = subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True)
    return result.stdout


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic history: old.md in 2020, then new.md changed on 1 to 5 March 2024."""
    repo = tmp_path_factory.mktemp("dates") / "origin"
    (repo / "docs").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    for name, text in PAGES.items():
        (repo / "docs" / name).write_text(text, encoding="utf-8")
    (repo / "docs" / "new.md").write_text("# New\n\nVersion 0.\n", encoding="utf-8")
    git(repo, "add", "docs")
    git(repo, "commit", "-q", "-m", "Start")
    for day in range(1, 6):
        (repo / "docs" / "new.md").write_text(f"# New\n\nVersion {day}.\n", encoding="utf-8")
        when = f"2024-03-0{day}T12:00:00+00:00"
        git(repo, "commit", "-q", "-am", f"New, version {day}", when=when)
    return repo


def shallow_clone(origin: Path, dest: Path) -> Path:
    subprocess.run(
        ["git", "clone", "-q", "--depth", "3", origin.as_uri(), str(dest)], check=True, capture_output=True
    )
    assert git(dest, "rev-parse", "--is-shallow-repository").strip() == "true"
    return dest


def build(checkout: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return sphinx_build("-b", "html", checkout / "docs", out, "-c", REPO, "-j", "1", *STRICT, *extra)


def page(out: Path, name: str) -> str:
    return (out / f"{name}.html").read_text(encoding="utf-8")


def post_checkout_commands() -> list[str]:
    config = yaml.safe_load((REPO / ".readthedocs.yaml").read_text(encoding="utf-8"))
    return config["build"]["jobs"]["post_checkout"]


def test_readthedocs_unshallows_after_checkout() -> None:
    assert "git fetch --unshallow || true" in post_checkout_commands()


def test_full_history_dates_pages_and_sitemap(origin: Path, tmp_path: Path) -> None:
    result = build(origin, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Last updated on 2020-01-02" in page(tmp_path, "old")
    assert "Last updated on 2024-03-05" in page(tmp_path, "new")
    sitemap = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    assert "old.html</loc><lastmod>2020-01-02T12:00:00Z</lastmod>" in sitemap
    assert "new.html</loc><lastmod>2024-03-05T12:00:00Z</lastmod>" in sitemap


def test_shallow_clone_warns_instead_of_a_wrong_date(origin: Path, tmp_path: Path) -> None:
    clone = shallow_clone(origin, tmp_path / "clone")
    result = build(clone, tmp_path / "html")
    assert result.returncode != 0
    assert TOO_SHALLOW in result.stderr and "[git.too_shallow]" in result.stderr
    old = page(tmp_path / "html", "old")
    # Not the date of the oldest commit the clone has (3 March 2024), nor any other date.
    assert "2024-03-03" not in old and "Last updated on" not in old
    assert "Last updated on 2024-03-05" in page(tmp_path / "html", "new")
    assert "old.html</loc><lastmod>" not in (tmp_path / "html" / "sitemap.xml").read_text(encoding="utf-8")


def test_shallow_clone_warning_can_be_suppressed(origin: Path, tmp_path: Path) -> None:
    clone = shallow_clone(origin, tmp_path / "clone")
    result = build(clone, tmp_path / "html", "-D", "suppress_warnings=git.too_shallow")
    assert result.returncode == 0, result.stderr
    assert TOO_SHALLOW not in result.stderr


def test_post_checkout_step_gives_the_right_date(origin: Path, tmp_path: Path) -> None:
    clone = shallow_clone(origin, tmp_path / "clone")
    for command in post_checkout_commands():
        subprocess.run(command, shell=True, cwd=clone, check=True, capture_output=True)
    assert git(clone, "rev-parse", "--is-shallow-repository").strip() == "false"
    result = build(clone, tmp_path / "html")
    assert result.returncode == 0, result.stderr
    assert "Last updated on 2020-01-02" in page(tmp_path / "html", "old")


def test_uncommitted_page_has_no_date(origin: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", origin.as_uri(), str(clone)], check=True, capture_output=True)
    (clone / "docs" / "old.md").unlink()
    git(clone, "rm", "-q", "--cached", "docs/old.md")
    (clone / "docs" / "old.md").write_text("# Old\n\nNot committed.\n", encoding="utf-8")
    git(clone, "commit", "-q", "-m", "Forget old.md", when="2025-01-01T12:00:00+00:00")
    result = build(clone, tmp_path / "html")
    assert result.returncode == 0, result.stderr
    assert "Last updated on" not in page(tmp_path / "html", "old")


def test_build_outside_git_passes_without_dates(origin: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(origin / "docs", copy / "docs")
    result = build(copy, tmp_path / "html")
    assert result.returncode == 0, result.stderr
    assert "Last updated on" not in page(tmp_path / "html", "old")
    assert "<lastmod>" not in (tmp_path / "html" / "sitemap.xml").read_text(encoding="utf-8")
