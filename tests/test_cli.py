"""The command-line tool: Dutch help, exit codes, and a failed build never touches site/."""
from __future__ import annotations

from pathlib import Path

from conftest import run_cli, share_pdf_cache


def test_help_is_dutch() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("Gebruik: netwerkcoach")
    assert "controleer alle inhoud" in result.stdout
    assert "toon deze hulp" in result.stdout


def test_build_help_is_dutch() -> None:
    result = run_cli("build", "--help")
    assert result.returncode == 0
    assert "projectmap met content/" in result.stdout


def test_every_subcommand_help_says_gebruik_once_and_has_dutch_titles() -> None:
    for command in ("check", "build", "export-toetsen", "publiceer", "serve"):
        result = run_cli(command, "--help")
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(f"Gebruik: netwerkcoach {command} [-h]")
        assert result.stdout.count("Gebruik:") == 1
        assert "\nopties:\n" in result.stdout and "toon deze hulp en stop" in result.stdout
        assert "usage" not in result.stdout and "options:" not in result.stdout


def test_argparse_errors_in_a_subcommand_are_dutch() -> None:
    missing = run_cli("export-toetsen")
    assert missing.returncode == 2
    assert "netwerkcoach export-toetsen: fout in de opdracht: deze argumenten zijn verplicht: --out" in missing.stderr
    no_value = run_cli("check", "--org")
    assert "argument --org: verwacht één waarde" in no_value.stderr
    unknown = run_cli("check", "--kleur", "rood")
    assert "onbekende argumenten: --kleur rood" in unknown.stderr
    assert "usage" not in missing.stderr + no_value.stderr + unknown.stderr


def test_help_describes_the_tool_not_one_method() -> None:
    description = run_cli("--help").stdout.split("\n\n")[1]
    assert "methode in stappen" in description
    assert "Natuurlijk" not in description


def test_usage_error_exits_2_in_dutch() -> None:
    result = run_cli("bouw")
    assert result.returncode == 2
    assert "fout in de opdracht" in result.stderr
    assert "Traceback" not in result.stderr


def test_root_without_content_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("check", "--root", str(tmp_path))
    assert result.returncode == 2
    assert "de map content/ ontbreekt" in result.stderr


def test_check_of_a_good_handbook_exits_0(minimal: Path) -> None:
    result = run_cli("check", "--root", str(minimal))
    assert result.returncode == 0, result.stdout
    assert result.stdout == "Geen problemen gevonden.\n"


def test_unknown_organisation_is_a_content_error(minimal: Path) -> None:
    result = run_cli("check", "--root", str(minimal), "--org", "onbekend")
    assert result.returncode == 1
    assert "site_config:1:1: NC057 'onbekend.yml' ontbreekt" in result.stdout


def test_failed_build_leaves_previous_site_untouched(minimal: Path, pdf_cache: Path) -> None:
    site = share_pdf_cache(minimal, pdf_cache) / "site"
    assert run_cli("build", "--root", str(minimal)).returncode == 0
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    step = minimal / "content" / "steps" / "01-eerste-stap" / "step.yml"
    step.write_text(step.read_text(encoding="utf-8").replace("phase: begin", "phase: weg"), encoding="utf-8")
    result = run_cli("build", "--root", str(minimal))
    assert result.returncode == 1
    assert "NC053" in result.stderr and "de vorige site is niet veranderd" in result.stderr
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before


def test_engine_failure_leaves_previous_site_untouched(minimal: Path, pdf_cache: Path) -> None:
    site = share_pdf_cache(minimal, pdf_cache) / "site"
    assert run_cli("build", "--root", str(minimal)).returncode == 0
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    # A base config the engine refuses: the content is fine, the site build fails.
    (minimal / "mkdocs.yml").write_text("site_name: x\ntheme:\n  name: bestaat-niet\n", encoding="utf-8")
    result = run_cli("build", "--root", str(minimal))
    assert result.returncode == 1
    assert "De vorige site is niet veranderd" in result.stderr
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert not any(p.name.startswith(".site") for p in minimal.iterdir())



def test_a_pdf_problem_while_the_engine_builds_the_pages_leaves_the_site_as_it_was(minimal: Path, pdf_cache: Path) -> None:
    """The engine builds the pages while the PDFs are made. When a PDF then has a problem, the new
    pages are thrown away: the published site stays byte for byte, and no half-built site is left."""
    import shutil
    site = share_pdf_cache(minimal, pdf_cache) / "site"
    shutil.copytree(Path(__file__).resolve().parents[1] / "theme", minimal / "theme")
    assert run_cli("build", "--root", str(minimal)).returncode == 0
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    page = minimal / "content" / "pages" / "luisteren.md"  # a changed page: the engine starts at once
    page.write_text(page.read_text(encoding="utf-8") + "\nEen nieuwe zin.\n", encoding="utf-8")
    template = minimal / "theme" / "print" / "worksheet.html.j2"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "{% block body %}", '{% block body %}<img src="ontbreekt.png" alt="ontbreekt">', 1), encoding="utf-8")
    result = run_cli("build", "--root", str(minimal))
    assert result.returncode == 1
    assert " NC090 " in result.stderr and "De vorige site is niet veranderd" in result.stderr
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert not any(p.name.startswith(".site") for p in minimal.iterdir())


def test_unchanged_rebuild_skips_the_engine_but_repairs_a_damaged_site(minimal: Path) -> None:
    assert run_cli("build", "--root", str(minimal), "--no-pdf").returncode == 0
    index = minimal / "site" / "index.html"
    before = index.stat().st_mtime_ns
    assert run_cli("build", "--root", str(minimal), "--no-pdf").returncode == 0
    assert index.stat().st_mtime_ns == before  # the site was left as it was
    index.unlink()
    assert run_cli("build", "--root", str(minimal), "--no-pdf").returncode == 0
    assert index.is_file()
    page = minimal / "content" / "pages" / "luisteren.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMaanzaadbrood.\n", encoding="utf-8")
    assert run_cli("build", "--root", str(minimal), "--no-pdf").returncode == 0
    assert "Maanzaadbrood" in (minimal / "site" / "houding" / "luisteren.html").read_text(encoding="utf-8")


def test_an_engine_warning_names_the_authors_file(minimal: Path) -> None:
    """A warning of the site engine that got past `check` points at the source, not at build/."""
    from generator.site.build import Project, check, explain_engine_output, page_sources
    handbook, _ = check(Project(minimal))
    warning = ("WARNING -  Doc file 'stappen/stap-01-eerste-stap.md' contains a link '#x', "
               "but there is no such anchor on this page.")
    general = "WARNING -  Config value 'plugins': the plugin is deprecated."
    explained = explain_engine_output(f"INFO - Building\n{warning}\n{general}", page_sources(handbook),
                                      "build/default/mkdocs.yml")
    assert explained.splitlines()[1].startswith("content/steps/01-eerste-stap:1:1: NC092 de site-bouwer meldt")
    assert explained.splitlines()[2].startswith("build/default/mkdocs.yml:1:1: NC092 de site-bouwer meldt: "
                                                f"{general}; verwacht: ")
    assert explained.splitlines()[0] == "INFO - Building"
