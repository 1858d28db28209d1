"""One test per assumption that fieldnotes.sphinx_internals makes about Sphinx.

If a Sphinx release breaks one of them, the failure is here, named, rather than a subtle
misbehaviour elsewhere.
"""

from __future__ import annotations

import pytest
from fieldnotes import sphinx_internals

BUILDERS = ["html", "dirhtml", "singlehtml", "text", "latex", "man", "texinfo", "epub", "xml"]


@pytest.mark.parametrize("builder", BUILDERS)
def test_doctree_resolved_once_per_document_only_in_per_document_builders(
    make_app, tmp_path, rootdir, builder
):
    import shutil

    srcdir = tmp_path / f"src-{builder}"
    shutil.copytree(rootdir / "test-two-pages", srcdir)
    app = make_app(builder, srcdir=srcdir)
    seen: list[str] = []
    app.connect("doctree-resolved", lambda _app, _doctree, docname: seen.append(docname))
    app.build()
    # (epub resolves the root document again for its navigation: count documents, not calls.)
    per_document = sphinx_internals.one_tree_per_document(builder)
    assert sorted(set(seen)) == (["index", "second"] if per_document else ["index"]), seen


def test_builder_class_is_known_to_the_environment(make_app, rootdir, tmp_path):
    import shutil

    shutil.copytree(rootdir / "test-two-pages", tmp_path / "src")
    app = make_app("latex", srcdir=tmp_path / "src")
    assert sphinx_internals.builder_format(app.env) == "latex"
    assert sphinx_internals.builder_name(app.env) == "latex"


def test_single_page_builder_is_recognised(make_app, rootdir, tmp_path):
    import shutil

    shutil.copytree(rootdir / "test-two-pages", tmp_path / "src")
    app = make_app("singlehtml", srcdir=tmp_path / "src")
    app.build()
    assert sphinx_internals.is_single_page(app.builder)
    # Its documents are addressed as fragments of the one page (what fieldnotes.singlehtml repairs).
    assert app.builder.get_target_uri("second") == "#document-second"
    html = make_app("html", srcdir=tmp_path / "src")
    assert not sphinx_internals.is_single_page(html.builder)


def test_html_output_inputs_follow_configuration(make_app, rootdir, tmp_path):
    import shutil

    shutil.copytree(rootdir / "test-two-pages", tmp_path / "src")
    first = sphinx_internals.html_output_inputs(make_app("html", srcdir=tmp_path / "src").builder)
    again = sphinx_internals.html_output_inputs(make_app("html", srcdir=tmp_path / "src").builder)
    other = make_app("html", srcdir=tmp_path / "src", confoverrides={"html_title": "Another title"})
    assert first == again
    assert sphinx_internals.html_output_inputs(other.builder)[0] != first[0]
    assert isinstance(first[2], int) and first[2] > 0


def test_an_index_without_content_is_not_written(make_app, rootdir, tmp_path):
    import shutil

    from fieldnotes.talks.indices import SpeakerIndex

    shutil.copytree(rootdir / "test-two-pages", tmp_path / "src")
    app = make_app("html", srcdir=tmp_path / "src", confoverrides={"extensions": ["fieldnotes.talks"]})
    app.build()
    # No talks: each index has no content, and the HTML builder writes no page for it.
    assert SpeakerIndex(app.env.domains["talks"]).generate() == sphinx_internals.INDEX_NOT_WRITTEN
    assert not (app.outdir / "talks-speakers.html").exists()
    assert (app.outdir / "genindex.html").is_file()


def test_assembled_tree_marks_where_each_document_starts(make_app, rootdir, tmp_path):
    import shutil

    from docutils import nodes

    shutil.copytree(rootdir / "test-two-pages", tmp_path / "src")
    app = make_app("singlehtml", srcdir=tmp_path / "src")
    trees: list[nodes.document] = []
    app.connect("doctree-resolved", lambda _app, doctree, _docname: trees.append(doctree))
    app.build()
    marks = [sphinx_internals.assembled_document(n) for n in trees[0].findall(nodes.Element)]
    assert [m for m in marks if m] == ["second"]
