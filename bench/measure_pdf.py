"""Measurement 4: PDF pages per second — process pool (2 workers) vs serial vs one `weasyprint` CLI per document."""
from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import BIN, PRINT_FONT, PY, REPO, median, run_timed, uses_print_font  # noqa: E402

sys.path.insert(0, str(REPO))
from generator.print.render import (  # noqa: E402  (the print HTML does not link it; the build hands it over)
    STYLESHEET,
)


@dataclass
class Variant:
    seconds: list[float] = field(default_factory=list)
    pages: int = 0
    docs: int = 0
    maxrss_mib: float = 0.0       # largest single process
    tree_peak_mib: float = 0.0    # whole process tree, sampled

    @property
    def pages_per_s(self) -> float:
        return self.pages / median(self.seconds) if self.seconds else float("nan")

    def add_peaks(self, timed) -> None:
        self.maxrss_mib = max(self.maxrss_mib, timed.maxrss_mib)
        self.tree_peak_mib = max(self.tree_peak_mib, timed.tree_peak_mib)


@dataclass
class PdfResults:
    variants: dict[str, Variant] = field(default_factory=dict)
    unique: Variant | None = None  # every part once: the floor for any way that renders no page twice


def count_pages(folder: Path) -> tuple[int, int]:
    """(documents, pages) of every PDF in a folder, counted with pikepdf."""
    import pikepdf
    docs = pages = 0
    for path in sorted(folder.rglob("*.pdf")):
        with pikepdf.open(path) as pdf:
            pages += len(pdf.pages)
            docs += 1
    return docs, pages


def _printer(root: Path):
    from generator.print.print_html import PrintRenderer
    from generator.site.build import Project, check
    project = Project(root)
    handbook, _ = check(project)
    assert handbook is not None
    return project, handbook, PrintRenderer(handbook, project.theme_dir / "print")


def _docs(root: Path):
    project, handbook, printer = _printer(root)
    return project, handbook, printer.documents()


def _unique_docs(root: Path):
    """The least a build must lay out if no page were ever rendered twice: every worksheet once,
    every step's explanation and theory once, every other part of a pack once, and each pack's
    cover and contents.

    Uses the renderer's own documents and parts, so the content is exactly what the PDFs hold.
    Bench only: it measures a floor, not a way the build could work as it is (the page numbers,
    contents pages and PDF structure of assembled documents are left out, so the real cost of
    assembling would come on top)."""
    from markupsafe import Markup

    from generator.print.documents import PrintDoc
    from generator.print.print_html import HTML_CHARS_PER_PAGE
    project, handbook, printer = _printer(root)
    docs = printer.documents()
    context = printer._context("deel", "")
    part_template = printer.env.get_template("part.html.j2")
    single = printer.env.from_string('{% extends "base.html.j2" %}{% block body %}{{ body }}{% endblock %}')
    unique: dict[str, PrintDoc] = {doc.path: doc for doc in docs if doc.path.startswith("pdf/werkbladen/")}
    for pack_doc in (doc for doc in docs if doc.path.startswith("pdf/pakketten/")):
        cover_and_contents, first_part, _ = pack_doc.html.partition('<section class="doc')
        if not first_part:  # pack.html.j2 changed: without this the floor would hold whole packs
            raise SystemExit(f"{pack_doc.path}: no '<section class=\"doc' to end its cover and contents")
        unique[pack_doc.path] = PrintDoc(pack_doc.path, pack_doc.title, cover_and_contents + "</body></html>")
    for pack in handbook.site.packs:
        for phase in list(handbook.phases) if pack.each_phase else [None]:
            for part in printer._pack_parts(pack, phase, pack.volume_pages * HTML_CHARS_PER_PAGE):
                if part["kind"] == "worksheet":  # worksheets are in already, each once
                    continue
                body = Markup(part_template.render(**context, part={**part, "sheets": []}))
                if body not in unique:
                    unique[body] = PrintDoc(f"deel-{len(unique)}.pdf", "deel", single.render(**context, body=body))
    return project, handbook, list(unique.values())


def _child_render(root: Path, out: Path, workers: int, unique: bool = False) -> None:
    # Child process: the documents of `netwerkcoach build` (or, `unique`, the floor's parts), rendered
    # by render_all into a cold cache.
    from generator.model.dates import source_date_epoch
    from generator.print.render import render_all
    project, handbook, docs = _unique_docs(root) if unique else _docs(root)
    with tempfile.TemporaryDirectory(prefix="nc-bench-cache-") as cache:
        start = time.perf_counter()
        report = render_all(docs, project.theme_dir / "print", project.theme_dir / "assets", Path(cache),
                            source_date_epoch(handbook.meta.edition.date), workers=workers)
        seconds = time.perf_counter() - start
        for index, path in enumerate(report.files.values()):
            shutil.copyfile(path, out / f"{index:04d}.pdf")
    print(json.dumps({"seconds": seconds, "docs": len(docs), "rendered": len(report.rendered)}))


def _child_prepare(root: Path) -> None:
    # Child process: write each document's print HTML next to print.css so relative URLs resolve.
    project, _, docs = _docs(root)
    folder = project.theme_dir / "print"
    names = []
    for index, doc in enumerate(docs):
        path = folder / f"_bench_{index:04d}.html"
        path.write_text(doc.html, encoding="utf-8")
        names.append(path.name)
    print(json.dumps(names))


def _time_render(mode: str, root: Path, workers: int, variant: Variant) -> float:
    """One cold render in a fresh Python (`--render` or `--render-unique`); returns its seconds."""
    with tempfile.TemporaryDirectory(prefix="nc-bench-pdf-") as out:
        timed = run_timed([PY, __file__, mode, str(root), out, str(workers)])
        seconds = json.loads(timed.stdout.strip().splitlines()[-1])["seconds"]
        variant.seconds.append(seconds)
        variant.docs, variant.pages = count_pages(Path(out))
        variant.add_peaks(timed)
    return seconds


def measure(root: Path, runs: int, log=print, naive_runs: int | None = None) -> PdfResults:
    res = PdfResults()
    for name, workers in (("pool (2 workers)", 2), ("serial (1 worker)", 1)):
        variant = res.variants.setdefault(name, Variant())
        for run in range(runs):
            seconds = _time_render("--render", root, workers, variant)
            log(f"  {name} {run + 1}/{runs}: {seconds:.1f}s, {variant.pages} pages")
    res.unique = Variant()
    for run in range(runs):
        seconds = _time_render("--render-unique", root, 2, res.unique)
        log(f"  every part once, pool {run + 1}/{runs}: {seconds:.1f}s, {res.unique.pages} pages")
    # Naive: one `weasyprint` command per document, one after the other (CLI defaults: untagged PDF),
    # with print.css given on the command line as the build gives it to WeasyPrint.
    names = json.loads(run_timed([PY, __file__, "--prepare", str(root)]).stdout.strip().splitlines()[-1])
    folder = root / "theme" / "print"
    variant = res.variants.setdefault("naive (weasyprint CLI per document)", Variant())
    for run in range(naive_runs or runs):
        with tempfile.TemporaryDirectory(prefix="nc-bench-naive-") as out:
            total = 0.0
            for name in names:
                timed = run_timed([str(BIN / "weasyprint"), "--stylesheet", STYLESHEET, name,
                                   os.path.join(out, name[:-5] + ".pdf")], cwd=folder)
                total += timed.seconds
                variant.add_peaks(timed)
            variant.seconds.append(total)
            variant.docs, variant.pages = count_pages(Path(out))
            first = Path(out) / (names[0][:-5] + ".pdf")
            if not uses_print_font(first.read_bytes()):
                raise RuntimeError(f"naive: {first.name} is not set in {PRINT_FONT}; print.css did not reach it")
        log(f"  naive {run + 1}/{naive_runs or runs}: {total:.1f}s, {variant.pages} pages")
    for name in names:
        (folder / name).unlink()
    return res


if __name__ == "__main__":
    if sys.argv[1:2] == ["--render"]:
        _child_render(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
    elif sys.argv[1:2] == ["--render-unique"]:
        _child_render(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]), unique=True)
    elif sys.argv[1:2] == ["--prepare"]:
        _child_prepare(Path(sys.argv[2]))
