"""Page polish for HTML readers: what the theme and other extensions leave out.

- Wide code blocks get ``tabindex="0"`` so keyboard users can scroll them
  (axe: ``scrollable-region-focusable``).
- Other extensions' page assets are kept only on pages that need them: the
  sphinx-design stylesheet (about 55 KB) and tab script where one of its
  components is, copy-button code where a code block is.
- Page scripts load with ``defer``: none of them is needed before the page is
  parsed (Sphinx's, Furo's and the copy button's wait for DOMContentLoaded), so
  they no longer block the first paint.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

# Asset file name -> what the page body contains when it needs that asset.
ASSET_MARKERS = {
    "sphinx-design.min.css": 'class="sd-',
    "design-tabs.js": 'class="sd-',
    "copybutton.css": "<pre",
    "copybutton.js": "<pre",
    "clipboard.min.js": "<pre",
    "pygments.css": 'class="highlight',
}


def polish_page(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """Adjust one page's body and assets before its template is rendered."""
    body = context.get("body")
    if not isinstance(body, str):
        return
    body = body.replace("<pre>", '<pre tabindex="0">')
    context["body"] = body
    for key in ("css_files", "script_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if needed(asset, body)]
    if "script_files" in context:
        context["script_files"] = [deferred(script) for script in context["script_files"]]


def deferred(script: Any) -> Any:
    """The same script tag, loaded with ``defer`` (inline or async scripts stay as they are)."""
    attributes = getattr(script, "attributes", None)
    if not script or not getattr(script, "filename", "") or attributes is None:
        return script
    if {"body", "async", "defer"} & attributes.keys():
        return script
    return type(script)(script.filename, priority=script.priority, **attributes, defer="defer")


def needed(asset: object, body: str) -> bool:
    """Whether the page whose HTML is *body* needs *asset* (unknown assets: always)."""
    name = str(getattr(asset, "filename", asset)).rsplit("/", 1)[-1]
    marker = ASSET_MARKERS.get(name)
    return marker is None or marker in body


def setup(app: Sphinx) -> None:
    """Connect the page hook (after other extensions have added their assets)."""
    app.connect("html-page-context", polish_page, priority=900)
