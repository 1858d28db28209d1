"""Static files shipped with the package: copied into HTML output, added to the pages that need them."""

from __future__ import annotations

from pathlib import Path

from sphinx.builders import Builder


def copy_if_changed(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` unless it is already there unchanged (no-change builds write nothing)."""
    content = source.read_bytes()
    if target.is_file() and target.read_bytes() == content:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)


def copy_static(builder: Builder, static: Path, html: tuple[str, ...], latex: tuple[str, ...] = ()) -> None:
    """Copy ``html`` files into ``_static/`` of HTML output, ``latex`` files next to the ``.tex``."""
    if builder.format == "html":
        for name in html:
            copy_if_changed(static / name, Path(builder.outdir) / "_static" / name)
    elif builder.format == "latex":
        for name in latex:
            copy_if_changed(static / name, Path(builder.outdir) / name)
