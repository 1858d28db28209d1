"""Steps of the handout build around Sphinx and LaTeX, shared by the Makefile and Read the Docs.

Usage::

    python tools/handouts.py check-event EVENT.toml
    python tools/handouts.py collect _build/handouts-latex _build/handouts [--event EVENT.toml]
    python tools/handouts.py printed-urls _build/handouts-latex docs/handouts/printed-urls.txt

``check-event`` checks an organiser's event file before anything is built: one line naming
the file, the key and the problem, and exit status 1, when it is wrong.
``collect`` copies the handout PDFs that LaTeX made into the handouts directory with their
manifest (page counts and sizes), which the site build reads.
``printed-urls`` adds the site paths the handouts printed to the committed list.

The handouts' names come from ``fieldnotes_handouts`` in ``conf.py``.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

from fieldnotes_handbook.event import EventError, load_event
from fieldnotes_handbook.handout_files import HandoutFileError, collect
from fieldnotes_handbook.printed_urls import FILE_NAME, merge, read_paths

ROOT = Path(__file__).resolve().parent.parent


def handout_names(conf: Path = ROOT / "conf.py") -> list[str]:
    """The handout names of ``fieldnotes_handouts`` in *conf*, read without running it."""
    for node in ast.walk(ast.parse(conf.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "fieldnotes_handouts" for t in node.targets
        ):
            return list(ast.literal_eval(node.value))
    raise SystemExit(f"{conf}: no fieldnotes_handouts")


def main(argv: list[str] | None = None) -> int:
    """Run one step; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    steps = parser.add_subparsers(dest="step", required=True)
    check = steps.add_parser("check-event", help="check an event file")
    check.add_argument("event", type=Path)
    gather = steps.add_parser("collect", help="copy the PDFs and write their manifest")
    gather.add_argument("latex_dir", type=Path)
    gather.add_argument("out_dir", type=Path)
    gather.add_argument("--event", type=Path, help="the event file the handouts were built with")
    urls = steps.add_parser("printed-urls", help="add the printed site paths to the committed list")
    urls.add_argument("latex_dir", type=Path)
    urls.add_argument("committed", type=Path)
    args = parser.parse_args(argv)

    try:
        if args.step == "check-event":
            event = load_event(args.event)
            print(
                f"{args.event}: {event.name}, {event.date.isoformat()}, {len(event.schedule)} schedule rows"
            )
        elif args.step == "collect":
            name = load_event(args.event).name if args.event else ""
            for handout, info in collect(args.latex_dir, args.out_dir, handout_names(), name).items():
                print(f"{args.out_dir / info.file}: {handout}, {info.pages} pages, {info.bytes} bytes")
        else:
            added = merge(args.committed, read_paths(args.latex_dir / FILE_NAME))
            for path in added:
                print(f"{args.committed}: added {path}")
    except (EventError, HandoutFileError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
