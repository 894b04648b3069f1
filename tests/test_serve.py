"""`netwerkcoach serve`: a saved content change shows up in the served page, without a restart."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from generator.site.serve import stop_server

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, text: str, seconds: float = 60) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if text in fetch(url):
            return True
        time.sleep(0.3)
    return False


def pdf_text(url: str) -> str:
    """The text of a PDF the preview serves (empty when it serves none)."""
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            body = response.read()
    except OSError:
        return ""
    if not body.startswith(b"%PDF"):
        return ""
    return subprocess.run(["pdftotext", "-", "-"], input=body, capture_output=True, check=True).stdout.decode()


def wait_for_pdf(url: str, text: str, seconds: float = 60) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if text in pdf_text(url):
            return True
        time.sleep(0.3)
    return False


def test_serve_regenerates_and_serves_the_change(minimal: Path) -> None:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--root", str(minimal),
                               "--addr", f"127.0.0.1:{port}"], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, start_new_session=True,
                              # started with Ctrl+C ignored, as a launcher or test runner may leave it:
                              # Ctrl+C must still stop the preview and the engine's server
                              preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    try:
        page = f"http://127.0.0.1:{port}/stappen/stap-01-eerste-stap.html"
        assert wait_for(page, "Eerste stap"), "the preview did not start"
        served = fetch(page)  # the preview carries the policy first in its head, and our reload script
        assert served.index('http-equiv="Content-Security-Policy"') < served.index("<title>")
        assert "preview-reload.js" in served
        uitleg = minimal / "content" / "steps" / "01-eerste-stap" / "uitleg.md"
        uitleg.write_text(uitleg.read_text(encoding="utf-8") + "\nKruisbessenjam is het nieuwe kenwoord.\n",
                          encoding="utf-8")
        assert wait_for(page, "Kruisbessenjam"), "the change did not reach the served page"
        # The page links to its step's PDF, which the preview makes when it is opened, with the change
        assert 'href="../pdf/stappen/stap-01-eerste-stap.pdf"' in fetch(page)
        pdf = pdf_text(f"http://127.0.0.1:{port}/pdf/stappen/stap-01-eerste-stap.pdf")
        assert "Kruisbessenjam" in pdf and "pagina 1 van" in pdf
        sheet = minimal / "worksheets" / "eerste-blad.yml"
        sheet.write_text(sheet.read_text(encoding="utf-8").replace("Het is kort.", "Het is Duindoornkort."), "utf-8")
        assert wait_for_pdf(f"http://127.0.0.1:{port}/pdf/werkbladen/eerste-blad.pdf", "Duindoornkort")
        # the engine has rebuilt the sheet's page too before the next save (MkDocs' incremental
        # rebuild can trip over pages touched while it is still building: a known engine race)
        assert wait_for(f"http://127.0.0.1:{port}/werkbladen/eerste-blad.html", "Duindoornkort")
        assert "Kruisbessenjam" in pdf_text(f"http://127.0.0.1:{port}/pdf/stappen/stap-01-eerste-stap.pdf")
        # The engine rebuilds incrementally. A new step title changes the menu and the page footer
        # links: it must also reach a page whose own source did not change.
        other = f"http://127.0.0.1:{port}/houding/luisteren.html"
        assert wait_for(other, "Stap 1: Eerste stap")  # the engine may still be busy with the worksheet
        step = minimal / "content" / "steps" / "01-eerste-stap" / "step.yml"
        step.write_text(step.read_text(encoding="utf-8").replace('title: "Eerste stap"', 'title: "Vlierbessenstap"'),
                        encoding="utf-8")
        assert wait_for(other, "Stap 1: Vlierbessenstap"), "the new title did not reach another page"
        assert "Stap 1: Eerste stap" not in fetch(other)
        assert "Kruisbessenjam" in fetch(page)
        # a broken save keeps the last good version and says why
        step.write_text(step.read_text(encoding="utf-8").replace("phase: begin", "phase: weg"), encoding="utf-8")
        time.sleep(2)
        assert "Kruisbessenjam" in fetch(page)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        output = server.communicate(timeout=20)[0]
    assert "NC053" in output and "De preview toont de laatste goede versie." in output
    assert "Traceback" not in output


def test_a_dev_server_that_hangs_on_stop_is_killed() -> None:
    # A child that ignores Ctrl+C and SIGTERM, as the engine's server can while stuck in a rebuild.
    stubborn = subprocess.Popen([sys.executable, "-c", "import signal, time; "
                                 "signal.signal(signal.SIGTERM, signal.SIG_IGN); "
                                 "signal.signal(signal.SIGINT, signal.SIG_IGN); print('ready', flush=True); "
                                 "time.sleep(120)"], stdout=subprocess.PIPE, text=True)
    assert stubborn.stdout.readline().strip() == "ready"  # its handlers are in place
    start = time.monotonic()
    stop_server(stubborn, grace_seconds=0.5)
    assert stubborn.returncode == -signal.SIGKILL
    assert time.monotonic() - start < 10
