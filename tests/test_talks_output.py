"""Every builder, the PDF, and escaping of hostile field values in HTML and LaTeX."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import needs
from support import build, copy_root, warnings

TITLE = r"<script>alert(1)</script> & 100% $x_1$ {#} \textbf{bold}"
BUILDERS = ["html", "dirhtml", "singlehtml", "latex", "text", "man", "texinfo", "epub", "gettext"]
TEXT_SUFFIXES = {".html", ".xhtml", ".tex", ".txt", ".7", ".1", ".texi", ".pot"}


@pytest.fixture(scope="module")
def talks_src(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_root("talks", tmp_path_factory.mktemp("builders") / "src")


@pytest.mark.parametrize("builder", BUILDERS)
def test_builder_succeeds_without_warnings(talks_src: Path, builder: str) -> None:
    app = build(talks_src, builder, freshenv=True, nitpicky=True)
    assert warnings(app) == []
    # The card's title, from the talks component, reached this format's output.
    texts = (
        p.read_text(encoding="utf-8", errors="replace")
        for p in app.outdir.rglob("*")
        if p.suffix in TEXT_SUFFIXES
    )
    assert any("The Myth of the Genius Programmer" in text for text in texts), sorted(app.outdir.rglob("*"))


@pytest.mark.parametrize("root", ["talks", "talks-rst"])
def test_text_output_prints_the_urls(tmp_path: Path, root: str) -> None:
    app = build(copy_root(root, tmp_path / "src"), "text", freshenv=True)
    text = (app.outdir / "talks" / "myth.txt").read_text()
    assert "The Myth of the Genius Programmer" in text
    assert "Video (YouTube): https://www.youtube.com/watch?v=0SARbwvhupQ" in text
    assert "Talk page: https://ep2011.europython.eu/conference/talks/the-myth" in text
    assert "Speakers\n   Brian Fitzpatrick, Ben Collins-Sussman\n" in text


@pytest.mark.parametrize("builder", ["man", "texinfo"])
def test_man_and_texinfo_print_the_urls(talks_src: Path, builder: str) -> None:
    app = build(talks_src, builder, freshenv=True)
    out = "".join(p.read_text() for p in app.outdir.iterdir() if p.suffix in (".7", ".texi"))
    out = out.replace("\\:", "").replace("\\%", "")  # man's line-break hints
    assert "The Myth of the Genius Programmer" in out
    assert "https://example.org/slides.pdf" in out


def test_dirhtml_and_singlehtml_links(talks_src: Path) -> None:
    app = build(talks_src, "dirhtml", freshenv=True)
    page = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    hrefs = {a["href"] for a in page.select("a:has(.talks-talk)")}
    assert "talks/myth/#talk-ep2011-myth-of-the-genius-programmer" in hrefs
    assert (app.outdir / "talks.json").is_file()
    app = build(talks_src, "singlehtml", freshenv=True)
    page = BeautifulSoup((app.outdir / "index.html").read_text(), "html.parser")
    assert page.find("article", id="talk-ep2011-myth-of-the-genius-programmer") is not None
    assert any("fieldnotes-talks.css" in link["href"] for link in page.find_all("link"))


@pytest.fixture(scope="module")
def escape_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    app = build(copy_root("talks-escape", tmp_path_factory.mktemp("esc") / "src"), freshenv=True)
    assert warnings(app) == []
    return app.outdir


@pytest.mark.parametrize("page", ["xss.html", "xss-rst.html"])
def test_fields_are_escaped_in_html(escape_html: Path, page: str) -> None:
    html = (escape_html / page).read_text()
    assert "<script>alert(1)" not in html
    assert "<b>Bold</b>" not in html and "<i>it</i>" not in html and "<em>tag</em>" not in html
    card = BeautifulSoup(html, "html.parser").find("article")
    assert card.find(class_="fieldnotes-talk-title").get_text() == TITLE
    text = card.get_text()
    assert "Ann <b>Bold</b> & Co" in text and "& <i>it</i> 100%" in text  # (smart quotes apply)
    assert card.select_one("a.fieldnotes-talk-link")["href"] == "https://example.org/v?a=1&b=<x>"


def test_listing_and_indices_escape_fields(escape_html: Path) -> None:
    for page in ("index.html", "talks-speakers.html", "talks-events.html", "talks-tags.html"):
        html = (escape_html / page).read_text()
        assert "<script>alert" not in html, page
        assert "<b>Bold" not in html and "<em>tag" not in html, page
    titles = [
        p.get_text()
        for p in BeautifulSoup((escape_html / "index.html").read_text(), "html.parser").select(
            ".fieldnotes-talk-title"
        )
    ]
    assert titles == [TITLE, TITLE]


@needs("latexmk", "pdflatex", "pdftotext")
@pytest.mark.parametrize("root", ["talks", "talks-rst"])
def test_pdf_has_framed_cards_with_every_field(tmp_path: Path, root: str) -> None:
    app = build(copy_root(root, tmp_path / "src"), "latex", freshenv=True)
    assert warnings(app) == []
    tex = (app.outdir / "talks.tex").read_text()
    assert r"\usepackage{fieldnotestalks}" in tex
    assert tex.count(r"\begin{fieldnotestalk}") == 4  # two cards + two in the cards listing
    assert r"\sphinxurl{https://www.youtube.com/watch?v=0SARbwvhupQ}" in tex
    assert (app.outdir / "fieldnotestalks.sty").is_file()
    pdf = _compile(app.outdir, "talks")
    text = " ".join(pdf.split())
    for field in (
        "The Myth of the Genius Programmer",
        "Speakers Brian Fitzpatrick, Ben Collins-Sussman",
        "Event EuroPython 2011",
        "Date 2011-06-23",
        "Tags collaboration, code review",
        "Nobody is a genius: what the talk is about.",
        "Video (pyvideo.org): https://pyvideo.org/europython-2011/the-myth.html",
        "Video (YouTube): https://www.youtube.com/watch?v=0SARbwvhupQ",
        "Slides: https://example.org/slides.pdf",
        "Talk page: https://ep2011.europython.eu/conference/talks/the-myth",
        "Speakers not recorded",
        "Talks by speaker",
        "Talks by event",
        "Talks by tag",
    ):
        assert field in text, field


@needs("latexmk", "pdflatex", "pdftotext")
def test_fields_are_escaped_in_latex(tmp_path: Path) -> None:
    app = build(copy_root("talks-escape", tmp_path / "src"), "latex", freshenv=True)
    assert warnings(app) == []
    tex = (app.outdir / "escape.tex").read_text()
    assert r"\textbf{bold}" not in tex.split(r"\begin{document}")[1]
    assert r"\textless{}script\textgreater{}" in tex
    text = " ".join(_compile(app.outdir, "escape").split())
    assert text.count("<script>alert(1)</script> & 100% $x_1$ {#} \\textbf{bold}") >= 2
    assert "Ann <b>Bold</b> & Co" in text


def _compile(outdir: Path, name: str) -> str:
    run = subprocess.run(
        ["latexmk", "-pdf", "-interaction=nonstopmode", "-halt-on-error", f"{name}.tex"],
        cwd=outdir,
        capture_output=True,
        text=True,
        errors="replace",  # TeX's log may cut a multi-byte character
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    assert shutil.which("pdftotext")
    return subprocess.run(
        ["pdftotext", f"{name}.pdf", "-"], cwd=outdir, capture_output=True, text=True, check=True
    ).stdout
