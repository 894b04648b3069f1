"""Another method's handbook, written from scratch in our source format (tests/fixtures/other-method):
its own words, two phases, four steps, steps without a worksheet, no glossary or literature, a pass
mark in questions. Its site and PDFs must carry none of the bundled method's words, and the
generator's own code none outside what content drives."""
from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT, copy_fixture, run_cli

# Words of "Natuurlijk, een netwerkcoach!" that must not leak into another method's output.
BUNDLED_WORDS = ("netwerkcoach", "netwerkcoaches", "cliënt", "cliënten", "TO GROW", "droomvraag",
                 "wondervraag", "WIE-vraag", "Uitleg voor de coach", "Theorie- en praktijkblad",
                 "Werkblad voor de cliënt", "netwerkkaart", "Buren en buurt",
                 "Hulpverleners", "Dichtbij", "Verder weg", "Op afstand", "meedenkbijeenkomst")
PATTERN = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in BUNDLED_WORDS) + r")(?![\w])", re.I)
# A network-map block is a product block type (`type: netwerkkaart`); its name may stand in our code.
CODE_PATTERN = re.compile(PATTERN.pattern.replace("|netwerkkaart", ""), re.I)


@pytest.fixture(scope="module")
def other(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_fixture("other-method", tmp_path_factory.mktemp("other") / "project")
    result = run_cli("build", "--root", str(project))
    assert result.returncode == 0, result.stdout + result.stderr
    offline = run_cli("build", "--root", str(project), "--offline", "--no-pdf")
    assert offline.returncode == 0, offline.stdout + offline.stderr
    return project


def _hits(text: str, pattern: re.Pattern[str] = PATTERN) -> list[str]:
    return sorted({m.group(0) for m in pattern.finditer(text)})


def test_check_is_clean() -> None:
    project = ROOT / "tests" / "fixtures" / "other-method"
    result = run_cli("check", "--root", str(project))
    assert result.returncode == 0, result.stdout
    assert "Geen problemen gevonden." in result.stdout


def test_no_page_or_search_entry_has_a_bundled_word(other: Path) -> None:
    site = other / "site"
    pages = [p for p in site.rglob("*") if p.suffix in (".html", ".xml", ".json") and p.is_file()]
    assert len(pages) > 10
    leaks = {p.relative_to(site).as_posix(): _hits(p.read_text(encoding="utf-8")) for p in pages}
    assert {page: hits for page, hits in leaks.items() if hits} == {}
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("loopbaanmaatje" in doc["text"] for doc in index["docs"])


def test_our_own_scripts_and_styles_in_the_site_have_no_bundled_word(other: Path) -> None:
    site = other / "site"
    own = list((site / "assets" / "js").glob("*.js")) + list((site / "assets" / "css").glob("*.css"))
    own += list((site / "partials").rglob("*.js"))
    assert own
    leaks = {p.name: _hits(p.read_text(encoding="utf-8"), CODE_PATTERN) for p in own}
    assert {name: hits for name, hits in leaks.items() if hits} == {}


def test_no_pdf_text_or_metadata_has_a_bundled_word(other: Path) -> None:
    pdfs = sorted((other / "site" / "pdf").rglob("*.pdf"))
    assert len(pdfs) == 10  # 2 worksheets (blank + fillable), 4 steps, 2 packs
    for pdf in pdfs:
        text = subprocess.run(["pdftotext", "-q", str(pdf), "-"], capture_output=True, text=True).stdout
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert _hits(text + info) == [], pdf.name
        assert "Werkpad" in info  # the handbook's own name is in the metadata instead


def test_file_names_and_storage_keys_come_from_the_handbook(other: Path) -> None:
    names = [p.relative_to(other).as_posix() for p in (other / "site").rglob("*")]
    names += [p.name for p in (other / "dist").iterdir()]
    assert [n for n in names if _hits(n.replace("-", " "))] == []
    archive = next((other / "dist").glob("*.zip"))
    assert archive.name == "werkpad-default-0.3-offline.zip"
    assert zipfile.ZipFile(archive).namelist()[0].startswith("werkpad-default/")
    home = (other / "site" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="nc-site" content="werkpad:default">' in home
    sites = set(re.findall(r'data-site="([^"]*)"', (other / "site" / "toetsen" / "stap-1.html").read_text("utf-8")))
    assert sites == {"werkpad:default"}


def test_parts_a_step_lacks_leave_no_heading(other: Path) -> None:
    site = other / "site" / "stappen"
    first = (site / "stap-01-kennismaken.html").read_text(encoding="utf-8")
    second = (site / "stap-02-talenten.html").read_text(encoding="utf-8")
    for anchor in ("waar-het-om-gaat", "oefenblad", "tips-uit-de-praktijk"):
        assert f'<h2 id="{anchor}">' in first, anchor
    assert '<h2 id="waar-het-om-gaat">' in second
    assert 'id="oefenblad"' not in second and 'id="tips-uit-de-praktijk"' not in second
    assert "Oefenblad" not in second  # nor in its table of contents or "Op deze pagina" line


def test_no_glossary_means_no_glossary_page_or_menu_entry(other: Path) -> None:
    site = other / "site"
    assert not (site / "naslag").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Begrippenlijst" not in home and "begrippen.html" not in home and "literatuur.html" not in home


def test_pass_mark_in_questions(other: Path) -> None:
    quiz = (other / "site" / "toetsen" / "stap-1.html").read_text(encoding="utf-8")
    assert 'data-pass-needed="2"' in quiz and "2 van de 3 goed" in quiz
    index = (other / "site" / "toetsen" / "index.html").read_text(encoding="utf-8")
    assert "geslaagd bij 2 van de 3 goed" in index


def test_generator_and_theme_carry_no_method_word() -> None:
    """Outside content: the generator's code and the theme. The tool's command name stays
    `netwerkcoach` (cli.PROGRAM, pyproject's entry point); that one constant is allowed."""
    files = [p for folder in ("generator", "theme") for p in (ROOT / folder).rglob("*")
             if p.is_file() and p.suffix in (".py", ".js", ".j2", ".html", ".css", ".yml")
             and "vendor" not in p.parts]
    allowed = re.compile(r'PROGRAM = "netwerkcoach"')
    leaks = {}
    for path in files:
        text = allowed.sub("", path.read_text(encoding="utf-8"))
        hits = _hits(text, CODE_PATTERN)
        if hits:
            leaks[path.relative_to(ROOT).as_posix()] = hits
    assert leaks == {}
