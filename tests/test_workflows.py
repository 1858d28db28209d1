"""GitHub Actions: valid workflows (actionlint), current actions pinned by hash, and the
weekly link check's one issue (tools/linkcheck_issue.py, driven against a stand-in ``gh``)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from importlib.metadata import metadata
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = Path(sys.executable).parent / "actionlint"
# The oldest major release of each action that runs on Node 24 (the issue's floor).
MINIMUM_MAJOR = {"actions/checkout": 5, "actions/setup-python": 6, "actions/upload-artifact": 5}
PINNED = re.compile(
    r"^\s*(?:- )?uses: (?P<action>[\w.-]+/[\w.-]+)@(?P<sha>[0-9a-f]{40}) # v(?P<major>\d+)\.\d+\.\d+$"
)


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def steps(uses: str) -> list[dict[str, Any]]:
    """Every step, in every workflow, that uses the action *uses*."""
    return [
        step
        for path in WORKFLOWS
        for job in load(path)["jobs"].values()
        for step in job.get("steps", [])
        if step.get("uses", "").startswith(f"{uses}@")
    ]


def actionlint(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ACTIONLINT), "-no-color", *map(str, paths)], capture_output=True, text=True, check=False
    )


def test_actionlint_passes_on_every_workflow() -> None:
    assert len(WORKFLOWS) >= 2
    result = actionlint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_mistakes(tmp_path: Path) -> None:
    broken = tmp_path / ".github" / "workflows" / "broken.yml"
    broken.parent.mkdir(parents=True)
    text = (REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    text = re.sub(r"actions/checkout@\S+ # \S+", "actions/checkout@v4", text, count=1)
    broken.write_text(text.replace("${{ matrix.python }}", "${{ matrix.pyhton }}", 1), encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode != 0
    assert "node20" in result.stdout and "pyhton" in result.stdout


def test_every_action_is_pinned_to_a_current_release() -> None:
    used = 0
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "uses:" not in line:
                continue
            match = PINNED.match(line)
            assert match, f"{path.name}: not pinned by commit hash with its version: {line.strip()}"
            assert int(match["major"]) >= MINIMUM_MAJOR.get(match["action"], 0), line
            used += 1
    assert used >= 8


def test_checkouts_keep_no_credentials_and_pip_is_cached() -> None:
    checkouts, pythons = steps("actions/checkout"), steps("actions/setup-python")
    assert checkouts and pythons
    assert all(step["with"]["persist-credentials"] is False for step in checkouts)
    assert all(step["with"]["cache"] == "pip" for step in pythons)


def test_site_is_built_strictly_on_the_oldest_and_newest_supported_python() -> None:
    job = load(REPO / ".github" / "workflows" / "ci.yml")["jobs"]["site"]
    declared = [
        c.rsplit("::", 1)[1].strip()
        for c in metadata("sphinx").get_all("Classifier") or []
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    ]
    newest = max(declared, key=lambda version: int(version.split(".")[1]))
    assert job["strategy"]["matrix"]["python"] == ["3.11", newest]
    assert any(step.get("run") == "make html" for step in job["steps"])
    assert "-W" in re.search(r"^SPHINXOPTS \?= (.*)$", (REPO / "Makefile").read_text(), re.M).group(1)


def test_pull_requests_get_the_built_html() -> None:
    job = load(REPO / ".github" / "workflows" / "ci.yml")["jobs"]["site"]
    upload = next(
        step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact@")
    )
    assert upload["with"]["path"] == "_build/html/"


def test_dependabot_updates_actions_and_pip() -> None:
    config = yaml.safe_load((REPO / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {update["package-ecosystem"] for update in config["updates"]} == {"github-actions", "pip"}


def test_weekly_schedule_is_kept_alive() -> None:
    workflow = load(REPO / ".github" / "workflows" / "linkcheck.yml")
    job = workflow["jobs"]["keep-alive"]
    assert job["if"] == "github.event_name == 'schedule'"
    assert job["permissions"] == {"actions": "write"}
    assert "actions/workflows/linkcheck.yml/enable" in job["steps"][0]["run"]


# --- the one link-check issue, against a stand-in for gh -----------------------------------

FAKE_GH = """#!{python}
import json, os, sys
with open(os.environ["GH_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps(sys.argv[1:]) + "\\n")
if sys.argv[1:3] == ["issue", "list"]:
    print(os.environ["GH_OPEN_ISSUES"])
"""


@pytest.fixture
def gh(tmp_path: Path) -> Path:
    """A stand-in ``gh`` first on PATH that logs its arguments."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "gh"
    fake.write_text(FAKE_GH.format(python=sys.executable), encoding="utf-8")
    fake.chmod(0o755)
    return bin_dir


def run_issue_script(
    gh: Path, tmp_path: Path, outcome: str, open_issues: list[dict[str, Any]]
) -> list[list[str]]:
    """Run tools/linkcheck_issue.py with *open_issues* on GitHub; the gh calls it made."""
    report = tmp_path / "report.md"
    report.write_text("### docs/index.md\n- line 3: broken https://example.org/gone\n", encoding="utf-8")
    log = tmp_path / "gh.log"
    log.unlink(missing_ok=True)
    env = {
        **os.environ,
        "PATH": f"{gh}{os.pathsep}{os.environ['PATH']}",
        "GH_LOG": str(log),
        "GH_OPEN_ISSUES": json.dumps(open_issues),
    }
    command = [sys.executable, "tools/linkcheck_issue.py", "--outcome", outcome, "--report", str(report)]
    command += ["--run-url", "https://github.com/o/r/actions/runs/1"]
    subprocess.run(command, cwd=REPO, env=env, check=True, capture_output=True)
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


TITLE = "Broken links found by the weekly link check"
OTHER = {"number": 3, "title": f"Not the same: {TITLE}"}


def test_broken_links_open_one_issue(gh: Path, tmp_path: Path) -> None:
    calls = run_issue_script(gh, tmp_path, "failure", [OTHER])
    assert [call[:2] for call in calls] == [["issue", "list"], ["issue", "create"]]
    create = calls[1]
    assert create[create.index("--title") + 1] == TITLE
    assert "broken https://example.org/gone" in create[create.index("--body") + 1]


def test_broken_links_again_update_the_open_issue(gh: Path, tmp_path: Path) -> None:
    calls = run_issue_script(gh, tmp_path, "failure", [OTHER, {"number": 7, "title": TITLE}])
    assert [call[:3] for call in calls[1:]] == [["issue", "edit", "7"], ["issue", "comment", "7"]]
    assert "example.org/gone" in calls[1][calls[1].index("--body") + 1]


def test_working_links_close_the_issue(gh: Path, tmp_path: Path) -> None:
    calls = run_issue_script(gh, tmp_path, "success", [{"number": 7, "title": TITLE}])
    assert [call[:3] for call in calls[1:]] == [["issue", "close", "7"]]


def test_working_links_without_an_issue_change_nothing(gh: Path, tmp_path: Path) -> None:
    assert [call[:2] for call in run_issue_script(gh, tmp_path, "success", [])] == [["issue", "list"]]
    assert [call[:2] for call in run_issue_script(gh, tmp_path, "cancelled", [])] == [["issue", "list"]]


def test_workflow_runs_the_issue_script_after_the_check() -> None:
    job = load(REPO / ".github" / "workflows" / "linkcheck.yml")["jobs"]["all-links"]
    names = [step.get("name") or step.get("uses") for step in job["steps"]]
    assert names.index("Open, update or close the link-check issue") > names.index(
        "Check every link (make linkcheck)"
    )
    assert job["permissions"]["issues"] == "write"


def test_contributors_are_told_where_the_preview_is() -> None:
    job = load(REPO / ".github" / "workflows" / "ci.yml")["jobs"]["site"]
    upload = next(
        step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact@")
    )
    name = upload["with"]["name"]
    contributing = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    template = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert name in contributing and name in template
    assert "Build pull requests for this project" in contributing
    assert "only the `html` job" in contributing
