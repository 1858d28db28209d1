"""Cards with long content typeset across pages; links keep their footnotes; characters the
fonts lack do not stop pdflatex (issue 18, items 4 and 6)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from conftest import needs
from support import build, warnings
from test_talks_output import _compile

CONF = """\
extensions = ["myst_parser", "fieldnotes"]
root_doc = "index"
exclude_patterns = ["_build"]
latex_show_urls = "footnote"
latex_documents = [("index", "cards.tex", "Cards", "Tester", "howto")]
"""
CODE = "\n".join(f"value_{i:02d} = {i}  # line {i} of a long example" for i in range(90))
PAGE = f"""\
# Cards

~~~{{talk}} A long example
:speakers: Ann Example
:event: ExampleConf 2026
:video: https://video.example.org/long

The slides are on [the project page](https://project.example.org/home).

```python
{CODE}
```

| Step | What |
| --- | --- |
| 1 | Read |
| 2 | Write |

- first point
- second point
~~~

~~~{{talk}} GitHub Bots: Rise of the Machines 🤖
:speakers: 이지호
:event: ExampleConf 2026
~~~

After the cards.
"""


def _pages(outdir: Path) -> int:
    info = subprocess.run(["pdfinfo", "cards.pdf"], cwd=outdir, capture_output=True, text=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


@needs("latexmk", "pdflatex", "pdftotext", "pdfinfo")
def test_long_card_crosses_pages_with_its_footnote(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF)
    (src / "index.md").write_text(PAGE, encoding="utf-8")
    app = build(src, "latex", freshenv=True)
    assert warnings(app) == []
    tex = (app.outdir / "cards.tex").read_text()
    assert r"\begin{footnote}" in tex and r"\sphinxnolinkurl{https://project.example.org/home}" in tex
    text = " ".join(_compile(app.outdir, "cards").split())
    assert "value_00 = 0" in text and "value_89 = 89" in text  # the whole code block is there
    assert "Read" in text and "second point" in text
    assert "https://project.example.org/home" in text  # the link's footnote is printed
    assert "Video: https://video.example.org/long" in text
    assert "After the cards." in text
    assert 2 <= _pages(app.outdir) <= 8  # it runs across pages, and never thousands of them
    # The emoji and the Korean name are each replaced by the boxed mark; the rest prints.
    assert "GitHub Bots: Rise of the Machines ?" in text
    assert "Speakers ??? Event" in text
