"""Lighthouse scores and page weights of every page of the built site (``make audit``).

Not a test: Lighthouse scores vary from run to run, and with the machine's load. Serves
``_build/html`` on 127.0.0.1, runs Lighthouse (installed from npm into ``_build/audit/node``) in
Debian's headless Chromium, desktop and mobile, and writes the table, the weakest pages and
the machine's load average to ``_build/audit/report.md`` (raw reports beside it).

Which pages: every HTML page of the build except those in :data:`EXCLUDED` (each with its
reason), heaviest first (HTML plus the CSS and JavaScript it loads, gzip-compressed).
``--sample N`` audits the N heaviest and the five pages readers meet first (:data:`PAGES`);
``--pages`` names pages. ``--runs R`` audits each page R times and keeps the median run of the
performance score.

Served as readers get it: text is gzip-compressed, as Read the Docs serves it (through
Cloudflare; readthedocs/readthedocs.org#9578), so Lighthouse weighs what travels.
``--uncompressed`` serves the files as they are.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from browser import CHROMIUM, CHROMIUM_ARGS, serve  # tests/browser.py (the Makefile sets PYTHONPATH)

ROOT = Path(__file__).resolve().parent.parent

LIGHTHOUSE = "lighthouse@12.8.2"
#: The pages readers meet first (also measured by tests/test_reader_experience.py).
PAGES = {
    "front page": "index.html",
    "contribution guide": "first-contribution/index.html",
    "talk page": "talks/europython-2011/python-tips-tricks-idioms.html",
    "talks landing": "talks/index.html",
    "glossary": "glossary.html",
}
#: Pages left out of the audit, and why.
EXCLUDED = {
    "search.html": "a results page, noindex by design (so never 100 for SEO); JavaScript fills it",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PRESETS = ("desktop", "mobile")


def install_lighthouse(prefix: Path) -> Path:
    """Install Lighthouse from npm once; return its command-line script."""
    cli = prefix / "node_modules" / ".bin" / "lighthouse"
    if not cli.exists():
        prefix.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--prefix", str(prefix), "--no-audit", "--no-fund", LIGHTHOUSE], check=True
        )
    return cli


def page_weight(html_root: Path, page: str) -> tuple[int, int]:
    """Raw and gzip bytes of the page's HTML plus the CSS and JS it loads."""
    from bs4 import BeautifulSoup

    html = html_root / page
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    refs = [t.get("href") for t in soup.find_all("link", rel="stylesheet")]
    refs += [t.get("src") for t in soup.find_all("script") if t.get("src")]
    # Relative to the page, or to the site's root (the 404 page's "/_static/...").
    paths = [r.split("?")[0] for r in refs if r]
    files = [html] + [
        (html_root / p.lstrip("/") if p.startswith("/") else html.parent / p).resolve() for p in paths
    ]
    return sum(f.stat().st_size for f in files), sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)


def all_pages(html_root: Path) -> list[str]:
    """Every HTML page of the site but :data:`EXCLUDED`, heaviest (gzip) first."""
    pages = [p.relative_to(html_root).as_posix() for p in html_root.rglob("*.html")]
    pages = [p for p in pages if p not in EXCLUDED and not p.startswith(("_", "."))]
    return sorted(pages, key=lambda page: (-page_weight(html_root, page)[1], page))


def choose(html_root: Path, sample: int | None, named: list[str] | None) -> tuple[list[str], str]:
    """The pages to audit and a sentence saying how they were chosen."""
    if named:
        return named, "pages named on the command line"
    pages = all_pages(html_root)
    excluded = "; ".join(f"{page} left out: {why}" for page, why in EXCLUDED.items())
    if sample is None:
        return pages, f"every page of the site ({len(pages)}), heaviest first; {excluded}"
    chosen = list(dict.fromkeys([*pages[:sample], *PAGES.values()]))
    return (
        chosen,
        f"the {sample} heaviest pages (gzip bytes of HTML, CSS and JS) and the five first-met pages",
    )


def run_lighthouse(cli: Path, url: str, preset: str, out: Path) -> dict:
    """Run one Lighthouse audit and return its JSON report."""
    command = [
        str(cli),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--chrome-flags=--headless=new {' '.join(CHROMIUM_ARGS)}",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    return json.loads(out.read_text(encoding="utf-8"))


def scores(report: dict) -> list[int]:
    """The four category scores of a report, 0 to 100."""
    return [round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES]


def median_run(cli: Path, url: str, preset: str, out: Path, runs: int) -> dict:
    """The run with the median performance score of ``runs`` runs (its JSON is kept as ``out``)."""
    reports = []
    for run in range(runs):
        path = out if runs == 1 else out.with_suffix(f".{run}.json")
        reports.append(run_lighthouse(cli, url, preset, path))
    chosen = sorted(reports, key=lambda report: scores(report)[0])[len(reports) // 2]
    if runs > 1:
        out.write_text(json.dumps(chosen), encoding="utf-8")
    return chosen


def row(page: str, preset: str, report: dict, weight: tuple[int, int]) -> str:
    """One line of the table."""
    audits = report["audits"]
    return (
        f"| {page} | {preset} | "
        + " | ".join(map(str, scores(report)))
        + f" | {audits['first-contentful-paint']['numericValue']:.0f}"
        f" | {audits['largest-contentful-paint']['numericValue']:.0f}"
        f" | {audits['total-blocking-time']['numericValue']:.0f}"
        f" | {audits['cumulative-layout-shift']['numericValue']:.3f}"
        f" | {weight[0] / 1024:.0f} | {weight[1] / 1024:.1f} |"
    )


def load() -> str:
    """The machine's load average (1, 5, 15 minutes) and its number of processors."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} processors"


def main() -> int:
    """Audit the chosen pages at both form factors; write and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "audit")
    parser.add_argument("--sample", type=int, help="only the N heaviest pages and the five first-met ones")
    parser.add_argument("--pages", nargs="+", help="only these pages (paths relative to the site)")
    parser.add_argument("--runs", type=int, default=1, help="runs per page and form factor (median kept)")
    parser.add_argument("--uncompressed", action="store_true", help="serve files without gzip")
    args = parser.parse_args()
    if not (args.html / "index.html").exists():
        parser.error(f"{args.html} has no site: run `make html` first")
    cli = install_lighthouse(args.out / "node")
    pages, how = choose(args.html, args.sample, args.pages)
    started, load_before = time.strftime("%Y-%m-%d %H:%M"), load()
    header = [
        "| page | form | perf | a11y | best pr. | SEO | FCP ms | LCP ms | TBT ms | CLS | KB raw | KB gzip |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    rows, mobile = [], {}
    with serve(args.html, compress=not args.uncompressed) as base:
        for page in pages:
            weight = page_weight(args.html, page)
            for preset in PRESETS:
                out = args.out / f"{page.replace('/', '_')}.{preset}.json"
                report = median_run(cli, f"{base}/{page}", preset, out, args.runs)
                rows.append(row(page, preset, report, weight))
                print(rows[-1], flush=True)
                if preset == "mobile":
                    mobile[page] = scores(report)
    weakest = sorted(mobile.items(), key=lambda item: (item[1][0], item[0]))[:5]
    below = [page for page, score in mobile.items() if score[0] < 98 or min(score[1:]) < 100]
    lines = [
        f"Audited {started}: {how}.",
        f"Served {'as files are' if args.uncompressed else 'gzip-compressed'}; {args.runs} run(s) per page.",
        f"Load average at the start: {load_before}; at the end: {load()}.",
        "",
        *header,
        *rows,
        "",
        "Weakest on mobile: " + ", ".join(f"{page} ({score[0]})" for page, score in weakest) + ".",
        f"Below 98 mobile performance or 100 elsewhere: {', '.join(below) or 'none'}.",
    ]
    report_text = "\n".join(lines) + "\n"
    (args.out / "report.md").write_text(report_text, encoding="utf-8")
    print("\n" + report_text + f"\nReports: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
