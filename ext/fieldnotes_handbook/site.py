"""Page polish for HTML readers: what the theme and other extensions leave out.

- Wide code blocks get ``tabindex="0"`` so keyboard users can scroll them
  (axe: ``scrollable-region-focusable``).
- Other extensions' page assets are kept only on pages that need them: the
  sphinx-design stylesheet and tab script where one of its components is,
  copy-button code where a code block is, the Pygments colours where
  highlighted code is.
- The two big stylesheets such a page still needs arrive cut down to the rules
  it can use (:mod:`.css_subset`): of sphinx-design's 55 KB, the tabs take under
  5 KB; of Pygments' 20 KB (light and dark), a page's tokens take 2 to 4 KB. The
  cut-down copies are written once per content as ``_static/pruned/<name>.<hash>.css``.
  Furo writes its ``pygments.css`` (light and dark colours) only when the build has
  finished, so that one is cut from the text Furo is going to write.
- The pages Sphinx makes from templates (general index, talks indices, the
  not-found page) get a
  meta description, as every document has one (Lighthouse SEO).
- Page scripts load with ``defer``: none of them is needed before the page is
  parsed (Sphinx's, Furo's and the copy button's wait for DOMContentLoaded), so
  they no longer block the first paint. Pages built from a template rather than
  a document (search, general index) keep their scripts' order: the search page
  runs its own scripts after them.
"""

from __future__ import annotations

import hashlib
import os
from html import escape
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from fieldnotes_handbook.css_subset import page_classes, subset

# Asset file name -> what the page body contains when it needs that asset.
ASSET_MARKERS = {
    "sphinx-design.min.css": 'class="sd-',
    "design-tabs.js": 'class="sd-',
    "copybutton.css": "<pre",
    "copybutton.js": "<pre",
    "clipboard.min.js": "<pre",
    "pygments.css": 'class="highlight',
}
#: Descriptions (for search engines) of the pages Sphinx makes from templates, not documents.
GENERATED_PAGES = {
    "genindex": "Index of the Field Notes handbook: its terms, commands and subjects, with their pages.",
    "talks-speakers": "Every talk summarised in the Field Notes handbook, listed by speaker.",
    "talks-events": "Every talk summarised in the Field Notes handbook, listed by event.",
    "talks-tags": "Every talk summarised in the Field Notes handbook, listed by tag.",
    "404": "Page not found in the Field Notes handbook: search it, or start again from its contents.",
}
# Stylesheets whose classes are all written by the build: served cut down to each page.
SUBSET = ("pygments.css", "sphinx-design.min.css")
PRUNED = "_static/pruned"
#: Builders whose pages are served on the web, where the cut-down copies save weight (not EPUB).
WEB_BUILDERS = frozenset({"html", "dirhtml", "singlehtml"})


def polish_page(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Adjust one page's body and assets before its template is rendered."""
    describe(pagename, context)
    body = context.get("body")
    from_document = isinstance(body, str)
    body = body.replace("<pre>", '<pre tabindex="0">') if from_document else ""
    if from_document:
        context["body"] = body
    for key in ("css_files", "script_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if needed(asset, body)]
    if "css_files" in context:
        context["css_files"] = [cut_down(app, css, body) for css in context["css_files"]]
    if from_document and "script_files" in context:
        context["script_files"] = [deferred(script) for script in context["script_files"]]


def describe(pagename: str, context: dict[str, Any]) -> None:
    """Give a generated page (:data:`GENERATED_PAGES`) a ``<meta name="description">`` if it has none."""
    description = GENERATED_PAGES.get(pagename)
    metatags = context.get("metatags", "")
    if description and 'name="description"' not in metatags:
        context["metatags"] = f'{metatags}\n<meta name="description" content="{escape(description)}" />'


def asset_name(asset: object) -> str:
    """The file name of a page asset (a ``_JavaScript``, ``_CascadingStyleSheet`` or a path)."""
    return str(getattr(asset, "filename", asset)).rsplit("/", 1)[-1]


def needed(asset: object, body: str) -> bool:
    """Whether the page whose HTML is *body* needs *asset* (unknown assets: always)."""
    marker = ASSET_MARKERS.get(asset_name(asset))
    return marker is None or marker in body


def final_stylesheet(app: Sphinx, filename: str) -> str | None:
    """The text ``filename`` (``_static/...``) will have in the finished output; ``None`` if none.

    Read once per build. Furo replaces Sphinx's ``pygments.css`` with its own (light and dark
    colours) at ``build-finished``: its text comes from Furo's own function.
    """
    sources: dict[str, str | None] = app.builder.__dict__.setdefault("_fieldnotes_stylesheets", {})
    if filename not in sources:
        text = None
        if (
            filename == "_static/pygments.css"
            and getattr(getattr(app.builder, "theme", None), "name", "") == "furo"
        ):
            from furo import get_pygments_stylesheet

            text = get_pygments_stylesheet()
        elif (path := Path(app.builder.outdir) / filename).is_file():
            text = path.read_text(encoding="utf-8")
        sources[filename] = text
    return sources[filename]


def cut_down(app: Sphinx, css: Any, body: str) -> Any:
    """*css*, or a copy of it with only the rules *body* can use (for :data:`SUBSET` files)."""
    if app.builder.name not in WEB_BUILDERS:
        return css
    name = asset_name(css)
    filename = str(getattr(css, "filename", ""))
    source = final_stylesheet(app, filename) if name in SUBSET and filename.startswith("_static/") else None
    if source is None:
        return css
    outdir = Path(app.builder.outdir)
    text = subset(source, page_classes(body)) + "\n"
    digest = hashlib.blake2b(text.encode(), digest_size=6).hexdigest()
    stem = name.removesuffix(".css").removesuffix(".min")
    pruned = f"{PRUNED}/{stem}.{digest}.css"
    write_once(outdir / pruned, text)
    attributes = {key: value for key, value in css.attributes.items() if key not in {"rel", "type"}}
    rel, kind = css.attributes.get("rel", "stylesheet"), css.attributes.get("type", "text/css")
    return type(css)(pruned, priority=css.priority, rel=rel, type=kind, **attributes)


def write_once(path: Path, text: str) -> None:
    """Write *path* unless it exists (its name is its content's hash); safe in parallel writers."""
    if path.is_file():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def deferred(script: Any) -> Any:
    """The same script tag, loaded with ``defer`` (inline or async scripts stay as they are)."""
    attributes = getattr(script, "attributes", None)
    if not script or not getattr(script, "filename", "") or attributes is None:
        return script
    if {"body", "async", "defer"} & attributes.keys():
        return script
    return type(script)(script.filename, priority=script.priority, **attributes, defer="defer")


def setup(app: Sphinx) -> None:
    """Connect the page hook (after other extensions have added their assets)."""
    app.connect("html-page-context", polish_page, priority=900)
