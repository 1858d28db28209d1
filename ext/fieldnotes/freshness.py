"""Rewrite pages when, and only when, the collected data they show has changed.

Sphinx rewrites only the pages it re-read; a page that shows data collected from other pages
(a listing, a "Used on" list, a link text) would go stale. Each component gives, per page, a
*view*: plain data of everything that page shows from elsewhere. At
``env-get-updated`` the views are hashed and compared with the hashes stored at the previous
build **for the same output** (builder name and output directory: ``make html`` and ``make pdf``
share one environment, but each keeps its own pages), and the changed pages are returned.

The hashes live in the component's domain data under ``"fingerprints"``; ``clear_doc`` must drop
a document's hashes (see :func:`forget`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Set
from typing import Any

from sphinx.builders import Builder


def output_key(builder: Builder) -> str:
    """What identifies one output: the builder's name and its output directory."""
    return f"{builder.name}:{builder.outdir}"


def digest(view: Any) -> str:
    """A stable hash of a view ("" for an empty view).

    Views are plain data (strings, numbers, tuples, lists, dicts) built in a deterministic
    order, so their ``repr`` is stable between builds and processes.
    """
    if not view:
        return ""
    return hashlib.blake2b(repr(view).encode(), digest_size=16).hexdigest()


def changed_pages(
    fingerprints: dict[str, dict[str, str]], builder: Builder, views: Mapping[str, Any], found: Set[str]
) -> list[str]:
    """Update the stored hashes of ``builder``'s output from ``views``; return the pages that changed.

    Pages absent from ``views`` show nothing from elsewhere (a stored hash for them is dropped and
    the page rewritten once). Only documents in ``found`` are returned.
    """
    stored = fingerprints.setdefault(output_key(builder), {})
    changed = []
    for docname in sorted(set(stored) | set(views)):
        new = digest(views.get(docname))
        if stored.get(docname, "") == new:
            continue
        if new:
            stored[docname] = new
        else:
            stored.pop(docname, None)
        if docname in found:
            changed.append(docname)
    for docname in set(stored) - set(found):
        del stored[docname]
    return changed


def forget(fingerprints: dict[str, dict[str, str]], docname: str) -> None:
    """Drop ``docname``'s hashes in every output (for ``Domain.clear_doc``)."""
    for per_output in fingerprints.values():
        per_output.pop(docname, None)
