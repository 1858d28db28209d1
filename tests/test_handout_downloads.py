"""Download links to the handouts (fieldnotes_handbook.downloads, .handout_files)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import sphinx_build
from fieldnotes_handbook.handout_files import HandoutFileError, collect, log_facts, read_manifest

PUBLISHED = "https://field-notes.readthedocs.io/en/latest/handouts/"


def fake_latex_output(folder: Path, name: str, pages: int, body: bytes = b"%PDF-1.5 fake") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"handout-{name}.pdf").write_bytes(body)
    # pdfTeX's closing line, broken at 79 characters as pdfTeX does.
    line = f"Output written on handout-{name}.pdf ({pages} pages, {len(body)} bytes)."
    (folder / f"handout-{name}.log").write_text(
        f"...\n{line[:79]}\n{line[79:]}\nPDF statistics:\n", "latin-1"
    )


def test_collect_copies_the_pdfs_with_their_facts(tmp_path: Path) -> None:
    fake_latex_output(tmp_path / "latex", "attendee", 12)
    fake_latex_output(tmp_path / "latex", "a-handout-with-a-rather-long-name-that-wraps", 1)
    names = ["attendee", "a-handout-with-a-rather-long-name-that-wraps"]
    found = collect(tmp_path / "latex", tmp_path / "out", names)
    assert found["attendee"].pages == 12 and found["attendee"].bytes == len(b"%PDF-1.5 fake")
    assert (tmp_path / "out" / "handout-attendee.pdf").read_bytes().startswith(b"%PDF")
    assert read_manifest(tmp_path / "out") == found
    assert json.loads((tmp_path / "out" / "handouts.json").read_text())["event"] == ""


def test_collect_refuses_a_pdf_its_log_does_not_describe(tmp_path: Path) -> None:
    fake_latex_output(tmp_path / "latex", "attendee", 12)
    (tmp_path / "latex" / "handout-attendee.pdf").write_bytes(b"%PDF-1.5 changed since")
    with pytest.raises(HandoutFileError, match="bytes, but its log says"):
        collect(tmp_path / "latex", tmp_path / "out", ["attendee"])
    with pytest.raises(HandoutFileError, match="missing"):
        collect(tmp_path / "latex", tmp_path / "out", ["organiser"])


def test_log_without_output_line(tmp_path: Path) -> None:
    log = tmp_path / "x.log"
    log.write_text("! Emergency stop.\n", encoding="latin-1")
    with pytest.raises(HandoutFileError, match="no 'Output written on' line"):
        log_facts(log)


def download_links(page: Path) -> list[tuple[str, str]]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    return [
        (a["href"], a.get_text() + a.find_next_sibling("span", class_="fieldnotes-handout-facts").get_text())
        for a in soup.select("a.fieldnotes-handout-download")
    ]


def test_the_site_without_tex_links_the_published_pdfs(site_html: Path) -> None:
    links = download_links(site_html / "handouts.html")
    assert [href for href, _ in links] == [
        f"{PUBLISHED}handout-{name}.pdf"
        for name in ("attendee", "organiser", "quick-reference", "environments", "talk-notes")
    ]
    assert all(text == "Download (PDF, on the published site)" for _, text in links)
    # Each guide's landing page links its handout.
    for page, name in [
        ("first-contribution/index.html", "attendee"),
        ("workshop/index.html", "organiser"),
        ("python-environments/index.html", "environments"),
        ("talks/europython-2011/index.html", "talk-notes"),
        ("quick-reference.html", "quick-reference"),
    ]:
        assert f"{PUBLISHED}handout-{name}.pdf" in [href for href, _ in download_links(site_html / page)], (
            page
        )


def small_site(tmp_path: Path, text: str) -> Path:
    """A two-page project whose second page holds *text*."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'project = "Downloads"\nextensions = ["fieldnotes", "fieldnotes_handbook"]\n'
        'fieldnotes_handouts = {"attendee": "Attendee handout"}\n',
        encoding="utf-8",
    )
    (src / "index.rst").write_text("Home\n====\n\n.. toctree::\n\n   second\n", encoding="utf-8")
    (src / "second.rst").write_text(f"Second\n======\n\n{text}\n", encoding="utf-8")
    return src


def test_the_site_serves_built_pdfs_with_size_and_pages(tmp_path: Path) -> None:
    src = small_site(tmp_path, ":handout:`attendee`, or :handout:`print it <attendee>`.")
    fake_latex_output(tmp_path / "latex", "attendee", 3, b"%PDF-1.5 " + b"x" * 2400)
    collect(tmp_path / "latex", tmp_path / "pdfs", ["attendee"])
    out = tmp_path / "html"
    result = sphinx_build("-b", "html", "-W", src, out, "-D", f"fieldnotes_handout_pdfs={tmp_path / 'pdfs'}")
    assert result.returncode == 0, result.stderr
    assert download_links(out / "second.html") == [
        ("handouts/handout-attendee.pdf", "Download (PDF, 3 pages, 2 kB)"),
        ("handouts/handout-attendee.pdf", "print it (PDF, 3 pages, 2 kB)"),
    ]
    assert (out / "handouts" / "handout-attendee.pdf").read_bytes().startswith(b"%PDF")


def test_unknown_handouts_and_missing_pdfs_are_warnings(tmp_path: Path) -> None:
    src = small_site(tmp_path, ":handout:`atendee` :handout:`attendee`")
    result = sphinx_build("-b", "html", src, tmp_path / "html", "-D", f"fieldnotes_handout_pdfs={tmp_path}")
    assert "handout: no handout called 'atendee'" in result.stderr
    assert "[fieldnotes.handout.unknown]" in result.stderr
    assert "holds no PDF of 'attendee'; run `make handouts` first" in result.stderr
