"""The commands' work: check (load + validate), generate (docs tree), build (engine + publish)."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlsplit

from generator.home import GENERATOR_HOME
from generator.check.crossref import check_handbook
from generator.check.method_terms import check_method_terms
from generator.check.monitoring import check_monitoring
from generator.check.training import check_training
from generator.check.quiz_balance import check_quiz_balance
from generator.check.readability import check_readability
from generator.diagnostics import Diagnostic, Diagnostics, Location
from generator.export import scorm
from generator.load.loader import load_handbook
from generator.load.training import load_training
from generator.model.dates import source_date_epoch
from generator.model.handbook import Handbook
from generator.model.paths import quiz_page, worksheet_page
from generator.print.print_html import PrintRenderer
from generator.print.render import PdfPool, RenderReport, pdf_setup, render_all
from generator.site import engine
from generator.site.csp import KnownScripts, verify_site
from generator.site.editions import checkout_revision, compare
from generator.site.files import publish, sync_tree, write_zip
from generator.web.site_tree import Download, SiteTree, WhatsNew, build_tree, engine_config

@dataclass
class Project:
    """Where things are for one organisation's build."""

    root: Path
    org: str = "default"

    @property
    def work_dir(self) -> Path:
        return self.root / "build" / self.org

    @property
    def docs_dir(self) -> Path:
        return self.work_dir / "docs"

    @property
    def config_path(self) -> Path:
        return self.work_dir / "mkdocs.yml"

    @property
    def pdf_cache(self) -> Path:
        return self.root / "build" / "pdf-cache"

    @property
    def theme_dir(self) -> Path:
        own = self.root / "theme"
        return own if own.is_dir() else GENERATOR_HOME / "theme"

    @property
    def base_config(self) -> Path:
        own = self.root / "mkdocs.yml"
        return own if own.is_file() else GENERATOR_HOME / "mkdocs.yml"


def check(project: Project) -> tuple[Handbook | None, Diagnostics]:
    """Load and validate everything; the handbook is None when there are errors."""
    diags = Diagnostics(project.root)
    handbook, loaded = load_handbook(project.root, project.org, diags)
    if handbook is not None:
        # The training (the meetings' half) is loaded beside the handbook: it refers into it.
        handbook.training = load_training(project.root / "content", diags, loaded)
        check_handbook(handbook, loaded, diags)
        check_training(handbook, loaded, diags)
        check_method_terms(handbook, loaded, diags)
        check_monitoring(handbook, loaded, diags)
        check_readability(handbook, loaded, diags)
        check_quiz_balance(handbook, loaded, diags)
    return (None if diags.errors else handbook), diags


@dataclass
class Generated:
    changed: int
    pdf: RenderReport | None
    layout_changed: bool = False  # the config (menu) or the set of pages changed: every page is affected


def pdf_pool(project: Project) -> PdfPool:
    """The PDF workers for this project's print templates and PDF cache (not started yet)."""
    return PdfPool(pdf_setup(project.theme_dir / "print", project.theme_dir / "assets", project.pdf_cache))


def render_pdfs(project: Project, handbook: Handbook,
                workers: PdfPool | None = None) -> tuple[RenderReport, list[Download]]:
    docs = PrintRenderer(handbook, project.theme_dir / "print").documents()
    report = render_all(docs, project.theme_dir / "print", project.theme_dir / "assets",
                        project.pdf_cache, source_date_epoch(handbook.meta.edition.date), pool=workers)
    return report, [Download(doc.path, doc.title, doc.description, report.files[doc.path]) for doc in docs]


@dataclass
class BuildOptions:
    """What a build makes besides the pages."""

    with_pdf: bool = True
    offline: bool = False           # the theme's offline plugin: search from file://
    version_switcher: bool = False  # for editions published side by side
    whats_new: WhatsNew | None = None
    preview: bool = False           # `serve`: our reload script instead of the engine's inline one
    scorm: bool = False             # the SCORM package: scorm.js talks to the learning platform
    pdf_on_demand: bool = False     # `serve`: pages link to the PDFs, which the preview makes when asked


def generate(project: Project, handbook: Handbook, options: BuildOptions | None = None,
             pdf_workers: PdfPool | None = None) -> Generated:
    """Write the docs tree (with PDFs unless told not to) and the engine config. `pdf_workers`: a
    started pool to use (the caller closes it); without one the PDF stage starts its own."""
    options = options or BuildOptions()
    report, downloads = render_pdfs(project, handbook, pdf_workers) if options.with_pdf else (None, [])
    if options.pdf_on_demand and not options.with_pdf:
        downloads = [Download(doc.path, doc.title, doc.description, None)
                     for doc in PrintRenderer(handbook, project.theme_dir / "print").documents()]
    if report and report.problems:  # nothing is written: the build stops with the problems
        return Generated(0, report)
    tree = site_tree(project, handbook, options, downloads)
    changed, layout_changed = write_docs(project, handbook, options, tree)
    return Generated(changed, report, layout_changed)


def site_tree(project: Project, handbook: Handbook, options: BuildOptions, downloads: list[Download]) -> SiteTree:
    tree = build_tree(handbook, project.theme_dir / "assets", downloads, options.whats_new,
                      web_templates=project.theme_dir / "web")
    if options.scorm:
        tree.add_text(scorm.ROUTE_SCRIPT, scorm.route_script(handbook))
    return tree


def write_docs(project: Project, handbook: Handbook, options: BuildOptions, tree: SiteTree) -> tuple[int, bool]:
    """Write the docs tree and the engine config; (files written, whether the menu or the set of
    pages changed)."""
    synced = sync_tree(tree.files, project.docs_dir)
    changed, layout_changed = synced.written, synced.set_changed
    here = project.config_path.parent
    config = engine_config(project.base_config, handbook, tree.nav, _relative(project.docs_dir, here),
                           _relative(project.theme_dir / "overrides", here), known_scripts(project, handbook).policy(),
                           options.offline, options.version_switcher, options.preview,
                           options.scorm)
    if not project.config_path.is_file() or project.config_path.read_text(encoding="utf-8") != config:
        project.config_path.write_text(config, encoding="utf-8")
        changed, layout_changed = changed + 1, True
    return changed, layout_changed


def known_scripts(project: Project, handbook: Handbook) -> KnownScripts:
    """The inline scripts the pages of this docs tree may run (for the policy and its check)."""
    depth = max((len(p.relative_to(project.docs_dir).parts) - 1 for p in project.docs_dir.rglob("*.md")), default=0)
    site_path = urlsplit(handbook.site.site_url).path or "/"
    return KnownScripts.for_site(project.theme_dir / "overrides", depth, site_path)


def page_sources(handbook: Handbook) -> dict[str, str]:
    """Generated page -> the source file an author edits (for engine messages)."""
    root = handbook.root
    sources = {step.page_path: step.source.path.parent for step in handbook.steps}
    sources |= {phase.page_path: phase.source.path for phase in handbook.phases}
    sources |= {page.page_path: page.body.path for page in handbook.pages}
    sources |= {worksheet_page(sid): root / "worksheets" / f"{sid}.yml" for sid in handbook.worksheets}
    sources |= {quiz_page(qid): root / "content" / "quizzes" / f"{qid}.yml" for qid in handbook.quizzes}
    return {page: Path(os.path.relpath(path, root)).as_posix() for page, path in sources.items()}


def explain_engine_output(output: str, sources: dict[str, str], config: str = "mkdocs.yml") -> str:
    """The engine's warnings as diagnostics, pointed at the author's file instead of the generated
    one (at the generated config when they name no page); its other lines as they are."""
    lines = []
    for line in output.splitlines():
        if line.startswith(("WARNING", "ERROR")):
            line = str(engine_problem(line, sources, config))
        lines.append(line)
    return "\n".join(lines)


def engine_problem(line: str, sources: dict[str, str], config: str) -> Diagnostic:
    page = next((page for page in sources if f"'{page}'" in line), None)
    shown = f" (in de gemaakte pagina {page})" if page else ""
    return Diagnostic(Location(sources[page] if page else config), "NC092",
                      f"de site-bouwer meldt{shown}: {line}; verwacht: geen meldingen (kijk naar links en kopjes)")


def checked(project: Project, handbook: Handbook, built: Path, result: engine.EngineResult) -> engine.EngineResult:
    """The engine's result, failed when a page lacks the policy or runs an unknown inline script."""
    if not result.ok:
        config = _relative(project.config_path, project.root)
        return engine.EngineResult(False, explain_engine_output(result.output, page_sources(handbook), config))
    problems = verify_site(built, known_scripts(project, handbook))
    if problems:
        return engine.EngineResult(False, "\n".join(["Beveiliging: " + p for p in problems]))
    return result


def _relative(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path.resolve(), start.resolve())).as_posix()


def tree_digest(project: Project, site_dir: Path, epoch: int) -> str:
    """Everything the engine's output depends on: the generated tree, its config, the theme."""
    digest = hashlib.sha256(f"{site_dir}\0{epoch}\0{version('mkdocs')}\0{version('mkdocs-material')}".encode())
    for folder in (project.docs_dir, project.theme_dir / "overrides"):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(project.config_path.read_bytes())
    digest.update(Path(verify_site.__code__.co_filename).read_bytes())  # our check of the output, too
    return digest.hexdigest()


def _site_listing(site_dir: Path) -> str:
    """Names and sizes of what is in the site now: a hand-edited or half-deleted site is rebuilt."""
    listing = hashlib.sha256()
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        listing.update(f"{path.relative_to(site_dir).as_posix()}\0{path.stat().st_size}\n".encode())
    return listing.hexdigest()


def build_site(project: Project, handbook: Handbook, site_dir: Path, pending: str = "") -> engine.EngineResult:
    """Build into a fresh folder next to `site_dir`, then swap it in only on success.

    When nothing the engine reads has changed since the last build into `site_dir`, the
    engine is not run again: the site it made then is the site it would make now. `pending`: the
    digest of the docs tree with stand-ins for the PDFs (site_with_pdfs.py), kept in the stamp.
    """
    epoch = source_date_epoch(handbook.meta.edition.date)
    digest = tree_digest(project, site_dir, epoch)
    if stamp_of(project, site_dir) == (pending, digest):
        return engine.EngineResult(True, "ongewijzigd")
    staging = fresh_staging(project, site_dir)
    result = checked(project, handbook, staging, engine.build_with_mkdocs(project.config_path, staging, epoch))
    return finish_site(project, staging, site_dir, result, pending, digest)


def staging_dir(site_dir: Path) -> Path:
    """Where a new site is built, next to `site_dir`, before it is swapped in."""
    return site_dir.with_name(f".{site_dir.name}.new")


def fresh_staging(project: Project, site_dir: Path) -> Path:
    """The empty folder a new site is built in, next to `site_dir`; the stamp goes until it is done."""
    staging = staging_dir(site_dir)
    if staging.exists():
        shutil.rmtree(staging)
    (project.work_dir / "site-stamp").unlink(missing_ok=True)
    return staging


def stamp_of(project: Project, site_dir: Path) -> tuple[str, str] | None:
    """(pending digest, docs tree digest) the site in `site_dir` was built from; None when unknown
    or when the site was changed since (a hand-edited or half-deleted site is rebuilt)."""
    stamp = project.work_dir / "site-stamp"
    if not site_dir.is_dir() or not stamp.is_file():
        return None
    lines = stamp.read_text(encoding="utf-8").split("\n")
    if len(lines) != 3 or lines[2] != _site_listing(site_dir):
        return None
    return lines[0], lines[1]


def finish_site(project: Project, staging: Path, site_dir: Path, result: engine.EngineResult, pending: str,
                digest: str) -> engine.EngineResult:
    """Swap the new site in when it is good (and note what it was built from), else drop it."""
    if result.ok:
        publish(staging, site_dir)
        (project.work_dir / "site-stamp").write_text(f"{pending}\n{digest}\n{_site_listing(site_dir)}",
                                                     encoding="utf-8")
    elif staging.exists():
        shutil.rmtree(staging)
    return result


def _zipped_site(project: Project, handbook: Handbook, name: str, pack) -> engine.EngineResult:
    """Build the site into a side folder, let `pack(staging, epoch)` zip it (it may refuse with a
    failed result), then remove the folder."""
    staging = project.work_dir / name
    if staging.exists():
        shutil.rmtree(staging)
    epoch = source_date_epoch(handbook.meta.edition.date)
    result = checked(project, handbook, staging, engine.build_with_mkdocs(project.config_path, staging, epoch))
    if result.ok:
        result = pack(staging, epoch) or result
    shutil.rmtree(staging, ignore_errors=True)
    return result


def build_offline_zip(project: Project, handbook: Handbook, zip_path: Path) -> engine.EngineResult:
    """The site as a zip that works from a USB stick (file://), search included."""
    def pack(staging: Path, epoch: int) -> None:
        write_zip(staging, zip_path, epoch, prefix=f"{handbook.meta.id}-{handbook.site.id}")
    return _zipped_site(project, handbook, "offline-site", pack)


def build_scorm_zip(project: Project, handbook: Handbook, zip_path: Path) -> engine.EngineResult:
    """The e-learning as a SCORM 1.2 package: the site with imsmanifest.xml at the root. A manifest
    the SCORM schemas refuse is not packed."""
    def pack(staging: Path, epoch: int) -> engine.EngineResult | None:
        files = [p.relative_to(staging).as_posix() for p in staging.rglob("*") if p.is_file()]
        data = scorm.manifest(handbook, files)
        problems = scorm.manifest_problems(data)
        if problems:
            return engine.EngineResult(False, "\n".join(["SCORM-pakket: " + p for p in problems]))
        (staging / scorm.MANIFEST).write_bytes(data)
        write_zip(staging, zip_path, epoch, prefix="")
        return None
    return _zipped_site(project, handbook, "scorm-site", pack)


def whats_new(project: Project, handbook: Handbook, previous: str) -> tuple[WhatsNew | None, str]:
    """Compare with an earlier edition: a folder with content/, or a git revision of this repo."""
    old_root = Path(previous)
    try:
        if not (old_root / "content").is_dir():
            old_root = checkout_revision(project.root, previous)
    except subprocess.CalledProcessError:
        return None, f"'{previous}' is geen map met content/ en geen git-revisie van dit project."
    old, diags = check(Project(old_root, project.org))
    if old is None:
        return None, f"de vorige editie ({previous}) heeft {len(diags.errors)} fout(en) en kan niet vergeleken worden."
    label = f"{old.meta.edition.name} (versie {old.meta.edition.version})"
    return WhatsNew(label, compare(old, handbook)), ""
