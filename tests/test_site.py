"""Page polish (fieldnotes_handbook.site): per-page "last updated" dates from git, assets where used."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

from conftest import sphinx_build

CONF = """
project = "Dates"
extensions = ["myst_parser", "sphinx_design", "sphinx_copybutton", "fieldnotes", "fieldnotes_handbook"]
html_theme = "furo"
html_last_updated_fmt = "%d %B %Y"
myst_enable_extensions = ["colon_fence"]
"""


def commit(repo: Path, path: str, text: str, when: str) -> None:
    (repo / path).write_text(text, encoding="utf-8")
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    subprocess.run(["git", "add", path], cwd=repo, check=True, env=env)
    subprocess.run(["git", "commit", "-q", "-m", path], cwd=repo, check=True, env=env)


def test_last_updated_is_the_last_commit_of_each_page(tmp_path: Path) -> None:
    src = tmp_path / "docs"
    src.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=src, check=True)
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    commit(src, "index.md", "# Home\n\n```{toctree}\npage\nfresh\n```\n", "2020-01-02T12:00:00")
    commit(src, "page.md", "# Page\n\nText.\n", "2021-03-04T12:00:00")
    commit(src, "page.md", "# Page\n\nMore text.\n", "2022-05-06T12:00:00")
    (src / "fresh.md").write_text("# Fresh\n\nNot committed yet.\n", encoding="utf-8")
    out = tmp_path / "html"
    result = sphinx_build("-b", "html", "-W", src, out)
    assert result.returncode == 0, result.stderr
    assert "Last updated on 02 January 2020" in (out / "index.html").read_text(encoding="utf-8")
    assert "Last updated on 06 May 2022" in (out / "page.html").read_text(encoding="utf-8")
    # A page git does not know yet keeps Sphinx's build date.
    fresh = (out / "fresh.html").read_text(encoding="utf-8")
    assert f"Last updated on {date.today():%d %B %Y}" in fresh


def test_third_party_assets_only_where_used(tmp_path: Path) -> None:
    src = tmp_path / "docs"
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.md").write_text("# Home\n\n```{toctree}\ncode\n```\n", encoding="utf-8")
    (src / "code.md").write_text(
        "# Code\n\n```console\n$ ls\n```\n\n::::{tab-set}\n:::{tab-item} A\nx\n:::\n::::\n", encoding="utf-8"
    )
    out = tmp_path / "html"
    result = sphinx_build("-b", "html", "-W", src, out)
    assert result.returncode == 0, result.stderr
    home = (out / "index.html").read_text(encoding="utf-8")
    code = (out / "code.html").read_text(encoding="utf-8")
    for asset in ("sphinx-design.min.css", "design-tabs.js", "copybutton.js", "pygments.css"):
        assert asset not in home, asset
        assert asset in code, asset
    assert '<pre tabindex="0">' in code
    assert 'defer="defer" src="_static/doctools.js' in home
