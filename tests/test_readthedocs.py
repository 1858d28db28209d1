"""Run exactly the build commands of .readthedocs.yaml, as Read the Docs would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from conftest import REPO, needs, page_count


def rtd_config() -> dict:
    return yaml.safe_load((REPO / ".readthedocs.yaml").read_text(encoding="utf-8"))


def test_config_overrides_every_format() -> None:
    config = rtd_config()
    assert config["version"] == 2
    assert config["sphinx"]["configuration"] == "conf.py"
    jobs = config["build"]["jobs"]["build"]
    assert set(config["formats"]) | {"html"} == set(jobs)
    for commands in jobs.values():
        assert any("-W" in c and " docs " in c and "-c ." in c for c in commands), commands


@needs("latexmk", "pdfinfo")
def test_rtd_commands_produce_html_and_pdf(tmp_path: Path) -> None:
    work = tmp_path / "checkout"
    shutil.copytree(REPO, work, ignore=shutil.ignore_patterns(".venv", "_build", ".git", "__pycache__"))
    output = tmp_path / "rtd-output"
    output.mkdir()
    env = {
        **os.environ,
        "READTHEDOCS": "True",
        "READTHEDOCS_OUTPUT": str(output),
        "READTHEDOCS_CANONICAL_URL": "https://fieldnotes.example.org/en/latest/",
        # RTD puts the project's virtual environment first on PATH.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    for fmt, commands in rtd_config()["build"]["jobs"]["build"].items():
        for command in commands:
            result = subprocess.run(command, shell=True, cwd=work, env=env, capture_output=True, text=True)
            assert result.returncode == 0, (
                f"{fmt}: {command}\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
            )
    assert (output / "html" / "index.html").is_file()
    pdfs = list((output / "pdf").glob("*.pdf"))
    assert len(pdfs) == 1 and pdfs[0].read_bytes().startswith(b"%PDF")

    # The site serves the handouts: the handouts page links five PDFs of the HTML output,
    # each with its page count, and each opens (pdfinfo reads it).
    html = output / "html"
    page = BeautifulSoup((html / "handouts.html").read_text(encoding="utf-8"), "html.parser")
    links = page.select("a.fieldnotes-handout-download")
    assert len(links) == 5, links
    for link in links:
        pdf = (html / link["href"]).resolve()
        assert pdf.is_relative_to(html.resolve()) and pdf.suffix == ".pdf", link["href"]
        assert pdf.read_bytes().startswith(b"%PDF"), pdf
        facts = link.find_next_sibling("span", class_="fieldnotes-handout-facts").get_text()
        assert f"{page_count(pdf)} pages" in facts, (pdf, facts)
    attendee = BeautifulSoup(
        (html / "first-contribution" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    hrefs = [a["href"] for a in attendee.select("a.fieldnotes-handout-download")]
    assert "../handouts/handout-attendee.pdf" in hrefs
