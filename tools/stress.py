"""Stress the talks extension with N pyvideo-shaped talks and compare with plain Sphinx (not a test).

1. Writes N pyvideo video records (synthetic, shaped like tests/fixtures/pyvideo: titles in
   Latin, Cyrillic, Korean and Japanese scripts, emoji, backticks, ISO date-times, names with
   commas, tags starting with ``#``, descriptions of several paragraphs) in pyvideo's layout.
2. Imports them with ``fieldnotes.talks.import_pyvideo`` into a project with one talk page per
   record, an index page per event (a ``talk-list``) and a page listing every talk.
3. Writes a plain project of the same pages: the same text as headings, field lists and
   paragraphs, event pages with a table of contents, and a page linking every talk, with no
   extension but MyST.
4. Builds both in HTML from scratch, serially and with ``-j 2`` (median of ``--runs``), and
   reports wall time, CPU time (user + system of the build and its workers) and peak memory:
   the largest single process (``ru_maxrss``) and the largest sum over the build's process tree
   (sampled from /proc every 20 ms), which is what ``-j`` adds.

The machine may be shared: CPU time and memory are steadier than wall time.

Usage: ``python tools/stress.py [--n 1000] [--runs 3] [--jobs 1 2] [--keep DIR]``
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from fieldnotes.talks.import_pyvideo import import_folder
from fieldnotes.talks.myst_source import inline, paragraphs

TARGET = 1.2
EVENTS = ["PyCon US 2019", "EuroPython 2018", "PyCon Korea 2017", "PyCon JP 2019", "PyCon Russia 2015"]
TITLES = [
    "Lessons learned from {n} years of packaging",
    "What Is the `Annotated` Type? (part {n})",
    "GitHub Bots: Rise of the Machines 🤖 {n}",
    "파이썬 메모리 이모저모 {n}",
    "機械学習の理論と実践 その{n}",
    "Чем аннотации типов могут быть полезны {n}",
    '"Your Name Is Invalid!" take {n}',
]
SPEAKERS = ["Ann Example", "Richard D. Copeland, Jr.", "이지호", "José Example", "Мария Пример", "Ben Sample"]
TAGS = ["#python", "testing", "web", "data", "async", "packaging", "unicode", "teaching"]
CONF = 'extensions = {extensions!r}\nproject = "Stress"\nroot_doc = "index"\nhtml_theme = "basic"\n'


def record(i: int) -> dict:
    """Synthetic pyvideo record *i* (deterministic)."""
    description = "\n\n".join(
        f"Paragraph {p} of talk {i}: what the speakers showed, with `code`, a *word* and a link "
        f"https://example.org/{i}/{p}. It goes on for a while to be as long as real abstracts are."
        for p in range(1 + i % 4)
    )
    return {
        "title": TITLES[i % len(TITLES)].format(n=i),
        "speakers": [SPEAKERS[i % len(SPEAKERS)], SPEAKERS[(i * 5 + 1) % len(SPEAKERS)]],
        "recorded": f"{2010 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}" + ("T10:30:00" if i % 3 else ""),
        "description": description,
        "tags": [TAGS[i % len(TAGS)], TAGS[(i + 3) % len(TAGS)]],
        "videos": [{"type": "youtube", "url": f"https://www.youtube.com/watch?v=v{i:05d}"}],
        "related_urls": [{"label": "Slides", "url": f"https://slides.example.org/{i}.pdf"}],
        "slug": f"talk-{i:05d}",
    }


def make_projects(base: Path, n: int) -> dict[str, Path]:
    """The pyvideo data, the imported talks project and the plain project under *base*."""
    data = base / "data"
    for i in range(n):
        event = EVENTS[i % len(EVENTS)]
        folder = data / event.lower().replace(" ", "-")
        (folder / "videos").mkdir(parents=True, exist_ok=True)
        (folder / "category.json").write_text(json.dumps({"title": event}))
        (folder / "videos" / f"talk-{i:05d}.json").write_text(json.dumps(record(i), ensure_ascii=False))
    projects = {"plain": base / "plain", "talks": base / "talks"}
    written, skipped = import_folder(data, projects["talks"] / "talks", report=io.StringIO())
    assert (written, skipped) == (n, 0), (written, skipped)
    (projects["talks"] / "conf.py").write_text(CONF.format(extensions=["myst_parser", "fieldnotes"]))
    all_talks = "# All talks\n\n```{talk-list}\n:sort: -date\n```\n"
    (projects["talks"] / "all.md").write_text(all_talks)
    for path in sorted(data.rglob("videos/*.json")):
        rec = json.loads(path.read_text())
        folder = projects["plain"] / "talks" / path.parent.parent.name
        folder.mkdir(parents=True, exist_ok=True)
        fields = "".join(
            f":{k}: {inline(v)}\n"
            for k, v in (
                ("Speakers", ", ".join(rec["speakers"])),
                ("Date", rec["recorded"]),
                ("Tags", ", ".join(rec["tags"])),
            )
        )
        links = f"- [Video]({rec['videos'][0]['url']})\n- [Slides]({rec['related_urls'][0]['url']})\n"
        body = "\n\n".join(paragraphs(rec["description"]))
        text = f"# {inline(rec['title'])}\n\n{fields}\n{body}\n\n{links}"
        (folder / f"{path.stem}.md").write_text(text, encoding="utf-8")
    for folder in (projects["plain"] / "talks").iterdir():
        (folder / "index.md").write_text(f"# {folder.name}\n\n```{{toctree}}\n:glob:\n\n*\n```\n")
    (projects["plain"] / "conf.py").write_text(
        CONF.format(extensions=["myst_parser"]) + 'myst_enable_extensions = ["fieldlist"]\n'
    )
    # The plain counterpart of the listing of every talk: a list of links to the talk pages.
    records = sorted(data.rglob("videos/*.json"))
    links = "".join(f"- {{doc}}`talks/{path.parent.parent.name}/{path.stem}`\n" for path in records)
    (projects["plain"] / "all.md").write_text(f"# All talks\n\n{links}")
    for project in projects.values():
        (project / "index.md").write_text("# Stress\n\n```{toctree}\n:glob:\n\nall\ntalks/*/index\n```\n")
    return projects


def _tree_rss(root: int) -> int:
    """Resident memory (KiB) of *root* and all its descendants."""
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        try:
            status = Path(f"/proc/{pid}/status").read_text().splitlines()
            total += next((int(line.split()[1]) for line in status if line.startswith("VmRSS:")), 0)
            stack.extend(int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split())
        except (OSError, ValueError):
            continue
    return total


def build(project: Path, jobs: int) -> dict[str, float]:
    """A fresh HTML build: wall s, CPU s, peak single-process and process-tree memory (MiB)."""
    for out in ("_html", "_doctrees"):
        shutil.rmtree(project / out, ignore_errors=True)
    cmd = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-d", str(project / "_doctrees")]
    cmd += ["-j", str(jobs), str(project), str(project / "_html")]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.02):
            peak[0] = max(peak[0], _tree_rss(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    _pid, status, usage = os.wait4(proc.pid, 0)
    done.set()
    sampler.join()
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0 or "WARNING" in stderr:
        sys.exit(f"build of {project} failed or warned:\n{stderr[-3000:]}")
    return {
        "wall s": wall,
        "CPU s": usage.ru_utime + usage.ru_stime,
        "largest process MiB": usage.ru_maxrss / 1024,
        "process tree MiB": peak[0] / 1024,
    }


def main() -> None:
    """Generate, build, report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="talks (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="builds per measure; the median is kept")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="sphinx-build -j values")
    parser.add_argument("--keep", type=Path, help="generate the projects here and keep them")
    args = parser.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="fieldnotes-stress-"))
    if args.keep and base.exists():
        shutil.rmtree(base)
    projects = make_projects(base, args.n)
    print(f"Stress: {args.n} imported pyvideo-shaped talks vs plain Sphinx, {args.runs} runs per measure")
    failed = False
    for jobs in args.jobs:
        results: dict[str, dict[str, list[float]]] = {name: {} for name in projects}
        for _run in range(args.runs):
            for name, project in projects.items():  # interleaved: load changes hit both alike
                for key, value in build(project, jobs).items():
                    results[name].setdefault(key, []).append(value)
        print(f"\n-j {jobs}{'':<22}{'plain':>10}{'talks':>10}{'ratio':>8}")
        for key in results["plain"]:
            plain, talks = statistics.median(results["plain"][key]), statistics.median(results["talks"][key])
            ratio = talks / plain
            verdict = ""
            if "MiB" in key:
                verdict = f"  target <= {TARGET}x: {'ok' if ratio <= TARGET else 'OVER'}"
                failed |= ratio > TARGET
            print(f"  {key:<26}{plain:>10.1f}{talks:>10.1f}{ratio:>7.2f}x{verdict}")
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
