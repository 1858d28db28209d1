"""Warn once (``env-check-consistency``, main process) about glossary entries nobody references.

An entry with several terms (synonyms such as "API" and "application programming
interface") counts as used when any of its terms is referenced; the warning names all of
them and points at the first.

Warning: type ``fieldnotes``, subtype ``glossary.unused-term``, located at the definition's
file and line; silence it with ``suppress_warnings = ["fieldnotes.glossary.unused-term"]``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from fieldnotes.glossary.domain import GlossaryDomain

logger = logging.getLogger(__name__)


def on_check_consistency(app: Sphinx, env: BuildEnvironment) -> None:
    """One warning per glossary entry none of whose terms any page references."""
    domain: GlossaryDomain = env.domains["fieldnotes-glossary"]  # type: ignore[assignment]
    used = domain.used_keys()
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for docname, record in domain.definitions():
        entry = (docname, record.synonyms)
        if entry in seen or used.intersection(record.synonyms):
            continue
        seen.add(entry)
        if record.source:  # defined in an included file
            location = f"{Path(app.srcdir, record.source)}:{record.line}"
        else:
            location = (docname, record.line)
        names = [r.term for r in domain.terms[docname] if r.synonyms == record.synonyms]
        many = len(names) > 1
        logger.warning(
            "glossary %s %s not referenced on any page",
            f"terms {', '.join(map(repr, names))}" if many else f"term {names[0]!r}",
            "are" if many else "is",
            location=location,
            type="fieldnotes",
            subtype="glossary.unused-term",
        )
