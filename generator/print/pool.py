"""The PDF workers: processes that lay out parts with WeasyPrint and compose PDFs with pikepdf.

A build starts them before it reads the content (`PdfPool.start`), so that WeasyPrint is imported
and the print fonts and stylesheet are loaded while the main process checks the content. With one
worker (the live preview) the work runs in this process instead.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from multiprocessing import forkserver
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from generator.print.compose import Composition, compose
from generator.print.page_numbers import PageNumbers
from generator.print.tagging import complete_structure

PDF_VARIANT = "pdf/ua-1"  # tagged PDF: structure tree, language, title
STYLESHEET = "print.css"  # in the print templates folder; given to WeasyPrint, not linked from the HTML

# WeasyPrint notices about this machine, not about the content: the PDF is still right. They are
# reported once per build with what to install, and never fail it.
MACHINE_NOTICES = {
    "Using fontTools instead of HarfBuzz-Subset":
        "HarfBuzz-subset ontbreekt op deze computer; de lettertypen in de PDF's zijn met fontTools "
        "verkleind en wel ingesloten. Installeer het Debian-pakket libharfbuzz-subset0 "
        "(sudo apt-get install libharfbuzz-subset0) voor snellere PDF's.",
}


@dataclass(frozen=True)
class Setup:
    """What every worker loads once: the print stylesheet, the folders it may read, the font cache."""

    templates: Path
    assets: Path
    font_cache: Path | None = None

    @property
    def stylesheet(self) -> str:
        return str(self.templates / STYLESHEET)

    @property
    def base_url(self) -> str:
        return str(self.templates) + os.sep


@dataclass
class _Loaded:
    setup: Setup
    font_config: object
    stylesheet: object
    fetcher: object


_LOADED: _Loaded | None = None


def prepare(setup: Setup) -> _Loaded:
    """Once per process: fonts and the print stylesheet are loaded and parsed here, not per part
    (parsing print.css and its four web fonts took about 30 ms for every PDF)."""
    global _LOADED
    if _LOADED is not None and _LOADED.setup == setup:
        return _LOADED  # the live preview renders in its own process, again and again
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    from generator.print import pydyf_speedup
    from generator.print.fetch import ProjectOnlyFetcher
    pydyf_speedup.install()
    fetcher = ProjectOnlyFetcher((setup.templates, setup.assets), setup.font_cache)
    font_config = FontConfiguration()
    stylesheet = CSS(filename=setup.stylesheet, font_config=font_config, url_fetcher=fetcher)
    _LOADED = _Loaded(setup, font_config, stylesheet, fetcher)
    return _LOADED


class _CollectWarnings(logging.Handler):
    """WeasyPrint is silent as a library: its warnings become build problems."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.warnings: list[str] = []
        self.notices: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        notice = next((text for start, text in MACHINE_NOTICES.items() if message.startswith(start)), None)
        (self.notices if notice else self.warnings).append(notice or message)


@contextmanager
def _collecting() -> Iterator[_CollectWarnings]:
    """WeasyPrint's warnings while one document renders (a worker renders one at a time)."""
    logger, collector = logging.getLogger("weasyprint"), _CollectWarnings()
    logger.addHandler(collector)
    try:
        yield collector
    finally:
        logger.removeHandler(collector)


@dataclass(frozen=True)
class Rendered:
    warnings: list[str]
    notices: list[str]
    pages: int  # 0 when it had warnings (and was not kept)


def render_part(setup: Setup, epoch: int, html: str, target: Path,
                fields: tuple[tuple[str, str], ...] = ()) -> Rendered:
    """Render one part into the cache. A part that rendered with warnings is not cached: a rerun
    must not publish it."""
    from weasyprint import HTML
    loaded = prepare(setup)
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)  # WeasyPrint's dates in the PDF: the edition's
    partial = target.with_suffix(f".{os.getpid()}.tmp")  # parallel builds share the cache
    options = {"stylesheets": [loaded.stylesheet], "pdf_variant": PDF_VARIANT, "uncompressed_pdf": False,
               "pdf_forms": bool(fields)}
    with _collecting() as collected:
        # What HTML.write_pdf does, in its two steps: the laid-out document tells its page count.
        document = HTML(string=html, base_url=setup.base_url, url_fetcher=loaded.fetcher).render(
            font_config=loaded.font_config, **options)
        document.write_pdf(partial, **options)
    if collected.warnings:
        partial.unlink()
        return Rendered(collected.warnings, collected.notices, 0)
    complete_structure(partial, dict(fields))
    partial.replace(target)
    return Rendered([], collected.notices, len(document.pages))


_NUMBERS: dict[Path, PageNumbers] = {}


def compose_pdf(composition: Composition, target: Path, sample: Path) -> list[int]:
    """Compose one PDF into the cache; returns where each placement starts."""
    numbers = _NUMBERS.get(sample) or _NUMBERS.setdefault(sample, PageNumbers(sample))
    partial = target.with_suffix(f".{os.getpid()}.tmp")
    compose(composition, partial, numbers)
    partial.replace(target)
    return composition.starts


def _warm(setup: Setup) -> None:
    prepare(setup)


def _fork_server() -> multiprocessing.context.BaseContext:
    """The fork server, started if it is not running yet; it imports what every worker needs once."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["generator.print.pool", "weasyprint", "weasyprint.text.fonts"])
    forkserver.ensure_running()
    return context


class PdfPool:
    """The build's PDF workers, in a process pool unless only one worker is asked for.

    The workers come from a fork server, a clean process that has imported WeasyPrint and pikepdf
    once: a worker never inherits what this process loaded (seen: `build --all` hung once, its two
    workers idle, after the main process had rendered a part itself and then forked the pool)."""

    def __init__(self, setup: Setup, workers: int | None = None) -> None:
        self.setup = setup
        self.workers = workers or os.cpu_count() or 1
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()  # `build --all` builds two organisations at once, on one pool

    @property
    def inline(self) -> bool:
        return self.workers <= 1

    def start(self) -> "PdfPool":
        """Start the fork server now: it imports WeasyPrint and pikepdf (about a second) while the
        caller goes on. The workers themselves start with the first job (a build with nothing to
        lay out starts none), each loading the fonts and print.css in about 0.15 s."""
        if not self.inline and self._pool is None:
            _fork_server()
        return self

    def _started(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=_fork_server(),
                                                 initializer=_warm, initargs=(self.setup,))
            return self._pool

    def submit(self, function: Callable, *args: object) -> Future:
        """Run `function(*args)` in a worker; inline, it has run when this returns."""
        if self.inline:
            future: Future = Future()
            try:
                future.set_result(function(*args))
            except BaseException as error:  # noqa: BLE001 - handed over as the pool would
                future.set_exception(error)
            return future
        return self._started().submit(function, *args)

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
                self._pool = None

    def __enter__(self) -> "PdfPool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
