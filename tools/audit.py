"""Lighthouse scores and page weights for the five pages readers meet first (``make audit``).

Not a test: Lighthouse scores vary from run to run. Serves ``_build/html`` on
127.0.0.1, runs Lighthouse (installed from npm into ``_build/audit/node``) in
Debian's headless Chromium, desktop and mobile, and writes the table to
``_build/audit/report.md`` (raw reports beside it).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

from browser import CHROMIUM, CHROMIUM_ARGS, serve  # tests/browser.py (the Makefile sets PYTHONPATH)

ROOT = Path(__file__).resolve().parent.parent

LIGHTHOUSE = "lighthouse@12.8.2"
PAGES = {
    "front page": "index.html",
    "contribution guide": "first-contribution/index.html",
    "talk page": "talks/europython-2011/python-tips-tricks-idioms.html",
    "talks landing": "talks/index.html",
    "glossary": "glossary.html",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


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
    files = [html] + [(html.parent / r.split("?")[0]).resolve() for r in refs if r]
    return sum(f.stat().st_size for f in files), sum(len(gzip.compress(f.read_bytes(), 9)) for f in files)


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


def main() -> int:
    """Audit every page at both form factors and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=Path, default=ROOT / "_build" / "html")
    parser.add_argument("--out", type=Path, default=ROOT / "_build" / "audit")
    args = parser.parse_args()
    if not (args.html / "index.html").exists():
        parser.error(f"{args.html} has no site: run `make html` first")
    cli = install_lighthouse(args.out / "node")
    rows = [
        "| page | form | perf | a11y | best pr. | SEO | LCP ms | TBT ms | CLS | KB raw | KB gzip |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    with serve(args.html) as base:
        for name, page in PAGES.items():
            raw, packed = page_weight(args.html, page)
            for preset in ("desktop", "mobile"):
                report = run_lighthouse(
                    cli, f"{base}/{page}", preset, args.out / f"{page.replace('/', '_')}.{preset}.json"
                )
                scores = [round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES]
                audits = report["audits"]
                rows.append(
                    f"| {name} | {preset} | "
                    + " | ".join(map(str, scores))
                    + f" | {audits['largest-contentful-paint']['numericValue']:.0f}"
                    f" | {audits['total-blocking-time']['numericValue']:.0f}"
                    f" | {audits['cumulative-layout-shift']['numericValue']:.3f}"
                    f" | {raw / 1024:.0f} | {packed / 1024:.1f} |"
                )
    table = "\n".join(rows)
    (args.out / "report.md").write_text(table + "\n", encoding="utf-8")
    print(table)
    print(f"\nReports: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
