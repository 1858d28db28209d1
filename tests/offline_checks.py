"""Checks of what offline readers get (EPUB, single-page HTML), shared by the build tests
and by the test that runs Read the Docs' commands."""

from __future__ import annotations

import os
import re
import subprocess
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

EPUBCHECK = os.environ.get("FIELDNOTES_EPUBCHECK", "/usr/share/java/epubcheck.jar")
SUMMARY = re.compile(r"Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings? / (\d+) infos?")


@dataclass
class EpubCheck:
    """What EPUBCheck said about one e-book."""

    fatals: int
    errors: int
    warnings: int
    output: str


def epubcheck(epub: Path) -> EpubCheck:
    """Run EPUBCheck (Debian's ``epubcheck`` package) on *epub*."""
    result = subprocess.run(
        ["java", "-jar", EPUBCHECK, str(epub)], capture_output=True, text=True, check=False, timeout=600
    )
    output = result.stdout + result.stderr
    if not (match := SUMMARY.search(output)):
        # "No errors or warnings detected." comes with a summary too; no summary is a crash.
        raise AssertionError(f"EPUBCheck gave no summary (exit {result.returncode}):\n{output[-3000:]}")
    fatals, errors, warnings, _infos = map(int, match.groups())
    return EpubCheck(fatals, errors, warnings, output)


def epub_files(epub: Path) -> dict[str, bytes]:
    """Every file of an e-book, by its name in the archive."""
    with zipfile.ZipFile(epub) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@dataclass
class PageLinks:
    """The links of one HTML page, sorted by what is wrong with them."""

    in_page: list[str]
    broken: list[str]
    duplicate_ids: list[str]
    missing_files: list[str]


#: Where a page links or loads something: (tag, attribute).
LINKING = [("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("object", "data")]
LINKING += [("form", "action"), ("iframe", "src"), ("source", "src")]
NOT_A_FILE = re.compile(r"^(?:#|[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def page_links(page: Path) -> PageLinks:
    """Check every link of *page*: in-page ones reach a unique id, local files exist."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    ids = Counter(str(tag["id"]) for tag in soup.find_all(id=True))
    in_page = [str(a["href"]) for a in soup.find_all("a", href=True) if str(a["href"]).startswith("#")]
    # "#" alone is the top of the page (HTML's "top" fragment).
    broken = [h for h in in_page if h != "#" and ids[h[1:]] == 0]
    duplicates = sorted(i for i, n in ids.items() if n > 1)
    local = {
        str(tag[attr]).split("#", 1)[0].split("?", 1)[0]
        for name, attr in LINKING
        for tag in soup.find_all(name, attrs={attr: True})
        if str(tag[attr]) and not NOT_A_FILE.match(str(tag[attr]))
    }
    missing = sorted(path for path in local if path and not (page.parent / path).exists())
    return PageLinks(in_page, broken, duplicates, missing)
