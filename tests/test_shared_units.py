"""Unit tests of the package's shared pieces: the link maker and the freshness bookkeeping."""

from __future__ import annotations

from types import SimpleNamespace

from docutils import nodes
from fieldnotes.freshness import changed_pages, digest, forget, output_key
from fieldnotes.links import Linker
from sphinx.errors import NoUri


class FakeBuilder:
    name, outdir = "html", "/out"

    def __init__(self) -> None:
        self.calls = 0

    def get_relative_uri(self, fromdoc: str, todoc: str) -> str:
        self.calls += 1
        if todoc == "missing":
            raise NoUri
        return f"../{todoc}.html"


def test_linker_links_caches_and_degrades_to_text() -> None:
    builder = FakeBuilder()
    link = Linker(builder, "a/b")
    ref = link("glossary", "term-API", "API", title="Application programming interface", classes=["x"])
    assert (ref["refuri"], ref["reftitle"], ref["classes"], ref.astext()) == (
        "../glossary.html#term-API",
        "Application programming interface",
        ["x"],
        "API",
    )
    link("glossary", "", "Glossary")
    assert builder.calls == 1
    assert link("a/b", "sec", "here")["refid"] == "sec"
    plain = link("missing", "x", "gone", classes=["x"])
    assert isinstance(plain, nodes.inline) and plain.astext() == "gone" and plain["classes"] == ["x"]
    node = nodes.inline("", "kept")
    assert link("missing", "x", node) is node


def test_changed_pages_keys_by_output_and_forgets() -> None:
    fingerprints: dict[str, dict[str, str]] = {}
    builder = SimpleNamespace(name="html", outdir="/out")
    found = {"a", "b", "c"}
    assert changed_pages(fingerprints, builder, {"a": [1], "b": [2]}, found) == ["a", "b"]
    assert changed_pages(fingerprints, builder, {"a": [1], "b": [2]}, found) == []
    assert changed_pages(fingerprints, builder, {"a": [1], "b": [3]}, found) == ["b"]
    # Another output of the same environment keeps its own hashes.
    latex = SimpleNamespace(name="latex", outdir="/pdf")
    assert changed_pages(fingerprints, latex, {"a": [1], "b": [3]}, found) == ["a", "b"]
    # A page that shows nothing any more is rewritten once; a removed document is dropped.
    assert changed_pages(fingerprints, builder, {"a": [1]}, found) == ["b"]
    assert changed_pages(fingerprints, builder, {"a": [1], "z": [9]}, found) == []
    assert "z" not in fingerprints[output_key(builder)]
    forget(fingerprints, "a")
    assert all("a" not in per_output for per_output in fingerprints.values())


def test_digest_is_stable_and_empty_for_nothing() -> None:
    assert digest({"a": [2], "b": ("x",)}) == digest({"a": [2], "b": ("x",)})
    assert digest({"a": [2]}) != digest({"a": [3]})
    assert digest([]) == digest(None) == ""
