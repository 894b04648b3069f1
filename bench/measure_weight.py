"""Measurement 6: page weight of a first visit (headless Chromium via Playwright) and Lighthouse mobile scores."""
from __future__ import annotations

import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from urllib.parse import urlparse

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import free_port  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROME_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run"]
OWN_PREFIXES = ("assets/js/", "assets/css/")   # our JS and CSS; Material's live in javascripts/ and stylesheets/
TEXT_TYPES = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


def gzip_size(data: bytes) -> int:
    """Size on the wire with gzip level 6 (a common server default)."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """A static server that gzips text files when asked, like a production server would."""

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() \
                or path.suffix not in TEXT_TYPES:
            return super().send_head()
        data = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        import io
        return io.BytesIO(data)


@dataclass
class Visit:
    name: str
    pages: list[str]
    resources: list[tuple[str, int, int]] = field(default_factory=list)  # (path, raw bytes, gzip bytes)

    @property
    def total_gzip(self) -> int:
        return sum(gz for _, _, gz in self.resources)

    @property
    def own_gzip(self) -> int:
        return sum(gz for path, _, gz in self.resources if path.startswith(OWN_PREFIXES))


STALL_MS = 500   # first paint this long after the load event, with the page already loaded: see LighthouseRun


@dataclass
class LighthouseRun:
    """One Lighthouse run. `stalled` marks the headless paint stall: the page has loaded, the main
    thread is idle, and still the first frame is shown about a second later (viz withholds
    BeginFrames from a client it thinks is unresponsive; GoogleChrome/lighthouse#17148). Lighthouse's
    simulation then counts every request made before that late paint, so the score drops."""
    score: float | None
    note: str = ""
    metrics: str = ""
    observed_fcp_ms: float | None = None
    observed_load_ms: float | None = None

    @property
    def stalled(self) -> bool:
        return (self.observed_fcp_ms is not None and self.observed_load_ms is not None
                and self.observed_fcp_ms > self.observed_load_ms + STALL_MS)

    @property
    def label(self) -> str:
        return "—" if self.score is None else f"{self.score:.0f}" + ("*" if self.stalled else "")


def median_score(runs: list[LighthouseRun]) -> LighthouseRun | None:
    scored = sorted((r for r in runs if r.score is not None), key=lambda r: r.score)
    return scored[len(scored) // 2] if scored else None


@dataclass
class WeightResults:
    visits: list[Visit] = field(default_factory=list)
    own_files: dict[str, tuple[int, int]] = field(default_factory=dict)  # every own JS/CSS file in the site
    lighthouse: dict[str, float | None] = field(default_factory=dict)
    lighthouse_metrics: dict[str, str] = field(default_factory=dict)   # page -> "FCP … · LCP … · TBT …"
    lighthouse_runs: dict[str, list[LighthouseRun]] = field(default_factory=dict)  # page -> every run
    lighthouse_note: str = ""
    errors: list[str] = field(default_factory=list)


def _serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, int]:
    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, port


def _visit(browser, base: str, visit: Visit) -> None:
    # A fresh context is a first visit: empty cache. Pages in one visit share that context's cache.
    context = browser.new_context()
    seen: dict[str, tuple[int, int]] = {}

    def on_response(response) -> None:
        path = urlparse(response.url).path.lstrip("/")
        if not response.url.startswith(base) or response.status != 200 or path in seen:
            return
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 - e.g. a redirect or an aborted request
            return
        seen[path] = (len(body), gzip_size(body))

    page = context.new_page()
    page.on("response", on_response)
    for url in visit.pages:
        page.goto(base + url, wait_until="networkidle")
    context.close()
    visit.resources = [(path, raw, gz) for path, (raw, gz) in sorted(seen.items())]


METRICS = (("first-contentful-paint", "FCP"), ("largest-contentful-paint", "LCP"),
           ("total-blocking-time", "TBT"), ("cumulative-layout-shift", "CLS"), ("speed-index", "SI"))


def _lighthouse(url: str, out_dir: Path) -> LighthouseRun:
    """One Lighthouse run of one page, mobile preset, performance only."""
    if not shutil.which("npx"):
        return LighthouseRun(None, "npx not found")
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    report = out_dir / "lh.json"
    flags = " ".join(["--headless=new", *CHROME_ARGS])
    cmd = ["npx", "--yes", "lighthouse@12", url, "--only-categories=performance", "--form-factor=mobile",
           "--output=json", f"--output-path={report}", "--quiet", f"--chrome-flags={flags}"]
    try:
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=400, cwd=out_dir)
    except subprocess.TimeoutExpired:
        return LighthouseRun(None, "lighthouse timed out after 400 s")
    if proc.returncode != 0 or not report.is_file():
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
        return LighthouseRun(None, f"lighthouse exit {proc.returncode}: {' | '.join(tail)[:300]}")
    data = json.loads(report.read_text())
    score = data["categories"]["performance"]["score"]
    metrics = " · ".join(f"{label} {data['audits'][key].get('displayValue', '?')}" for key, label in METRICS
                         if key in data["audits"])
    observed = data["audits"].get("metrics", {}).get("details", {}).get("items", [{}])[0]
    return LighthouseRun(None if score is None else score * 100, "", metrics,
                         observed.get("observedFirstContentfulPaint"), observed.get("observedLoad"))


def lighthouse_pages(site: Path, step_page: str) -> list[tuple[str, str]]:
    """One page of every page type (search results open over any page, so they have none)."""
    phase = next((site / "fasen").glob("*/index.html")).relative_to(site).as_posix()
    quiz = next((site / "toetsen").glob("stap-*.html")).relative_to(site).as_posix()
    return [("home", "index.html"), ("phase page", phase), ("step page", step_page),
            ("worksheet page", "werkbladen/mijn-netwerkkaart.html"), ("quiz page", quiz),
            ("progress page", "voortgang.html"), ("downloads page", "downloads.html"),
            ("content page", "houding/vac.html")]


def measure(site: Path, lighthouse: bool = True, log=print, lighthouse_runs: int = 3) -> WeightResults:
    res = WeightResults()
    step_page = next((site / "stappen").glob("stap-02-*.html")).relative_to(site).as_posix()
    res.visits = [Visit("step page + its worksheet", [step_page, "werkbladen/mijn-netwerkkaart.html"]),
                  Visit("step page only", [step_page]),
                  Visit("plain content page", ["houding/vac.html"])]
    for folder in OWN_PREFIXES:
        for path in sorted((site / folder).rglob("*")):
            if path.is_file() and path.suffix in (".js", ".css"):
                data = path.read_bytes()
                res.own_files[path.relative_to(site).as_posix()] = (len(data), gzip_size(data))
    server, port = _serve(site)
    base = f"http://127.0.0.1:{port}/"
    try:
        from playwright.sync_api import sync_playwright
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROME_ARGS)
            for visit in res.visits:
                _visit(browser, base, visit)
                log(f"  {visit.name}: {visit.total_gzip / 1024:.1f} KiB gzip, own JS+CSS "
                    f"{visit.own_gzip / 1024:.1f} KiB")
            browser.close()
    except Exception as error:  # noqa: BLE001 - reported in results.md
        res.errors.append(f"playwright: {error}")
    if lighthouse:
        with tempfile.TemporaryDirectory(prefix="nc-bench-lh-") as tmp:
            notes = []
            for name, url in lighthouse_pages(site, step_page):
                runs = [_lighthouse(base + url, Path(tmp)) for _ in range(lighthouse_runs)]
                middle = median_score(runs)
                res.lighthouse[name] = middle.score if middle else None
                res.lighthouse_runs[name] = runs
                res.lighthouse_metrics[name] = middle.metrics if middle else ""
                notes += [f"{name}: {r.note}" for r in runs if r.note][:1]
                log(f"  lighthouse {name}: {[r.label for r in runs]}")
            res.lighthouse_note = "; ".join(notes)
    else:
        res.lighthouse_note = "skipped (--no-lighthouse)"
    server.shutdown()
    return res
