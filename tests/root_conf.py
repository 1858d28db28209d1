"""Settings shared by the small test projects in tests/roots/.

Their conf.py files import this module (pytest's ``pythonpath`` setting in pyproject.toml
lists tests/); ``fieldnotes`` is installed (``pip install -e ./ext``).
"""

from __future__ import annotations

from typing import Any


def project_settings(
    project: str, name: str, extensions: tuple[str, ...] = ("myst_parser", "fieldnotes")
) -> dict[str, Any]:
    """conf.py values for a test project called *project*, whose outputs are named *name*."""
    return {
        "project": project,
        "copyright": "2026, Field Notes",
        "version": "1.0",
        "release": "1.0",
        "extensions": list(extensions),
        "root_doc": "index",
        "exclude_patterns": ["_build"],
        "latex_documents": [("index", f"{name}.tex", project, "Tester", "howto")],
        "man_pages": [("index", name, project, ["Tester"], 7)],
        "texinfo_documents": [("index", name, project, "Tester", name, "Test.", "Misc")],
    }
