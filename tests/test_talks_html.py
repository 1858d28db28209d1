"""Talk cards, listings, roles, indices, CSS and talks.json in HTML: MyST and reST roots alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import build, copy_root, warnings

MYTH = "talk-ep2011-myth-of-the-genius-programmer"


@pytest.fixture(scope="module", params=["talks", "talks-rst"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = copy_root(request.param, tmp_path_factory.mktemp(request.param) / "src")
    app = build(srcdir, freshenv=True, nitpicky=True)
    assert warnings(app) == []
    return app.outdir


def soup(outdir: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((outdir / page).read_text(encoding="utf-8"), "html.parser")


def test_card_is_an_article_with_the_talk_id(site: Path) -> None:
    card = soup(site, "talks/myth.html").find("article", id=MYTH)
    assert card is not None
    assert "fieldnotes-talk" in card["class"]
    title = card.find(class_="fieldnotes-talk-title")
    assert title.name == "p"
    assert title.get_text() == "The Myth of the Genius Programmer"
    # no heading inside a card: the page outline is not disturbed
    assert card.find(["h1", "h2", "h3", "h4", "h5", "h6"]) is None


def test_card_metadata_is_a_definition_list(site: Path) -> None:
    card = soup(site, "talks/myth.html").find("article", id=MYTH)
    dl = card.find("dl", class_="fieldnotes-talk-meta")
    fields = {dt.get_text(): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in dl.find_all("dt")}
    assert fields == {
        "Speakers": "Brian Fitzpatrick , Ben Collins-Sussman",
        "Event": "EuroPython 2011",
        "Date": "2011-06-23",
        "Tags": "collaboration , code review",
    }


def test_card_links_are_labelled(site: Path) -> None:
    card = soup(site, "talks/myth.html").find("article", id=MYTH)
    links = {a.get_text(): a["href"] for a in card.select("ul.fieldnotes-talk-links a")}
    assert links == {
        "Video (pyvideo.org)": "https://pyvideo.org/europython-2011/the-myth.html",
        "Video (YouTube)": "https://www.youtube.com/watch?v=0SARbwvhupQ",
        "Slides": "https://example.org/slides.pdf",
        "Talk page": "https://ep2011.europython.eu/conference/talks/the-myth",
    }
    for a in card.find_all("a"):
        assert a.get_text(strip=True), "every link has discernible text"


def test_abstract_is_parsed_with_the_page_parser(site: Path) -> None:
    card = soup(site, "talks/myth.html").find("article", id=MYTH)
    abstract = card.find(class_="fieldnotes-talk-abstract")
    assert abstract.find("strong").get_text() == "genius"


def test_speakers_link_to_speaker_index_and_events_to_event_index(site: Path) -> None:
    card = soup(site, "talks/myth.html").find("article", id=MYTH)
    speakers = card.find("dd").find_all("a")
    assert [a["href"] for a in speakers] == [
        "../talks-speakers.html#entry-brian-fitzpatrick",
        "../talks-speakers.html#entry-ben-collins-sussman",
    ]
    event = card.select_one(".fieldnotes-talk-meta a.reference[href*='talks-events']")
    assert event["href"] == "../talks-events.html#entry-europython-2011"


def test_tag_naming_a_glossary_term_links_to_the_term(site: Path) -> None:
    card = soup(site, "talks/myth.html").find("article", id=MYTH)
    tags = {a.get_text(): a for a in card.select("a.talks-tag")}
    # "code review" matches the glossary term "Code review" (case-insensitive)
    assert tags["code review"]["href"] == "../glossary.html#term-Code-review"
    # ... and teaches like a term in prose: the definition, and the glossary script's class.
    assert "fieldnotes-term" in tags["code review"]["class"]
    assert tags["code review"]["title"].startswith("Reading")
    assert tags["collaboration"]["href"] == "../talks-tags.html#entry-collaboration"
    assert "title" not in tags["collaboration"].attrs


def test_speakers_unknown(site: Path) -> None:
    card = soup(site, "talks/lightning.html").find("article", id="talk-lightning-2014")
    assert card.find("dd").get_text(strip=True) == "not recorded"
    index = (site / "talks-speakers.html").read_text()
    assert "Lightning talks, day 2" not in index


def test_talk_role_renders_the_title_as_link(site: Path) -> None:
    page = soup(site, "index.html")
    refs = {a.get_text(): a["href"] for a in page.select("p a:has(.talks-talk)")}
    assert refs["The Myth of the Genius Programmer"] == f"talks/myth.html#{MYTH}"
    assert refs["the lightning talks"] == "talks/lightning.html#talk-lightning-2014"


def test_speaker_role_links_to_speaker_index(site: Path) -> None:
    page = soup(site, "index.html")
    link = page.select_one("p a:has(.talks-speaker)")
    assert link.get_text() == "Brian Fitzpatrick"
    assert link["href"] == "talks-speakers.html#entry-brian-fitzpatrick"
    index = soup(site, "talks-speakers.html")
    assert index.find(id="cap-B") is not None
    entry = index.find(id="entry-brian-fitzpatrick")
    assert entry.name == "dt" and entry.get_text().startswith("Brian Fitzpatrick")
    talks = [a["href"] for a in entry.find_next_sibling("dd").find_all("a")]
    assert f"talks/myth.html#{MYTH}" in talks


def test_indices_are_linkable_and_list_talks(site: Path) -> None:
    page = soup(site, "index.html")
    hrefs = {a["href"] for a in page.select("a:has(.std-ref)")}
    assert {"talks-speakers.html", "talks-events.html", "talks-tags.html"} <= hrefs
    speakers = soup(site, "talks-speakers.html").get_text()
    assert "Brian Fitzpatrick" in speakers and "Ben Collins-Sussman" in speakers
    events = soup(site, "talks-events.html").get_text()
    assert "EuroPython 2011" in events and "EuroPython 2014" in events
    tags = soup(site, "talks-tags.html").get_text()
    assert "collaboration" in tags and "Community" in tags


def test_index_pages_have_a_title(site: Path) -> None:
    for page, title in [("talks-speakers.html", "Talks by speaker"), ("talks-events.html", "Talks by event")]:
        assert soup(site, page).title.get_text().startswith(title)


def test_cards_layout_is_a_grid_of_articles(site: Path) -> None:
    grid = soup(site, "index.html").find(class_="fieldnotes-talk-grid")
    cards = grid.find_all("article")
    titles = [c.find(class_="fieldnotes-talk-title").get_text() for c in cards]
    assert titles == ["The Myth of the Genius Programmer", "Lightning talks, day 2"]  # sorted by date
    assert cards[0].find("a")["href"] == f"talks/myth.html#{MYTH}"
    assert all(not c.get("id") for c in cards), "listing copies do not steal the card's id"


def test_table_layout_with_speaker_filter(site: Path) -> None:
    table = soup(site, "index.html").find("table", class_="fieldnotes-talk-table")
    rows = [[td.get_text(" ", strip=True) for td in tr.find_all("td")] for tr in table.tbody.find_all("tr")]
    assert rows == [
        [
            "The Myth of the Genius Programmer",
            "Brian Fitzpatrick , Ben Collins-Sussman",
            "EuroPython 2011",
            "2011-06-23",
        ]
    ]
    assert [th.get_text() for th in table.find_all("th")] == ["Title", "Speakers", "Event", "Date"]


def test_list_layout_with_tag_and_year_filters(site: Path) -> None:
    items = soup(site, "index.html").select("ul.fieldnotes-talk-list > li")
    assert [li.get_text() for li in items] == [
        "The Myth of the Genius Programmer, Brian Fitzpatrick, Ben Collins-Sussman"
        " (EuroPython 2011, 2011-06-23)"
    ]
    assert [a["href"] for a in items[0].find_all("a")] == [f"talks/myth.html#{MYTH}"]


def test_css_is_shipped_and_loaded_only_where_used(site: Path) -> None:
    assert (site / "_static" / "fieldnotes-talks.css").is_file()

    def has_css(page: str) -> bool:
        return any("fieldnotes-talks.css" in link["href"] for link in soup(site, page).find_all("link"))

    assert has_css("index.html") and has_css("talks/myth.html")
    assert not has_css("glossary.html") and not has_css("genindex.html")
    css = (site / "_static" / "fieldnotes-talks.css").read_text()
    assert "var(--color-background-secondary" in css and "grid-template-columns" in css
    assert "http" not in css, "no external assets"


def test_talks_json(site: Path) -> None:
    data = json.loads((site / "talks.json").read_text())
    assert data["schema"] == "fieldnotes-talks/1"
    assert data["count"] == 2
    assert [t["id"] for t in data["talks"]] == ["ep2011-myth-of-the-genius-programmer", "lightning-2014"]
    myth = data["talks"][0]
    assert myth["speakers"] == ["Brian Fitzpatrick", "Ben Collins-Sussman"]
    assert myth["recorded"] == "2011-06-23"
    assert myth["videos"][1] == {"type": "youtube", "url": "https://www.youtube.com/watch?v=0SARbwvhupQ"}
    assert myth["slides"] == ["https://example.org/slides.pdf"]
    assert myth["related_urls"] == [
        {"label": "Talk page", "url": "https://ep2011.europython.eu/conference/talks/the-myth"}
    ]
    assert myth["url"] == f"talks/myth.html#{MYTH}"
    assert (site / myth["url"].split("#")[0]).is_file()
    assert myth["description"] == "Nobody is a genius: what the talk is about."
    lightning = data["talks"][1]
    assert lightning["speakers"] == [] and lightning["speakers_recorded"] is False


@pytest.mark.sphinx("html", testroot="talks", srcdir="talks-any-role", freshenv=True)
def test_any_role_finds_talks_and_speakers(app) -> None:
    (app.srcdir / "talks" / "lightning.md").open("a").write(
        "\nAny: {any}`ep2011-myth-of-the-genius-programmer` and {any}`Ben Collins-Sussman`.\n"
    )
    app.build()
    page = BeautifulSoup((app.outdir / "talks" / "lightning.html").read_text(), "html.parser")
    hrefs = [a["href"] for a in page.select("p a.reference")]
    assert f"myth.html#{MYTH}" in hrefs
    assert "../talks-speakers.html#entry-ben-collins-sussman" in hrefs
