"""The command-line tool: check, build and preview the training site (messages in Dutch)."""
from __future__ import annotations

import argparse
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.print.render import PdfPool, RenderReport
from generator.site.engine import EngineResult
from generator.site.site_with_pdfs import build_site_with_pdfs
from generator.argparse_nl import DutchParser
from generator.site.build import (
    BuildOptions,
    Project,
    build_offline_zip,
    build_scorm_zip,
    build_site,
    check,
    generate,
    pdf_pool,
    whats_new,
)

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2  # 2 is also what argparse exits with on a usage error

PROGRAM = "netwerkcoach"  # the command's name (pyproject.toml), as its messages say it


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path.cwd(), metavar="MAP",
                        help="projectmap met content/, worksheets/ en site_config/ (standaard: huidige map)")
    parser.add_argument("--org", default="default", metavar="NAAM",
                        help="organisatie uit site_config/NAAM.yml (standaard: default)")


def make_parser() -> argparse.ArgumentParser:
    parser = DutchParser(prog=PROGRAM,
                         description="Maak van het handboek van een methode in stappen een trainingssite "
                                     "met werkbladen, toetsen en PDF's.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="OPDRACHT")
    check_cmd = commands.add_parser("check", help="controleer alle inhoud en toon elk probleem")
    _common(check_cmd)
    build_cmd = commands.add_parser("build", help="controleer en bouw de site in site/")
    _common(build_cmd)
    build_cmd.add_argument("--out", type=Path, default=None, metavar="MAP",
                           help="waar de site komt (standaard: site/ in de projectmap)")
    build_cmd.add_argument("--all", action="store_true",
                           help="bouw elke organisatie uit site_config/, naast elkaar, in site/<naam>/")
    build_cmd.add_argument("--offline", action="store_true",
                           help="maak een zip die werkt vanaf een USB-stick (index.html openen), in dist/")
    build_cmd.add_argument("--scorm", action="store_true",
                           help="maak een SCORM 1.2-pakket van de e-learning voor een leerplatform, in dist/")
    build_cmd.add_argument("--vergelijk-met", default=None, metavar="MAP_OF_REVISIE",
                           help="maak de pagina 'Wat is er nieuw' tegenover een vorige editie "
                                "(een projectmap of een git-revisie, bijvoorbeeld een tag)")
    build_cmd.add_argument("--met-versiekeuze", action="store_true",
                           help=f"toon een keuze tussen edities (voor publicatie met {PROGRAM} publiceer)")
    build_cmd.add_argument("--no-pdf", action="store_true",
                           help="maak geen PDF's (sneller; de site linkt dan niet naar PDF's)")
    export_cmd = commands.add_parser("export-toetsen",
                                     help="zet alle toetsvragen in een bestand voor een leeromgeving (LMS)")
    _common(export_cmd)
    export_cmd.add_argument("--format", choices=["gift", "qti"], default="gift",
                            help="gift (Moodle) of qti (IMS QTI 2.1, zip); standaard: gift")
    export_cmd.add_argument("--out", type=Path, required=True, metavar="BESTAND", help="waar het bestand komt")
    publish_cmd = commands.add_parser("publiceer", help="zet de gebouwde site als editie in een publicatiemap")
    _common(publish_cmd)
    publish_cmd.add_argument("--site", type=Path, default=None, metavar="MAP",
                             help="de gebouwde site (standaard: site/ in de projectmap)")
    publish_cmd.add_argument("--naar", type=Path, required=True, metavar="MAP",
                             help="de publicatiemap met alle edities (bijvoorbeeld public/)")
    serve_cmd = commands.add_parser("serve", help="bekijk de site terwijl je schrijft (live)")
    _common(serve_cmd)
    serve_cmd.add_argument("--addr", default="127.0.0.1:8000", metavar="HOST:POORT",
                           help="adres van de preview (standaard: 127.0.0.1:8000)")
    return parser


def _usable_root(root: Path) -> bool:
    if (root / "content").is_dir():
        return True
    print(f"{PROGRAM}: '{root}' is geen projectmap: de map content/ ontbreekt. "
          "Gebruik --root MAP.", file=sys.stderr)
    return False


def run_check(project: Project) -> int:
    _, diags = check(project)
    diags.print_all(sys.stdout)
    print(diags.summary())
    return EXIT_CONTENT if diags.errors else EXIT_OK


@dataclass
class Outcome:
    code: int
    out: list[str] = field(default_factory=list)
    err: list[str] = field(default_factory=list)


def build_one(project: Project, site_dir: Path, options: BuildOptions, previous: str | None,
              pdf_workers: PdfPool | None = None) -> Outcome:
    """Check, generate and build one organisation's site (or offline zip); collect messages."""
    outcome = Outcome(EXIT_OK)
    handbook, diags = check(project)
    outcome.err += [str(d) for d in diags.sorted()]
    if handbook is None:
        outcome.err.append(f"{diags.summary()} Er is niets gebouwd; de vorige site is niet veranderd.")
        outcome.code = EXIT_CONTENT
        return outcome
    if previous:
        news, problem = whats_new(project, handbook, previous)
        if news is None:
            outcome.err.append(f"Wat is er nieuw: {problem} Er is niets gebouwd.")
            outcome.code = EXIT_CONTENT
            return outcome
        options = replace(options, whats_new=news)
    if options.with_pdf and not (options.scorm or options.offline):
        # The usual build: the engine builds the pages while the PDF workers make the PDFs.
        report, result = build_site_with_pdfs(project, handbook, site_dir, options, pdf_workers)
        if not _report_pdfs(outcome, report):
            return outcome
        assert result is not None
        return _report_site(outcome, result, f"Klaar: de site staat in {site_dir}. Open {site_dir / 'index.html'}.")
    generated = generate(project, handbook, options, pdf_workers)
    if generated.pdf and not _report_pdfs(outcome, generated.pdf):
        return outcome
    if options.scorm:
        zip_path = project.root / "dist" / f"{handbook.meta.id}-{project.org}-{handbook.meta.edition.version}-scorm.zip"
        result = build_scorm_zip(project, handbook, zip_path)
        done = f"Klaar: het SCORM-pakket staat in {zip_path}. Zet het in je leerplatform als SCORM-activiteit."
    elif options.offline:
        zip_path = project.root / "dist" / f"{handbook.meta.id}-{project.org}-{handbook.meta.edition.version}-offline.zip"
        result = build_offline_zip(project, handbook, zip_path)
        done = f"Klaar: de offline-versie staat in {zip_path}. Pak hem uit en open index.html."
    else:
        result = build_site(project, handbook, site_dir)
        done = f"Klaar: de site staat in {site_dir}. Open {site_dir / 'index.html'}."
    return _report_site(outcome, result, done)


def _report_pdfs(outcome: Outcome, pdf: RenderReport) -> bool:
    """The PDF stage's notices and problems, or its summary; False when the build stops here."""
    outcome.err += [str(notice) for notice in pdf.notices]
    if pdf.problems:
        outcome.err += [str(problem) for problem in sorted(pdf.problems)]
        outcome.err.append("De PDF's hebben problemen (zie hierboven). De vorige site is niet veranderd.")
        outcome.code = EXIT_CONTENT
        return False
    outcome.err.append(f"PDF's: {len(pdf.rendered)} gemaakt, {len(pdf.cached)} uit de cache; opnieuw gezet: "
                       f"{pdf.parts_rendered} van {pdf.parts_rendered + pdf.parts_cached} delen.")
    return True


def _report_site(outcome: Outcome, result: EngineResult, done: str) -> Outcome:
    if not result.ok:
        outcome.err += [result.output, "De site-bouwer meldde problemen (zie hierboven). "
                        "De vorige site is niet veranderd."]
        outcome.code = EXIT_CONTENT
    else:
        outcome.out.append(done)
    return outcome


def organisations(root: Path) -> list[str]:
    return sorted(path.stem for path in (root / "site_config").glob("*.yml"))


def run_build(root: Path, org: str, out: Path | None, options: BuildOptions, all_orgs: bool,
              previous: str | None = None) -> int:
    base = (out or root / "site").resolve()
    # The PDF workers start now and load WeasyPrint while the content is being checked.
    workers = pdf_pool(Project(root, org)).start() if options.with_pdf else None
    try:
        outcomes = _build_each(root, org, base, options, all_orgs, previous, workers)
    finally:
        if workers is not None:
            workers.close()
    for outcome in outcomes:
        for line in outcome.err:
            print(line, file=sys.stderr)
        for line in outcome.out:
            print(line)
    return max(outcome.code for outcome in outcomes)


def _build_each(root: Path, org: str, base: Path, options: BuildOptions, all_orgs: bool, previous: str | None,
                workers: PdfPool | None) -> list[Outcome]:
    if not all_orgs:
        return [build_one(Project(root, org), base, options, previous, workers)]
    orgs = organisations(root)
    # Organisations build side by side; their PDFs share the workers.
    with ThreadPoolExecutor(max_workers=min(2, len(orgs) or 1)) as threads:
        outcomes = list(threads.map(
            lambda name: build_one(Project(root, name), base / name, options, previous, workers), orgs))
    for name, outcome in zip(orgs, outcomes):
        outcome.err = [f"[{name}] {line}" for line in outcome.err]
        outcome.out = [f"[{name}] {line}" for line in outcome.out]
    return outcomes


def main(argv: list[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    root = args.root.resolve()
    if not _usable_root(root):
        return EXIT_USAGE
    project = Project(root, args.org)
    if args.command == "check":
        return run_check(project)
    if args.command == "build":
        options = BuildOptions(with_pdf=not args.no_pdf, offline=args.offline, scorm=args.scorm,
                               version_switcher=args.met_versiekeuze)
        return run_build(root, args.org, args.out, options, args.all, args.vergelijk_met)
    if args.command == "publiceer":
        return run_publish(project, args.site or root / "site", args.naar)
    if args.command == "export-toetsen":
        return run_export(project, args.format, args.out)
    from generator.site.serve import serve
    return serve(project, args.addr)


def run_publish(project: Project, site: Path, public: Path) -> int:
    from generator.site.publish import publish_edition
    handbook, diags = check(project)
    if handbook is None:
        print(f"{diags.summary()} Er is niets gepubliceerd.", file=sys.stderr)
        return EXIT_CONTENT
    if not (site / "index.html").is_file():
        print(f"{PROGRAM}: in {site} staat geen gebouwde site. Draai eerst {PROGRAM} build.", file=sys.stderr)
        return EXIT_USAGE
    edition = handbook.meta.edition
    versions = publish_edition(site, public, edition.version, edition.name)
    print(f"Gepubliceerd: {edition.name} in {public / edition.version}. "
          f"Edities: {', '.join(v['version'] for v in versions)}.")
    return EXIT_OK


def run_export(project: Project, kind: str, out: Path) -> int:
    """Export the question bank, then read the file back and check it before saying it is done."""
    from generator.export import check_gift, check_qti, export_gift, export_qti
    handbook, diags = check(project)
    diags.print_all(sys.stderr)
    if handbook is None:
        print(f"{diags.summary()} Er is niets geëxporteerd.", file=sys.stderr)
        return EXIT_CONTENT
    if kind == "gift":
        text = export_gift(handbook)
        problems, data = check_gift(handbook, text), text.encode("utf-8")
    else:
        data = export_qti(handbook)
        problems = check_qti(data, handbook)
    if problems:
        exported = _export_problems(project, kind, out, problems)
        exported.print_all(sys.stderr)
        print(f"{exported.summary()} Er is niets geëxporteerd.", file=sys.stderr)
        return EXIT_CONTENT
    out.write_bytes(data)
    count = sum(len(q.questions) for q in handbook.quizzes.values())
    print(f"Klaar: {count} vragen uit {len(handbook.quizzes)} toetsen staan in {out} ({kind.upper()}).")
    return EXIT_OK


def _export_problems(project: Project, kind: str, out: Path, problems: list[str]) -> Diagnostics:
    """What reading the export back found, located at the file it was meant for (it is not written)."""
    diags = Diagnostics(project.root)
    for problem in problems:
        diags.error(diags.at(out), "NC093" if kind == "gift" else "NC094",
                    f"de export klopt niet met de toetsen: {problem}; verwacht: precies de vragen uit de "
                    "toetsen (dit is een fout in de generator; meld het met deze melding)")
    return diags
