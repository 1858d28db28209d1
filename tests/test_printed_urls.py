"""Printed addresses never die (fieldnotes_handbook.printed_urls, docs/handouts/printed-urls.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, ROOTS, needs, sphinx_build
from fieldnotes_handbook.printed_urls import FILE_NAME, dead_paths, merge, read_paths, site_path

PRINTED = REPO / "docs" / "handouts" / "printed-urls.txt"


def test_every_printed_address_is_a_page_or_a_redirect(site_html: Path) -> None:
    paths = read_paths(PRINTED)
    assert "first-contribution/" in paths and "workshop/checklist.html" in paths
    assert dead_paths(site_html, paths) == []


@needs("latexmk")
def test_the_list_holds_every_address_the_handouts_print(handouts: Path) -> None:
    printed = read_paths(handouts / FILE_NAME)
    # The title blocks' QR codes and the footnotes of links to pages a handout leaves out.
    assert {"first-contribution/", "quick-reference.html", "workshop/checklist.html"} <= set(printed)
    missing = sorted(set(printed) - set(read_paths(PRINTED)))
    assert not missing, f"run `make handouts` and commit {PRINTED.name}; missing: {missing}"


@pytest.fixture(scope="module")
def redirect_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("redirects")
    result = sphinx_build("-b", "html", "-q", ROOTS / "test-redirects", out)
    assert result.returncode == 0, result.stderr
    return out


def test_a_redirect_to_a_page_keeps_a_printed_address_alive(redirect_site: Path) -> None:
    assert (redirect_site / "old.html").is_file()
    assert dead_paths(redirect_site, ["old.html", "moved/new.html", "index.html", "./"]) == []


def test_a_missing_page_or_a_redirect_to_nowhere_is_dead(redirect_site: Path) -> None:
    assert dead_paths(redirect_site, ["nowhere.html", "moved/", "gone.html"]) == [
        "nowhere.html",
        "moved/",
        "gone.html (redirects to /missing.html, which does not exist)",
    ]


def test_merge_adds_and_never_drops(tmp_path: Path) -> None:
    committed = tmp_path / "printed-urls.txt"
    assert merge(committed, ["b.html", "a/"]) == ["a/", "b.html"]
    assert merge(committed, ["c.html"]) == ["c.html"]
    assert merge(committed, ["a/"]) == []
    text = committed.read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert read_paths(committed) == ["a/", "b.html", "c.html"]


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("https://x.org/en/latest/workshop/checklist.html#on-the-day", "workshop/checklist.html"),
        ("https://x.org/en/latest/first-contribution/", "first-contribution/"),
        ("https://x.org/en/latest/", "index.html"),
        ("https://x.org/en/stable/index.html", None),
        ("https://elsewhere.org/en/latest/a.html", None),
    ],
)
def test_site_path(url: str, path: str | None) -> None:
    assert site_path(url, "https://x.org/en/latest/") == path
