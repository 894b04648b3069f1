"""Measurement 3: time from saving a file to the changed page being served (netwerkcoach serve vs mkdocs serve)."""
from __future__ import annotations

import os
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
TIMEOUT = 90.0


@dataclass
class ServeResults:
    netwerkcoach: list[float] = field(default_factory=list)
    mkdocs: list[float] = field(default_factory=list)
    mkdocs_dirty: list[float] = field(default_factory=list)  # for reference: the engine's incremental mode alone
    startup: dict[str, float] = field(default_factory=dict)
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
    return {"netwerkcoach": median(res.netwerkcoach), "mkdocs": median(res.mkdocs)}
