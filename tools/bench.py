"""Benchmark the talks extension against plain Sphinx (``make bench``; not a test).

Generates two projects of N pages each (default 1000): one with a ``talk`` card per page and a
page with a ``talk-list`` of every talk; the other with the same data as plain field lists and a
plain bullet list of links. Both use MyST and the same Sphinx settings. Then, in the same run and
interleaved, it measures (median of ``--runs``) a full build, a rebuild after editing one talk, a
no-change rebuild, and the peak memory of the full build (``ru_maxrss`` of the build process),
and prints the ratio of each to plain Sphinx against its target.

Usage: ``python tools/bench.py [--n 1000] [--runs 3] [--jobs 1] [--keep DIR]``
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGETS = {"full build": 1.05, "edit one talk": 1.20, "no-change rebuild": 1.05, "peak memory": 1.2}

CONF = """\
extensions = {extensions!r}
project = "Bench"
root_doc = "index"
myst_enable_extensions = ["fieldlist"]
html_theme = "basic"
"""

EVENTS = ["EuroPython", "PyCon US", "DjangoCon", "PyCon UK", "SciPy"]
TAGS = ["testing", "web", "data", "community", "performance", "packaging", "async", "teaching"]


def talk_data(i: int) -> dict[str, str]:
    """Deterministic, varied data for talk *i*."""
    return {
        "id": f"talk-{i:05d}",
        "title": f"Talk number {i}: lessons learned",
        "speakers": f"Speaker {i % 97}, Speaker {(i * 7) % 89}",
        "event": f"{EVENTS[i % len(EVENTS)]} {2005 + i % 20}",
        "date": f"{2005 + i % 20}-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "video": f"https://pyvideo.org/event/talk-{i}.html",
        "slides": f"https://slides.example.org/{i}.pdf",
        "tags": ", ".join(TAGS[(i + k) % len(TAGS)] for k in range(2)),
    }


def talk_page(i: int, title_suffix: str = "") -> str:
    """A page with a talk card."""
    d = talk_data(i)
    return (
        f"# Page {i}\n\n"
        f"```{{talk}} {d['title']}{title_suffix}\n"
        f":id: {d['id']}\n:speakers: {d['speakers']}\n:event: {d['event']}\n:date: {d['date']}\n"
        f":video: {d['video']}\n:slides: {d['slides']}\n:tags: {d['tags']}\n\n"
        f"What talk {i} is about, in a sentence or two.\n"
        "```\n\nSome notes on the talk.\n"
    )


def plain_page(i: int, title_suffix: str = "") -> str:
    """The same page as a plain field list."""
    d = talk_data(i)
    return (
        f"# Page {i}\n\n"
        f":Title: {d['title']}{title_suffix}\n:Speakers: {d['speakers']}\n:Event: {d['event']}\n"
        f":Date: {d['date']}\n:Video: <{d['video']}>\n:Slides: <{d['slides']}>\n:Tags: {d['tags']}\n\n"
        f"What talk {i} is about, in a sentence or two.\n\nSome notes on the talk.\n"
    )


def make_project(root: Path, n: int, *, talks: bool, extension: str = "fieldnotes.talks") -> Path:
    """Write a project of *n* pages (with cards if *talks*, else plain field lists)."""
    root.mkdir(parents=True)
    extensions = ["myst_parser", extension] if talks else ["myst_parser"]
    (root / "conf.py").write_text(CONF.format(extensions=extensions))
    (root / "index.md").write_text("# Bench\n\n```{toctree}\n:glob:\n\nlisting\npages/*\n```\n")
    if talks:
        listing = "# All talks\n\n```{talk-list}\n:sort: -date\n```\n"
    else:
        listing = "# All talks\n\n" + "".join(f"- {{doc}}`pages/p{i:05d}`\n" for i in range(n))
    (root / "listing.md").write_text(listing)
    (root / "pages").mkdir()
    page = talk_page if talks else plain_page
    for i in range(n):
        (root / "pages" / f"p{i:05d}.md").write_text(page(i))
    return root


def run_build(project: Path, jobs: int) -> tuple[float, float, float]:
    """Build *project* incrementally in a child process: (wall s, CPU s, peak RSS in MiB).

    CPU time is user + system time of the build process and its workers (``-j``).
    """
    cmd = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-d", str(project / "_doctrees")]
    cmd += ["-j", str(jobs), str(project), str(project / "_html")]
    # Python caches compiled modules (__pycache__) as users' installs do; a shell that turns
    # that off (PYTHONDONTWRITEBYTECODE) would recompile the editable package on every build,
    # while the dependencies pip compiled at install time are not recompiled.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0 or "WARNING" in stderr:
        sys.exit(f"build of {project} failed or warned:\n{stderr[-3000:]}")
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, cpu, usage.ru_maxrss / 1024  # Linux reports KiB


def measure(project: Path, talks: bool, edit: int, run: int, jobs: int) -> dict[str, float]:
    """One full build, one edit-one-talk rebuild and one no-change rebuild of *project*."""
    for out in ("_html", "_doctrees"):
        shutil.rmtree(project / out, ignore_errors=True)
    full, full_cpu, memory = run_build(project, jobs)
    page = talk_page if talks else plain_page
    (project / "pages" / f"p{edit:05d}.md").write_text(page(edit, f" (edit {run})"))
    edit_one, edit_cpu, _ = run_build(project, jobs)
    no_change, no_change_cpu, _ = run_build(project, jobs)
    return {
        "full build": full,
        "edit one talk": edit_one,
        "no-change rebuild": no_change,
        "peak memory": memory,
        "full build (CPU)": full_cpu,
        "edit one talk (CPU)": edit_cpu,
        "no-change rebuild (CPU)": no_change_cpu,
    }


def main() -> None:
    """Parse arguments, run the benchmark and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="pages per project (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measure; the median is kept")
    parser.add_argument("--jobs", type=int, default=1, help="sphinx-build -j (default 1)")
    parser.add_argument(
        "--extension",
        default="fieldnotes.talks",
        help="extension under test (default fieldnotes.talks; 'fieldnotes' adds the glossary and site parts)",
    )
    parser.add_argument("--keep", type=Path, help="generate the projects here and keep them")
    args = parser.parse_args()

    base = args.keep or Path(tempfile.mkdtemp(prefix="fieldnotes-bench-"))
    if args.keep and base.exists():
        shutil.rmtree(base)
    projects = {
        "plain": make_project(base / "plain", args.n, talks=False),
        "talks": make_project(base / "talks", args.n, talks=True, extension=args.extension),
    }
    results: dict[str, dict[str, list[float]]] = {name: {} for name in projects}
    print(
        f"Benchmark: {args.extension} vs plain Sphinx, {args.n} pages, {args.runs} runs, -j {args.jobs},"
        f" Python {sys.version.split()[0]}"
    )
    for run in range(args.runs):
        for name, project in projects.items():
            for key, value in measure(project, name == "talks", args.n // 2, run, args.jobs).items():
                results[name].setdefault(key, []).append(value)
        print(f"  run {run + 1}/{args.runs} done", flush=True)

    print(f"\n{'measure':<24}{'plain':>10}{'talks':>10}{'ratio':>8}{'target':>8}  result   (ratio min-max)")
    failed = False
    for key in results["plain"]:
        target = TARGETS[key.removesuffix(" (CPU)")]
        plain = statistics.median(results["plain"][key])
        talks = statistics.median(results["talks"][key])
        ratio = talks / plain
        per_run = [t / p for p, t in zip(results["plain"][key], results["talks"][key], strict=True)]
        unit = "MB" if key == "peak memory" else " s"
        ok = ratio <= target
        failed |= not ok
        print(
            f"{key:<24}{plain:>8.2f}{unit}{talks:>8.2f}{unit}{ratio:>7.2f}x{target:>7.2f}x"
            f"  {'ok' if ok else 'OVER':<7}  ({min(per_run):.2f}-{max(per_run):.2f})"
        )
    print("Times are medians; CPU = user + system time of the build. Other load on the machine adds noise.")
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
