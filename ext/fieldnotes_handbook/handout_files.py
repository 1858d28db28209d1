"""The built handout PDFs and their manifest, shared by ``make handouts`` and the site build.

After LaTeX has run, :func:`collect` copies each ``handout-<name>.pdf`` from the LaTeX
directory into the handouts directory (``_build/handouts``) and writes ``handouts.json``
beside them: for each handout its file name, page count and size in bytes. The page count
comes from the line pdfTeX writes at the end of its log ("Output written on
handout-attendee.pdf (12 pages, 301234 bytes)."), so no PDF library is needed.

The HTML build reads the manifest (:func:`read_manifest`) to link each PDF with its size and
page count (:mod:`fieldnotes_handbook.downloads`).
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

MANIFEST = "handouts.json"
OUTPUT_WRITTEN = re.compile(
    r"Output written on (?P<file>\S+?\.pdf) \((?P<pages>\d+) pages?, (?P<bytes>\d+) bytes\)"
)


class HandoutFileError(RuntimeError):
    """A handout PDF is missing, or its log does not match it."""


@dataclass(frozen=True)
class HandoutFile:
    """One built handout."""

    file: str
    pages: int
    bytes: int


def pdf_name(name: str) -> str:
    """The file name of handout *name*'s PDF."""
    return f"handout-{name}.pdf"


def log_facts(log: Path) -> tuple[int, int]:
    """(pages, bytes) from the last "Output written on" line of a pdfTeX log."""
    # pdfTeX breaks log lines at 79 characters: join them before searching.
    text = log.read_text(encoding="latin-1").replace("\n", "")
    matches = list(OUTPUT_WRITTEN.finditer(text))
    if not matches:
        raise HandoutFileError(f"{log}: no 'Output written on' line; did LaTeX finish?")
    return int(matches[-1]["pages"]), int(matches[-1]["bytes"])


def collect(latex_dir: Path, out_dir: Path, names: list[str], event: str = "") -> dict[str, HandoutFile]:
    """Copy the named handouts' PDFs into *out_dir* and write the manifest there."""
    out_dir.mkdir(parents=True, exist_ok=True)
    found: dict[str, HandoutFile] = {}
    for name in names:
        pdf = latex_dir / pdf_name(name)
        if not pdf.is_file():
            raise HandoutFileError(f"{pdf}: missing; did LaTeX run?")
        pages, size = log_facts(pdf.with_suffix(".log"))
        if size != pdf.stat().st_size:
            raise HandoutFileError(f"{pdf}: {pdf.stat().st_size} bytes, but its log says {size}")
        shutil.copy2(pdf, out_dir / pdf.name)
        found[name] = HandoutFile(pdf.name, pages, size)
    manifest = {"event": event, "handouts": {name: asdict(info) for name, info in found.items()}}
    (out_dir / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return found


def read_manifest(out_dir: Path) -> dict[str, HandoutFile]:
    """The handouts listed in *out_dir*'s manifest (empty when there is none)."""
    path = out_dir / MANIFEST
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: HandoutFile(**info) for name, info in data.get("handouts", {}).items()}
