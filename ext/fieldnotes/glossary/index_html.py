"""Render (HTML): the ``glossary-index`` bar and filter box; nothing in other formats.

Output, from the placeholder's ``letters`` (see :mod:`.index`)::

    <div class="fieldnotes-glossary-index">
      <div class="fieldnotes-glossary-filter" role="search" aria-label="Glossary filter"
           data-shown="{shown} of {total} entries shown" data-all="..." data-none="...">
        <label for="fieldnotes-glossary-filter">Filter the glossary</label>
        <input type="search" id="fieldnotes-glossary-filter" autocomplete="off" spellcheck="false" />
        <p class="fieldnotes-glossary-filter-status" role="status"></p>
      </div>
      <nav class="fieldnotes-glossary-letters" aria-label="Glossary letters"><ul>
        <li><a href="#letter-a">A</a></li> ... <li><span>J</span></li> ...
      </ul></nav>
    </div>

The filter works with ``fieldnotes-glossary-index.js`` (EPUB output has the bar only); without
JavaScript the stylesheet hides it (``@media (scripting: none)``) and the bar, the headings and
every entry still work. The text
is written from attributes, not from text nodes, so Sphinx's search index never takes the bar
for page text (and Read the Docs' indexer drops ``nav`` and ``role="search"``).
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from docutils import nodes

from fieldnotes.i18n import _

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

INDEX_CLASS = "fieldnotes-glossary-index"
FILTER_ID = "fieldnotes-glossary-filter"


def attr(value: str) -> str:
    """``value`` escaped for a double-quoted attribute."""
    return escape(value, quote=True)


def filter_html(input_id: str) -> str:
    """The filter box: a labelled search field and a live status line (strings for the script)."""
    messages = {
        "shown": _("{shown} of {total} entries shown"),
        "all": _("All {total} entries shown"),
        "none": _("No entries match"),
    }
    data = " ".join(f'data-{key}="{attr(str(text))}"' for key, text in messages.items())
    name = attr(str(_("Glossary filter")))
    return (
        f'<div class="fieldnotes-glossary-filter" role="search" aria-label="{name}" {data}>\n'
        f'<label for="{input_id}">{escape(str(_("Filter the glossary")))}</label>\n'
        f'<input type="search" id="{input_id}" autocomplete="off" spellcheck="false" />\n'
        '<p class="fieldnotes-glossary-filter-status" role="status"></p>\n'
        "</div>\n"
    )


def letters_html(letters: list[tuple[str, str]]) -> str:
    """The A-Z bar: a link for each letter with entries, plain text for the others."""
    items = "".join(
        f'<li><a href="#{attr(anchor)}">{escape(label)}</a></li>'
        if anchor
        else f"<li><span>{escape(label)}</span></li>"
        for label, anchor in letters
    )
    name = attr(str(_("Glossary letters")))
    return f'<nav class="fieldnotes-glossary-letters" aria-label="{name}"><ul>{items}</ul></nav>\n'


def visit_html(self: HTML5Translator, node: nodes.Element) -> None:
    """Write the bar and the filter box (every id unique on the page)."""
    count = getattr(self, "_fieldnotes_filters", 0) + 1
    self._fieldnotes_filters = count  # type: ignore[attr-defined]
    input_id = FILTER_ID if count == 1 else f"{FILTER_ID}-{count}"
    # No filter box in an EPUB: reading systems need not run scripts; the letters work anywhere.
    box = "" if self.builder.name == "epub" else filter_html(input_id)
    self.body.append(f'<div class="{INDEX_CLASS}">\n{box}{letters_html(node.get("letters", []))}</div>\n')
    raise nodes.SkipNode
