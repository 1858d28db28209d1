"""Ids and anchors from titles and names in any script: unique, stable, never a shared fallback
(issue 18, item 2). Unit tests of the slug rules are in test_talks_parse.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import build, soup, warnings

CONF = 'extensions = ["myst_parser", "fieldnotes"]\nroot_doc = "index"\nexclude_patterns = ["_build"]\n'

CARDS = [
    # (title, speakers) at one event, no :id: anywhere
    ("機械学習におけるハイパーパラメータ最適化の理論と実践", "貫井 駿"),
    ("ブロックチェーンアプリのトランザクションに対するデータ分析", "新倉 涼太"),
    ("🤖", "이지호"),
    ("🎉", "김철수"),
    ("Café society", "José Example"),
    ("Cafe society", "Jose Example"),
    ("Initials", "A. B. Example; A B Example"),
]


def page(n: int) -> str:
    title, speakers = CARDS[n]
    return f"# Page {n}\n\n~~~{{talk}} {title}\n:speakers: {speakers}\n:event: PyCon JP 2019\n~~~\n"


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    outdirs = []
    for run in range(2):  # two fresh builds: the ids must be the same
        src = tmp_path_factory.mktemp(f"identity-{run}") / "src"
        src.mkdir()
        (src / "conf.py").write_text(CONF)
        for n in range(len(CARDS)):
            (src / f"p{n}.md").write_text(page(n), encoding="utf-8")
        toctree = "\n".join(f"p{n}" for n in range(len(CARDS)))
        (src / "index.md").write_text(f"# Ids\n\n```{{toctree}}\n{toctree}\n```\n\n```{{talk-list}}\n```\n")
        app = build(src, freshenv=True, nitpicky=True)
        assert warnings(app) == []  # no duplicate-id warning
        outdirs.append(app.outdir)
    return outdirs


def card_ids(outdir: Path) -> list[str]:
    return [soup(outdir, f"p{n}.html").find("article")["id"] for n in range(len(CARDS))]


def test_card_ids_are_unique_and_stable(builds: list[Path]) -> None:
    ids = card_ids(builds[0])
    assert len(set(ids)) == len(CARDS), ids
    assert ids == card_ids(builds[1])
    assert ids[0] == "talk-pycon-jp-2019-機械学習におけるハイパーパラメータ最適化の理論と実践"
    assert ids[4] != ids[5]  # "Café" and "Cafe" do not collide
    talks = json.loads((builds[0] / "talks.json").read_text())["talks"]
    assert len({t["id"] for t in talks}) == len(CARDS)


def test_listing_links_reach_each_card(builds: list[Path]) -> None:
    hrefs = [a["href"] for a in soup(builds[0], "index.html").select("ul.fieldnotes-talk-list a")]
    assert sorted(hrefs) == sorted(f"p{n}.html#{i}" for n, i in enumerate(card_ids(builds[0])))


def test_each_speaker_link_lands_on_that_speaker(builds: list[Path]) -> None:
    index = soup(builds[0], "talks-speakers.html")
    entries = {dt["id"]: dt.contents[0].strip() for dt in index.select("dl dt[id]")}
    assert len(entries) == 8  # every speaker has an entry of its own
    for n in range(len(CARDS)):
        for link in soup(builds[0], f"p{n}.html").select("article a.talks-speaker"):
            anchor = link["href"].split("#", 1)[1]
            assert entries[anchor] == link.get_text(), (anchor, link.get_text())
