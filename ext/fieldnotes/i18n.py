"""Translatable strings: every text this package shows to readers goes through :data:`_`.

Catalogues live in ``fieldnotes/locale/<lang>/LC_MESSAGES/sphinx-fieldnotes.mo``; a project's
``language`` picks them (English is the source language, so none is needed for it).
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.locale import get_translation, get_translator, is_translator_registered

CATALOG = "sphinx-fieldnotes"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

#: Marks a string for translation (lazily: safe in class attributes).
_ = get_translation(CATALOG)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The translation of *singular* or *plural*, whichever *n* calls for."""
    if not is_translator_registered(CATALOG):
        return singular if n == 1 else plural
    return get_translator(CATALOG).ngettext(singular, plural, n)


def add_catalog(app: Sphinx) -> None:
    """Register the package's message catalogues (once per application)."""
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
