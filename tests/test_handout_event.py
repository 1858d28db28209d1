"""A handout for your own event: `make handouts EVENT=event.toml` (fieldnotes_handbook.event*)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import HANDOUT_DATE, REPO, ROOTS, make_pdfs, needs, page_count, pdf_text, sphinx_build
from fieldnotes_handbook.event import EventError, load_event

EXAMPLE = REPO / "docs" / "handouts" / "example-event.toml"
GOOD = '[event]\nname = "Workshop"\ndate = "2026-03-14"\n'

# Each bad input, the key the message must name, and what it must say is wrong.
BAD_INPUTS = {
    "unknown key": (
        '[event]\nname = "W"\ndate = "2026-03-14"\nvenu = "Room 2"\n',
        "event.venu",
        "unknown key; did you mean 'venue'?",
    ),
    "unknown key in a row": (
        GOOD + '[[schedule]]\ntime = "13:00"\ntilte = "Welcome"\n',
        "schedule[1].tilte",
        "unknown key; did you mean 'title'?",
    ),
    "unknown table": (GOOD + '[wfi]\nnetwork = "Guest"\n', "wfi", "unknown table; did you mean 'wifi'?"),
    "missing name": ('[event]\ndate = "2026-03-14"\n', "event.name", "missing required key"),
    "missing date": ('[event]\nname = "W"\n', "event.date", "missing required key"),
    "missing event table": ('[wifi]\nnetwork = "Guest"\n', "event.name", "missing required key"),
    "missing time in a row": (
        GOOD + '[[schedule]]\ntitle = "Welcome"\n',
        "schedule[1].time",
        "missing required key",
    ),
    "date that does not exist": (
        '[event]\nname = "W"\ndate = "2026-02-30"\n',
        "event.date",
        "'2026-02-30' is not a real date",
    ),
    "date in another form": (
        '[event]\nname = "W"\ndate = "14/03/2026"\n',
        "event.date",
        "'14/03/2026' is not a date of the form YYYY-MM-DD",
    ),
    "date not in quotes": (
        '[event]\nname = "W"\ndate = 2026-03-14\n',
        "event.date",
        'expected a string in quotes, found a TOML date: write date = "2026-03-14"',
    ),
    "http address": (
        GOOD + 'etherpad = "http://pad.example.org/p/w"\n',
        "event.etherpad",
        "'http://pad.example.org/p/w' is not an https:// address",
    ),
    "address without a scheme": (
        GOOD + 'slides = "slides.example.org/w.pdf"\n',
        "event.slides",
        "'slides.example.org/w.pdf' is not an https:// address",
    ),
    "time without a leading zero": (
        GOOD + '[[schedule]]\ntime = "9:00"\ntitle = "Welcome"\n',
        "schedule[1].time",
        "'9:00' is not a time of the form HH:MM",
    ),
    "time past midnight": (
        GOOD + '[[schedule]]\ntime = "13:00"\ntitle = "A"\n[[schedule]]\ntime = "24:30"\ntitle = "B"\n',
        "schedule[2].time",
        "'24:30' is not a time of the form HH:MM",
    ),
    "TOML syntax error": (
        '[event]\nname = "W\ndate = "2026-03-14"\n',
        "line 2, column 10",
        "TOML syntax error: Illegal character",
    ),
    "character pdflatex cannot print": (
        '[event]\nname = "ワークショップ"\ndate = "2026-03-14"\n',
        "event.name",
        "the character 'ワ' (U+30EF) cannot be printed",
    ),
}


def write_event(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "my-event.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_bad_input_names_file_key_and_problem(tmp_path: Path, case: str) -> None:
    text, key, problem = BAD_INPUTS[case]
    path = write_event(tmp_path, text)
    with pytest.raises(EventError) as error:
        load_event(path)
    assert str(error.value).startswith(f"{path}: {key}: {problem}"), str(error.value)


def test_the_example_is_complete_and_valid() -> None:
    event = load_event(EXAMPLE)
    # Every key of the format is in the example (it is the format's documentation).
    for key in ("venue", "project", "etherpad", "slides", "contact", "network", "password", "notes"):
        assert getattr(event, key), key
    assert len(event.schedule) >= 2


def make_handouts(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`make handouts` into a scratch build directory, with this test run's Python."""
    venv = Path(sys.executable).parent.parent
    return subprocess.run(
        [
            "make",
            "--no-print-directory",
            "-C",
            str(REPO),
            # Never rebuild the environment that runs these tests.
            "-o",
            f"{venv}/.build-stamp",
            "handouts",
            f"VENV={venv}",
            f"BUILDDIR={tmp_path / 'build'}",
            f"PRINTED_URLS={tmp_path / 'printed-urls.txt'}",
            "JOBS=1",
            *args,
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **HANDOUT_DATE},
    )


@pytest.mark.parametrize("case", BAD_INPUTS)
def test_make_stops_at_bad_input_and_writes_no_pdf(tmp_path: Path, case: str) -> None:
    text, key, problem = BAD_INPUTS[case]
    path = write_event(tmp_path, text)
    result = make_handouts(tmp_path, f"EVENT={path}")
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(f"error: {path}: {key}: {problem}"), errors[0]
    assert not list(tmp_path.rglob("*.pdf"))


@pytest.fixture(scope="module")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make handouts EVENT=docs/handouts/example-event.toml`, then the generic build again."""
    tmp_path = tmp_path_factory.mktemp("event")
    result = make_handouts(tmp_path, "EVENT=docs/handouts/example-event.toml")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    event_dir = tmp_path / "event-handouts"
    shutil.copytree(tmp_path / "build" / "handouts", event_dir)
    shutil.copy2(tmp_path / "build" / "handouts-latex" / "handout-attendee.tex", event_dir)
    result = make_handouts(tmp_path)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return tmp_path


@needs("latexmk", "pdftotext", "pdfinfo")
def test_example_event_is_printed_in_the_attendee_handout(example_build: Path) -> None:
    event = load_event(EXAMPLE)
    pdf = example_build / "event-handouts" / "handout-attendee.pdf"
    text = pdf_text(pdf)
    title, subtitle = "Your first contribution to OpenStack", event.name
    assert text.startswith(f"{title} {subtitle} "), text[:200]
    for expected in (
        "Saturday 14 March 2026",
        event.venue,
        event.contact,
        event.etherpad,
        event.slides,
        event.network,
        event.password,
    ):
        assert expected in text, expected
    layout = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True)
    for slot in event.schedule:
        assert re.search(rf"{slot.time}\s+{re.escape(slot.title)}", layout.stdout), slot
    assert page_count(pdf) <= 12
    tex = (example_build / "event-handouts" / "handout-attendee.tex").read_text(encoding="utf-8")
    assert tex.count("\\qrcode[height=1.5cm]{https://") == 2


@needs("latexmk", "pdftotext")
def test_example_event_opens_the_organisers_checklist(example_build: Path) -> None:
    text = pdf_text(example_build / "event-handouts" / "handout-organiser.pdf")
    assert text.startswith("Running a first-contribution workshop First contribution to OpenStack")
    assert "https://pad.example.org/p/first-contribution-2026" in text


@needs("latexmk", "pdftotext")
@pytest.mark.parametrize("name", ["attendee", "organiser", "quick-reference", "environments", "talk-notes"])
def test_without_event_the_handouts_are_unchanged(example_build: Path, handouts: Path, name: str) -> None:
    generic = pdf_text(handouts / f"handout-{name}.pdf")
    # The generic build after an event build is byte for byte the generic text ...
    assert pdf_text(example_build / "build" / "handouts" / f"handout-{name}.pdf") == generic
    event_text = pdf_text(example_build / "event-handouts" / f"handout-{name}.pdf")
    if name in {"attendee", "organiser"}:
        # ... and no event detail leaks into it.
        assert "pad.example.org" not in generic and "Schedule" not in generic
        assert event_text != generic
    else:
        # The handouts without an event block do not change with an event.
        assert event_text == generic


def test_without_event_no_event_macro_is_written(handouts: Path) -> None:
    tex = (handouts / "handout-attendee.tex").read_text(encoding="utf-8")
    assert "fieldnoteshandoutsubtitle{" not in tex.replace("\\ifdefined\\fieldnoteshandoutsubtitle", "")
    assert "The event's details" not in tex


# Every character that TeX treats specially, and some that pdflatex needs help with (the
# dashes and curly quotes are meant).
PLANTED = {
    "name": "100% R&D_day #1: $5 \\o/ {braces} ~tilde^caret Café Zürich – Łódź “quoted” …",  # noqa: RUF001
    "venue": "Room_2 & Co., 5% off, #3 {left} \\ right",
    "contact": "Ana María Núñez (café@example.org), Grüße – ß",  # noqa: RUF001
    "network": "Guest_Net#5 & $ {x}",
    "password": "p%ss&w_rd#1$\\{}~^",
    "notes": "Port 29418 ≠ blocked? If so, use ‘hotspot’ — ask.",  # noqa: RUF001
}
PLANTED_URL = "https://pad.example.org/p/a_b%20c?x=1&y=2#frag~1"


def planted_event() -> str:
    def toml(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    event = {key: PLANTED[key] for key in ("name", "venue", "contact")}
    lines = ["[event]", *(f"{key} = {toml(value)}" for key, value in event.items())]
    lines += ['date = "2026-03-14"', f"etherpad = {toml(PLANTED_URL)}", "[wifi]"]
    lines += [f"{key} = {toml(PLANTED[key])}" for key in ("network", "password", "notes")]
    lines += ["[[schedule]]", 'time = "09:30"', f"title = {toml('Intro & set-up: 100% _hands-on_ #1')}"]
    return "\n".join(lines) + "\n"


@needs("latexmk", "pdftotext")
def test_everything_from_the_file_is_escaped(tmp_path: Path) -> None:
    planted = PLANTED.copy()
    planted["notes"] = planted["notes"].replace("≠", "!=")  # ≠ is refused: see the next test
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-handout-event", src)
    event = write_event(tmp_path, planted_event().replace("≠", "!="))
    out = tmp_path / "latex"
    result = sphinx_build("-b", "latex", src, out, "-D", f"fieldnotes_event={event}", env=HANDOUT_DATE)
    assert result.returncode == 0, result.stderr
    make_pdfs(out)
    log = (out / "handout.log").read_text(encoding="latin-1")
    assert "LaTeX Error" not in log and "! " not in log
    # Keep each printed line together (the details line wraps around wide gaps).
    layout = subprocess.run(
        ["pdftotext", "-layout", out / "handout.pdf", "-"], capture_output=True, text=True
    )
    text = re.sub(r"\s+", " ", layout.stdout).strip()
    for key, value in planted.items():
        # pdfTeX sets the ellipsis as three full stops.
        value = value.replace("…", "...")
        assert value in text, (key, value, text[:1500])
    # The address is printed in full (a long one may wrap), and is the link's target.
    assert PLANTED_URL in text.replace(" ", "")
    links = subprocess.run(["pdfinfo", "-url", out / "handout.pdf"], capture_output=True, text=True)
    assert PLANTED_URL in links.stdout.split()
    # The QR code gets the address with the qrcode package's escapes.
    tex = (out / "handout.tex").read_text(encoding="utf-8")
    assert "\\qrcode[height=1.5cm]{https://pad.example.org/p/a\\_b\\%20c?x=1\\&y=2\\#frag\\~1}" in tex
    assert "09:30" in text and "Intro & set-up: 100% _hands-on_ #1" in text
    # The subtitle is the event's name, right under the title.
    assert text.startswith(f"Handout {planted['name'].replace('…', '...')} Date:")


def test_a_character_pdflatex_cannot_print_is_refused(tmp_path: Path) -> None:
    path = write_event(tmp_path, planted_event())
    with pytest.raises(EventError, match=r"wifi\.notes: the character '≠' \(U\+2260\) cannot be printed"):
        load_event(path)


def test_a_bad_file_stops_a_direct_sphinx_build(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-handout-event", src)
    event = write_event(tmp_path, BAD_INPUTS["unknown key"][0])
    result = sphinx_build("-b", "latex", src, tmp_path / "latex", "-D", f"fieldnotes_event={event}")
    assert result.returncode != 0
    assert f"{event}: event.venu: unknown key; did you mean 'venue'?" in result.stderr
    assert not list((tmp_path / "latex").glob("*.tex"))
