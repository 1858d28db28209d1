"""Render the handbook's diagrams, and check that the committed renderings are current.

Diagrams are Graphviz sources, ``docs/_diagrams/<name>.dot``. Their renderings are committed
next to them, ``<name>.svg`` for HTML and e-books and ``<name>.pdf`` for LaTeX, so building the
site needs no Graphviz; pages show them with ``{figure} /_diagrams/<name>.*``.
``renderings.json`` records, for each diagram, the SHA-256 of the source it was drawn from and
of both renderings.

    python3 tools/diagrams.py          # render every diagram (needs Graphviz's dot)
    python3 tools/diagrams.py --check  # stale or hand-edited renderings? (no dot needed)

Standard library only: it runs before, and without, the virtual environment.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from pathlib import Path

DIAGRAMS = Path(__file__).resolve().parent.parent / "docs" / "_diagrams"
MANIFEST = "renderings.json"
FORMATS = ("svg", "pdf")


def sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, in hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sources(folder: Path = DIAGRAMS) -> list[Path]:
    """Every diagram source in *folder*, sorted."""
    return sorted(folder.glob("*.dot"))


def render(source: Path, out_dir: Path, dot: str = "dot") -> dict[str, Path]:
    """Draw *source* in every format into *out_dir*; the rendered files by format."""
    rendered = {}
    for fmt in FORMATS:
        target = out_dir / f"{source.stem}.{fmt}"
        subprocess.run([dot, f"-T{fmt}", "-o", str(target), str(source)], check=True)
        rendered[fmt] = target
    return rendered


def record(source: Path) -> dict[str, str]:
    """What the manifest says about a diagram whose renderings sit next to its source."""
    entry = {"source": sha256(source)}
    for fmt in FORMATS:
        entry[fmt] = sha256(source.with_suffix(f".{fmt}"))
    return entry


def render_all(folder: Path = DIAGRAMS, dot: str = "dot") -> None:
    """Render every diagram in *folder* next to its source and rewrite the manifest."""
    manifest = {}
    for source in sources(folder):
        render(source, folder, dot)
        manifest[source.name] = record(source)
    text = json.dumps(manifest, indent=2, sort_keys=True) + "\n"
    (folder / MANIFEST).write_text(text, encoding="utf-8")


def problems(folder: Path = DIAGRAMS) -> list[str]:
    """Why the committed renderings in *folder* do not match their sources (empty: they do)."""
    manifest_path = folder / MANIFEST
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    found = []
    for source in sources(folder):
        entry = manifest.get(source.name)
        if entry is None:
            found.append(f"{source.name}: never rendered")
            continue
        if entry["source"] != sha256(source):
            found.append(f"{source.name}: changed since its renderings were drawn")
        for fmt in FORMATS:
            rendering = source.with_suffix(f".{fmt}")
            if not rendering.exists():
                found.append(f"{rendering.name}: missing")
            elif entry.get(fmt) != sha256(rendering):
                found.append(f"{rendering.name}: not the rendering recorded in {MANIFEST}")
    found += [f"{name}: no such source" for name in sorted(set(manifest) - {s.name for s in sources(folder)})]
    return found


def main(argv: list[str] | None = None) -> int:
    """Render every diagram, or with ``--check`` report stale renderings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale renderings; render nothing")
    args = parser.parse_args(argv)
    if args.check:
        found = problems()
        for problem in found:
            print(f"docs/_diagrams/{problem}", file=sys.stderr)
        if found:
            print("Render them again with: make diagrams (needs Graphviz)", file=sys.stderr)
        return 1 if found else 0
    render_all()
    print(f"Rendered {len(sources())} diagrams into {DIAGRAMS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
