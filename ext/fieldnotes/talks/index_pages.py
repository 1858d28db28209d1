"""HTML for the index pages: one anchor per speaker, event and tag.

Sphinx's domain-index template has an anchor per initial only, so ``{speaker}`` could
not land on the speaker. For the talks indices the HTML builder renders this markup
(in the theme's ``page.html``) from the same index content instead: each speaker, event
or tag is a ``<dt>`` with the id :func:`entry_anchor` gives, followed by its talks.
Other builders (LaTeX) keep Sphinx's own rendering of the index.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from sphinx.application import Sphinx

from fieldnotes.i18n import _
from fieldnotes.talks.ids import entry_anchor, slugify

#: The index pages and the kind of their entries.
INDEX_PAGES = {"talks-speakers": "speaker", "talks-events": "event", "talks-tags": "tag"}


def index_body(
    title: str,
    content: list[tuple[str, list[Any]]],
    pathto: Any,
    anchor: Callable[[str], str] = entry_anchor,
) -> str:
    """The page body: a jump bar of initials, then each initial's entries and their talks.

    *anchor* gives each entry's id (the domain's, unique on the page).
    """
    label = escape(str(_("Initials")))
    jump = " | ".join(f'<a href="#cap-{escape(letter)}">{escape(letter)}</a>' for letter, _entries in content)
    uris: dict[str, str] = {}
    parts = [
        f'<section class="fieldnotes-talk-index" id="{escape(slugify(title))}">',
        f"<h1>{escape(title)}</h1>",
        f'<nav class="fieldnotes-talk-index-jump" aria-label="{label}"><p>{jump}</p></nav>',
    ]
    for letter, entries in content:
        parts.append(f'<section id="cap-{escape(letter)}"><h2>{escape(letter)}</h2><dl>')
        open_list = False
        for name, grouptype, _page, _anchor, extra, _qualifier, _description in entries:
            if grouptype == 1:
                if open_list:
                    parts.append("</ul></dd>")
                count = f" <span>({escape(extra)})</span>" if extra else ""
                parts.append(f'<dt id="{escape(anchor(name))}">{escape(name)}{count}</dt><dd><ul>')
                open_list = True
            else:
                if _page not in uris:
                    uris[_page] = pathto(_page)
                href = f"{uris[_page]}#{_anchor}"
                detail = f" <em>({escape(extra)})</em>" if extra else ""
                parts.append(f'<li><a href="{escape(href)}">{escape(name)}</a>{detail}</li>')
        if open_list:
            parts.append("</ul></dd>")
        parts.append("</dl></section>")
    parts.append("</section>")
    return "\n".join(parts)


def on_html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> str | None:
    """Render a talks index with an anchor per entry, through the theme's page template."""
    if pagename not in INDEX_PAGES or "content" not in context:
        return None
    domain = app.env.domains["talks"]
    kind = INDEX_PAGES[pagename]
    title = str(context.get("indextitle", ""))
    context["body"] = index_body(
        title,
        context["content"],
        context["pathto"],
        lambda name: domain.entry_anchor(kind, name),  # type: ignore[attr-defined]
    )
    # Sphinx's domainindex.html sets the page title from ``indextitle``; page.html does not.
    context["title"] = title
    return "page.html"
