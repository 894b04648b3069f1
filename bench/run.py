"""Benchmarks for netwerkcoach; writes bench/results.md. Run with `make bench` (never part of the tests).

    .venv/bin/python bench/run.py [--runs N] [--quick] [--only build,serve,pdf,scaling,weight] [--no-lighthouse] [--no-naive]

Everything happens in temporary copies of the project sources; nothing in the repository changes
except bench/results.md. Times are wall-clock medians of N runs (default 5; --quick: 2 runs,
one run per PDF way, no 100x handbook and no 10x PDF build).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import measure_build  # noqa: E402
import measure_pdf  # noqa: E402
import measure_scaling  # noqa: E402
import measure_serve  # noqa: E402
import measure_weight  # noqa: E402
from common import (  # noqa: E402
    REPO,
    busy_cpu_seconds,
    cleanup,
    copy_project,
    machine,
    median,
    own_cpu_seconds,
)

ALL = ("build", "serve", "pdf", "scaling", "weight")
T0 = time.perf_counter()


def log(message: str) -> None:
    print(f"[{time.perf_counter() - T0:6.0f}s] {message}", file=sys.stderr, flush=True)


def clean(text: str) -> str:
    """No absolute temporary or checkout paths in a committed file."""
    text = text.replace(str(REPO), ".")
    return re.sub(r"/tmp/[^\s'\"|)]*", "<tmp>", text).replace("|", "/").replace("\n", " ")


def verdict(ok: bool | None) -> str:
    return "not measured" if ok is None else ("**pass**" if ok else "**FAIL**")


def fmt_s(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.1f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description="netwerkcoach benchmarks (writes bench/results.md)")
    parser.add_argument("--runs", type=int, default=None, help="runs per measurement (median; default 5)")
    parser.add_argument("--quick", action="store_true", help="2 runs, skip the slowest scaling builds")
    parser.add_argument("--only", default=",".join(ALL), help="comma-separated subset of " + ",".join(ALL))
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--no-naive", action="store_true",
                        help="skip the naive reference (one weasyprint CLI per part: the slowest PDF way)")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results.md")
    args = parser.parse_args()
    runs = args.runs or (2 if args.quick else 5)
    only = [name.strip() for name in args.only.split(",") if name.strip()]
    started = dt.datetime.now(dt.timezone.utc)
    info = machine()
    load_start = os.getloadavg()
    cpu_start, own_start = busy_cpu_seconds(), own_cpu_seconds()
    targets: list[tuple[str, str, str, bool | None]] = []   # (target, measured, goal, ok)
    sections: list[str] = []
    root = copy_project()
    try:
        build_res = None
        if "build" in only or "weight" in only:
            log("1-2. builds")
            build_res = measure_build.measure(root, runs if "build" in only else 1, log)
            sections.append(report_build(build_res, targets))
        if "serve" in only:
            log("3. serve")
            sections.append(report_serve(measure_serve.measure(runs, log), targets))
        if "pdf" in only:
            log("4. PDF rendering")
            pdf_root = copy_project()
            pdf_res = measure_pdf.measure(pdf_root, 1 if args.quick else runs, log,
                                          naive_runs=0 if args.no_naive else 1 if args.quick else min(runs, 2))
            sections.append(report_pdf(pdf_res, targets, info.usable_cores))
        if "scaling" in only:
            log("5. scaling")
            factors = [1, 10] if args.quick else [1, 10, 100]
            pdf_factors = [] if args.quick else [10]
            scaling = measure_scaling.measure(runs, factors, pdf_factors, log,
                                              runs_for={10: 1 if args.quick else min(runs, 2), 100: 1}, timeout_for={100: 2400})
            sections.append(report_scaling(scaling, targets, build_res, args.quick))
        if "weight" in only and build_res is not None:
            log("6. page weight")
            weight = measure_weight.measure(root / "site", not args.no_lighthouse, log,
                                            lighthouse_runs=1 if args.quick else 5)
            sections.append(report_weight(weight, targets))
    finally:
        cleanup()
    elapsed = time.perf_counter() - T0
    load_end = os.getloadavg()
    # CPU that other processes used while we ran, as a share of all cores: noise in the timings.
    others = max(0.0, (busy_cpu_seconds() - cpu_start) - (own_cpu_seconds() - own_start))
    other_share = others / (elapsed * info.cores)
    busy = other_share > 0.10 or load_start[0] > 0.5 * info.usable_cores
    head = [
        "# Benchmarks",
        "",
        f"Made by `make bench` (`bench/run.py{' ' if sys.argv[1:] else ''}{clean(' '.join(sys.argv[1:]))}`, {runs} runs, median) on "
        f"{started:%Y-%m-%d %H:%M} UTC in {elapsed / 60:.1f} min. Every build runs in a temporary copy of "
        "`content/`, `worksheets/`, `site_config/`, `theme/` and `mkdocs.yml`. Times are wall clock. "
        "Not part of the test suite.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        f"| CPU | {info.cpu} |",
        f"| cores | {info.cores} ({info.usable_cores} usable) |",
        f"| RAM | {info.ram_gib:.1f} GiB |",
        f"| OS | {info.os} |",
        f"| load average (1/5/15 min) | start {'/'.join(f'{x:.1f}' for x in load_start)}, "
        f"end {'/'.join(f'{x:.1f}' for x in load_end)} |",
        f"| CPU used by other processes during the run | {other_share:.0%} of all cores |",
    ] + [f"| {name} | {ver} |" for name, ver in info.versions.items()] + [
        "",
        "## Targets",
        "",
    ] + ([f"**Caution:** the machine was busy with other work during this run (other processes used "
          f"{other_share:.0%} of the CPU; load average {load_start[0]:.1f} at the start), so times are "
          "noisy and probably too high; ratios between variants measured close together hold up better.", ""]
         if busy else []) + [
        "| target | measured | goal | result |",
        "|---|---|---|---|",
    ] + [f"| {t} | {m} | {g} | {verdict(ok) if g != '—' else 'reference'} |" for t, m, g, ok in targets] + [""]
    args.out.write_text("\n".join(head + sections) + "\n", encoding="utf-8")
    log(f"wrote {args.out.relative_to(REPO) if args.out.is_relative_to(REPO) else args.out}")
    return 0


def report_build(res: measure_build.BuildResults, targets: list) -> str:
    s = measure_build.summary(res)
    ratio = s["full"] / s["baseline"]
    warm_ratio = s["warm"] / s["full"]
    one_ratio = s["one_sheet"] / s["full"]
    edit_ok = res.edit_checked > 0 and not res.edit_problems
    checked = (f"{len(res.holders)} PDFs holding it checked in each of {res.edit_checked} runs: "
               + ("all right" if edit_ok else f"{len(res.edit_problems)} problem(s)"))
    targets.append(("full build vs baseline", f"{ratio:.2f}x ({fmt_s(s['full'])} vs {fmt_s(s['baseline'])})",
                    "<= 1.5x", ratio <= 1.5))
    targets.append(("no-change rebuild vs full build", f"{warm_ratio:.3f}x ({fmt_s(s['warm'])})", "<= 0.15x",
                    warm_ratio <= 0.15))
    targets.append(("one worksheet changed: whole rebuild vs cold full build, every PDF holding it right",
                    f"{one_ratio:.3f}x ({fmt_s(s['one_sheet'])}); {checked}", "<= 0.3x, all right",
                    one_ratio <= 0.3 and edit_ok))
    differing = ", ".join(f"`{p}`" for p in res.differing[:8]) + (" …" if len(res.differing) > 8 else "")
    lines = [
        "## 1. Full build vs baseline",
        "",
        "Full build: `netwerkcoach build` of the bundled edition with a cold PDF cache (check, docs tree, "
        f"every PDF ({res.full_pdf_counts[0]}), `mkdocs build --strict`, swap into `site/`). Baseline: "
        "plain `mkdocs build` of the same generated `build/default/mkdocs.yml` plus the trainer pack "
        "(first `PrintRenderer.packs()` document) rendered the plain way: each of its parts (cover and "
        "contents, every step, worksheet and page) one after the other with WeasyPrint in one fresh "
        "Python (import included, print.css parsed once, same `pdf/ua-1` variant), nothing composed. "
        "The build now composes every PDF from parts, so the pack as one WeasyPrint document no longer "
        "exists; rendering its parts is what a build without any cache or pool would do for it at least.",
        "",
        "| | median | runs |",
        "|---|---|---|",
        f"| full build | {fmt_s(s['full'])} | {', '.join(f'{t.seconds:.1f}' for t in res.full)} |",
        f"| baseline total | {fmt_s(s['baseline'])} | {', '.join(f'{t:.1f}' for t in res.baseline)} |",
        f"| — `mkdocs build` only | {fmt_s(s['mkdocs'])} | {', '.join(f'{t:.1f}' for t in res.mkdocs_only)} |",
        f"| — trainer pack parts render only | {fmt_s(s['pack'])} | {', '.join(f'{t:.1f}' for t in res.pack_render)} |",
        f"| **ratio full / baseline** | **{ratio:.2f}x** | |",
        "",
        f"Peak memory of the full build: {s['full_rss']:.0f} MiB largest process (ru_maxrss), "
        f"{s['full_tree']:.0f} MiB whole process tree (sampled every 0.1 s).",
        "",
        "## 2. Rebuilds",
        "",
        "| build | median | runs | ratio to full build | PDFs made / from cache | parts laid out / all parts |",
        "|---|---|---|---|---|---|",
        f"| nothing changed (warm cache) | {fmt_s(s['warm'])} | {', '.join(f'{t.seconds:.2f}' for t in res.warm)} | "
        f"{warm_ratio:.3f}x | {', '.join(f'{a}/{b}' for a, b in res.warm_pdf_counts)} | "
        f"{', '.join(f'{a}/{b}' for a, b in res.warm_part_counts)} |",
        f"| one worksheet changed (`{measure_build.WORKSHEET}`, a new word added to the intro) | "
        f"{fmt_s(s['one_sheet'])} | {', '.join(f'{t.seconds:.2f}' for t in res.one_sheet)} | {one_ratio:.3f}x | "
        f"{', '.join(f'{a}/{b}' for a, b in res.one_sheet_pdf_counts)} | "
        f"{', '.join(f'{a}/{b}' for a, b in res.one_sheet_part_counts)} |",
        "",
        f"Site output of the no-change rebuild vs the cold build ({res.site_files} files, SHA-256 each): "
        + ("**identical**." if res.identical else f"**differs** in {len(res.differing)} file(s): {differing}."),
        "",
        "After each one-worksheet build every PDF that holds the worksheet was checked: "
        + ", ".join(f"`{path}`" for path, _ in res.holders) + ". Each must hold that run's new word "
        "(`pdftotext`), and in each pack every line of the contents page must point at a page whose "
        "text holds that title (the method of `tests/test_pdf.py`, "
        "`test_pack_has_cover_contents_outline_and_right_hand_worksheets`). Result: "
        + ("**all right**." if edit_ok else "**wrong**: " + "; ".join(clean(p) for p in res.edit_problems[:8])
           + (" …" if len(res.edit_problems) > 8 else "")),
        "",
    ]
    return "\n".join(lines)


def report_serve(res: measure_serve.ServeResults, targets: list) -> str:
    s = measure_serve.summary(res)
    ok = None if not (res.netwerkcoach and res.mkdocs) else s["netwerkcoach"] / s["mkdocs"] <= 1.0
    ratio = s["netwerkcoach"] / s["mkdocs"] if ok is not None else float("nan")
    targets.append(("serve: save-to-page vs mkdocs serve", f"{ratio:.2f}x ({fmt_s(s['netwerkcoach'])} vs "
                    f"{fmt_s(s['mkdocs'])})", "<= 1.0x", ok))
    pdf_ok = None if not res.pdf else s["pdf"] <= 3.0
    targets.append(("serve: save a worksheet -> its PDF served with the change",
                    fmt_s(s["pdf"]) if res.pdf else "not measured", "<= 3 s", pdf_ok))
    lines = [
        "## 3. Live preview: save to served page",
        "",
        "Time from appending a unique word to a file until an HTTP GET of "
        f"`{measure_serve.PAGE}` (polled every 20 ms) contains it. `netwerkcoach serve`: the word goes into "
        "`content/steps/02-*/uitleg.md`. `mkdocs serve`: same generated tree (made without PDFs, like the "
        "preview), the word goes straight into the generated `docs/` file.",
        "",
        "`netwerkcoach serve` runs the engine's dev server in its incremental mode (`--dirty`: only pages "
        "whose source is newer than their output are rebuilt). When a change reaches further than the pages "
        "it rewrote (the menu or config, the set of pages, the theme's templates), it touches every page, so "
        "the whole site is rebuilt and no page shows a stale menu (`tests/test_serve.py` checks this). "
        "`mkdocs serve --dirty` alone is listed for reference only: it is not safe on its own, because a "
        "changed title would not reach the menus of the other pages.",
        "",
        "| server | median | runs | first page after start |",
        "|---|---|---|---|",
        *[f"| `{name}` | {fmt_s(median(times)) if times else '—'} | {', '.join(f'{t:.2f}' for t in times)} | "
          f"{fmt_s(res.startup.get(name, float('nan')))} |"
          for name, times in (("netwerkcoach serve", res.netwerkcoach), ("mkdocs serve", res.mkdocs),
                              ("mkdocs serve --dirty", res.mkdocs_dirty))],
        f"| **ratio** netwerkcoach / mkdocs serve | **{ratio:.2f}x** | | |",
        "",
        "**A worksheet's PDF in the preview.** In the same `netwerkcoach serve` (after the page edits "
        f"above), `{measure_serve.PDF}` is requested once after start (its parts are not in the cache yet: "
        f"{fmt_s(res.pdf_first)}) and once more unchanged ({fmt_s(res.pdf_warm)}). Then, per run, a new "
        f"made-up word goes into the intro of `{measure_serve.WORKSHEET}` and the PDF is requested again "
        "and again (20 ms apart, each answer read with `pdftotext`) until its text holds the word. The time "
        "counts from the save: the watcher noticing it, the preview rebuilding the site's pages, the front "
        "server composing the PDF from the part cache (only the changed worksheet laid out again).",
        "",
        "| | median | runs |",
        "|---|---|---|",
        f"| save worksheet -> PDF served with the change | {fmt_s(s['pdf']) if res.pdf else '—'} | "
        f"{', '.join(f'{t:.2f}' for t in res.pdf)} |",
        "",
    ]
    lines += [f"Error: {clean(e)}" for e in res.errors] + ([""] if res.errors else [])
    return "\n".join(lines)


def report_pdf(res: measure_pdf.PdfResults, targets: list, cores: int) -> str:
    pool = res.variants[measure_pdf.POOL]
    floor = res.variants[measure_pdf.FLOOR]
    naive = res.variants.get(measure_pdf.NAIVE)
    ratio = median(pool.seconds) / median(floor.seconds)
    targets.append(("PDF stage of a cold build vs every part once (same pool)",
                    f"{ratio:.2f}x ({fmt_s(median(pool.seconds))} vs {fmt_s(median(floor.seconds))})",
                    "<= 1.25x", ratio <= 1.25))
    targets.append((f"PDF: pages/s with the pool ({cores} cores)", f"{pool.pages_per_s:.1f} pages/s",
                    ">= 25 pages/s", pool.pages_per_s >= 25))
    if naive and naive.seconds:
        targets.append(("reference, not a target: PDF stage vs one weasyprint CLI per unique part",
                        f"{median(naive.seconds) / median(pool.seconds):.2f}x faster "
                        f"({fmt_s(median(pool.seconds))} vs {fmt_s(median(naive.seconds))})", "—", None))
    lines = [
        "## 4. PDF rendering",
        "",
        f"All {pool.docs} PDFs of a build (worksheets, fillable worksheets, steps, packs; {pool.pages} pages, "
        "counted with pikepdf), cold cache, each way in a fresh Python, timed around the work itself.",
        "",
        f"- **{measure_pdf.POOL}** and **{measure_pdf.SERIAL}**: `render_all(workers=2|1)` into an empty "
        "cache: every unique part laid out once by WeasyPrint, each pack's cover and contents laid out once "
        "the page numbers are known (again if its own length moved them), the page-number sample, then every "
        "PDF composed from the parts with pikepdf (page numbers, bookmarks, one structure tree). This is the "
        "PDF stage of a cold `netwerkcoach build`.",
        f"- **{measure_pdf.FLOOR}** (the floor): exactly the {floor.docs} unique parts the {pool.docs} PDFs are made "
        "of (the part of every section of every document, plus each pack's cover and contents as render_all "
        "finally renders it, learnt from one untimed render_all; `bench/measure_pdf.py`, `unique_parts`), "
        "each rendered once by the build's own worker function (`pool.render_part`) on the build's own "
        "pool (`pool.PdfPool`, 2 workers, fonts and print.css loaded once per worker), longest first, "
        "into an empty cache (fonts converted from WOFF2 too). Nothing is composed and there is no page-number sample and no second round "
        "of fronts: no build that makes these PDFs could lay out less. The cold build and its floor run "
        "alternately, run after run, so load on the machine hits both alike.",
    ] + ([
        f"- **{measure_pdf.NAIVE}** (reference only, not a target): one `.venv/bin/weasyprint --stylesheet "
        "print.css part.html part.pdf` per unique part of the floor, one after another, HTML files next to "
        "`print.css` (CLI defaults, so untagged PDFs: slightly less work than `pdf/ua-1`). It yields parts, "
        "not the composed PDFs: a build has no whole-document HTML any more to give the CLI. "
        f"{len(naive.seconds)} run(s)."] if naive and naive.seconds else
        ["- The naive reference (one `weasyprint` CLI per part) was skipped in this run (`--no-naive`)."]) + [
        "",
        "| way | median | runs | files (PDFs or parts) | pages | pages/s | vs floor | peak RSS largest process | peak RSS process tree |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, v in res.variants.items():
        lines.append(f"| {name} | {fmt_s(median(v.seconds))} | {', '.join(f'{t:.1f}' for t in v.seconds)} | "
                     f"{v.docs} | {v.pages} | {v.pages_per_s:.1f} | {median(v.seconds) / median(floor.seconds):.2f}x | "
                     f"{v.maxrss_mib:.0f} MiB | {v.tree_peak_mib:.0f} MiB |")
    extra = pool.parts_rendered - floor.docs - 1   # besides the page-number sample
    lines += ["", f"**Ratio cold PDF stage / floor: {ratio:.2f}x** (goal: at most 1.25x). render_all laid out "
              f"{pool.parts_rendered} parts against the floor's {floor.docs}: the page-number sample"
              + (f" and {extra} pack front(s) laid out a second time, because the contents' own length moved "
                 "the page numbers" if extra > 0 else "") + f"; on top of that it composes the {pool.docs} PDFs "
              "with pikepdf.", ""]
    return "\n".join(lines)


def report_scaling(res: measure_scaling.ScalingResults, targets: list, build_res, quick: bool) -> str:
    one = res.get(1, False)
    hundred = res.get(100, False)
    ratio100 = hundred.median / one.median if (one and hundred) else None
    limit = res.timed_out.get((100, False))
    if ratio100 is not None:
        targets.append(("100x content vs 1x (build without PDFs)", f"{ratio100:.1f}x", "<= 105x", ratio100 <= 105))
    elif limit and one:
        targets.append(("100x content vs 1x (build without PDFs)", f"> {limit / one.median:.0f}x (no result "
                        f"within {limit / 60:.0f} min)", "<= 105x", False))
    else:
        targets.append(("100x content vs 1x (build without PDFs)",
                        "not measured (--quick)" if quick else "not measured", "<= 105x", None))
    one_pdf = measure_build.summary(build_res)["full"] if build_res and build_res.full else None
    lines = [
        "## 5. Scaling",
        "",
        "`bench/synth.py` copies every step, page, worksheet and step quiz N times (renumbered steps, "
        "`-x<k>` slugs/ids, \"(kopie k)\" titles; phases, glossary, literature and the final quiz are "
        "shared), and `netwerkcoach check` passes. Cold builds (no docs tree, no PDF cache, no site).",
        "",
        "| handbook | PDFs | site pages | PDF files | median | runs | ratio to 1x | peak RSS largest process | "
        "peak RSS process tree |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for p in res.points:
        base = one.median if not p.pdf else one_pdf
        ratio = f"{p.median / base:.1f}x" if base else "—"
        lines.append(f"| {p.factor}x | {'yes' if p.pdf else 'no (`--no-pdf`)'} | {p.pages} | {p.pdfs} | "
                     f"{fmt_s(p.median)} | {', '.join(f'{t:.1f}' for t in p.seconds)} | {ratio} | "
                     f"{p.maxrss_mib:.0f} MiB | {p.tree_peak_mib:.0f} MiB |")
    lines.append("")
    for (factor, pdf), seconds in res.timed_out.items():
        lines.append(f"The {factor}x build {'with' if pdf else 'without'} PDFs was stopped after "
                     f"{seconds / 60:.0f} min without a result.")
    if one_pdf:
        lines.append(f"The 1x build with PDFs is the cold full build of section 1 ({fmt_s(one_pdf)}).")
    notes = ["Every page carries its open menu level. Menu levels longer than 15 entries are grouped "
             "(\"Stappen 7 t/m 20\", in groups of about 10, again at each level), so that part of a page stays "
             "small and the site grows about linearly instead of with n²."]
    if quick:
        notes.append("`--quick` skips the 100x handbook and the 10x build with PDFs (run `make bench` for them).")
    else:
        notes.append("PDFs are built at 10x only (at 100x the PDFs alone would take about half an hour). Packs "
                     "are split into volumes of about 300 pages (`volume_pages`), so the largest PDF, and with "
                     "it the peak memory of a PDF worker, is bounded by the volume size and not by the size of "
                     "the handbook (at 1x the largest PDF is the 166-page trainer pack). 10x and 100x use fewer runs (2 and 1).")
    lines += notes + [""]
    return "\n".join(lines)


def report_weight(res: measure_weight.WeightResults, targets: list) -> str:
    own_total = sum(gz for _, gz in res.own_files.values())
    worst_visit = max((v.own_gzip for v in res.visits), default=0)
    targets.append(("own JS+CSS, compressed (largest visit)", f"{worst_visit / 1000:.1f} kB "
                    f"(all own files: {own_total / 1000:.1f} kB)", "<= 30 kB", worst_visit <= 30000))
    scores = [v for v in res.lighthouse.values() if v is not None]
    lh_ok = None if len(scores) < len(res.lighthouse) or not scores else min(scores) >= 98
    targets.append(("Lighthouse mobile performance (lowest page)",
                    f"{min(scores):.0f}" if scores else "not measured", ">= 98", lh_ok))
    lines = [
        "## 6. Page weight",
        "",
        "First visit in a fresh headless Chromium context (Playwright, `/usr/bin/chromium`) against a local "
        "static server; every fetched resource is counted once with its gzip (level 6) size, computed here. "
        "\"Own\" = `assets/js/` and `assets/css/` (progress.js, worksheets.js, quiz.js and the one "
        "site.css with fonts and brand colours); the small early script is inline in each page "
        "and counted with the HTML; fonts are woff2 and counted in the total only. The search index is not "
        "part of a first visit: it is fetched when the reader starts to search. 1 kB = 1000 bytes.",
        "",
        "| visit | pages | requests | total raw | total gzip | own JS+CSS gzip | own share |",
        "|---|---|---|---|---|---|---|",
    ]
    for v in res.visits:
        raw = sum(r for _, r, _ in v.resources)
        share = v.own_gzip / v.total_gzip if v.total_gzip else 0
        lines.append(f"| {v.name} | {', '.join(f'`{p}`' for p in v.pages)} | {len(v.resources)} | "
                     f"{raw / 1000:.1f} kB | {v.total_gzip / 1000:.1f} kB | {v.own_gzip / 1000:.1f} kB | "
                     f"{share:.0%} |")
    lines += ["", "Largest resources of the step + worksheet visit (gzip):", "",
              "| resource | raw | gzip |", "|---|---|---|"]
    if res.visits:
        for path, raw, gz in sorted(res.visits[0].resources, key=lambda r: -r[2])[:10]:
            lines.append(f"| `{path}` | {raw / 1000:.1f} kB | {gz / 1000:.1f} kB |")
    lines += ["", "Own JS and CSS files in the site:", "", "| file | raw | gzip |", "|---|---|---|"]
    lines += [f"| `{p}` | {r / 1000:.1f} kB | {g / 1000:.1f} kB |" for p, (r, g) in res.own_files.items()]
    lines += [f"| **total** | {sum(r for r, _ in res.own_files.values()) / 1000:.1f} kB | "
              f"{own_total / 1000:.1f} kB |", "",
              "Lighthouse 12 (`npx --yes lighthouse@12`, `CHROME_PATH=/usr/bin/chromium`, headless, mobile "
              "emulation with its default simulated throttling, performance category only; the local server "
              "gzips text files). Every page type once; the score is the median of the runs (Lighthouse "
              "scores vary from run to run), the metrics are those of the median run. The target is judged "
              "on that median of all runs.", "",
              "A run marked * hit the headless paint stall: the page had loaded and the main thread was idle, "
              f"yet Chromium showed the first frame more than {measure_weight.STALL_MS} ms after the load "
              "event (observed first paint about 1.2 s, against about 0.25 s in the other runs). In headless "
              "Chromium the compositor can hold back frames from a page it takes for unresponsive; this is "
              "an open upstream report (GoogleChrome/lighthouse#17148). By hand it also happened on the step "
              "page with every script taken out, and with the web fonts taken out, so it is not caused by "
              "one of them. Lighthouse's simulation then counts every request made before that late "
              "paint, which lowers the score of that run. The column \"median, runs without stall\" is for "
              "reading the spread only.", "",
              "| page | performance (median) | runs | median, runs without stall | metrics |",
              "|---|---|---|---|---|"]
    for name, score in res.lighthouse.items():
        runs = res.lighthouse_runs.get(name, [])
        clean_runs = measure_weight.median_score([r for r in runs if not r.stalled])
        lines.append(f"| {name} | {score:.0f} | {', '.join(r.label for r in runs)} | "
                     f"{f'{clean_runs.score:.0f}' if clean_runs else '—'} | {res.lighthouse_metrics.get(name, '')} |"
                     if score is not None else f"| {name} | not measured | | | |")
    if res.lighthouse_note:
        lines += ["", f"Lighthouse notes: {clean(res.lighthouse_note)}"]
    lines += [f"Error: {clean(e)}" for e in res.errors]
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
