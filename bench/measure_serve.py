"""Measurement 3: time from saving a file to the changed page being served (netwerkcoach serve vs mkdocs serve),
and from saving a worksheet to its PDF being served with the change (netwerkcoach serve)."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import PY, copy_project, free_port, median, netwerkcoach, run_timed  # noqa: E402

PAGE = "stappen/stap-02-netwerk-in-beeld.html"
WORKSHEET = Path("worksheets/mijn-droomnetwerk.yml")
PDF = f"pdf/werkbladen/{WORKSHEET.stem}.pdf"
TIMEOUT = 90.0


@dataclass
class ServeResults:
    netwerkcoach: list[float] = field(default_factory=list)
    mkdocs: list[float] = field(default_factory=list)
    mkdocs_dirty: list[float] = field(default_factory=list)  # for reference: the engine's incremental mode alone
    startup: dict[str, float] = field(default_factory=dict)
    pdf: list[float] = field(default_factory=list)        # save a worksheet -> its PDF served with the change
    pdf_first: float = float("nan")                       # first request of that PDF after start (cold parts)
    pdf_warm: float = float("nan")                        # a second request, nothing changed
    errors: list[str] = field(default_factory=list)


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except Exception:  # noqa: BLE001 - not up yet / mid-rebuild
        return None


def _wait_for(url: str, word: str | None, timeout: float = TIMEOUT, proc: subprocess.Popen | None = None) -> float:
    """Poll every 20 ms until the page answers (and contains `word`); returns the time it took."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        body = _get(url)
        if body is not None and (word is None or word in body):
            return time.perf_counter() - start
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        time.sleep(0.02)
    raise TimeoutError(f"{url} did not show {word!r} within {timeout:.0f}s")


def _pdf_text(url: str) -> str | None:
    """The text of a served PDF (pdftotext), or None while there is none."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            if response.status != 200:
                return None
            data = response.read()
    except Exception:  # noqa: BLE001 - not up yet / mid-rebuild
        return None
    out = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True)
    return out.stdout.decode("utf-8", errors="replace") if out.returncode == 0 else None


def _wait_for_pdf(url: str, word: str | None, proc: subprocess.Popen) -> float:
    """Request the PDF again and again (20 ms apart) until its text holds `word`; the time it took."""
    start = time.perf_counter()
    while time.perf_counter() - start < TIMEOUT:
        text = _pdf_text(url)
        if text is not None and (word is None or word in text):
            return time.perf_counter() - start
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        time.sleep(0.02)
    raise TimeoutError(f"{url} did not show {word!r} within {TIMEOUT:.0f}s")


def _pdf_loop(proc: subprocess.Popen, url: str, sheet: Path, runs: int, res: "ServeResults", log) -> None:
    """Warm the worksheet's PDF, then per run: a new word in its intro, poll until the PDF holds it."""
    res.pdf_first = _wait_for_pdf(url, None, proc)
    res.pdf_warm = _wait_for_pdf(url, None, proc)
    log(f"  worksheet PDF: first {res.pdf_first:.2f}s, again {res.pdf_warm:.2f}s")
    original = sheet.read_text(encoding="utf-8")
    for run in range(runs):
        word = f"Pdfwoord{''.join(chr(97 + int(d)) for d in f'{run:03d}')}"
        changed, count = re.subn(r'^(intro: ".*?)"\s*$', lambda m: f'{m.group(1)} {word}"', original,
                                 count=1, flags=re.M)
        if count != 1:
            raise RuntimeError(f"could not find the one-line intro in {WORKSHEET}")
        sheet.write_text(changed, encoding="utf-8")
        saved = time.perf_counter()
        _wait_for_pdf(url, word, proc)
        res.pdf.append(time.perf_counter() - saved)
        log(f"  worksheet PDF: edit {run + 1}/{runs} served after {res.pdf[-1]:.2f}s")
        time.sleep(1.5)  # let the site's rebuild finish before the next edit


def _stop(proc: subprocess.Popen) -> None:
    # The server runs in its own process group (ours): stop it and its mkdocs child.
    try:
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=10)
    try:  # the mkdocs child may outlive a SIGINT'ed parent for a moment
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _edit_loop(name: str, proc: subprocess.Popen, url: str, target: Path, runs: int,
               times: list[float], log) -> None:
    time.sleep(2.0)  # let the watchers settle after the first build
    for run in range(runs):
        word = f"benchwoord{name[:2]}{''.join(chr(97 + int(d)) for d in f'{run:03d}')}"
        with target.open("a", encoding="utf-8") as handle:
            handle.write(f"\n\nExtra: {word}.\n")
        saved = time.perf_counter()
        _wait_for(url, word, proc=proc)
        times.append(time.perf_counter() - saved)
        log(f"  {name}: edit {run + 1}/{runs} served after {times[-1]:.2f}s")
        time.sleep(1.5)  # let any follow-up rebuild finish before the next edit


def measure(runs: int, log=print) -> ServeResults:
    res = ServeResults()
    # netwerkcoach serve: edit the source Markdown of step 2.
    root = copy_project()
    port = free_port()
    out = tempfile.TemporaryFile()
    proc = subprocess.Popen(netwerkcoach("serve", "--root", str(root), "--addr", f"127.0.0.1:{port}"),
                            stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        res.startup["netwerkcoach serve"] = _wait_for(f"http://127.0.0.1:{port}/{PAGE}", None, proc=proc)
        source = next((root / "content" / "steps").glob("02-*")) / "uitleg.md"
        _edit_loop("netwerkcoach serve", proc, f"http://127.0.0.1:{port}/{PAGE}", source, runs,
                   res.netwerkcoach, log)
        _pdf_loop(proc, f"http://127.0.0.1:{port}/{PDF}", root / WORKSHEET, runs, res, log)
    except Exception as error:  # noqa: BLE001 - reported in results.md
        out.seek(0)
        res.errors.append(f"netwerkcoach serve: {error}; output tail: {out.read().decode()[-500:]!r}")
    finally:
        _stop(proc)
    # mkdocs serve on the same generated tree (made without PDFs, as the preview does); edit the docs file.
    _mkdocs_serve(res, "mkdocs serve", [], runs, res.mkdocs, log)
    _mkdocs_serve(res, "mkdocs serve --dirty", ["--dirty"], runs, res.mkdocs_dirty, log)
    return res


def _mkdocs_serve(res: ServeResults, name: str, extra: list[str], runs: int, times: list[float], log) -> None:
    root = copy_project()
    run_timed(netwerkcoach("build", "--no-pdf", "--root", str(root)))
    config = root / "build" / "default" / "mkdocs.yml"
    port = free_port()
    out = tempfile.TemporaryFile()
    proc = subprocess.Popen([PY, "-m", "mkdocs", "serve", "--config-file", str(config),
                             "--dev-addr", f"127.0.0.1:{port}", "--livereload", *extra], cwd=config.parent,
                            stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        res.startup[name] = _wait_for(f"http://127.0.0.1:{port}/{PAGE}", None, proc=proc)
        target = root / "build" / "default" / "docs" / PAGE.replace(".html", ".md")
        _edit_loop(name, proc, f"http://127.0.0.1:{port}/{PAGE}", target, runs, times, log)
    except Exception as error:  # noqa: BLE001 - reported in results.md
        out.seek(0)
        res.errors.append(f"{name}: {error}; output tail: {out.read().decode()[-500:]!r}")
    finally:
        _stop(proc)


def summary(res: ServeResults) -> dict[str, float]:
    return {"netwerkcoach": median(res.netwerkcoach), "mkdocs": median(res.mkdocs), "pdf": median(res.pdf)}
