"""Resolve (plain data, no nodes): a page's glossary entries grouped by their first letter.

Used by ``glossary-index`` (:mod:`.index`) for the A-Z bar, the letter headings and the
letters in the page's table of contents, all from the domain's collected records
(:class:`~.records.Definition`), so that every part agrees on the same groups and anchors.

An entry belongs to the letter its first term starts with, accents ignored (``Éclair`` is
under E); terms starting with a digit or a symbol are grouped under ``#``, listed first.
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from fieldnotes.glossary.records import Definition

#: The label of the group of terms that do not start with a letter.
OTHER = "#"
#: The letters the bar always shows, linked or not.
ALPHABET = tuple(string.ascii_uppercase)
ANCHOR_PREFIX = "letter-"


def letter_of(term: str) -> str:
    """The group label of ``term``: its first letter, upper-case and unaccented, or ``#``."""
    for char in unicodedata.normalize("NFKD", term.strip()):
        if unicodedata.combining(char):
            continue
        return char.upper() if char.isalpha() else OTHER
    return OTHER


def base_anchor(label: str) -> str:
    """The id of a letter's heading: ``letter-g``, ``letter-other``, ``letter-u03a9`` (Ω)."""
    if label == OTHER:
        return f"{ANCHOR_PREFIX}other"
    if label in ALPHABET:
        return f"{ANCHOR_PREFIX}{label.lower()}"
    return f"{ANCHOR_PREFIX}u{ord(label):04x}"


def order_key(label: str, first_seen: dict[str, int]) -> tuple[int, int]:
    """Sort key of a label: ``#`` first, then A-Z, then other letters as they first appear."""
    if label == OTHER:
        return (0, 0)
    if label in ALPHABET:
        return (1, ALPHABET.index(label))
    return (2, first_seen.get(label, 0))


def entry_heads(records: Iterable[Definition]) -> list[Definition]:
    """The first term of each glossary entry (an entry's other terms are its synonyms)."""
    return [record for record in records if record.synonyms and record.key == record.synonyms[0]]


@dataclass(frozen=True)
class Letter:
    """One letter of a page's index: its label and the id of its first heading."""

    label: str
    anchor: str


def page_letters(records: Iterable[Definition]) -> list[Letter]:
    """The letters the entries of one page start with, in index order (see :func:`order_key`)."""
    first_seen: dict[str, int] = {}
    for position, record in enumerate(entry_heads(records)):
        first_seen.setdefault(letter_of(record.term), position)
    labels = sorted(first_seen, key=lambda label: order_key(label, first_seen))
    return [Letter(label, base_anchor(label)) for label in labels]


def bar(letters: list[Letter]) -> list[tuple[str, str]]:
    """``(label, anchor)`` for the A-Z bar (anchor ``""``: a letter without entries).

    Every letter of the alphabet, plus ``#`` and other letters when the page has entries there.
    """
    present = {letter.label: letter.anchor for letter in letters}
    labels = [OTHER] if OTHER in present else []
    labels += list(ALPHABET)
    labels += [letter.label for letter in letters if letter.label not in ALPHABET and letter.label != OTHER]
    return [(label, present.get(label, "")) for label in labels]


class Anchors:
    """Unique heading ids on one page: the first ``G`` heading is ``letter-g``, the next ``letter-g-2``."""

    def __init__(self) -> None:
        """Start with no heading placed."""
        self.seen: dict[str, int] = {}

    def __call__(self, label: str) -> str:
        """The id of the next heading for ``label``."""
        count = self.seen.get(label, 0) + 1
        self.seen[label] = count
        anchor = base_anchor(label)
        return anchor if count == 1 else f"{anchor}-{count}"
