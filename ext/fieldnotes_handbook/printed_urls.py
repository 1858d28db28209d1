"""Site addresses printed in the PDF handouts, which live on in paper for years.

During a LaTeX build, every link into the site (an address under ``html_baseurl``: the
title block's QR code, footnotes for pages a handout does not include) is collected and
written to ``printed-urls.txt`` in the builder's output directory: one path per line,
relative to the site's root, without the ``#fragment``.

``make handouts`` then merges that file into the committed list,
``docs/handouts/printed-urls.txt`` (:func:`merge`: new paths are added, none is ever
dropped), and the test suite checks every listed path against an HTML build
(:func:`dead_paths`): each must be a page of the site or a redirect (sphinx-reredirects,
``redirects`` in ``conf.py``) to one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from docutils import nodes
from fieldnotes.sphinx_internals import current_builder
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform

FILE_NAME = "printed-urls.txt"
HEADER = (
    "# Site paths printed in the PDF handouts (footnotes, QR codes), relative to the site's root.\n"
    "# `make handouts` adds new ones; never remove a line: paper copies keep the address.\n"
    "# When a page moves, add a redirect (`redirects` in conf.py; see CONTRIBUTING.md).\n"
)
# sphinx-reredirects' page: the target is in the meta refresh (and in a script).
REDIRECT = re.compile(r'<meta http-equiv="refresh" content="0; url=(?P<target>[^"]+)"')
# A stand-in site root, to resolve relative redirect targets.
SITE = "https://site.invalid/"
# Output directory -> paths printed by the documents written there in this build.
COLLECTED: dict[str, set[str]] = {}


def site_path(url: str, base: str) -> str | None:
    """The path of *url* under the site's *base* URL, without fragment; None if outside it."""
    base = base if base.endswith("/") else base + "/"
    if not base.startswith(("http://", "https://")) or not url.startswith(base):
        return None
    path = urlsplit(url[len(base) :]).path
    return path or "index.html"


class CollectPrintedUrls(SphinxPostTransform):
    """Note every link into the site that a LaTeX document prints."""

    builders = ("latex",)
    default_priority = 900  # after every transform that makes or rewrites links

    def run(self, **kwargs: Any) -> None:
        """Add this document's site paths to the output directory's set."""
        base = self.config.html_baseurl or ""
        found = COLLECTED.setdefault(str(current_builder(self.env).outdir), set())
        for node in self.document.findall(nodes.reference):
            path = site_path(node.get("refuri", ""), base)
            if path is not None:
                found.add(path)


def start(app: Sphinx) -> None:
    """Begin an empty collection for this LaTeX build."""
    if app.builder.format == "latex":
        COLLECTED[str(app.outdir)] = set()


def write(app: Sphinx, exception: Exception | None) -> None:
    """Write the paths this LaTeX build printed, sorted, to ``printed-urls.txt``."""
    if exception is not None or app.builder.format != "latex":
        return
    paths = COLLECTED.get(str(app.outdir), set())
    Path(app.outdir, FILE_NAME).write_text("".join(f"{p}\n" for p in sorted(paths)), encoding="utf-8")


def read_paths(path: Path) -> list[str]:
    """The paths listed in *path* (comments and blank lines skipped; none if it is missing)."""
    if not path.is_file():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def merge(committed: Path, printed: Iterable[str]) -> list[str]:
    """Add the *printed* paths to the *committed* list, keeping every old one; return the new."""
    known = set(read_paths(committed))
    added = sorted(set(printed) - known)
    if added or not committed.is_file():
        paths = sorted(known | set(added))
        committed.write_text(HEADER + "".join(f"{p}\n" for p in paths), encoding="utf-8")
    return added


def page_file(outdir: Path, path: str) -> Path:
    """The file of the HTML output that serves the site *path*."""
    return outdir / (path + "index.html" if path.endswith("/") or not path else path)


def dead_paths(outdir: Path, paths: Iterable[str]) -> list[str]:
    """The *paths* that are neither a page of the HTML output in *outdir* nor a redirect to one."""
    dead = []
    for path in paths:
        target = page_file(outdir, path)
        if not target.is_file():
            dead.append(path)
            continue
        redirect = REDIRECT.search(target.read_text(encoding="utf-8", errors="replace")[:2000])
        if redirect:
            # Resolve the target as a browser would, against the redirect page's own address.
            landing = urlsplit(urljoin(f"{SITE}{path}", redirect["target"]))
            if landing.netloc != urlsplit(SITE).netloc:
                continue  # a redirect to another site: nothing here to check
            if not page_file(outdir, landing.path.lstrip("/")).is_file():
                dead.append(f"{path} (redirects to {landing.path}, which does not exist)")
    return dead


def setup(app: Sphinx) -> None:
    """Collect the printed site paths of every LaTeX build."""
    app.add_post_transform(CollectPrintedUrls)
    app.connect("builder-inited", start)
    app.connect("build-finished", write)
