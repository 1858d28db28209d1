"""Serve a built site on 127.0.0.1 and drive Debian's headless Chromium with Playwright."""

from __future__ import annotations

import functools
import gzip
import io
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO

import pytest

CHROMIUM = os.environ.get("FIELDNOTES_CHROMIUM", "/usr/bin/chromium")
# Chromium as a well-behaved guest on a machine without internet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class QuietHandler(SimpleHTTPRequestHandler):
    """Static files, without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


#: What Read the Docs (through Cloudflare) sends compressed: text, not images or fonts.
COMPRESSED = frozenset({".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"})


@functools.cache
def gzipped(path: Path, mtime_ns: int) -> bytes:
    """*path* compressed with gzip (cached per file version)."""
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class CompressingHandler(QuietHandler):
    """Static files, text compressed with gzip when the browser accepts it, as hosting does."""

    def send_head(self) -> BinaryIO | None:  # type: ignore[override]
        """Send a text file's headers (``Content-Encoding: gzip``) and return its compressed body."""
        path = Path(self.translate_path(self.path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or path.suffix not in COMPRESSED or not path.is_file():
            return super().send_head()
        data = gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(data)


@contextmanager
def serve(directory: Path, *, compress: bool = False) -> Iterator[str]:
    """Serve *directory* on a free loopback port (text gzip-compressed if *compress*); yield its URL."""
    handler = functools.partial(CompressingHandler if compress else QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[object]:
    """A headless Chromium browser (Playwright ``Browser``)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: bash .ci/run installs Debian's chromium,"
            " or set FIELDNOTES_CHROMIUM to another Chromium or Chrome"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
