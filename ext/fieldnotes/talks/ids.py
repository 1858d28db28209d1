"""Ids and anchors from titles and names in any script (pure functions, no Sphinx).

A slug keeps the words of the text, in whatever script they are written: letters and digits
are lower-cased (Unicode case folding after NFKC normalisation) and every run of other
characters becomes one hyphen, so ``"Café Society"`` gives ``"café-society"``, ``"이지호: 그만
퇴근합시다!"`` gives ``"이지호-그만-퇴근합시다"``, and accented and unaccented spellings stay
apart. Text with no letter or digit at all (only emoji or punctuation) gets ``"x"`` and a short
hash of the text: stable from build to build, and different for different texts.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

_NON_WORD = re.compile(r"[\W_]+")
#: What an author's ``:id:`` may be: words of lower-case letters (any script) or digits, joined by hyphens.
_ID_RE = re.compile(r"^[^\W_]+(?:-[^\W_]+)*$")


def slugify(text: str) -> str:
    """Lower-case words of *text* (any script) joined by hyphens; never empty for non-empty text."""
    normal = unicodedata.normalize("NFKC", text).casefold()
    slug = _NON_WORD.sub("-", normal).strip("-")
    if slug or not text.strip():
        return slug
    return "x" + hashlib.blake2b(text.strip().encode("utf-8"), digest_size=4).hexdigest()


def is_slug(text: str) -> bool:
    """True if *text* is already a slug (what :func:`slugify` would leave unchanged)."""
    return bool(_ID_RE.match(text)) and slugify(text) == text


def entry_anchor(name: str) -> str:
    """The base id of a speaker's, event's or tag's entry on its index page."""
    return f"entry-{slugify(name)}"


def unique_anchors(names: Iterable[str]) -> dict[str, str]:
    """A distinct anchor for each name (keyed by its case-folded form), stable for the same names.

    Names are taken in case-folded order; the first with a given base anchor keeps it, the next
    ones get ``-2``, ``-3``... (two names that differ only in punctuation, such as ``"A. B."``
    and ``"A B"``).
    """
    anchors: dict[str, str] = {}
    taken: set[str] = set()
    for folded in sorted({" ".join(n.split()).casefold() for n in names}):
        base = anchor = entry_anchor(folded)
        n = 1
        while anchor in taken:
            n += 1
            anchor = f"{base}-{n}"
        taken.add(anchor)
        anchors[folded] = anchor
    return anchors
