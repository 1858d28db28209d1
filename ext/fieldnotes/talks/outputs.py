"""Site-wide outputs of an HTML build (the index pages, ``talks.json``) and when to keep them.

Sphinx rewrites a domain index page on every HTML build, even when nothing changed. With
thousands of talks that costs more than the rest of a no-change build, so an index page (and
``talks.json``) is kept when everything it is made from is the same as when it was written:

- the talks (every field but source lines),
- the code of this package (an edit to a renderer always applies) and of the project's other
  extensions (one of them may change these pages' HTML, as a theme's page hook does),
- the HTML configuration, tags and templates (see :func:`~fieldnotes.sphinx_internals.html_output_inputs`).

The key of what was written is stored next to the outputs (``.fieldnotes-talks`` in the output
directory) only when a build finishes without error, so an interrupted build never leaves a
stale page behind. The decision is made once per build, at ``write-started``, and kept in
memory on the domain (:attr:`TalksDomain.kept_outputs`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import fields
from functools import cache
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

import sphinx
from sphinx.application import Sphinx
from sphinx.builders import Builder

from fieldnotes.freshness import digest
from fieldnotes.sphinx_internals import html_output_inputs
from fieldnotes.talks.records import Talk

if TYPE_CHECKING:
    from fieldnotes.talks.domain import TalksDomain

KEY_FILE = ".fieldnotes-talks"
INDICES = "indices"
TALKS_JSON = "talks.json"
INDEX_PAGES = ("talks-speakers", "talks-events", "talks-tags")

#: What the outputs show of a talk: every field but where its source line is.
SHOWN = attrgetter(*(f.name for f in fields(Talk) if f.name != "lineno"))


def _files_digest(paths: Iterable[Path]) -> str:
    """A digest of the files' paths, sizes and modification times."""
    stats = []
    for path in sorted(set(paths)):
        stat = path.stat()
        stats.append((path.as_posix(), stat.st_size, stat.st_mtime_ns))
    return digest(stats)


@cache
def code_digest() -> str:
    """What identifies this package's code and static files."""
    package = Path(__file__).resolve().parent.parent
    suffixes = {".py", ".css", ".js", ".sty"}
    return _files_digest(path for path in package.rglob("*") if path.suffix in suffixes and path.is_file())


def extensions_digest(app: Sphinx) -> str:
    """What identifies the code of the project's other extensions (their page hooks shape the HTML).

    Every loaded extension module outside Sphinx and this package (see :func:`code_digest`);
    for a package, every ``.py`` file in it.
    """
    skipped = (Path(sphinx.__file__).resolve().parent, Path(__file__).resolve().parent.parent)
    files: set[Path] = set()
    for extension in list(app.extensions.values()):
        module_file = getattr(extension.module, "__file__", None)
        if not module_file:
            continue
        path = Path(module_file).resolve()
        if any(path.is_relative_to(root) for root in skipped):
            continue
        files.update(path.parent.rglob("*.py") if path.name == "__init__.py" else [path])
    return _files_digest(files)


def keys(domain: TalksDomain, builder: Builder, app: Sphinx) -> dict[str, str]:
    """The current key of each site-wide output."""
    data = digest([SHOWN(t) for t in domain.all_talks()])
    common = [data, code_digest(), extensions_digest(app), builder.name, domain.env.config.html_baseurl]
    return {
        INDICES: digest([common, html_output_inputs(builder)]),
        TALKS_JSON: digest([common, getattr(builder, "link_suffix", "")]),
    }


def _stored(outdir: Path) -> dict[str, str]:
    try:
        stored = json.loads((outdir / KEY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return stored if isinstance(stored, dict) else {}


def _files(builder: Builder, name: str) -> list[Path]:
    if name == TALKS_JSON:
        return [Path(builder.outdir) / TALKS_JSON]
    return [Path(builder.outdir, builder.get_outfilename(page)) for page in INDEX_PAGES]  # type: ignore[attr-defined]


def on_write_started(app: Sphinx, builder: Builder) -> None:
    """Decide which site-wide outputs written earlier are still right (HTML builders only)."""
    domain: TalksDomain = app.env.domains["talks"]  # type: ignore[assignment]
    domain.kept_outputs, domain.output_keys = set(), {}
    if builder.format != "html" or builder.name == "epub" or not hasattr(builder, "build_info"):
        return
    stored, current = _stored(Path(builder.outdir)), keys(domain, builder, app)
    domain.output_keys = current
    domain.kept_outputs = {
        name
        for name, key in current.items()
        if stored.get(name) == key and all(path.is_file() for path in _files(builder, name))
    }


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    """Record what this build's site-wide outputs were made from (only after a build that worked)."""
    builder = app.builder
    if exception is not None or builder.format != "html" or not hasattr(builder, "build_info"):
        return
    if builder.name == "epub":
        return
    domain: TalksDomain = app.env.domains["talks"]  # type: ignore[assignment]
    if not domain.output_keys:
        return
    text = json.dumps(domain.output_keys, sort_keys=True)
    path = Path(builder.outdir) / KEY_FILE
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
