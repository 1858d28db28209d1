"""The documented forms for backticks, ``#``, quotes and commas work in MyST and reST; the broken
forms are never lost in silence (issue 18, item 1).

The examples are read from ``docs/about/extension.md`` itself, so the page cannot drift from
what is tested.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from support import build, soup, warnings

REPO = Path(__file__).resolve().parent.parent
SECTION = re.compile(r"\(extension-special-characters\)=\n(.*?)\n## ", re.S)
CONF = 'extensions = ["myst_parser", "fieldnotes"]\nroot_doc = "index"\nexclude_patterns = ["_build"]\n'

BROKEN_MD = """\
# Broken

```{talk} What Is the `Annotated` Type?
:speakers: Daniel Schelkoph
:event: PyOhio 2023
```

```{talk} Next card
:speakers: Ann Example
:event: PyOhio 2023
```

~~~{talk} Hash tags
:speakers: Ann Example
:event: PyOhio 2023
:tags: #hashtag
~~~

~~~{talk-list}
:tag: #hashtag
~~~
"""

BROKEN_RST = """\
Broken
======

..talk:: No space after the dots
   :speakers: Ann Example
   :event: PyOhio 2023

.. talk: One colon
   :speakers: Ann Example
   :event: PyOhio 2023

.. talk:: Hash tags
   :speakers: Ann Example
   :event: PyOhio 2023
   :tags: #hashtag

.. talk-list::
   :tag: #hashtag
"""

#: (line, subtype) of the fieldnotes warnings each broken page must give, and no others.
BROKEN_WARNINGS = {
    "md": [
        (3, "talk.unparsed-fence"),
        (8, "talk.unparsed-fence"),
        (13, "talk.empty-value"),
        (19, "talk-list.empty-value"),
    ],
    "rst": [(4, "talk.unparsed-fence"), (8, "talk.unparsed-fence")],
}


def doc_examples() -> dict[str, list[str]]:
    """The section's MyST and reST examples, in page order."""
    text = (REPO / "docs" / "about" / "extension.md").read_text(encoding="utf-8")
    section = SECTION.search(text)
    assert section, "the special-characters section is gone from docs/about/extension.md"
    body = section.group(1)
    return {
        "md": re.findall(r"^````md\n(.*?)\n````$", body, re.S | re.M),
        "rst": re.findall(r"^```rst\n(.*?)\n```$", body, re.S | re.M),
    }


def test_every_example_has_both_forms() -> None:
    examples = doc_examples()
    assert len(examples["md"]) == len(examples["rst"]) == 3


@pytest.fixture(scope="module", params=["md", "rst"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, list]:
    suffix = request.param
    src = tmp_path_factory.mktemp(f"syntax-{suffix}") / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF)
    pages = []
    for i, example in enumerate(doc_examples()[suffix]):
        title = f"Example {i}"
        head = f"# {title}\n\n" if suffix == "md" else f"{title}\n{'=' * len(title)}\n\n"
        (src / f"ex{i}.{suffix}").write_text(head + example + "\n", encoding="utf-8")
        pages.append(f"ex{i}")
    (src / f"broken.{suffix}").write_text(BROKEN_MD if suffix == "md" else BROKEN_RST, encoding="utf-8")
    toctree = "\n".join([*pages, "broken"])
    (src / "index.md").write_text(f"# Syntax\n\n```{{toctree}}\n{toctree}\n```\n")
    app = build(src, freshenv=True, nitpicky=True)
    return suffix, app.outdir, warnings(app)


def card(outdir: Path, page: str, n: int = 0) -> dict[str, object]:
    article = soup(outdir, f"{page}.html").find_all("article")[n]
    fields = {
        dt.get_text(): [a.get_text() for a in dt.find_next_sibling("dd").find_all("a")]
        or dt.find_next_sibling("dd").get_text(strip=True)
        for dt in article.select("dl.fieldnotes-talk-meta dt")
    }
    return {"title": article.find(class_="fieldnotes-talk-title").get_text(), **fields}


def test_the_documented_forms_render_without_warnings(site: tuple[str, Path, list]) -> None:
    _, outdir, lines = site
    assert [w for w in lines if "broken." not in w] == []
    assert card(outdir, "ex0")["title"] == "What Is the `Annotated` Type?"
    pycascades = card(outdir, "ex1")
    assert pycascades["title"] in ('"Your Name Is Invalid!"', "\u201cYour Name Is Invalid!\u201d")
    assert pycascades["Tags"] == ["#pycascades", "unicode"]
    listing = soup(outdir, "ex1.html").select("ul.fieldnotes-talk-list li")
    assert len(listing) == 1 and "Your Name Is Invalid!" in listing[0].get_text()
    pygotham = card(outdir, "ex2")
    assert pygotham["Speakers"] == ["Richard D. Copeland, Jr."]
    assert pygotham["Tags"] == ["mongodb", "nosql"]
    assert pygotham["Date"] == "2011-09-16"  # the day is shown; the time is kept for talks.json
    talks = {t["title"]: t for t in json.loads((outdir / "talks.json").read_text())["talks"]}
    assert talks["Rapid and Scalable Development with MongoDB, PyMongo, and Ming"]["recorded"] == (
        "2011-09-16T14:00:00"
    )


def test_myst_and_rest_give_the_same_cards(tmp_path_factory: pytest.TempPathFactory) -> None:
    outdirs = {}
    for suffix in ("md", "rst"):
        src = tmp_path_factory.mktemp(f"same-{suffix}") / "src"
        src.mkdir()
        (src / "conf.py").write_text(CONF)
        parts = doc_examples()[suffix]
        head = "# All\n\n" if suffix == "md" else "All\n===\n\n"
        (src / f"index.{suffix}").write_text(head + "\n\n".join(parts) + "\n", encoding="utf-8")
        app = build(src, freshenv=True, nitpicky=True)
        assert warnings(app) == []
        outdirs[suffix] = app.outdir
    cards = {s: [card(o, "index", n) for n in range(3)] for s, o in outdirs.items()}
    assert cards["md"] == cards["rst"]


def test_broken_forms_are_reported_at_their_lines(site: tuple[str, Path, list]) -> None:
    suffix, _outdir, lines = site
    ours = [w for w in lines if "[fieldnotes." in w]
    found = sorted(
        (int(m.group(1)), m.group(2))
        for w in ours
        if (m := re.search(rf"broken\.{suffix}:(\d+): WARNING: .*\[fieldnotes\.([\w.-]+)\]$", w))
    )
    assert found == BROKEN_WARNINGS[suffix], ours
    assert len(ours) == len(found)
    # MyST's own note about the comment is the only other message.
    assert all("[myst.directive_comments]" in w for w in lines if w not in ours)


def test_an_emptied_filter_lists_nothing(site: tuple[str, Path, list]) -> None:
    suffix, outdir, _ = site
    page = soup(outdir, "broken.html")
    if suffix == "md":  # ":tag: #hashtag" is a comment to MyST: never "no filter"
        assert page.select("ul.fieldnotes-talk-list") == []
        assert "No talks match this list." in page.get_text()
    else:  # reST takes the value as written
        items = page.select("ul.fieldnotes-talk-list li")
        assert len(items) == 1 and "Hash tags" in items[0].get_text()


def test_a_colon_fence_holds_backticks_too(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF + 'myst_enable_extensions = ["colon_fence"]\n')
    example = doc_examples()["md"][0].replace("~~~", ":::")
    (src / "index.md").write_text(f"# Colon\n\n{example}\n", encoding="utf-8")
    app = build(src, freshenv=True, nitpicky=True)
    assert warnings(app) == []
    assert card(app.outdir, "index")["title"] == "What Is the `Annotated` Type?"
