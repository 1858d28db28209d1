"""Every assumption this package makes about Sphinx beyond its documented API, in one place.

Each function here has a test in ``tests/test_sphinx_internals.py`` that fails when a Sphinx
release breaks the assumption, so an upgrade fails loudly here rather than subtly elsewhere.
"""

from __future__ import annotations

from docutils.nodes import Node
from sphinx import addnodes
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment

#: Builders that write one output file per document; the others (latex, texinfo, man,
#: singlehtml) assemble documents into one tree, so one doctree holds several documents.
PER_DOCUMENT_BUILDERS = frozenset(
    {"html", "dirhtml", "epub", "text", "linkcheck", "gettext", "xml", "pseudoxml", "changes", "dummy"}
)


def builder_format(env: BuildEnvironment) -> str:
    """The output format of the current builder, where only the environment is at hand.

    Post-transforms have no public access to the builder: Sphinx's own
    ``SphinxPostTransform.is_supported`` reads ``env._builder_cls``.
    """
    return env._builder_cls.format  # type: ignore[attr-defined]


def builder_name(env: BuildEnvironment) -> str:
    """The name of the current builder (see :func:`builder_format`)."""
    return env._builder_cls.name  # type: ignore[attr-defined]


def one_tree_per_document(builder_name: str) -> bool:
    """True when each doctree the builder resolves holds exactly one document."""
    return builder_name in PER_DOCUMENT_BUILDERS


def is_single_page(builder: Builder) -> bool:
    """True for the single-page HTML builder (whose cross-document links need fixing)."""
    from sphinx.builders.singlehtml import SingleFileHTMLBuilder

    return isinstance(builder, SingleFileHTMLBuilder)


def assembled_document(node: Node) -> str | None:
    """The document that *node* starts, if it marks one in an assembled tree (else ``None``).

    Builders that put every document in one tree (singlehtml, LaTeX) wrap each document's
    content in ``addnodes.start_of_file``, whose ``docname`` attribute names the document.
    """
    if isinstance(node, addnodes.start_of_file):
        return node["docname"]
    return None


def current_builder(env: BuildEnvironment) -> Builder:
    """The builder instance, where only the environment is at hand (post-transforms).

    Sphinx's own ``ReferencesResolver`` reads ``env._app.builder``.
    """
    return env._app.builder  # type: ignore[attr-defined]


def html_output_inputs(builder: Builder) -> tuple[str, str, int]:
    """What else every page of an HTML build depends on: configuration, tags and templates.

    ``(config hash, tags hash, newest template mtime)`` as the HTML builder computes them to
    decide which pages are outdated (``build_info``, ``templates.newest_template_mtime()``).
    """
    info = builder.build_info  # type: ignore[attr-defined]
    templates = getattr(builder, "templates", None)
    mtime = int(templates.newest_template_mtime() * 10**6) if templates is not None else 0
    return info.config_hash, info.tags_hash, mtime


#: What an index's ``generate()`` returns so that the HTML builder does not write its page
#: (it keeps only indices with content), leaving the page written by an earlier build.
INDEX_NOT_WRITTEN: tuple[list, bool] = ([], False)
