"""Measurements 1 and 2: cold full build vs a baseline, warm rebuild, rebuild after one worksheet edit."""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
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


def edit_word(run: int) -> str:
    """A made-up word found nowhere else in the handbook (short: it never wraps)."""
    return "Benchwoord" + "".join(chr(97 + int(d)) for d in f"{run:03d}")


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
    one_sheet_part_counts: list[tuple[int, int]] = field(default_factory=list)
    warm_part_counts: list[tuple[int, int]] = field(default_factory=list)
    holders: list[tuple[str, bool]] = field(default_factory=list)   # PDFs holding the changed worksheet
    edit_problems: list[str] = field(default_factory=list)          # empty: every such PDF was right
    edit_checked: int = 0                                           # runs checked
    full_pdf_counts: tuple[int, int] = (0, 0)

    @property
    def baseline(self) -> list[float]:
        return [a + b for a, b in zip(self.mkdocs_only, self.pack_render)]


def pdf_counts(stderr: str) -> tuple[int, int]:
    """(PDFs made, from cache) as printed by `netwerkcoach build`."""
    match = PDF_LINE.search(stderr)
    return (int(match.group(1)), int(match.group(2))) if match else (-1, -1)


def part_counts(stderr: str) -> tuple[int, int]:
    """(parts laid out again, all parts) as printed by `netwerkcoach build`."""
    match = PDF_LINE.search(stderr)
    return (int(match.group(3)), int(match.group(4))) if match else (-1, -1)


def hash_tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def pack_render_seconds(root: Path) -> float:
    """The trainer pack's parts rendered one after the other in one fresh Python (import included)."""
    out = run_timed([PY, __file__, "--pack-render", str(root)])
    return float(json.loads(out.stdout.strip().splitlines()[-1])["seconds"])


def _pack_render_child(root: Path) -> None:
    # Child process: prepare the pack's parts (not timed), then time import + rendering each part in
    # turn with plain WeasyPrint (print.css parsed once, the build's pdf/ua-1 variant). The contents
    # page gets the numbers 1, 2, 3, ...: the same lines to lay out as with the real numbers.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from generator.print.print_html import PrintRenderer
    from generator.print.render import PDF_VARIANT, STYLESHEET
    from generator.site.build import Project, check
    project = Project(root)
    handbook, _ = check(project)
    assert handbook is not None
    templates = project.theme_dir / "print"
    doc = PrintRenderer(handbook, templates).packs(handbook.site.packs)[0]
    parts = [doc.front(list(range(1, len(doc.toc_sections) + 1)))] + [s.part for s in doc.sections]
    parts = list(dict.fromkeys(parts))
    start = time.perf_counter()
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    fonts = FontConfiguration()  # without it WeasyPrint skips print.css's @font-face rules
    css = CSS(filename=str(templates / STYLESHEET), font_config=fonts)
    sizes = []
    for part in parts:
        data = HTML(string=part.html, base_url=str(templates) + "/").write_pdf(
            stylesheets=[css], font_config=fonts, pdf_variant=PDF_VARIANT, pdf_forms=bool(part.fields))
        sizes.append(len(data))
        if not uses_print_font(data):
            raise SystemExit(f"baseline: a part of {doc.path} is not set in {PRINT_FONT}; it did not do the build's work")
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "bytes": sum(sizes), "parts": len(parts), "path": doc.path}))


def holders(root: Path) -> list[tuple[str, bool]]:
    """(site path, is a pack with a contents page) of every PDF that holds WORKSHEET."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from generator.print.print_html import PrintRenderer
    from generator.site.build import Project, check
    project = Project(root)
    handbook, _ = check(project)
    assert handbook is not None
    member = f"werkblad:{WORKSHEET.stem}"
    return [(doc.path, doc.front is not None)
            for doc in PrintRenderer(handbook, project.theme_dir / "print").documents() if member in doc.members]


def page_texts(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")[:-1]


TOC_LINE = re.compile(r"^\s*(\S.*?)\s*\.{3,}\s*(\d+)\s*$")


def _flat(text: str) -> str:
    return " ".join(text.split())


def contents_problems(path: Path) -> list[str]:
    """Check a pack's contents pages as tests/test_pdf.py does: every listed line's number is a
    page whose text holds that title. Contents pages are those after the cover with dotted lines;
    a title that wraps is joined with the line before it."""
    texts = page_texts(path)
    flat = [_flat(text) for text in texts]
    problems, entries = [], 0
    for text in texts[1:]:
        lines = text.splitlines()
        found = 0
        for index, line in enumerate(lines):
            match = TOC_LINE.match(line)
            if not match:
                continue
            found += 1
            title = _flat(match.group(1))
            before = lines[index - 1].strip() if index else ""
            if before and not TOC_LINE.match(lines[index - 1]) and before != "Inhoud" and len(before) > 30:
                title = _flat(before + " " + title)  # a wrapped title
            page = int(match.group(2))
            entries += 1
            shown = title.split(" · ", 1)[-1]  # "Stap 2 · Werkblad": the sheet shows its own title
            if not 1 <= page <= len(texts) or shown not in flat[page - 1]:
                problems.append(f"{path.name}: '{title}' listed on page {page}, not found there")
        if not found:
            break
    if not entries:
        problems.append(f"{path.name}: no contents lines found")
    return problems


def check_edit(root: Path, pdfs: list[tuple[str, bool]], word: str) -> list[str]:
    """Every PDF holding the changed worksheet has the new word; every such pack's contents is right."""
    problems = []
    for site_path, is_pack in pdfs:
        path = root / "site" / site_path
        if not path.is_file():
            problems.append(f"{site_path}: missing")
            continue
        if word not in _flat("".join(page_texts(path))):
            problems.append(f"{site_path}: does not hold '{word}'")
        if is_pack:
            problems += contents_problems(path)
    return problems


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
        res.warm_part_counts.append(part_counts(warm.stderr))
        after = hash_tree(root / "site")
        res.differing = sorted(set(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
                               | set(res.differing))
        log(f"  warm build {run + 1}/{runs}: {warm.seconds:.2f}s")
    res.identical = not res.differing
    # One worksheet changed: a different made-up word at the end of its intro each run, so that
    # finding it in a PDF proves the PDF holds this run's change.
    sheet = root / WORKSHEET
    original = sheet.read_text(encoding="utf-8")
    res.holders = holders(root)
    for run in range(runs):
        word = edit_word(run)
        changed, count = re.subn(r'^(intro: ".*?)"\s*$', lambda m: f'{m.group(1)} {word}"',
                                 original, count=1, flags=re.M)
        if count != 1:
            raise RuntimeError("could not find the one-line intro in " + str(WORKSHEET))
        sheet.write_text(changed, encoding="utf-8")
        edit = run_timed(netwerkcoach("build", "--root", str(root)))
        res.one_sheet.append(edit)
        res.one_sheet_pdf_counts.append(pdf_counts(edit.stderr))
        res.one_sheet_part_counts.append(part_counts(edit.stderr))
        problems = check_edit(root, res.holders, word)
        res.edit_problems += [f"run {run + 1}: {problem}" for problem in problems]
        res.edit_checked += 1
        log(f"  one-worksheet build {run + 1}/{runs}: {edit.seconds:.2f}s, PDFs {res.one_sheet_pdf_counts[-1]}, "
            f"parts {res.one_sheet_part_counts[-1]}, {len(problems)} problem(s) in {len(res.holders)} PDFs")
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
