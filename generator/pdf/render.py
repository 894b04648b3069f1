"""PDF rendering with WeasyPrint: cached by content hash, many documents in a process pool."""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from generator.pdf.print_html import PrintDoc

PDF_VARIANT = "pdf/ua-1"  # tagged PDF: structure tree, language, title
STYLESHEET = "print.css"  # in the print templates folder; given to WeasyPrint, not linked from the HTML
_FONT_CONFIG = None
_STYLESHEET = None
_WARNINGS: list[str] = []


@dataclass
class RenderReport:
    files: dict[str, Path]  # site path -> the PDF in the cache (kept on disk: memory stays flat)
    rendered: list[str]
    cached: list[str]
    warnings: list[str]


def source_date_epoch(edition_date: str) -> int:
    """SOURCE_DATE_EPOCH if set, else the edition date: the same input gives the same bytes."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    day = dt.datetime.strptime(edition_date, "%Y-%m-%d").replace(tzinfo=dt.timezone.utc)
    return int(day.timestamp())


def _digest_folder(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(doc: PrintDoc, environment: str) -> str:
    return hashlib.sha256(f"{environment}\0{doc.html}".encode("utf-8")).hexdigest()


class _CollectWarnings(logging.Handler):
    """WeasyPrint is silent as a library: its warnings become build problems."""

    def emit(self, record: logging.LogRecord) -> None:
        _WARNINGS.append(record.getMessage())


def _init_worker(epoch: int, stylesheet: str) -> None:
    """Once per process: fonts and the print stylesheet are loaded and parsed here, not per document
    (parsing print.css and its four web fonts took about 30 ms for every PDF)."""
    global _FONT_CONFIG, _STYLESHEET
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    from generator.pdf import pydyf_speedup
    pydyf_speedup.install()
    _FONT_CONFIG = FontConfiguration()
    _STYLESHEET = CSS(filename=stylesheet, font_config=_FONT_CONFIG)
    logger = logging.getLogger("weasyprint")
    if not any(isinstance(h, _CollectWarnings) for h in logger.handlers):
        logger.addHandler(_CollectWarnings(logging.WARNING))


def _render_one(html: str, base_url: str, target: Path) -> list[str]:
    """Render one document straight into the cache; returns WeasyPrint's warnings."""
    from weasyprint import HTML
    _WARNINGS.clear()
    partial = target.with_suffix(f".{os.getpid()}.tmp")  # parallel builds share the cache
    HTML(string=html, base_url=base_url).write_pdf(
        partial, stylesheets=[_STYLESHEET], pdf_variant=PDF_VARIANT, font_config=_FONT_CONFIG,
        uncompressed_pdf=False)
    partial.replace(target)
    return list(_WARNINGS)


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
    environment = "|".join([version("weasyprint"), PDF_VARIANT, str(epoch),
                            _digest_folder(templates), _digest_folder(assets / "fonts")])
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
    if not todo:
        results = []
    elif len(todo) == 1:
        _init_worker(epoch, stylesheet)
        results = [(todo[0], _render_one(todo[0][0].html, base_url, todo[0][1]))]
        progress.step()
    else:
        results = []
        with ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1, initializer=_init_worker,
                                 initargs=(epoch, stylesheet)) as pool:
            futures = {pool.submit(_render_one, doc.html, base_url, cached): (doc, cached) for doc, cached in todo}
            for future in as_completed(futures):
                results.append((futures[future], future.result()))
                progress.step()
    for (doc, cached), warnings in results:
        report.files[doc.path] = cached
        report.rendered.append(doc.path)
        report.warnings += [f"{doc.path}: {w}" for w in warnings]
    report.files = {doc.path: report.files[doc.path] for doc in docs}  # stable order
    return report
