r"""Talk cards, listings, cross-references, indices and ``talks.json``.

Directives: ``talk`` (a card) and ``talk-list`` (a listing). Roles: ``talk`` and ``speaker``
(also ``talks:talk``, ``talks:speaker``). Indices: ``talks-speakers``, ``talks-events``,
``talks-tags``. Output: ``talks.json`` in the HTML output root (see :mod:`.export`), and with
``fieldnotes_talks_pyvideo_export = True`` records in pyvideo.org's format (:mod:`.pyvideo`).
Command: ``python -m fieldnotes.talks.import_pyvideo SOURCE_DIR OUTPUT_DIR`` writes a talk page
per pyvideo record (:mod:`.import_pyvideo`).

Ids and index anchors keep the words of any script (:mod:`.ids`). Names in ``:speakers:`` and
``:tags:`` are separated by commas, or by semicolons when the value holds one. In LaTeX, the
cards' package prints a character pdflatex's fonts lack as a boxed question mark
(``\fieldnotesmissingchar``).

Warnings have ``type="fieldnotes"`` and one of these subtypes (for ``suppress_warnings``):

``talk.missing-option``
    no title, no ``:speakers:`` (nor ``:speakers-unknown:``) or no ``:event:``.
``talk.conflicting-options``
    both ``:speakers:`` and ``:speakers-unknown:`` (the speakers are kept).
``talk.unknown-option`` / ``talk-list.unknown-option``
    an option the directive does not know (the rest of the directive is kept).
``talk.bad-id``
    an ``:id:`` that is not a slug (the slugified value is used).
``talk.bad-date``
    a ``:date:`` that is neither a valid ``YYYY-MM-DD`` date nor an ISO date-time (shown as
    written, not sorted by).
``talk.empty-value`` / ``talk-list.empty-value``
    an option given without a value, as MyST leaves ``:tags: #x`` (a YAML comment); a listing
    with an emptied filter shows no talk.
``talk.unparsed-fence``
    a ``talk`` or ``talk-list`` the parser left as a paragraph, a code block or a comment (a
    backtick fence with backticks in the title; ``..talk::`` or ``.. talk:`` in reST).
``talk.bad-url``
    a ``:video:``, ``:slides:`` or ``:page:`` value that is not an http(s) URL (never linked).
``talk.duplicate-id``
    a talk id defined twice (reported once per build, also under ``-j``; links go to the first).
``talk.unknown-id``
    the ``talk`` role names an id no talk has.
``talk.unknown-speaker``
    the ``speaker`` role names someone no talk lists.
``talk-list.bad-option``
    a bad ``:year:``, ``:sort:``, ``:layout:`` or ``:limit:`` value (the default is used).
``talk-list.empty``
    a ``talk-list`` whose filters match no talk.

Data flows one way: parse (:mod:`.parse`: options to :mod:`.records`) -> collect (the
directives store records in :mod:`.domain`) -> resolve (:mod:`.views` for freshness; the
domain's :meth:`~.domain.TalksDomain.target` for links) -> render (:mod:`.filling` with
:mod:`.render`, a post-transform; :mod:`.writers` for HTML and LaTeX). :mod:`.unparsed` checks
each page as it is read. A card's tags are marked as glossary term uses
(:mod:`fieldnotes.glossary.uses`).
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from fieldnotes import __version__, memory
from fieldnotes.i18n import add_catalog
from fieldnotes.talks import assets, export, filling, index_pages, outputs, pyvideo, views, writers
from fieldnotes.talks.directives import TalkDirective, TalkListDirective
from fieldnotes.talks.domain import TalksDomain
from fieldnotes.talks.nodes import talk_card, talk_list, talk_title
from fieldnotes.talks.roles import TalksRole
from fieldnotes.talks.unparsed import DetectUnparsedFences


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the talks component (usable alone: ``extensions = ["fieldnotes.talks"]``)."""
    app.setup_extension("fieldnotes.singlehtml")
    add_catalog(app)
    app.add_node(
        talk_card,
        html=(writers.visit_card_html, writers.depart_card_html),
        latex=(writers.visit_card_latex, writers.depart_card_latex),
    )
    app.add_node(
        talk_title,
        html=(writers.visit_title_html, writers.depart_title_html),
        latex=(writers.visit_title_latex, writers.depart_title_latex),
    )
    app.add_node(talk_list)
    app.add_domain(TalksDomain)
    app.add_directive("talk", TalkDirective)
    app.add_directive("talk-list", TalkListDirective)
    app.add_role("talk", TalksRole("talk"))
    app.add_role("speaker", TalksRole("speaker"))
    app.add_latex_package(assets.LATEX_PACKAGE)
    app.add_transform(DetectUnparsedFences)
    app.add_post_transform(filling.FillTalks)
    app.connect("doctree-resolved", memory.on_doctree_resolved)
    app.connect("env-get-updated", views.on_env_get_updated)
    app.connect("write-started", assets.on_write_started)
    app.connect("write-started", outputs.on_write_started)
    app.connect("html-page-context", assets.on_html_page_context)
    app.connect("html-page-context", index_pages.on_html_page_context)
    app.connect("build-finished", export.on_build_finished)
    app.connect("build-finished", outputs.on_build_finished)
    app.add_config_value(pyvideo.CONFIG, False, "", types=frozenset({bool}))
    app.connect("build-finished", pyvideo.on_build_finished)
    return {
        "version": __version__,
        "env_version": TalksDomain.data_version,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
