"""Real headless Chromium (Debian's package) driven by Playwright, and a local web server."""
from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from pathlib import Path
from typing import Iterator
from urllib.parse import urlparse

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """A local static web server for a built site; yields its address."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(bundled_site: Path) -> Iterator[str]:
    with serve_folder(bundled_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: run `make test` (it installs it) "
                    "or `apt-get install chromium`")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class RequestLog:
    """Every request a page makes, to prove nothing leaves for another host."""

    def __init__(self, own_origin: str) -> None:
        self.own_host = urlparse(own_origin).netloc
        self.urls: list[str] = []
        self.bodies: list[str] = []

    def record(self, request: object) -> None:
        self.urls.append(request.url)  # type: ignore[attr-defined]
        self.bodies.append(request.post_data or "")  # type: ignore[attr-defined]

    @property
    def foreign(self) -> list[str]:
        return [u for u in self.urls if urlparse(u).scheme in ("http", "https", "ws", "wss")
                and urlparse(u).netloc != self.own_host]


@pytest.fixture
def page(browser, site_url: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    tab = context.new_page()
    log = RequestLog(site_url)
    context.on("request", log.record)
    tab.requests = log
    yield tab
    context.close()


def printed_text(page, path: Path) -> str:
    """The page as the browser prints it to an A4 PDF (written to `path`), read back in content
    order (table cells one after the other, not interleaved by layout)."""
    import subprocess
    page.emulate_media(media="print")
    path.write_bytes(page.pdf(format="A4"))
    page.emulate_media(media="screen")
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout


def wait_until(page, expression: str, seconds: float = 10) -> None:
    """Poll a JavaScript expression from Python. The site's CSP forbids eval, which
    Playwright's wait_for_function needs in the page; page.evaluate goes through the
    debugging protocol instead."""
    import time
    end = time.monotonic() + seconds
    while not page.evaluate(expression):
        if time.monotonic() > end:
            raise AssertionError(f"still false after {seconds} s: {expression}")
        time.sleep(0.05)
