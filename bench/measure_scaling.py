"""Measurement 5: build time and peak memory for synthetic handbooks 10x and 100x the bundled one."""
from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import median, netwerkcoach, reset_outputs, run_timed  # noqa: E402
from synth import synthesize  # noqa: E402


@dataclass
class Point:
    factor: int
    pdf: bool
    seconds: list[float] = field(default_factory=list)
    maxrss_mib: float = 0.0
    tree_peak_mib: float = 0.0
    pages: int = 0      # site pages (HTML files)
    pdfs: int = 0

    @property
    def median(self) -> float:
        return median(self.seconds)


@dataclass
class ScalingResults:
    points: list[Point] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    timed_out: dict[tuple[int, bool], float] = field(default_factory=dict)  # (factor, pdf) -> limit in s

    def get(self, factor: int, pdf: bool) -> Point | None:
        return next((p for p in self.points if p.factor == factor and p.pdf == pdf), None)


def _measure(root: Path, factor: int, pdf: bool, runs: int, log, timeout: float | None = None) -> Point:
    point = Point(factor, pdf)
    for run in range(runs):
        reset_outputs(root)  # cold: no docs tree, no PDF cache, no site
        args = ["build", "--root", str(root)] + ([] if pdf else ["--no-pdf"])
        timed = run_timed(netwerkcoach(*args), timeout=timeout)
        point.seconds.append(timed.seconds)
        point.maxrss_mib = max(point.maxrss_mib, timed.maxrss_mib)
        point.tree_peak_mib = max(point.tree_peak_mib, timed.tree_peak_mib)
        log(f"  {factor}x {'with' if pdf else 'without'} PDFs {run + 1}/{runs}: {timed.seconds:.1f}s")
    point.pages = sum(1 for _ in (root / "site").rglob("*.html"))
    point.pdfs = sum(1 for _ in (root / "site").rglob("*.pdf"))
    return point


def measure(runs: int, factors: list[int], pdf_factors: list[int], log=print,
            runs_for: dict[int, int] | None = None, timeout_for: dict[int, float] | None = None) -> ScalingResults:
    res = ScalingResults()
    for factor in factors:
        tmp = Path(tempfile.mkdtemp(prefix=f"nc-bench-x{factor}-"))
        try:
            root = synthesize(tmp / "project", factor)
            check = run_timed(netwerkcoach("check", "--root", str(root)), check=False)
            if check.returncode != 0:
                raise RuntimeError(f"synthetic {factor}x handbook does not pass check:\n{check.stdout[-2000:]}")
            n = (runs_for or {}).get(factor, runs)
            limit = (timeout_for or {}).get(factor)
            for pdf in [False] + ([True] if factor in pdf_factors else []):
                try:
                    res.points.append(_measure(root, factor, pdf, n, log, limit))
                except TimeoutError:
                    res.timed_out[(factor, pdf)] = limit or 0.0
                    log(f"  {factor}x {'with' if pdf else 'without'} PDFs: no result within {limit:.0f}s")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return res
