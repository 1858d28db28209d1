"""Run exactly the build commands of .readthedocs.yaml, as Read the Docs would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import REPO, needs, page_count
from offline_checks import epubcheck, page_links


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


@pytest.fixture(scope="module")
def rtd_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What Read the Docs would publish: every build command run in a fresh copy of the repository."""
    tmp_path = tmp_path_factory.mktemp("rtd")
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
    return output


def only_file(output: Path, fmt: str) -> Path:
    """The one file a download format must leave (RTD keeps one per format and version)."""
    files = list((output / fmt).iterdir())
    assert len(files) == 1, files
    return files[0]


@needs("latexmk")
def test_html_site(rtd_output: Path) -> None:
    assert (rtd_output / "html" / "index.html").is_file()


@needs("latexmk", "pdftotext")
def test_pdf_opens_and_holds_the_title(rtd_output: Path) -> None:
    pdf = only_file(rtd_output, "pdf")
    assert pdf.suffix == ".pdf" and pdf.read_bytes().startswith(b"%PDF")
    first_pages = ["pdftotext", "-l", "3", pdf, "-"]
    text = subprocess.run(first_pages, capture_output=True, text=True, check=True).stdout
    assert "Field Notes" in text


@needs("latexmk", "java")
def test_epub_passes_epubcheck(rtd_output: Path) -> None:
    epub = only_file(rtd_output, "epub")
    assert epub.suffix == ".epub"
    result = epubcheck(epub)
    assert (result.fatals, result.errors, result.warnings) == (0, 0, 0), result.output[-6000:]


@needs("latexmk")
def test_html_zip_is_one_page_whose_links_all_work(rtd_output: Path, tmp_path: Path) -> None:
    archive = only_file(rtd_output, "htmlzip")
    assert archive.suffix == ".zip"
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(tmp_path)
    pages = [p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.html")]
    assert pages == ["field-notes/index.html"]
    links = page_links(tmp_path / pages[0])
    assert len(links.in_page) > 2000
    assert (links.broken, links.duplicate_ids, links.missing_files) == ([], [], [])


@needs("latexmk", "pdfinfo")
def test_handouts_page_links_five_pdfs_that_open(rtd_output: Path) -> None:
    # The site serves the handouts: the handouts page links five PDFs of the HTML output,
    # each with its page count, and each opens (pdfinfo reads it).
    html = rtd_output / "html"
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
