"""The "last updated" dates from git: sphinx-last-updated-by-git, and what the handbook adds.

- ``sphinx_last_updated_by_git`` gives every HTML page the date of the last commit that changed
  it (or a file it includes); sphinx-sitemap reads the same dates for ``<lastmod>``.
- In a shallow clone whose history stops before a page's last change, that page gets no date
  and the build warns ``Git clone too shallow [git.too_shallow]`` instead of showing the date
  of the oldest commit it has. Fetch the whole history (Read the Docs: the ``post_checkout``
  job ``git fetch --unshallow || true``), or add ``"git.too_shallow"`` to ``suppress_warnings``.
- Outside a git checkout (a copied tree, an unpacked archive) pages have no date, and git's
  complaints are not warnings: such builds still pass with ``-W``.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

logger = logging.getLogger(__name__)

# What sphinx-last-updated-by-git reports when there is no repository or no git at all.
NO_GIT_WARNINGS = ("git.subprocess_error", "git.command_not_found")


def in_git_checkout(path: Path) -> bool:
    """Whether *path* is inside a git work tree (``False`` when git itself is missing)."""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--is-inside-work-tree"],
            cwd=path,
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0 and result.stdout.strip() == "true"


def quiet_outside_git(app: Sphinx, config: Config) -> None:
    """Outside a git checkout, build without dates instead of warning on every build."""
    if in_git_checkout(Path(app.srcdir)):
        return
    config.suppress_warnings = [*config.suppress_warnings, *NO_GIT_WARNINGS]
    logger.info("%s is not in a git checkout: pages get no 'last updated' date", app.srcdir)


def no_date_without_git(app: Sphinx, env: BuildEnvironment) -> None:
    """Without a git command, sphinx-last-updated-by-git leaves ``None`` where readers expect a pair.

    sphinx-sitemap unpacks every entry as ``(timestamp, show_sourcelink)``; give such pages "no date".
    """
    dates = getattr(env, "git_last_updated", {})
    for docname, data in dates.items():
        if data is None:
            dates[docname] = (None, False)


def setup(app: Sphinx) -> None:
    """Load sphinx-last-updated-by-git and keep builds outside git quiet."""
    app.setup_extension("sphinx_last_updated_by_git")
    app.connect("config-inited", quiet_outside_git)
    # After sphinx-last-updated-by-git's own env-updated handler (priority 500).
    app.connect("env-updated", no_date_without_git, priority=900)
