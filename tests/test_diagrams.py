"""Committed diagram renderings (docs/_diagrams/): current, and what the pages show."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import diagrams
import pytest
from conftest import needs

TEXT = re.compile(r"<text\b[^>]*>(.*?)</text>", re.DOTALL)


def test_every_rendering_matches_its_source() -> None:
    assert diagrams.sources(), "no diagrams found"
    assert diagrams.problems() == []


def test_a_changed_source_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "_diagrams"
    shutil.copytree(diagrams.DIAGRAMS, folder)
    source = diagrams.sources(folder)[0]
    source.write_text(source.read_text(encoding="utf-8").replace("}", "  extra;\n}", 1), encoding="utf-8")
    source.with_suffix(".pdf").unlink()
    assert diagrams.problems(folder) == [
        f"{source.name}: changed since its renderings were drawn",
        f"{source.stem}.pdf: missing",
    ]


@needs("dot")
@pytest.mark.parametrize("source", diagrams.sources(), ids=lambda p: p.stem)
def test_rendering_is_what_dot_draws_today(source: Path, tmp_path: Path) -> None:
    """Drawn again from its source, the diagram has the same labels in the same order.

    Layout coordinates may differ between Graphviz versions; the labels may not.
    """
    fresh = diagrams.render(source, tmp_path)["svg"].read_text(encoding="utf-8")
    committed = source.with_suffix(".svg").read_text(encoding="utf-8")
    assert TEXT.findall(committed) == TEXT.findall(fresh)
    assert len(TEXT.findall(fresh)) >= 5


def test_pages_show_the_committed_svg(site_html: Path) -> None:
    shown = {"first-contribution/index": "contribution-path", "workshop/index": "workshop-timeline"}
    for page, name in shown.items():
        html = (site_html / f"{page}.html").read_text(encoding="utf-8")
        assert f'src="../_images/{name}.svg"' in html, page
        assert (site_html / "_images" / f"{name}.svg").read_bytes() == (
            diagrams.DIAGRAMS / f"{name}.svg"
        ).read_bytes()
