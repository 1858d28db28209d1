"""``handout-omit`` (fieldnotes_handbook.omit): parts of the printed pages a handout leaves out."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOTS, sphinx_build


def build(tmp_path: Path, handout: str | None = None) -> tuple[str, str, str]:
    """Build the test root's LaTeX; return (handout .tex, stderr, site HTML of the guide)."""
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-handout-omit", src)
    if handout is not None:
        (src / "handout.md").write_text(handout, encoding="utf-8")
    latex = sphinx_build("-b", "latex", "-n", src, tmp_path / "latex")
    assert latex.returncode == 0, latex.stderr
    html = sphinx_build("-b", "html", "-q", src, tmp_path / "html")
    assert html.returncode == 0, html.stderr
    tex = (tmp_path / "latex" / "handout.tex").read_text(encoding="utf-8")
    page = (tmp_path / "html" / "guide.html").read_text(encoding="utf-8")
    return tex, latex.stderr, page


def test_named_parts_are_left_out_of_the_handout_only(tmp_path: Path) -> None:
    tex, stderr, page = build(tmp_path)
    assert "WARNING" not in stderr, stderr
    # Kept: the page's sections and the admonitions nobody asked to drop.
    for kept in ("STEPTEXT", "KEPTNOTETEXT", "AFTERTEXT", "The guide"):
        assert kept in tex, kept
    # Left out: the introduction (with its box), a titled admonition by the start of its
    # title, an untitled tip by its first words, and a section with its subsections.
    for left in ("INTROTEXT", "INSIDEINTRO", "HISTORYTEXT", "TIPTEXT", "BACKGROUNDTEXT", "DEEPERTEXT"):
        assert left not in tex, left
    # The site keeps everything.
    for text in ("INTROTEXT", "HISTORYTEXT", "TIPTEXT", "BACKGROUNDTEXT", "DEEPERTEXT"):
        assert text in page, text


def test_references_to_left_out_parts_lead_online(tmp_path: Path) -> None:
    tex, _, _ = build(tmp_path)
    base = "https://handbook.example.org/en/latest/guide.html"
    assert f"\\sphinxhref{{{base}\\#guide-background}}{{Background}}" in tex
    assert f"\\sphinxhref{{{base}\\#guide-history}}" in tex
    # No dangling internal link to an anchor that is not in the PDF.
    assert "\\hyperref[\\detokenize{guide:guide-background}]" not in tex
    assert "\\hyperref[\\detokenize{guide:guide-history}]" not in tex


def test_an_entry_that_matches_nothing_is_a_warning(tmp_path: Path) -> None:
    handout = (ROOTS / "test-handout-omit" / "handout.md").read_text(encoding="utf-8")
    handout = handout.replace("/guide#background", "/guide#backgruond").replace("Skip this tip", "Skip that")
    _, stderr, _ = build(tmp_path, handout)
    assert "handout-omit: 'guide#backgruond' matches nothing in this handout" in stderr
    assert "handout-omit: 'Skip that' matches nothing in this handout" in stderr
    assert "[fieldnotes.handout.omit-unknown]" in stderr


def test_an_entry_without_an_anchor_is_an_error(tmp_path: Path) -> None:
    handout = (ROOTS / "test-handout-omit" / "handout.md").read_text(encoding="utf-8")
    _, stderr, _ = build(tmp_path, handout.replace("/guide#background", "/guide"))
    assert "handout-omit: '/guide' needs the form /docname#id" in stderr
