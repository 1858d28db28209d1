"""Each component is a complete extension: loaded alone, it declares its metadata and reads in parallel."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

COMPONENTS = ["fieldnotes.talks", "fieldnotes.glossary", "fieldnotes.singlehtml", "fieldnotes"]


@pytest.mark.parametrize("component", COMPONENTS)
def test_component_alone_reads_and_writes_in_parallel(
    make_app, rootdir: Path, tmp_path: Path, component: str
):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-two-pages", srcdir)
    app = make_app("html", srcdir=srcdir, parallel=2, confoverrides={"extensions": [component]})
    extension = app.extensions[component]
    assert extension.version == __import__("fieldnotes").__version__
    assert extension.parallel_read_safe is True and extension.parallel_write_safe is True
    calls = []
    read_parallel = app.builder._read_parallel
    app.builder._read_parallel = lambda *args, **kwargs: calls.append(1) or read_parallel(*args, **kwargs)
    app.build()
    assert calls, "documents were read serially"
    assert "parallel" not in app.warning.getvalue()
    assert app.warning.getvalue() == ""


@pytest.mark.parametrize(
    ("component", "domain"), [("fieldnotes.talks", "talks"), ("fieldnotes.glossary", "fieldnotes-glossary")]
)
def test_env_version_is_the_domains_data_version(
    make_app, rootdir: Path, tmp_path: Path, component: str, domain: str
):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-two-pages", srcdir)
    app = make_app("html", srcdir=srcdir, confoverrides={"extensions": [component]})
    assert app.registry.domains[domain].data_version == app.extensions[component].metadata["env_version"]
