"""Measurement 4: the PDF stage of a cold build (render_all: parts, fronts, composition) against its floor
(every unique part rendered once on the same pool, nothing composed), serial, and one `weasyprint` CLI per part."""
from __future__ import annotations

import json
import os
import pickle
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
    parts_rendered: int = 0       # render_all only: parts WeasyPrint laid out (fronts of every round included)

    @property
    def pages_per_s(self) -> float:
        return self.pages / median(self.seconds) if self.seconds else float("nan")

    def add_peaks(self, timed) -> None:
        self.maxrss_mib = max(self.maxrss_mib, timed.maxrss_mib)
        self.tree_peak_mib = max(self.tree_peak_mib, timed.tree_peak_mib)


@dataclass
class PdfResults:
    variants: dict[str, Variant] = field(default_factory=dict)


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


def unique_parts(root: Path):
    """Every part the PDFs of a build are made of, each once: the part of every section of every
    document, and each pack's cover and contents as render_all finally renders it (with the page
    numbers it found). Learnt from one render_all into a throw-away cache; the fronts are read off
    render_all's own record of them (`_Run.fronts`). The page-number sample and the fronts of earlier rounds (rendered
    before the contents' own length was known) are not in it: they are part of the composition cost."""
    from generator.model.dates import source_date_epoch
    from generator.print import render
    project, handbook, docs = _docs(root)
    runs: list = []
    original = render._Run

    class Spy(original):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            runs.append(self)

    render._Run = Spy
    try:
        with tempfile.TemporaryDirectory(prefix="nc-bench-learn-") as cache:
            render.render_all(docs, project.theme_dir / "print", project.theme_dir / "assets", Path(cache),
                              source_date_epoch(handbook.meta.edition.date), workers=2)
    finally:
        render._Run = original
    fronts = runs[0].fronts if runs else {}
    packs = sum(1 for doc in docs if doc.front is not None)
    if len(fronts) != packs:
        raise SystemExit(f"floor: {len(fronts)} fronts learnt for {packs} packs; render_all changed its steps")
    unique = {section.part: None for doc in docs for section in doc.sections}
    unique.update(dict.fromkeys(fronts.values()))
    return project, handbook, list(unique)


def _child_floor_parts(root: Path, out: Path) -> None:
    # Child process (not timed): the floor's parts, pickled for the timed children.
    from generator.model.dates import source_date_epoch
    project, handbook, parts = unique_parts(root)
    with out.open("wb") as handle:
        pickle.dump({"parts": parts, "templates": project.theme_dir / "print",
                     "assets": project.theme_dir / "assets",
                     "epoch": source_date_epoch(handbook.meta.edition.date)}, handle)
    print(json.dumps({"parts": len(parts)}))


def _child_render_parts(spec: Path, out: Path, workers: int) -> None:
    # Child process: the floor. Exactly the unique parts, each rendered once by the build's own
    # worker function on the build's own pool (fonts and print.css loaded once per worker), into a
    # cold cache, longest first as render_all does; no composition, no page numbers.
    from generator.print import render
    from generator.print.pool import render_part
    data = pickle.loads(spec.read_bytes())
    parts = sorted(data["parts"], key=lambda part: len(part.html), reverse=True)
    start = time.perf_counter()
    setup = render.pdf_setup(data["templates"], data["assets"], out / "cache")
    with render.PdfPool(setup, workers) as pool:
        futures = [pool.submit(render_part, setup, data["epoch"], part.html, out / f"{index:04d}.pdf", part.fields)
                   for index, part in enumerate(parts)]
        results = [future.result() for future in futures]
    seconds = time.perf_counter() - start
    warnings = [warning for rendered in results for warning in rendered.warnings]
    if warnings:
        raise SystemExit(f"floor: WeasyPrint warned: {warnings[:3]}")
    print(json.dumps({"seconds": seconds, "docs": len(parts)}))


def _child_render(root: Path, out: Path, workers: int) -> None:
    # Child process: the documents of `netwerkcoach build`, rendered by render_all into a cold cache
    # (parts, fronts, composition, page numbers): the PDF stage of a cold build.
    from generator.model.dates import source_date_epoch
    from generator.print.render import render_all
    project, handbook, docs = _docs(root)
    with tempfile.TemporaryDirectory(prefix="nc-bench-cache-") as cache:
        start = time.perf_counter()
        report = render_all(docs, project.theme_dir / "print", project.theme_dir / "assets", Path(cache),
                            source_date_epoch(handbook.meta.edition.date), workers=workers)
        seconds = time.perf_counter() - start
        if report.problems:
            raise SystemExit(f"render_all: {report.problems[:3]}")
        for index, path in enumerate(report.files.values()):
            shutil.copyfile(path, out / f"{index:04d}.pdf")
    print(json.dumps({"seconds": seconds, "docs": len(docs), "rendered": len(report.rendered),
                      "parts_rendered": report.parts_rendered}))


def _write_naive_html(spec: Path, folder: Path) -> list[str]:
    # Write each unique part's HTML next to print.css so relative URLs resolve (the naive reference).
    names = []
    for index, part in enumerate(pickle.loads(spec.read_bytes())["parts"]):
        path = folder / f"_bench_{index:04d}.html"
        path.write_text(part.html, encoding="utf-8")
        names.append(path.name)
    return names


def _time_child(mode: str, arg: Path, workers: int, variant: Variant) -> float:
    """One cold render in a fresh Python; returns its seconds."""
    with tempfile.TemporaryDirectory(prefix="nc-bench-pdf-") as out:
        timed = run_timed([PY, __file__, mode, str(arg), out, str(workers)])
        result = json.loads(timed.stdout.strip().splitlines()[-1])
        variant.seconds.append(result["seconds"])
        variant.docs, variant.pages = count_pages(Path(out))
        variant.add_peaks(timed)
        if "parts_rendered" in result:
            variant.parts_rendered = result["parts_rendered"]
    return result["seconds"]


POOL, SERIAL, FLOOR, NAIVE = ("pool (2 workers)", "serial (1 worker)", "every part once, pool (2 workers)",
                              "naive (weasyprint CLI per unique part)")


def measure(root: Path, runs: int, log=print, naive_runs: int | None = None) -> PdfResults:
    res = PdfResults()
    with tempfile.TemporaryDirectory(prefix="nc-bench-floor-") as tmp:
        spec = Path(tmp) / "parts.pickle"
        run_timed([PY, __file__, "--floor-parts", str(root), str(spec)])
        # The cold PDF stage and its floor side by side, run after run: load on the machine hits both alike.
        pool, floor = res.variants.setdefault(POOL, Variant()), res.variants.setdefault(FLOOR, Variant())
        for run in range(runs):
            seconds = _time_child("--render", root, 2, pool)
            log(f"  {POOL} {run + 1}/{runs}: {seconds:.1f}s, {pool.pages} pages")
            seconds = _time_child("--render-parts", spec, 2, floor)
            log(f"  {FLOOR} {run + 1}/{runs}: {seconds:.1f}s, {floor.docs} parts, {floor.pages} pages")
        serial = res.variants.setdefault(SERIAL, Variant())
        for run in range(runs):
            seconds = _time_child("--render", root, 1, serial)
            log(f"  {SERIAL} {run + 1}/{runs}: {seconds:.1f}s")
        # Naive reference: one `weasyprint` command per unique part, one after the other (CLI
        # defaults: untagged PDF), with print.css given on the command line as the build gives it.
        if naive_runs == 0:
            return res
        folder = root / "theme" / "print"
        names = _write_naive_html(spec, folder)
        variant = res.variants.setdefault(NAIVE, Variant())
        try:
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
        finally:
            for name in names:
                (folder / name).unlink()
    return res


if __name__ == "__main__":
    if sys.argv[1:2] == ["--render"]:
        _child_render(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
    elif sys.argv[1:2] == ["--render-parts"]:
        _child_render_parts(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))
    elif sys.argv[1:2] == ["--floor-parts"]:
        _child_floor_parts(Path(sys.argv[2]), Path(sys.argv[3]))
