"""Measurements 1 and 2: cold full build vs a baseline, warm rebuild, rebuild after one worksheet edit."""
from __future__ import annotations

import hashlib
import json
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (  # noqa: E402
    PRINT_FONT,
    PY,
    Timed,
    median,
    netwerkcoach,
    reset_outputs,
    run_timed,
    uses_print_font,
)

PDF_LINE = re.compile(r"PDF's: (\d+) gemaakt, (\d+) uit de cache; opnieuw gezet: (\d+) van (\d+) delen\.")
SEARCH_INDEX = "search/search_index.json"
WORKSHEET = Path("worksheets/mijn-droomnetwerk.yml")
EXTRA_WORDS = ["Fijn.", "Mooi.", "Prima.", "Goed.", "Leuk.", "Klaar.", "Top.", "Zeker.", "Rustig.", "Samen."]


@dataclass
class BuildResults:
    full: list[Timed] = field(default_factory=list)
    mkdocs_only: list[float] = field(default_factory=list)
    pack_render: list[float] = field(default_factory=list)
    warm: list[Timed] = field(default_factory=list)
    warm_pdf_counts: list[tuple[int, int]] = field(default_factory=list)
    identical: bool = False
    differing: list[str] = field(default_factory=list)
    site_files: int = 0
    one_sheet: list[Timed] = field(default_factory=list)
    one_sheet_pdf_counts: list[tuple[int, int]] = field(default_factory=list)
    full_pdf_counts: tuple[int, int] = (0, 0)

    @property
    def baseline(self) -> list[float]:
        return [a + b for a, b in zip(self.mkdocs_only, self.pack_render)]


def pdf_counts(stderr: str) -> tuple[int, int]:
    """(rendered, from cache) as printed by `netwerkcoach build`."""
    match = PDF_LINE.search(stderr)
    return (int(match.group(1)), int(match.group(2))) if match else (-1, -1)


def hash_tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def pack_render_seconds(root: Path) -> float:
    """One in-process WeasyPrint render of the trainer pack, in a fresh Python (import included)."""
    out = run_timed([PY, __file__, "--pack-render", str(root)])
    return float(json.loads(out.stdout.strip().splitlines()[-1])["seconds"])


def _pack_render_child(root: Path) -> None:
    # Child process: prepare the pack HTML (not timed), then time import + render.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from generator.print.print_html import PrintRenderer
    from generator.print.render import PDF_VARIANT, STYLESHEET
    from generator.site.build import Project, check
    project = Project(root)
    handbook, _ = check(project)
    assert handbook is not None
    templates = project.theme_dir / "print"
    doc = PrintRenderer(handbook, templates).packs(handbook.site.packs)[0]
    start = time.perf_counter()
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    fonts = FontConfiguration()  # without it WeasyPrint skips print.css's @font-face rules
    data = HTML(string=doc.html, base_url=str(templates) + "/").write_pdf(
        stylesheets=[CSS(filename=str(templates / STYLESHEET), font_config=fonts)], font_config=fonts,
        pdf_variant=PDF_VARIANT)
    seconds = time.perf_counter() - start
    if not uses_print_font(data):
        raise SystemExit(f"baseline: {doc.path} is not set in {PRINT_FONT}; it did not do the build's work")
    print(json.dumps({"seconds": seconds, "bytes": len(data), "path": doc.path}))


def measure(root: Path, runs: int, log=print) -> BuildResults:
    res = BuildResults()
    config = root / "build" / "default" / "mkdocs.yml"
    for run in range(runs):
        reset_outputs(root)
        full = run_timed(netwerkcoach("build", "--root", str(root)))
        res.full.append(full)
        res.full_pdf_counts = pdf_counts(full.stderr)
        with tempfile.TemporaryDirectory(prefix="nc-bench-site-") as site:
            plain = run_timed([PY, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config),
                               "--site-dir", site], cwd=config.parent)
        res.mkdocs_only.append(plain.seconds)
        res.pack_render.append(pack_render_seconds(root))
        log(f"  cold build {run + 1}/{runs}: {full.seconds:.1f}s; baseline mkdocs {plain.seconds:.1f}s "
            f"+ pack {res.pack_render[-1]:.1f}s")
    # Warm rebuilds: nothing changed since the last cold build.
    before = hash_tree(root / "site")
    res.site_files = len(before)
    for run in range(runs):
        warm = run_timed(netwerkcoach("build", "--root", str(root)))
        res.warm.append(warm)
        res.warm_pdf_counts.append(pdf_counts(warm.stderr))
        after = hash_tree(root / "site")
        res.differing = sorted(set(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
                               | set(res.differing))
        log(f"  warm build {run + 1}/{runs}: {warm.seconds:.2f}s")
    res.identical = not res.differing
    # One worksheet changed: a different extra word at the end of its intro each run.
    sheet = root / WORKSHEET
    original = sheet.read_text(encoding="utf-8")
    for run in range(runs):
        word = EXTRA_WORDS[run % 10] + (" " + EXTRA_WORDS[run // 10 % 10] if run >= 10 else "")
        changed, count = re.subn(r'^(intro: ".*?)"\s*$', lambda m: f'{m.group(1)} {word}"',
                                 original, count=1, flags=re.M)
        if count != 1:
            raise RuntimeError("could not find the one-line intro in " + str(WORKSHEET))
        sheet.write_text(changed, encoding="utf-8")
        edit = run_timed(netwerkcoach("build", "--root", str(root)))
        res.one_sheet.append(edit)
        res.one_sheet_pdf_counts.append(pdf_counts(edit.stderr))
        log(f"  one-worksheet build {run + 1}/{runs}: {edit.seconds:.2f}s, PDFs {res.one_sheet_pdf_counts[-1]}")
    sheet.write_text(original, encoding="utf-8")
    return res


def summary(res: BuildResults) -> dict[str, float]:
    return {"full": median([t.seconds for t in res.full]), "baseline": median(res.baseline),
            "mkdocs": median(res.mkdocs_only), "pack": median(res.pack_render),
            "warm": median([t.seconds for t in res.warm]),
            "one_sheet": median([t.seconds for t in res.one_sheet]),
            "full_rss": max(t.maxrss_mib for t in res.full), "full_tree": max(t.tree_peak_mib for t in res.full)}


if __name__ == "__main__" and len(sys.argv) == 3 and sys.argv[1] == "--pack-render":
    _pack_render_child(Path(sys.argv[2]))
