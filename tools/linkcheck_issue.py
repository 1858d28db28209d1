"""Keep one GitHub issue in step with the weekly link check, using the ``gh`` command.

- The check failed: open the issue with the report, or, if it is already open, replace its
  description with the new report and comment, so that people watching it hear of the run.
- The check passed: close the issue if it is open, saying which run found every link working.
- Any other outcome (cancelled, skipped): change nothing.

The issue is found by its exact title, so there is only ever one. ``gh`` needs ``GH_TOKEN``
(the workflow's token, with ``issues: write``) and finds the repository from ``GH_REPO``.

    python tools/linkcheck_issue.py --outcome failure --report report.md --run-url URL
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

TITLE = "Broken links found by the weekly link check"


def gh(*args: str) -> str:
    """Run ``gh`` and return what it prints; fail loudly when it fails."""
    return subprocess.run(["gh", *args], check=True, capture_output=True, text=True).stdout


def open_issue() -> int | None:
    """The number of the open link-check issue, if there is one."""
    listed = gh(
        "issue", "list", "--state", "open", "--search", f'"{TITLE}" in:title', "--json", "number,title"
    )
    numbers = sorted(issue["number"] for issue in json.loads(listed or "[]") if issue["title"] == TITLE)
    return numbers[0] if numbers else None


def body(report: str, run_url: str) -> str:
    """The issue's description: where the report comes from, then the report."""
    return (
        f"The scheduled link check failed: {run_url}\n\n"
        "This issue is updated by every failing run and closed by the first run in which every "
        "link works. CONTRIBUTING.md says how to fix each kind of failure.\n\n"
        f"{report}"
    )


def update(outcome: str, report_file: Path, run_url: str) -> str:
    """Open, update or close the issue for a run's *outcome*; what was done, in words."""
    number = open_issue()
    if outcome == "failure":
        text = body(report_file.read_text(encoding="utf-8"), run_url)
        if number is None:
            gh("issue", "create", "--title", TITLE, "--body", text)
            return "opened"
        gh("issue", "edit", str(number), "--body", text)
        gh(
            "issue",
            "comment",
            str(number),
            "--body",
            f"Links are still broken in {run_url}; the report above is new.",
        )
        return f"updated #{number}"
    if outcome == "success" and number is not None:
        gh("issue", "close", str(number), "--comment", f"Every link works again in {run_url}.")
        return f"closed #{number}"
    return "nothing to do"


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments and update the issue."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outcome", required=True, help="the link check step's outcome")
    parser.add_argument("--report", type=Path, required=True, help="the report, in Markdown")
    parser.add_argument("--run-url", required=True, help="the workflow run's address")
    args = parser.parse_args(argv)
    print(f"Link-check issue: {update(args.outcome, args.report, args.run_url)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
