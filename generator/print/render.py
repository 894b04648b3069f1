"""PDF rendering: every part once with WeasyPrint (cached by content hash, in a process pool),
then every PDF composed from the cached parts (generator/print/compose.py)."""
from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from types import ModuleType
from typing import Iterator

import pikepdf

from generator.diagnostics import WARNING, Diagnostic, Location
from generator.print import compose as compose_module
from generator.print import page_numbers, shared_fonts, tagging
from generator.print.compose import Composition, Placement, compose, page_layout
from generator.print.documents import Part, PrintDoc
from generator.print.page_numbers import SAMPLE_HTML, PageNumbers
from generator.print.tagging import complete_structure

PDF_VARIANT = "pdf/ua-1"  # tagged PDF: structure tree, language, title
STYLESHEET = "print.css"  # in the print templates folder; given to WeasyPrint, not linked from the HTML
_FONT_CONFIG = None
_STYLESHEET = None
_FETCHER = None
_READY_FOR: tuple | None = None

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
    rendered: list[str]     # PDFs made (composed or rendered) in this run
    cached: list[str]       # PDFs taken whole from the cache
    problems: list[Diagnostic]  # caused by the content: the build fails
    notices: list[Diagnostic] = field(default_factory=list)  # about the machine; the PDFs are fine
    parts_rendered: int = 0  # parts laid out by WeasyPrint in this run
    parts_cached: int = 0


def _digest_folder(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _code_digest(*modules: ModuleType) -> str:
    """Our own steps on the PDFs are part of what a cached PDF depends on."""
    digest = hashlib.sha256()
    for module in modules:
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()


def part_key(part: Part, environment: str) -> str:
    return hashlib.sha256(f"{environment}\0{part.html}\0{part.fields}".encode("utf-8")).hexdigest()


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
    global _FONT_CONFIG, _STYLESHEET, _FETCHER, _READY_FOR
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    if _READY_FOR == (epoch, stylesheet, allowed):
        return  # the live preview renders in its own process, again and again
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    from generator.print import pydyf_speedup
    from generator.print.fetch import ProjectOnlyFetcher
    pydyf_speedup.install()
    _FETCHER = ProjectOnlyFetcher(allowed)
    _FONT_CONFIG = FontConfiguration()
    _STYLESHEET = CSS(filename=stylesheet, font_config=_FONT_CONFIG, url_fetcher=_FETCHER)
    _READY_FOR = (epoch, stylesheet, allowed)


def _render_one(html: str, base_url: str, target: Path,
                fields: tuple[tuple[str, str], ...] = ()) -> tuple[list[str], list[str]]:
    """Render one part into the cache; returns WeasyPrint's warnings and machine notices.

    A part that rendered with warnings is not cached: a rerun must not publish it."""
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


_NUMBERS: dict[Path, PageNumbers] = {}


def _compose_one(composition: Composition, target: Path, sample: Path) -> list[int]:
    """Compose one PDF into the cache (in a worker); returns where each placement starts."""
    numbers = _NUMBERS.get(sample) or _NUMBERS.setdefault(sample, PageNumbers(sample))
    partial = target.with_suffix(f".{os.getpid()}.tmp")
    compose(composition, partial, numbers)
    partial.replace(target)
    return composition.starts


class Progress:
    """A one-line progress bar on a terminal; silent when output goes to a file."""

    def __init__(self) -> None:
        self.total, self.done = 0, 0
        self.active = sys.stderr.isatty()

    def expect(self, count: int) -> None:
        self.total += count

    def step(self) -> None:
        self.done += 1
        if self.active and self.total:
            filled = int(30 * self.done / self.total)
            sys.stderr.write(f"\rPDF's maken [{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total}")
            if self.done == self.total:
                sys.stderr.write("\n")
            sys.stderr.flush()


@dataclass
class _Settings:
    templates: Path
    assets: Path
    epoch: int
    workers: int

    @property
    def init_args(self) -> tuple[int, str, tuple[Path, ...]]:
        return self.epoch, str(self.templates / STYLESHEET), (self.templates, self.assets)

    @property
    def base_url(self) -> str:
        return str(self.templates) + os.sep


class _Workers:
    """WeasyPrint and pikepdf work, in a process pool unless only one worker is asked for (the live
    preview). The pool starts at the first batch and serves every later one (fonts are loaded once)."""

    def __init__(self, settings: _Settings, progress: Progress) -> None:
        self.settings, self.progress = settings, progress
        self.pool: ProcessPoolExecutor | None = None

    def run(self, jobs: list[tuple]) -> list:
        """Each job is (function, *arguments); results in the same order.

        With more than one worker, even a single job goes to the pool, and the pool's workers are
        started by a fork server, a clean process: a worker never inherits what this process loaded
        (seen: `build --all` hung once, its two workers idle, after this process had rendered a part
        itself and then forked the pool)."""
        self.progress.expect(len(jobs))
        if not jobs:
            return []
        if self.settings.workers <= 1:
            _init_worker(*self.settings.init_args)
            results = []
            for function, *args in jobs:
                results.append(function(*args))
                self.progress.step()
            return results
        if self.pool is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["generator.print.render"])  # imported once, in the server
            self.pool = ProcessPoolExecutor(max_workers=self.settings.workers, mp_context=context,
                                            initializer=_init_worker, initargs=self.settings.init_args)
        futures = {self.pool.submit(function, *args): index for index, (function, *args) in enumerate(jobs)}
        results: list = [None] * len(jobs)
        for future in as_completed(futures):
            results[futures[future]] = future.result()
            self.progress.step()
        return results

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()


class _Parts:
    """The part cache: one PDF per part, named by the hash of what went into it."""

    def __init__(self, folder: Path, environment: str, workers: _Workers, report: RenderReport) -> None:
        self.folder, self.environment, self.workers, self.report = folder, environment, workers, report
        folder.mkdir(parents=True, exist_ok=True)
        self.failed: set[str] = set()
        self.fresh: set[str] = set()
        self.rendered_now: set[str] = set()  # part keys laid out in this run
        self.first_holder: dict[str, str] = {}  # part key -> the first PDF holding it, to locate problems
        self._pages: dict[str, int] = {}

    def path(self, part: Part) -> Path:
        return self.folder / f"{part_key(part, self.environment)}.pdf"

    def ensure(self, parts: list[tuple[Part, str]]) -> None:
        """Render what is not in the cache yet, longest first (the big parts start at once)."""
        todo: dict[str, Part] = {}
        for part, holder in parts:
            key = part_key(part, self.environment)
            self.first_holder.setdefault(key, holder)
            if key in todo or key in self.fresh or key in self.failed:
                continue
            if self.path(part).is_file():
                self.report.parts_cached += 1
                self.fresh.add(key)  # seen in this run: counted once
            else:
                todo[key] = part
        ordered = sorted(todo.items(), key=lambda item: len(item[1].html), reverse=True)
        results = self.workers.run([(_render_one, part.html, self.workers.settings.base_url, self.path(part),
                                     part.fields) for _, part in ordered])
        for (key, part), (warnings, notices) in zip(ordered, results):
            self.report.parts_rendered += 1
            self.fresh.add(key)
            self.rendered_now.add(key)
            if warnings:
                self.failed.add(key)
            self.report.problems += [pdf_problem(self.first_holder[key], warning) for warning in warnings]
            self.report.notices = list(dict.fromkeys(
                self.report.notices + [machine_notice(notice) for notice in notices]))

    def ok(self, part: Part) -> bool:
        return part_key(part, self.environment) not in self.failed

    def pages(self, part: Part) -> int:
        key = part_key(part, self.environment)
        if key not in self._pages:
            with pikepdf.open(self.path(part)) as pdf:
                self._pages[key] = len(pdf.pages)
        return self._pages[key]


FRONT_ROUNDS = 4  # a contents page whose length changes with its own numbers settles within two


def _fronts(docs: list[PrintDoc], parts: _Parts) -> dict[str, Part]:
    """Each pack's cover and contents, with the page of every listed section. The front's own length
    moves every page after it, so it is rendered, measured and (rarely) rendered again."""
    guess = {doc.path: 2 for doc in docs if doc.front is not None and all(parts.ok(s.part) for s in doc.sections)}
    fronts: dict[str, Part] = {}
    pending = dict.fromkeys(guess)
    for _ in range(FRONT_ROUNDS):
        if not pending:
            break
        wanted = {doc.path: doc.front(_toc_pages(doc, parts, guess[doc.path])) for doc in docs if doc.path in pending}
        parts.ensure([(front, path) for path, front in wanted.items()])
        for path, front in wanted.items():
            fronts[path] = front
            actual = parts.pages(front) if parts.ok(front) else guess[path]
            if actual == guess[path]:
                del pending[path]
            guess[path] = actual
    return fronts


def _toc_pages(doc: PrintDoc, parts: _Parts, front_pages: int) -> list[int]:
    starts, _ = page_layout([front_pages] + [parts.pages(s.part) for s in doc.sections],
                            [False] + [s.right_page for s in doc.sections])
    return [start + 1 for start, section in zip(starts[1:], doc.sections) if section.toc_title]


def _composition(doc: PrintDoc, parts: _Parts, front: Part | None, fonts: Path) -> Composition:
    placements = [Placement(parts.path(front), unnumbered=1, placeholder_anchors=True)] if front else []
    placements += [Placement(parts.path(s.part), s.right_page, s.depth) for s in doc.sections]
    return Composition(placements, fonts=fonts)


def _composed_key(composition: Composition, environment: str) -> str:
    described = [(p.pdf.name, p.right_page, p.depth, p.unnumbered, p.placeholder_anchors)
                 for p in composition.placements]
    return hashlib.sha256(f"{environment}\0{described}".encode("utf-8")).hexdigest()


def render_all(docs: list[PrintDoc], templates: Path, assets: Path, cache_dir: Path, epoch: int,
               workers: int | None = None) -> RenderReport:
    """Render every part once, then compose every PDF from the parts; both cached by content hash."""
    environment = "|".join([version("weasyprint"), version("pikepdf"), PDF_VARIANT, str(epoch),
                            _digest_folder(templates), _digest_folder(assets / "fonts"),
                            _code_digest(tagging)])
    composed_environment = environment + "|" + _code_digest(compose_module, page_numbers, shared_fonts)
    cache_dir.mkdir(parents=True, exist_ok=True)
    report = RenderReport({}, [], [], [])
    progress = Progress()
    pool = _Workers(_Settings(templates, assets, epoch, workers or os.cpu_count() or 1), progress)
    try:
        parts = _Parts(cache_dir / "parts", environment, pool, report)
        sample = Part(SAMPLE_HTML)
        parts.ensure([(sample, "pdf")] + [(s.part, doc.path) for doc in docs for s in doc.sections])
        fronts = _fronts(docs, parts)
        jobs, targets = [], []
        for doc in docs:
            if not all(parts.ok(s.part) for s in doc.sections) or (doc.front and doc.path not in fronts):
                report.files[doc.path] = parts.path(doc.sections[0].part)
                continue
            if not doc.composed:
                report.files[doc.path] = parts.path(doc.sections[0].part)
                fresh = part_key(doc.sections[0].part, environment) in parts.rendered_now
                (report.rendered if fresh else report.cached).append(doc.path)
                continue
            composition = _composition(doc, parts, fronts.get(doc.path), assets / "fonts")
            target = cache_dir / f"{_composed_key(composition, composed_environment)}.pdf"
            report.files[doc.path] = target
            if target.is_file():
                report.cached.append(doc.path)
            else:
                jobs.append((_compose_one, composition, target, parts.path(sample)))
                targets.append(doc.path)
        if parts.ok(sample):
            pool.run(jobs)
            report.rendered += targets
    finally:
        pool.close()
    report.files = {doc.path: report.files[doc.path] for doc in docs}  # stable order
    return report
