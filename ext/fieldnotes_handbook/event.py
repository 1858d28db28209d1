"""An organiser's event file: what ``make handouts EVENT=event.toml`` prints for one workshop.

The file is TOML (read with :mod:`tomllib`); every value is a string, and only
``[event].name`` and ``[event].date`` are required::

    [event]
    name = "..."        # printed as the handout's subtitle
    date = "YYYY-MM-DD" # a real date
    venue = "..."
    project = "OpenStack"
    etherpad = "https://..."
    slides = "https://..."
    contact = "..."
    [wifi]
    network = "..."
    password = "..."
    notes = "..."
    [[schedule]]        # any number of rows, printed in order
    time = "HH:MM"
    title = "..."

:func:`load_event` checks the file and raises :class:`EventError` with one message naming
the file, the key and the problem (for an unknown key, the closest known one). The same
check runs on its own, before any LaTeX is written, as
``python tools/handouts.py check-event FILE`` (the Makefile does this).

Text is printed with pdflatex: a character that its fonts cannot print (outside the Latin
alphabets and common punctuation) is refused with the key it is in, rather than breaking
the PDF build later.
"""

from __future__ import annotations

import difflib
import re
import subprocess
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from sphinx.util.texescape import tex_replace_map

# Table -> keys, in the order they are printed; the required ones.
KEYS: dict[str, tuple[str, ...]] = {
    "event": ("name", "date", "venue", "project", "etherpad", "slides", "contact"),
    "wifi": ("network", "password", "notes"),
    "schedule": ("time", "title"),
}
REQUIRED = {"event": ("name", "date"), "schedule": ("time", "title")}
URL_KEYS = {"etherpad", "slides"}
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")
# Characters LaTeX's kernel prints in any font encoding (no-break space, ellipsis).
KERNEL_CHARACTERS = "\u00a0\u2026"
# Python 3.11's TOMLDecodeError gives the position only in its message.
TOML_POSITION = re.compile(r"^(?P<what>.*?) \(at line (?P<line>\d+), column (?P<column>\d+)\)$")


class EventError(ValueError):
    """A problem with an event file; the message names the file, the key and the problem."""


@dataclass(frozen=True)
class Slot:
    """One row of the schedule."""

    time: str
    title: str


@dataclass(frozen=True)
class Event:
    """A checked event file; absent optional values are empty strings."""

    path: str
    name: str
    date: date
    venue: str = ""
    project: str = ""
    etherpad: str = ""
    slides: str = ""
    contact: str = ""
    network: str = ""
    password: str = ""
    notes: str = ""
    schedule: tuple[Slot, ...] = field(default_factory=tuple)


def closest(key: str, known: tuple[str, ...] | list[str]) -> str:
    """A "did you mean" hint naming the known key nearest to *key*, or ""."""
    match = difflib.get_close_matches(key, known, n=1, cutoff=0.5)
    return f"; did you mean {match[0]!r}?" if match else ""


@cache
def pdflatex_characters() -> frozenset[str] | None:
    """The non-ASCII characters the handouts' pdflatex set-up can print, or None if unknown.

    They are the characters that LaTeX's font encodings in use (T1, TS1, OT1, OMS) declare,
    plus those Sphinx replaces by LaTeX commands. Without TeX (no ``kpsewhich``) the set is
    unknown and nothing is refused here.
    """
    files = ["t1enc.dfu", "ts1enc.dfu", "ot1enc.dfu", "omsenc.dfu"]
    try:
        found = subprocess.run(
            ["kpsewhich", *files], capture_output=True, text=True, check=False, timeout=30
        ).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return None
    if not found:
        return None
    chars = {chr(code) for code in tex_replace_map} | set(KERNEL_CHARACTERS)
    for name in found:
        text = Path(name).read_text(encoding="latin-1")
        chars |= {
            chr(int(code, 16)) for code in re.findall(r"\\DeclareUnicodeCharacter\{([0-9A-F]+)\}", text)
        }
    return frozenset(chars)


class EventReader:
    """Check one event file's parsed data, raising :class:`EventError` at the first problem."""

    def __init__(self, path: Path) -> None:
        """Remember the file, for messages."""
        self.path = path

    def fail(self, key: str, problem: str) -> EventError:
        """The error for *problem* with *key*."""
        return EventError(f"{self.path}: {key}: {problem}")

    def text(self, key: str, value: object) -> str:
        """A string value, checked for characters that cannot be printed."""
        if isinstance(value, dict | list):
            raise self.fail(key, "expected a string in quotes, found a table or a list")
        if not isinstance(value, str):
            kind = type(value).__name__.replace("datetime", "date-time")
            raise self.fail(
                key,
                f'expected a string in quotes, found a TOML {kind}: write {key.split(".")[-1]} = "{value}"',
            )
        value = " ".join(value.split())
        if not value:
            raise self.fail(key, "is empty")
        printable = pdflatex_characters()
        for char in value:
            if char.isascii() and not char.isprintable():
                raise self.fail(key, f"contains the control character U+{ord(char):04X}")
            if printable is not None and not char.isascii() and char not in printable:
                raise self.fail(
                    key,
                    f"the character {char!r} (U+{ord(char):04X}) cannot be printed by the PDF handouts "
                    "(pdflatex prints Latin alphabets and common punctuation); write it another way",
                )
        return value

    def table(self, name: str, value: object) -> dict[str, str]:
        """The string values of one table, every key known and every required key present."""
        if not isinstance(value, dict):
            raise self.fail(name, "expected a table")
        known = KEYS[name.split("[")[0]]
        values = {}
        for key, item in value.items():
            if key not in known:
                raise self.fail(f"{name}.{key}", f"unknown key{closest(key, known)}")
            values[key] = self.text(f"{name}.{key}", item)
        for key in REQUIRED.get(name.split("[")[0], ()):
            if key not in values:
                raise self.fail(f"{name}.{key}", "missing required key")
        return values

    def url(self, key: str, value: str) -> str:
        """An ``https://`` address with a host and nothing a printed URL cannot hold."""
        parts = urlsplit(value)
        if parts.scheme != "https" or not parts.netloc:
            raise self.fail(key, f"{value!r} is not an https:// address")
        if re.search(r"[\s\\\"<>{}|^`]", value):
            raise self.fail(key, f"{value!r} contains a character that a web address cannot hold")
        return value

    def event(self, data: dict[str, object]) -> Event:
        """The whole file, checked."""
        for name in data:
            if name not in KEYS:
                raise self.fail(name, f"unknown table{closest(name, list(KEYS))}")
        if "event" not in data:
            raise self.fail("event.name", "missing required key (the file needs an [event] table)")
        event = self.table("event", data["event"])
        if not DATE.fullmatch(event["date"]):
            raise self.fail("event.date", f"{event['date']!r} is not a date of the form YYYY-MM-DD")
        try:
            day = date.fromisoformat(event["date"])
        except ValueError:
            raise self.fail("event.date", f"{event['date']!r} is not a real date") from None
        for key in URL_KEYS & event.keys():
            event[key] = self.url(f"event.{key}", event[key])
        wifi = self.table("wifi", data["wifi"]) if "wifi" in data else {}
        rows = data.get("schedule", [])
        if not isinstance(rows, list):
            raise self.fail("schedule", "write each row as its own [[schedule]] table")
        schedule = []
        for number, row in enumerate(rows, 1):
            slot = self.table(f"schedule[{number}]", row)
            if not TIME.fullmatch(slot["time"]):
                raise self.fail(
                    f"schedule[{number}].time", f"{slot['time']!r} is not a time of the form HH:MM"
                )
            schedule.append(Slot(slot["time"], slot["title"]))
        return Event(
            path=str(self.path),
            name=event["name"],
            date=day,
            **{key: event.get(key, "") for key in KEYS["event"][2:]},
            **{key: wifi.get(key, "") for key in KEYS["wifi"]},
            schedule=tuple(schedule),
        )


def load_event(path: str | Path) -> Event:
    """Read and check the event file at *path*."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise EventError(f"{path}: cannot read the file ({error.strerror})") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise EventError(f"{path}: the file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        if match := TOML_POSITION.match(message):
            raise EventError(
                f"{path}: line {match['line']}, column {match['column']}: TOML syntax error: {match['what']}"
            ) from None
        raise EventError(f"{path}: TOML syntax error: {message}") from None
    return EventReader(path).event(data)
