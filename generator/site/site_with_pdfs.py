"""The site build with the engine and the PDF stage side by side.

The engine (one process) and the PDF workers used to take turns: the pages were built after the
last PDF, while one core idled. The pages need only one thing from the PDFs: their sizes, printed
on the downloads page. So the engine builds the pages with a stand-in word for each size and a
placeholder file for each PDF while the workers make the PDFs. Then every stand-in becomes the
size, in each file the engine wrote it to (the page and the search index), and every placeholder
the PDF. The docs tree is written as it would be without stand-ins, so the offline and SCORM builds
and the next build see the real thing. If a stand-in were left anywhere, the build fails.

When the docs tree with stand-ins is the one the published site was built from, the engine is not
started early: the PDFs are made first, and the usual check decides whether anything is rebuilt.
"""
from __future__ import annotations

import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generator.model.dates import source_date_epoch
from generator.model.handbook import Handbook
from generator.model.paths import DOWNLOADS_PAGE
from generator.print.print_html import PrintRenderer
from generator.print.render import PdfPool, RenderReport, render_all
from generator.site import engine
from generator.site.build import (BuildOptions, Project, build_site, checked, finish_site, fresh_staging, site_tree,
                                  staging_dir, stamp_of, tree_digest, write_docs)
from generator.web.pages import render_downloads, size_text
from generator.web.site_tree import Download, SiteTree

STAND_IN = "NcPdfSize{:04d}Pending"  # a word no page has, that neither Markdown nor JSON changes
STAND_IN_PATTERN = re.compile(rb"NcPdfSize(\d{4})Pending")
STAND_IN_MARK = b"NcPdfSize"
TEXT_SUFFIXES = {".html", ".json", ".js", ".xml", ".txt"}  # what the engine writes text into


def build_site_with_pdfs(project: Project, handbook: Handbook, site_dir: Path, options: BuildOptions,
                         workers: PdfPool | None = None) -> tuple[RenderReport, engine.EngineResult | None]:
    """The PDFs and the site; the result is None when the PDFs have problems (nothing is built)."""
    project.work_dir.mkdir(parents=True, exist_ok=True)
    ahead = engine.MkdocsBuild(project.config_path, staging_dir(site_dir))  # loads while the tree is written
    try:
        return _build(project, handbook, site_dir, options, workers, ahead)
    finally:
        ahead.close()


def _build(project: Project, handbook: Handbook, site_dir: Path, options: BuildOptions, workers: PdfPool | None,
           ahead: engine.MkdocsBuild) -> tuple[RenderReport, engine.EngineResult | None]:
    docs = PrintRenderer(handbook, project.theme_dir / "print").documents()
    epoch = source_date_epoch(handbook.meta.edition.date)
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="build") as side:
        # The PDF workers get their first parts now; the pages follow as soon as the tree is written.
        made = side.submit(render_all, docs, project.theme_dir / "print", project.theme_dir / "assets",
                           project.pdf_cache, epoch, pool=workers)
        pending = [Download(doc.path, doc.title, doc.description, None, STAND_IN.format(index))
                   for index, doc in enumerate(docs)]
        tree = site_tree(project, handbook, options, pending)
        write_docs(project, handbook, options, tree)
        pending_digest = tree_digest(project, site_dir, epoch)
        early = (stamp_of(project, site_dir) or ("",))[0] != pending_digest \
            and not _author_wrote_a_stand_in(tree, len(pending))
        staging = fresh_staging(project, site_dir) if early else None
        built = side.submit(ahead.run, epoch) if staging else None
        report = made.result()
        result = built.result() if built else None
    if report.problems:
        if staging is not None and staging.exists():
            shutil.rmtree(staging)
        return report, None
    downloads = [Download(doc.path, doc.title, doc.description, report.files[doc.path]) for doc in docs]
    tree.add_text(DOWNLOADS_PAGE, render_downloads(handbook, downloads))
    tree.files.update({download.path: download.source for download in downloads if download.source})
    write_docs(project, handbook, options, tree)
    if staging is None or result is None:
        return report, build_site(project, handbook, site_dir, pending_digest)
    if result.ok:
        result = _fill_in(staging, downloads)
    result = checked(project, handbook, staging, result)
    return report, finish_site(project, staging, site_dir, result, pending_digest,
                               tree_digest(project, site_dir, epoch))


def _author_wrote_a_stand_in(tree: SiteTree, stand_ins: int) -> bool:
    """Content that itself holds a stand-in word would have it replaced (or name a PDF that is not
    there): such a build goes the slow way, the pages after the PDFs. Only the downloads page may
    hold stand-ins, each of ours at most once."""
    for path, data in tree.files.items():
        if not isinstance(data, bytes) or STAND_IN_MARK not in data:
            continue
        found = STAND_IN_PATTERN.findall(data) if path == DOWNLOADS_PAGE else []
        if data.count(STAND_IN_MARK) != len(found) or len(set(found)) != len(found) \
                or any(int(index) >= stand_ins for index in found):
            return True
    return False


def _fill_in(staging: Path, downloads: list[Download]) -> engine.EngineResult:
    """Each placeholder becomes its PDF, each stand-in its size; a stand-in left over fails the build."""
    sizes = [size_text(download.size).encode() for download in downloads]
    for download in downloads:
        assert download.source is not None
        shutil.copyfile(download.source, staging / download.path)
    left: list[str] = []
    for path in sorted(p for p in staging.rglob("*") if p.is_file() and p.suffix in TEXT_SUFFIXES):
        data = path.read_bytes()
        if STAND_IN_MARK not in data:
            continue
        data = STAND_IN_PATTERN.sub(lambda found: sizes[int(found.group(1))], data)
        if STAND_IN_MARK in data:
            left.append(path.relative_to(staging).as_posix())
        path.write_bytes(data)
    if left:
        return engine.EngineResult(False, "De site-bouwer heeft de grootte van een PDF anders geschreven dan "
                                   f"verwacht, in: {', '.join(left)}; verwacht: elke grootte op de downloadpagina")
    return engine.EngineResult(True, "")
