"""PDF rendering: every part once with WeasyPrint (cached by content hash, in the PDF workers),
then every PDF composed from the cached parts (generator/print/compose.py).

The work is scheduled as it becomes possible, not in waves: a pack's cover and contents are laid
out as soon as its own parts are, and a PDF is composed as soon as its parts and its front are
there, while the workers still lay out the parts of other PDFs. Only the biggest pack waits for
the last part.
"""
from __future__ import annotations

import hashlib
import heapq
import itertools
import math
import sys
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from types import ModuleType
from typing import Callable

import pikepdf

from generator.diagnostics import WARNING, Diagnostic, Location
from generator.print import compose as compose_module
from generator.print import font_files, page_numbers, shared_fonts, tagging
from generator.print import pool as pool_module
from generator.print.compose import Composition, Placement, page_layout
from generator.print.documents import Part, PrintDoc
from generator.print.page_numbers import SAMPLE_HTML
from generator.print.pool import PDF_VARIANT, STYLESHEET, PdfPool, Rendered, Setup, compose_pdf, render_part

__all__ = ["PDF_VARIANT", "STYLESHEET", "PdfPool", "RenderReport", "Setup", "pdf_setup", "render_all"]


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


def pdf_problem(path: str, warning: str) -> Diagnostic:
    """A WeasyPrint warning about one PDF, located at the PDF in the site (nothing better is known)."""
    return Diagnostic(Location(path), "NC090", f"de PDF-maker meldt: {warning}; verwacht: een PDF zonder "
                      "meldingen (kijk of elke afbeelding en elk lettertype in de printsjablonen bestaat)")


def machine_notice(notice: str) -> Diagnostic:
    """A notice about this computer, located at the PDF folder: it concerns all PDFs."""
    return Diagnostic(Location("pdf"), "NC091", notice, WARNING)


def pdf_setup(templates: Path, assets: Path, cache_dir: Path) -> Setup:
    """What the workers load once, for the print templates and PDF cache of one project."""
    return Setup(templates, assets, cache_dir / "fonts")


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


# Which kind of job the workers take first: fronts and compositions finish PDFs (and free the
# memory of their inputs); parts are taken longest first, so the big ones start at once.
FRONT, COMPOSE, PART = 0, 1, 2


class _Jobs:
    """Jobs for the pool, handed over by priority, a few more than there are workers (so a worker
    never waits for the next job), each with what to do with its result."""

    def __init__(self, pool: PdfPool, progress: Progress) -> None:
        self.pool, self.progress = pool, progress
        self.queue: list[tuple[int, int, int, Callable, tuple, Callable]] = []
        self.running: dict[Future, Callable] = {}
        self.order = itertools.count()

    def add(self, priority: int, function: Callable, args: tuple, then: Callable[[object], None],
            rank: int = 0) -> None:
        """`rank` orders jobs of one priority (lower first); equal ones keep the order they came in."""
        heapq.heappush(self.queue, (priority, rank, next(self.order), function, args, then))
        self.progress.expect(1)

    def run(self) -> None:
        """Until every job, and every job their results added, is done."""
        while self.queue or self.running:
            while self.queue and len(self.running) < self.pool.workers + 1:
                _, _, _, function, args, then = heapq.heappop(self.queue)
                self.running[self.pool.submit(function, *args)] = then
            done, _ = wait(list(self.running), return_when=FIRST_COMPLETED)
            for future in done:
                then = self.running.pop(future)
                self.progress.step()
                then(future.result())


class _Parts:
    """The part cache: one PDF per part, named by the hash of what went into it."""

    def __init__(self, folder: Path, environment: str, jobs: _Jobs, setup: Setup, epoch: int,
                 report: RenderReport) -> None:
        self.folder, self.environment, self.jobs, self.setup, self.epoch = folder, environment, jobs, setup, epoch
        self.report = report
        folder.mkdir(parents=True, exist_ok=True)
        self.failed: set[str] = set()
        self.rendered_now: set[str] = set()  # part keys laid out in this run
        self.first_holder: dict[str, str] = {}  # part key -> the first PDF holding it, to locate problems
        self._pages: dict[str, int] = {}
        self._waiting: dict[str, list[Callable[[], None]]] = {}  # being laid out -> who waits for it
        self._known: set[str] = set()  # in the cache, or laid out (or failed) in this run

    def key(self, part: Part) -> str:
        return part_key(part, self.environment)

    def path(self, part: Part) -> Path:
        return self.folder / f"{self.key(part)}.pdf"

    def when_ready(self, part: Part, holder: str, then: Callable[[], None], priority: int = PART) -> None:
        """Call `then` once the part is in the cache (or has failed); lay it out if nobody has yet."""
        key = self.key(part)
        self.first_holder.setdefault(key, holder)
        if key in self._known:
            then()
        elif key in self._waiting:
            self._waiting[key].append(then)
        elif self.path(part).is_file():
            self.report.parts_cached += 1
            self._known.add(key)
            then()
        else:
            self._waiting[key] = [then]
            self.jobs.add(priority, render_part, (self.setup, self.epoch, part.html, self.path(part), part.fields),
                          lambda rendered: self._rendered(key, rendered), rank=-len(part.html))  # longest first

    def _rendered(self, key: str, rendered: Rendered) -> None:
        self.report.parts_rendered += 1
        self.rendered_now.add(key)
        self._known.add(key)
        if rendered.warnings:
            self.failed.add(key)
        else:
            self._pages[key] = rendered.pages
        self.report.problems += [pdf_problem(self.first_holder[key], warning) for warning in rendered.warnings]
        self.report.notices = list(dict.fromkeys(
            self.report.notices + [machine_notice(notice) for notice in rendered.notices]))
        for then in self._waiting.pop(key):
            then()

    def ok(self, part: Part) -> bool:
        return self.key(part) not in self.failed

    def pages(self, part: Part) -> int:
        key = self.key(part)
        if key not in self._pages:
            with pikepdf.open(self.path(part)) as pdf:
                self._pages[key] = len(pdf.pages)
        return self._pages[key]


FRONT_ROUNDS = 4  # a contents page whose length changes with its own numbers settles within two
# The first guess of a front's length, so that it is usually laid out once: the cover, then the
# contents at about this many entries a page (measured on the bundled handbook: 23 entries take one
# page, 45 take two). A wrong guess costs one more layout of the front, at the end of the build.
TOC_ENTRIES_PER_PAGE = 32


def _front_guess(doc: PrintDoc) -> int:
    return 1 + max(1, math.ceil(len(doc.toc_sections) / TOC_ENTRIES_PER_PAGE))


def _toc_pages(doc: PrintDoc, parts: _Parts, front_pages: int) -> list[int]:
    starts, _ = page_layout([front_pages] + [parts.pages(s.part) for s in doc.sections],
                            [False] + [s.right_page for s in doc.sections])
    return [start + 1 for start, section in zip(starts[1:], doc.sections) if section.toc_title]


class _Build:
    """One PDF through its steps: its parts, then its front (if it has one), then its composition."""

    def __init__(self, doc: PrintDoc, run: "_Run") -> None:
        self.doc, self.run = doc, run
        self.missing = len(doc.sections) + 1  # its parts and the page-number sample
        self.front: Part | None = None
        self.front_guess, self.front_round = _front_guess(doc), 0

    def start(self) -> None:
        for section in self.doc.sections:
            self.run.parts.when_ready(section.part, self.doc.path, self._part_ready)
        self.run.parts.when_ready(self.run.sample, "pdf", self._part_ready, FRONT)  # every composition needs it

    def _part_ready(self) -> None:
        self.missing -= 1
        if self.missing:
            return
        parts, doc = self.run.parts, self.doc
        if not all(parts.ok(s.part) for s in doc.sections) or not doc.composed:
            self.run.uncomposed(doc)
        elif doc.front is not None:
            self._lay_out_front()
        else:
            self.run.composed(doc, None)

    def _lay_out_front(self) -> None:
        """The front's own length moves every page after it, so it is laid out, measured and (rarely)
        laid out again with the numbers its real length gives."""
        assert self.doc.front is not None
        self.front = self.doc.front(_toc_pages(self.doc, self.run.parts, self.front_guess))
        self.front_round += 1
        self.run.parts.when_ready(self.front, self.doc.path, self._front_ready, FRONT)

    def _front_ready(self) -> None:
        parts, front = self.run.parts, self.front
        assert front is not None
        if not parts.ok(front):
            self.run.uncomposed(self.doc)
            return
        actual = parts.pages(front)
        if actual != self.front_guess and self.front_round < FRONT_ROUNDS:
            self.front_guess = actual
            self._lay_out_front()
        else:
            self.run.fronts[self.doc.path] = front
            self.run.composed(self.doc, front)


class _Run:
    """Everything one render_all does, and what it found."""

    def __init__(self, parts: _Parts, jobs: _Jobs, report: RenderReport, cache_dir: Path,
                 composed_environment: str, fonts: Path) -> None:
        self.parts, self.jobs, self.report = parts, jobs, report
        self.cache_dir, self.composed_environment, self.fonts = cache_dir, composed_environment, fonts
        self.sample = Part(SAMPLE_HTML)
        self.fronts: dict[str, Part] = {}

    def uncomposed(self, doc: PrintDoc) -> None:
        """A PDF that is its first part as it is: a single sheet with its own page numbers, or (when a
        part failed) a stand-in, since the build stops with the problems anyway."""
        self.report.files[doc.path] = self.parts.path(doc.sections[0].part)
        if doc.composed or not all(self.parts.ok(s.part) for s in doc.sections):
            return
        fresh = self.parts.key(doc.sections[0].part) in self.parts.rendered_now
        (self.report.rendered if fresh else self.report.cached).append(doc.path)

    def composed(self, doc: PrintDoc, front: Part | None) -> None:
        if not self.parts.ok(self.sample):
            self.report.files[doc.path] = self.parts.path(doc.sections[0].part)
            return
        placements = [Placement(self.parts.path(front), unnumbered=1, placeholder_anchors=True)] if front else []
        placements += [Placement(self.parts.path(s.part), s.right_page, s.depth) for s in doc.sections]
        composition = Composition(placements, fonts=self.fonts, font_cache=self.parts.setup.font_cache)
        target = self.cache_dir / f"{_composed_key(composition, self.composed_environment)}.pdf"
        self.report.files[doc.path] = target
        if target.is_file():
            self.report.cached.append(doc.path)
        else:
            self.jobs.add(COMPOSE, compose_pdf, (composition, target, self.parts.path(self.sample)),
                          lambda _starts: self.report.rendered.append(doc.path))


def _composed_key(composition: Composition, environment: str) -> str:
    described = [(p.pdf.name, p.right_page, p.depth, p.unnumbered, p.placeholder_anchors)
                 for p in composition.placements]
    return hashlib.sha256(f"{environment}\0{described}".encode("utf-8")).hexdigest()


def render_all(docs: list[PrintDoc], templates: Path, assets: Path, cache_dir: Path, epoch: int,
               workers: int | None = None, pool: PdfPool | None = None) -> RenderReport:
    """Render every part once, then compose every PDF from the parts; both cached by content hash.
    `pool`: workers the caller started early (it closes them); else this starts its own."""
    environment = "|".join([version("weasyprint"), version("pikepdf"), PDF_VARIANT, str(epoch),
                            _digest_folder(templates), _digest_folder(assets / "fonts"),
                            _code_digest(tagging, font_files, pool_module)])
    composed_environment = environment + "|" + _code_digest(compose_module, page_numbers, shared_fonts)
    cache_dir.mkdir(parents=True, exist_ok=True)
    report = RenderReport({}, [], [], [])
    setup = pdf_setup(templates, assets, cache_dir)
    own_pool = pool is None or pool.setup != setup
    workers_pool = PdfPool(setup, workers) if own_pool else pool
    assert workers_pool is not None
    try:
        jobs = _Jobs(workers_pool, Progress())
        parts = _Parts(cache_dir / "parts", environment, jobs, setup, epoch, report)
        run = _Run(parts, jobs, report, cache_dir, composed_environment, assets / "fonts")
        for doc in docs:
            _Build(doc, run).start()
        jobs.run()
    finally:
        if own_pool:
            workers_pool.close()
    report.files = {doc.path: report.files[doc.path] for doc in docs}  # stable order
    made, cached = set(report.rendered), set(report.cached)
    report.rendered = [doc.path for doc in docs if doc.path in made]
    report.cached = [doc.path for doc in docs if doc.path in cached]
    report.problems.sort(key=lambda problem: (str(problem.location), problem.message))  # whatever finished first
    return report
