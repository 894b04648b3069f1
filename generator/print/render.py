"""PDF rendering with WeasyPrint: cached by content hash, many documents in a process pool."""
from __future__ import annotations

import hashlib
import logging
import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Iterator

from generator.diagnostics import WARNING, Diagnostic, Location
from generator.print.documents import PrintDoc
from generator.print.tagging import complete_structure

PDF_VARIANT = "pdf/ua-1"  # tagged PDF: structure tree, language, title
STYLESHEET = "print.css"  # in the print templates folder; given to WeasyPrint, not linked from the HTML
_FONT_CONFIG = None
_STYLESHEET = None
_FETCHER = None

# WeasyPrint notices about this machine, not about the content: the PDF is still right. They are
# reported once per build with what to install, and never fail it.
MACHINE_NOTICES = {
    "Using fontTools instead of HarfBuzz-Subset":
        "HarfBuzz-subset ontbreekt op deze computer; de lettertypen in de PDF's zijn met fontTools "
        "verkleind en wel ingesloten. Installeer het Debian-pakket libharfbuzz-subset0 "
        "(sudo apt-get install libharfbuzz-subset0) voor snellere PDF's.",
}


@dataclass
class RenderReport:
    files: dict[str, Path]  # site path -> the PDF in the cache (kept on disk: memory stays flat)
    rendered: list[str]
    cached: list[str]
    problems: list[Diagnostic]  # caused by the content: the build fails
    notices: list[Diagnostic] = field(default_factory=list)  # about the machine; the PDFs are fine


def _digest_folder(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _post_processing() -> str:
    """Our own steps on each rendered PDF are part of what a cached PDF depends on."""
    return hashlib.sha256(Path(complete_structure.__code__.co_filename).read_bytes()).hexdigest()


def cache_key(doc: PrintDoc, environment: str) -> str:
    return hashlib.sha256(f"{environment}\0{doc.html}\0{doc.fields}".encode("utf-8")).hexdigest()


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


def pdf_problem(path: str, warning: str) -> Diagnostic:
    """A WeasyPrint warning about one PDF, located at the PDF in the site (nothing better is known)."""
    return Diagnostic(Location(path), "NC090", f"de PDF-maker meldt: {warning}; verwacht: een PDF zonder "
                      "meldingen (kijk of elke afbeelding en elk lettertype in de printsjablonen bestaat)")


def machine_notice(notice: str) -> Diagnostic:
    """A notice about this computer, located at the PDF folder: it concerns all PDFs."""
    return Diagnostic(Location("pdf"), "NC091", notice, WARNING)


def _init_worker(epoch: int, stylesheet: str, allowed: tuple[Path, ...]) -> None:
    """Once per process: fonts and the print stylesheet are loaded and parsed here, not per document
    (parsing print.css and its four web fonts took about 30 ms for every PDF)."""
    global _FONT_CONFIG, _STYLESHEET, _FETCHER
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    from generator.print import pydyf_speedup
    from generator.print.fetch import ProjectOnlyFetcher
    pydyf_speedup.install()
    _FETCHER = ProjectOnlyFetcher(allowed)
    _FONT_CONFIG = FontConfiguration()
    _STYLESHEET = CSS(filename=stylesheet, font_config=_FONT_CONFIG, url_fetcher=_FETCHER)


def _render_one(html: str, base_url: str, target: Path,
                fields: tuple[tuple[str, str], ...] = ()) -> tuple[list[str], list[str]]:
    """Render one document into the cache; returns WeasyPrint's warnings and machine notices.

    A document that rendered with warnings is not cached: a rerun must not publish it."""
    from weasyprint import HTML
    partial = target.with_suffix(f".{os.getpid()}.tmp")  # parallel builds share the cache
    with _collecting() as collected:
        HTML(string=html, base_url=base_url, url_fetcher=_FETCHER).write_pdf(
            partial, stylesheets=[_STYLESHEET], pdf_variant=PDF_VARIANT, font_config=_FONT_CONFIG,
            uncompressed_pdf=False, pdf_forms=bool(fields))
    if collected.warnings:
        partial.unlink()
    else:
        complete_structure(partial, dict(fields))
        partial.replace(target)
    return collected.warnings, collected.notices


class Progress:
    """A one-line progress bar on a terminal; silent when output goes to a file."""

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0
        self.active = total > 0 and sys.stderr.isatty()

    def step(self) -> None:
        self.done += 1
        if self.active:
            filled = int(30 * self.done / self.total)
            sys.stderr.write(f"\rPDF's maken [{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total}")
            if self.done == self.total:
                sys.stderr.write("\n")
            sys.stderr.flush()


def render_all(docs: list[PrintDoc], templates: Path, assets: Path, cache_dir: Path, epoch: int,
               workers: int | None = None) -> RenderReport:
    environment = "|".join([version("weasyprint"), version("pikepdf"), PDF_VARIANT, str(epoch),
                            _digest_folder(templates), _digest_folder(assets / "fonts"), _post_processing()])
    cache_dir.mkdir(parents=True, exist_ok=True)
    report = RenderReport({}, [], [], [])
    todo = []
    for doc in docs:
        cached = cache_dir / f"{cache_key(doc, environment)}.pdf"
        if cached.is_file():
            report.files[doc.path] = cached
            report.cached.append(doc.path)
        else:
            todo.append((doc, cached))
    # Longest first: the big pack starts at once, the small sheets fill the other workers.
    todo.sort(key=lambda item: len(item[0].html), reverse=True)
    progress = Progress(len(todo))
    base_url = str(templates) + os.sep
    stylesheet = str(templates / STYLESHEET)
    allowed = (templates, assets)
    if not todo:
        results = []
    elif len(todo) == 1:
        _init_worker(epoch, stylesheet, allowed)
        results = [(todo[0], _render_one(todo[0][0].html, base_url, todo[0][1], todo[0][0].fields))]
        progress.step()
    else:
        results = []
        with ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1, initializer=_init_worker,
                                 initargs=(epoch, stylesheet, allowed)) as pool:
            futures = {pool.submit(_render_one, doc.html, base_url, cached, doc.fields): (doc, cached)
                       for doc, cached in todo}
            for future in as_completed(futures):
                results.append((futures[future], future.result()))
                progress.step()
    for (doc, cached), (warnings, notices) in results:
        report.files[doc.path] = cached
        report.rendered.append(doc.path)
        report.problems += [pdf_problem(doc.path, warning) for warning in warnings]
        report.notices = list(dict.fromkeys(report.notices + [machine_notice(notice) for notice in notices]))
    report.files = {doc.path: report.files[doc.path] for doc in docs}  # stable order
    return report
