"""Incremental and parallel builds give the same HTML as clean serial builds.

Each scenario edits a generated project (talk pages, listings, roles, a glossary), rebuilds it
incrementally, builds a copy from scratch, and compares every HTML page and talks.json.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest
from support import ROOTS, build, edit, mtimes, outputs, warnings

N_TALKS = 14


def talk_page(i: int, *, title: str | None = None, date: str | None = None, tags: str = "testing") -> str:
    return (
        f"# Page {i:02d}\n\n"
        f"```{{talk}} {title or f'Talk number {i:02d}'}\n"
        f":id: t{i:02d}\n"
        f":speakers: Speaker {i % 3}, Guest {i:02d}\n"
        f":event: {'PyCon' if i % 2 else 'EuroPython'} {2010 + i % 4}\n"
        f":date: {date or f'{2010 + i % 4}-0{1 + i % 9}-1{i % 10}'}\n"
        f":tags: {tags}\n"
        f":video: https://example.org/v/{i}\n\n"
        f"Abstract of talk {i}.\n"
        "```\n"
    )


INDEX = """# Index

```{toctree}
:glob:

t*
listings
refs
plain
glossary
```
"""

LISTINGS = """# Listings

```{talk-list}
:layout: cards
```

```{talk-list}
:speaker: Speaker 1
:layout: table
:sort: -date
```

```{talk-list}
:tag: testing
:layout: list
:sort: title
:limit: 5
```
"""

REFS = "# Refs\n\nSee {talk}`t03`, {talk}`t05` and {speaker}`Guest 04`; terms: {term}`testing`.\n"
GLOSSARY = "# Glossary\n\n```{glossary}\nTesting\n  Checking that it works.\n```\n"


def make_project(srcdir: Path, n: int = N_TALKS) -> Path:
    srcdir.mkdir(parents=True)
    shutil.copy(ROOTS / "test-talks" / "conf.py", srcdir / "conf.py")
    (srcdir / "index.md").write_text(INDEX)
    (srcdir / "listings.md").write_text(LISTINGS)
    (srcdir / "refs.md").write_text(REFS)
    (srcdir / "plain.md").write_text("# Plain\n\nNo talks here.\n")
    (srcdir / "glossary.md").write_text(GLOSSARY)
    for i in range(n):
        (srcdir / f"t{i:02d}.md").write_text(talk_page(i))
    return srcdir


def clean_copy_outputs(srcdir: Path, tmp: Path, **kwargs: object) -> dict[str, str]:
    copy = tmp / f"clean-{len(list(tmp.iterdir()))}"
    shutil.copytree(srcdir, copy, ignore=shutil.ignore_patterns("_build"))
    app = build(copy, freshenv=True, **kwargs)
    return outputs(app.outdir)


def main_content(page: str) -> str:
    """The page body, without Sphinx's own navigation (sidebar toctree, previous/next links).

    Sphinx does not re-write a page's neighbours when a page is added or removed (its own
    limitation, independent of this extension), so navigation is left out of the comparison.
    """
    start = page.find('<div class="body" role="main">')
    end = page.find('<div class="sphinxsidebar"')
    return page[start:end] if start >= 0 and end > start else page


def assert_same(incremental: dict[str, str], clean: dict[str, str]) -> None:
    # Sphinx leaves the pages of deleted documents behind: compare what a clean build has
    assert set(clean) <= set(incremental)
    for name in clean:
        assert main_content(incremental[name]) == main_content(clean[name]), (
            f"{name} differs from a clean build"
        )


def add(srcdir: Path) -> None:
    (srcdir / "t20.md").write_text(talk_page(20, title="A new talk", tags="testing, new"))


def edit_talk(srcdir: Path) -> None:
    edit(srcdir / "t03.md", "Talk number 03", "Talk number 03, revised")
    edit(srcdir / "t03.md", ":date: 2013-04-13", ":date: 2009-01-01")


def rename_file(srcdir: Path) -> None:
    (srcdir / "t05.md").rename(srcdir / "t05-renamed.md")


def rename_id(srcdir: Path) -> None:
    edit(srcdir / "t05.md", ":id: t05", ":id: t05-new")
    edit(srcdir / "refs.md", "{talk}`t05`", "{talk}`t05-new`")


def delete(srcdir: Path) -> None:
    (srcdir / "t07.md").unlink()


def move_speaker(srcdir: Path) -> None:
    edit(srcdir / "t04.md", "Guest 04", "Guest Four")  # refs.md's {speaker} now points at nobody


def glossary_term_for_tag(srcdir: Path) -> None:
    edit(srcdir / "t02.md", ":tags: testing", ":tags: testing, Mocking")
    edit(srcdir / "glossary.md", "```\n", "Mocking\n  Replacing a part with a stand-in.\n```\n")
    edit(srcdir / "refs.md", "{term}`testing`", "{term}`testing`, {term}`mocking`")


@pytest.mark.parametrize(
    "change",
    [add, edit_talk, rename_file, rename_id, delete, move_speaker, glossary_term_for_tag],
)
def test_incremental_build_equals_clean_build(tmp_path: Path, change) -> None:
    srcdir = make_project(tmp_path / "src")
    first = build(srcdir, freshenv=True)
    assert warnings(first) == []
    change(srcdir)
    app = build(srcdir)
    assert_same(outputs(app.outdir), clean_copy_outputs(srcdir, tmp_path))


def test_glossary_term_added_later_relinks_existing_tag(tmp_path: Path) -> None:
    srcdir = make_project(tmp_path / "src")
    edit(srcdir / "t01.md", ":tags: testing", ":tags: testing, fixtures")
    app = build(srcdir, freshenv=True)
    assert 'href="talks-tags.html#entry-fixtures"' in (app.outdir / "t01.html").read_text()
    edit(srcdir / "glossary.md", "```\n", "Fixtures\n  Known state for a test.\n```\n")
    edit(srcdir / "refs.md", "{term}`testing`", "{term}`testing`, {term}`fixtures`")
    app = build(srcdir)
    assert 'href="glossary.html#term-Fixtures"' in (app.outdir / "t01.html").read_text()


def test_no_change_rebuild_writes_nothing(tmp_path: Path) -> None:
    srcdir = make_project(tmp_path / "src")
    app = build(srcdir, freshenv=True)
    before = mtimes(app.outdir)
    app = build(srcdir)
    assert "no targets are out of date" in app.status.getvalue()
    after = mtimes(app.outdir)
    pages = [f"{p.stem}.html" for p in srcdir.glob("*.md")] + ["talks.json", "_static/fieldnotes-talks.css"]
    pages += ["talks-speakers.html", "talks-events.html", "talks-tags.html"]
    assert {p: after[p] for p in pages} == {p: before[p] for p in pages}


def test_an_edit_to_the_package_rewrites_the_index_pages(tmp_path: Path, monkeypatch) -> None:
    from fieldnotes.talks import outputs

    srcdir = make_project(tmp_path / "src")
    app = build(srcdir, freshenv=True)
    before = mtimes(app.outdir)
    monkeypatch.setattr(outputs, "code_digest", lambda: "another version of the renderer")
    app = build(srcdir)
    after = mtimes(app.outdir)
    for page in ("talks-speakers.html", "talks-events.html", "talks-tags.html"):
        assert after[page] != before[page], page


MARKER_EXTENSION = """
def add_marker(app, pagename, templatename, context, doctree):
    if pagename == "talks-speakers":
        context["body"] += "<p>marker {version}</p>"


def setup(app):
    app.connect("html-page-context", add_marker, priority=600)
"""


def test_an_edit_to_another_extension_rewrites_the_index_pages(tmp_path: Path, monkeypatch) -> None:
    # A project's own extension may change the index pages' HTML: a clean build and an
    # incremental one must agree after it is edited.
    srcdir = make_project(tmp_path / "src")
    module = srcdir / "local_marker.py"
    module.write_text(MARKER_EXTENSION.format(version="one"))
    monkeypatch.syspath_prepend(str(srcdir))
    app = build(srcdir, freshenv=True, extensions=["myst_parser", "fieldnotes", "local_marker"])
    assert "marker one" in (app.outdir / "talks-speakers.html").read_text(encoding="utf-8")
    module.write_text(MARKER_EXTENSION.format(version="two"))
    os.utime(module, ns=(module.stat().st_atime_ns, module.stat().st_mtime_ns + 10**9))
    monkeypatch.delitem(sys.modules, "local_marker")
    app = build(srcdir, extensions=["myst_parser", "fieldnotes", "local_marker"])
    assert "marker two" in (app.outdir / "talks-speakers.html").read_text(encoding="utf-8")


def test_unrelated_change_does_not_rewrite_listing_pages(tmp_path: Path) -> None:
    srcdir = make_project(tmp_path / "src")
    app = build(srcdir, freshenv=True)
    before = mtimes(app.outdir)
    edit(srcdir / "plain.md", "No talks here.", "Still no talks here.")
    app = build(srcdir)
    after = mtimes(app.outdir)
    rewritten = {p for p in before if p.endswith(".html") and after[p] != before[p]}
    # plain.html changed (and index.html, its parent in the toctree: Sphinx's own rule);
    # the listing page, the role page and the talk pages did not
    assert "plain.html" in rewritten
    assert not rewritten & {"listings.html", "refs.html", "t03.html", "talks.json"}


def test_talk_edit_rewrites_only_dependent_pages(tmp_path: Path) -> None:
    srcdir = make_project(tmp_path / "src")
    app = build(srcdir, freshenv=True)
    before = mtimes(app.outdir)
    edit_talk(srcdir)
    app = build(srcdir)
    after = mtimes(app.outdir)
    rewritten = {p for p in before if p.endswith(".html") and after[p] != before[p]}
    assert {"t03.html", "listings.html", "refs.html"} <= rewritten
    assert "t04.html" not in rewritten and "plain.html" not in rewritten


def test_dirhtml_index_pages_follow_an_edit(tmp_path: Path) -> None:
    srcdir = make_project(tmp_path / "src")
    app = build(srcdir, "dirhtml", freshenv=True)
    index = app.outdir / "talks-speakers" / "index.html"
    before = index.read_text()
    app = build(srcdir, "dirhtml")
    assert index.read_text() == before
    edit_talk(srcdir)
    app = build(srcdir, "dirhtml")
    assert "Talk number 03, revised" in index.read_text()


def test_index_pages_follow_configuration_changes(tmp_path: Path) -> None:
    srcdir = make_project(tmp_path / "src")
    build(srcdir, freshenv=True)
    app = build(srcdir, html_title="A brand new title")
    for page in ("talks-speakers.html", "talks-events.html", "talks-tags.html"):
        assert "A brand new title" in (app.outdir / page).read_text(), page
    app = build(srcdir, html_title="A brand new title")
    assert "no targets are out of date" in app.status.getvalue()


def test_index_pages_are_rewritten_after_an_interrupted_build(tmp_path: Path) -> None:
    from io import StringIO

    from sphinx.testing.util import SphinxTestApp

    srcdir = make_project(tmp_path / "src")
    app = build(srcdir, freshenv=True)
    (app.outdir / "talks-speakers.html").unlink()
    app = build(srcdir)
    assert (app.outdir / "talks-speakers.html").is_file()
    # A build that fails after reading an edit, before it writes the index pages...
    edit_talk(srcdir)
    broken = SphinxTestApp(
        "html", srcdir=srcdir, builddir=srcdir / "_build", status=StringIO(), warning=StringIO()
    )

    def fail(app, pagename, *args):
        if pagename == "talks-speakers":
            raise RuntimeError("interrupted")

    broken.connect("html-page-context", fail)
    with pytest.raises(Exception, match="interrupted"):
        broken.build()
    broken.cleanup()
    # ... leaves no stale page behind: the next build writes them.
    app = build(srcdir)
    assert "Talk number 03, revised" in (app.outdir / "talks-speakers.html").read_text()


N_PARALLEL = 24  # enough documents for Sphinx to really read and write in parallel


def test_parallel_build_equals_serial_build(tmp_path: Path) -> None:
    serial = build(make_project(tmp_path / "serial", N_PARALLEL), freshenv=True)
    parallel = build(make_project(tmp_path / "parallel", N_PARALLEL), freshenv=True, parallel=2)
    assert re.search(r"reading sources\.\.\. .*t\d\d \.\. t\d\d", parallel.status.getvalue()), "not parallel"
    assert warnings(serial) == warnings(parallel) == []
    assert_same(outputs(parallel.outdir), outputs(serial.outdir))


def test_parallel_incremental_build_equals_clean_build(tmp_path: Path) -> None:
    srcdir = make_project(tmp_path / "src", N_PARALLEL)
    build(srcdir, freshenv=True, parallel=2)
    for change in (add, edit_talk, delete):
        change(srcdir)
    for i in range(10, 22):  # enough re-read documents for a parallel re-read
        edit(srcdir / f"t{i:02d}.md", "Abstract of", "Summary of")
    app = build(srcdir, parallel=2)
    assert_same(outputs(app.outdir), clean_copy_outputs(srcdir, tmp_path))


@pytest.mark.parametrize("parallel", [0, 2])
def test_duplicate_id_is_reported_exactly_once(tmp_path: Path, parallel: int) -> None:
    srcdir = make_project(tmp_path / "src", N_PARALLEL)
    edit(srcdir / "t21.md", ":id: t21", ":id: t02")
    app = build(srcdir, freshenv=True, parallel=parallel)
    dupes = [w for w in warnings(app) if "fieldnotes.talk.duplicate-id" in w]
    assert len(dupes) == 1, warnings(app)
    assert re.search(
        r"t21\.md:3: WARNING: duplicate talk id 't02' \(first defined in t02\.md, line 3\)", dupes[0]
    )
    assert len(warnings(app)) == 1
