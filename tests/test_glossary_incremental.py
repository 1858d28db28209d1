"""Incremental and parallel builds give the same glossary output as a clean serial build."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import SYNTAXES, build, copy_root, edit, soup, tooltips, used_on, warning_text

MYST_EXTRA = "# Later\n\n## Another section\n\nWe meet {term}`Gerrit` here.\n"
REST_EXTRA = "Later\n=====\n\nAnother section\n---------------\n\nWe meet :term:`Gerrit` here.\n"


def html_pages(outdir: Path) -> dict[str, str]:
    """Every HTML page of a build, by relative path."""
    return {
        str(path.relative_to(outdir)): path.read_text(encoding="utf-8")
        for path in sorted(outdir.rglob("*.html"))
        if "_static" not in path.parts
    }


def mtimes(outdir: Path) -> dict[str, int]:
    """Modification times of the document pages and of the glossary's own assets.

    Sphinx itself rewrites genindex, search, ``.buildinfo`` and theme assets on every build.
    """
    paths = [p for p in outdir.glob("*.html") if p.stem not in {"genindex", "search"}]
    paths += list((outdir / "_static").glob("fieldnotes-glossary.*"))
    assert len(paths) > 6
    return {str(p.relative_to(outdir)): p.stat().st_mtime_ns for p in paths}


def change_usages(srcdir: Path, syntax: str) -> None:
    """Remove Gerrit from setup, add it to a new page linked from the index."""
    suffix = SYNTAXES[syntax][1]
    role = "{term}`gerrit`" if syntax == "myst" else ":term:`gerrit`"
    edit(srcdir / f"setup{suffix}", f"keep {role} open", "keep the review page open")
    (srcdir / f"later{suffix}").write_text(MYST_EXTRA if syntax == "myst" else REST_EXTRA, encoding="utf-8")
    edit(
        srcdir / f"index{suffix}",
        "glossary\n",
        "glossary\nlater\n" if syntax == "myst" else "glossary\n   later\n",
    )


@pytest.mark.parametrize("syntax", sorted(SYNTAXES))
def test_incremental_rebuild_updates_used_on_like_a_clean_build(tmp_path, syntax):
    srcdir = copy_root(SYNTAXES[syntax][0], tmp_path / "src")
    first = build(srcdir)
    before = used_on(soup(first, "glossary.html"), "term-Gerrit")
    assert len(soup(first, "handout.html").select("dl.fieldnotes-glossary-used dt")) == 2
    assert ("Install DevStack", "setup.html#install-devstack") in before

    change_usages(srcdir, syntax)
    second = build(srcdir)
    after = used_on(soup(second, "glossary.html"), "term-Gerrit")
    assert ("Install DevStack", "setup.html#install-devstack") not in after
    assert ("Setting up", "setup.html") not in after
    assert ("Another section", "later.html#another-section") in after
    # The handout lists the terms of the pages in its toctree (setup no longer uses Gerrit).
    handout = soup(second, "handout.html").select("dl.fieldnotes-glossary-used dt")
    assert [dt.get_text() for dt in handout] == ["DevStack"]

    clean_src = copy_root(SYNTAXES[syntax][0], tmp_path / "clean")
    change_usages(clean_src, syntax)
    clean = build(clean_src, freshenv=True)
    assert html_pages(Path(second.outdir)) == html_pages(Path(clean.outdir))


@pytest.mark.parametrize("syntax", sorted(SYNTAXES))
def test_rewrites_only_pages_whose_glossary_data_changed(tmp_path, syntax):
    suffix = SYNTAXES[syntax][1]
    srcdir = copy_root(SYNTAXES[syntax][0], tmp_path / "src")
    outdir = Path(build(srcdir).outdir)

    # No change: nothing is written.
    stamps = mtimes(outdir)
    build(srcdir)
    assert mtimes(outdir) == stamps

    # A change that shows nowhere else: only that page is written, not the glossary.
    edit(srcdir / f"setup{suffix}", "Before anything else", "First of all")
    stamps = mtimes(outdir)
    build(srcdir)
    now = mtimes(outdir)
    changed = {name for name in now if now[name] != stamps.get(name)}
    assert "setup.html" in changed
    assert "glossary.html" not in changed
    assert "review.html" not in changed

    # A definition changes: every page that embeds it (tooltips, listings) is rewritten.
    edit(srcdir / f"glossary{suffix}", "It keeps one page per change.", "It keeps a page per change.")
    app = build(srcdir)
    for page in ("review.html", "setup.html"):
        tips = dict(tooltips(soup(app, page)))
        assert tips.get("Gerrit", tips.get("gerrit", "")).endswith("It keeps a page per change."), page
    listing = soup(app, "listing.html").select("dl.fieldnotes-glossary-used")[1].get_text()
    assert "It keeps a page per change." in listing


def test_another_builder_in_between_does_not_hide_changes(tmp_path):
    """``make html``, edit, ``make pdf``, ``make html``: one environment, two outputs."""
    srcdir = copy_root("glossary", tmp_path / "src")
    build(srcdir)
    change_usages(srcdir, "myst")
    build(srcdir, "latex")  # reads the change, with the same doctree directory
    app = build(srcdir)
    gerrit = used_on(soup(app, "glossary.html"), "term-Gerrit")
    assert ("Another section", "later.html#another-section") in gerrit


def test_removing_a_page_updates_used_on(tmp_path):
    srcdir = copy_root("glossary", tmp_path / "src")
    build(srcdir)
    edit(srcdir / "index.md", "review\n", "")
    (srcdir / "review.md").unlink()
    app = build(srcdir)
    assert all(href != "review.html" for _, href in used_on(soup(app, "glossary.html"), "term-Gerrit"))


def test_parallel_build_equals_serial(tmp_path):
    serial_src = copy_root("glossary-parallel", tmp_path / "serial")
    parallel_src = copy_root("glossary-parallel", tmp_path / "parallel")
    serial = build(serial_src, freshenv=True)
    parallel = build(parallel_src, freshenv=True, parallel=2)

    # The reading really ran in several processes.
    readers = {p.read_text() for p in (parallel_src / "_pids").iterdir()}
    assert len(readers) >= 2, readers
    assert len(list((parallel_src / "_pids").iterdir())) >= 12

    assert html_pages(Path(parallel.outdir)) == html_pages(Path(serial.outdir))
    serial_data = dict(serial.env.domaindata["fieldnotes-glossary"])
    parallel_data = dict(parallel.env.domaindata["fieldnotes-glossary"])
    # Fingerprints are keyed by output directory, which differs; their values must not.
    assert list(parallel_data.pop("fingerprints").values()) == list(serial_data.pop("fingerprints").values())
    assert parallel_data == serial_data
    gerrit = used_on(soup(parallel, "glossary.html"), "term-Gerrit")
    assert [text for text, _ in gerrit if text.startswith("Page")] == [
        f"Page {i:02d}" for i in range(2, 15, 2)
    ]
    # One warning per unused term, not one per worker.
    assert warning_text(parallel).count("'openrc' is not referenced") == 1
    assert warning_text(serial).count("'openrc' is not referenced") == 1
