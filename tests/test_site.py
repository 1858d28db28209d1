"""Page polish (fieldnotes_handbook.site): assets only where used and cut down to the page, focusable
code, deferred scripts."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import sphinx_build

CONF = """
project = "Polish"
extensions = ["myst_parser", "sphinx_design", "sphinx_copybutton", "fieldnotes", "fieldnotes_handbook"]
html_theme = "furo"
myst_enable_extensions = ["colon_fence"]
"""


def test_third_party_assets_only_where_used(tmp_path: Path) -> None:
    src = tmp_path / "docs"
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.md").write_text("# Home\n\n```{toctree}\ncode\n```\n", encoding="utf-8")
    (src / "code.md").write_text(
        "# Code\n\n```console\n$ ls\n```\n\n::::{tab-set}\n:::{tab-item} A\nx\n:::\n::::\n", encoding="utf-8"
    )
    out = tmp_path / "html"
    result = sphinx_build("-b", "html", "-W", src, out)
    assert result.returncode == 0, result.stderr
    home = (out / "index.html").read_text(encoding="utf-8")
    code = (out / "code.html").read_text(encoding="utf-8")
    for asset in ("sphinx-design", "design-tabs.js", "copybutton.js", "pygments"):
        assert asset not in home, asset
        assert asset in code, asset
    # The two big stylesheets arrive cut down to what the page uses.
    pruned = dict(re.findall(r'href="(_static/pruned/([a-z-]+)\.[0-9a-f]{12}\.css)\?v=', code)[::-1])
    pruned = {name: (out / path).read_text(encoding="utf-8") for path, name in pruned.items()}
    assert set(pruned) == {"sphinx-design", "pygments"}
    assert ".sd-tab-set" in pruned["sphinx-design"] and ".sd-card" not in pruned["sphinx-design"]
    assert len(pruned["sphinx-design"]) < (out / "_static" / "sphinx-design.min.css").stat().st_size / 5
    assert ".highlight .gp" in pruned["pygments"] and ".highlight .kn" not in pruned["pygments"]
    assert "sphinx-design.min.css" not in code and "_static/pygments.css" not in code
    assert '<pre tabindex="0">' in code
    assert 'defer="defer" src="_static/doctools.js' in home
