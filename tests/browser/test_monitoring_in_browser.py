"""Trajectory monitoring from the offline copy (file://): evaluation forms kept per trajectory code,
the anonymised CSV export, and the page "Resultaten" reading CSVs in the browser."""
from __future__ import annotations

import csv
import io
import subprocess
import zipfile
from pathlib import Path
from statistics import mean

import pytest
from conftest import copy_project, run_cli

from tests.browser.test_accessibility import axe, violations
from tests.browser.test_privacy_every_page import WATCH_CSP

pytestmark = pytest.mark.browser
OWN_SCHEMES = ("file:", "data:", "blob:")
NUMERIC = ["netwerk-dichtbij", "netwerk-verder-weg", "netwerk-op-afstand", "score-contact", "score-steun",
           "score-hulp-vragen", "doelen-gesteld", "doelen-bereikt"]
# What the coordinator enters: (code, form page, month, name, free text, measures).
ENTRIES = [
    ("T-001", "evaluatie-intake", "2026-01", "Jan de Vries", "Woont naast de bakker",
     {"netwerk-dichtbij": 1, "netwerk-verder-weg": 2, "netwerk-op-afstand": 3, "score-contact": 3,
      "score-steun": 4, "score-hulp-vragen": 2, "doelen-gesteld": 2}),
    ("T-002", "evaluatie-intake", "2026-02", "Fatima Bakri", "Zoekt een wandelmaatje",
     {"netwerk-dichtbij": 0, "netwerk-verder-weg": 1, "netwerk-op-afstand": 5, "score-contact": 2,
      "score-steun": 3, "score-hulp-vragen": 5, "doelen-gesteld": 3}),
    ("T-001", "evaluatie-eind", "2026-07", "Jan de Vries", "Gaat nu elke week naar het koor",
     {"netwerk-dichtbij": 3, "netwerk-verder-weg": 4, "netwerk-op-afstand": 2, "score-contact": 7,
      "score-steun": 8, "score-hulp-vragen": 6, "doelen-gesteld": 2, "doelen-bereikt": 2}),
    ("T-002", "evaluatie-eind", "2026-08", "Fatima Bakri", "Wandelt met de buurvrouw",
     {"netwerk-dichtbij": 2, "netwerk-verder-weg": 2, "netwerk-op-afstand": 4, "score-contact": 6,
      "score-steun": 5, "score-hulp-vragen": 6, "doelen-gesteld": 3, "doelen-bereikt": 1}),
]


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("monitor") / "project")
    result = run_cli("build", "--root", str(project), "--offline", "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    target = project / "usb"
    zipfile.ZipFile(next((project / "dist").glob("*-offline.zip"))).extractall(target)
    return target / "netwerkcoach-default"


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL", accept_downloads=True)
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    page.foreign = []
    context.on("request", lambda r: page.foreign.append(r.url) if not r.url.startswith(OWN_SCHEMES) else None)
    yield page
    assert page.foreign == [], "requests left the page"
    context.close()


def fill_entry(page, offline: Path, code: str, sheet: str, month: str, name: str, text: str, values: dict) -> None:
    url = (offline / "werkbladen" / f"{sheet}.html").as_uri()
    if page.url != url:
        page.goto(url)
    page.fill("#nc-traject-code", code)
    page.dispatch_event("#nc-traject-code", "change")
    page.fill("#nc-traject-maand", month)
    page.fill('form.nc-worksheet input[name="naam"]', name)
    page.fill('form.nc-worksheet textarea[name="toelichting"]', text)
    for measure, value in values.items():
        field = f'form.nc-worksheet [name="{measure}"]'
        if measure.startswith("score-"):
            page.check(f'{field}[value="{value}"]')
        else:
            page.fill(field, str(value))
    assert f"Bewaard bij traject {code}" in page.inner_text(".nc-trajectory-status")


def export(page, offline: Path, tmp_path: Path, with_text: bool) -> str:
    page.goto((offline / "coordinator" / "monitoring.html").as_uri())
    if with_text:
        page.check("#nc-export-text")
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporteer CSV").click()
    path = tmp_path / f"export-{with_text}.csv"
    download.value.save_as(path)
    return path.read_text(encoding="utf-8")


def test_export_has_codes_and_measures_but_no_names(tab, offline: Path, tmp_path: Path) -> None:
    for entry in ENTRIES:
        fill_entry(tab, offline, *entry)
    plain = export(tab, offline, tmp_path, with_text=False)
    rows = list(csv.DictReader(io.StringIO(plain)))
    assert list(rows[0]) == ["formaat", "code", "moment", "maand", *NUMERIC]
    got = {(r["code"], r["moment"]): r for r in rows}
    assert len(rows) == len(ENTRIES)
    for code, sheet, month, name, text, values in ENTRIES:
        row = got[(code, "intake" if sheet == "evaluatie-intake" else "eindevaluatie")]
        assert row["formaat"] == "1" and row["maand"] == month
        assert {k: row[k] for k in values} == {k: str(v) for k, v in values.items()}
        assert name not in plain and text not in plain
    with_text = export(tab, offline, tmp_path, with_text=True)
    assert all(text in with_text for *_, text, _ in ENTRIES)
    assert not any(name in with_text for _, _, _, name, _, _ in ENTRIES)


def test_a_code_that_looks_like_a_name_is_refused(tab, offline: Path) -> None:
    tab.goto((offline / "werkbladen" / "evaluatie-tussen.html").as_uri())
    tab.fill("#nc-traject-maand", "2026-04")
    for code in ("Jan de Vries", "pietje"):
        tab.fill('form.nc-worksheet input[name="naam"]', "Pietje")
        tab.fill("#nc-traject-code", code)
        tab.dispatch_event("#nc-traject-code", "change")
        assert "Gebruik nooit een naam" in tab.inner_text(".nc-trajectory-status")
    stored = tab.evaluate("Object.keys(localStorage).filter(k => k.includes(':traject:'))")
    assert stored == []
    assert violations(axe(tab)) == []


def expected_means(moment_sheet: str) -> dict[str, str]:
    """The means the page should show for one moment, in its Dutch notation."""
    entries = [values for _, sheet, _, _, _, values in ENTRIES if sheet == moment_sheet]
    return {m: f"{mean(v[m] for v in entries if m in v):.1f}".replace(".", ",")
            for m in NUMERIC if any(m in v for v in entries)}


def measure_row(page, label: str) -> list[str]:
    row = page.locator(".nc-results-summary tr", has=page.locator(f'th:text-is("{label}")')).first
    return row.locator("td").all_inner_texts()


LABELS = {"netwerk-dichtbij": "Mensen dichtbij", "netwerk-verder-weg": "Mensen verder weg",
          "netwerk-op-afstand": "Mensen op afstand", "score-contact": "Tevreden over contacten",
          "score-steun": "Steun als het nodig is", "score-hulp-vragen": "Durft hulp te vragen",
          "doelen-gesteld": "Doelen in het actieplan", "doelen-bereikt": "Doelen bereikt"}


def test_results_page_shows_what_was_entered(tab, offline: Path, tmp_path: Path) -> None:
    for entry in ENTRIES:
        fill_entry(tab, offline, *entry)
    lines = export(tab, offline, tmp_path, with_text=False).splitlines()
    first = tmp_path / "traject-1.csv"
    second = tmp_path / "traject-2.csv"
    first.write_text("\n".join([lines[0]] + [l for l in lines[1:] if ",T-001," in l]) + "\n", encoding="utf-8")
    second.write_text("\n".join([lines[0]] + [l for l in lines[1:] if ",T-002," in l]) + "\n", encoding="utf-8")
    tab.goto((offline / "coordinator" / "resultaten.html").as_uri())
    tab.set_input_files("#nc-results-files", [str(first), str(second)])
    tab.locator(".nc-results-summary table").first.wait_for()
    assert measure_row(tab, "Intake") == ["2"] and measure_row(tab, "Eindevaluatie") == ["2"]
    intake, final = expected_means("evaluatie-intake"), expected_means("evaluatie-eind")
    for measure, label in LABELS.items():
        assert measure_row(tab, label) == [intake.get(measure, "–"), final[measure]], label
    assert tab.locator(".nc-results-chart canvas").count() == 2
    pdf = tmp_path / "samenvatting.pdf"
    tab.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Samenvatting" in text and "Periode: 2026-01 t/m 2026-08" in text
    assert final["score-steun"] in text and intake["netwerk-op-afstand"] in text
    assert "Exporteer" not in text and "Kies een of meer" not in text
    assert text.count("\f") <= 1, "the summary should fit on one A4 page"


def test_a_foreign_or_broken_csv_gives_a_dutch_message(tab, offline: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "adressen.csv"
    foreign.write_text("naam,straat,plaats\nJan,Dorpsstraat 1,Lindeveen\n", encoding="utf-8")
    broken = tmp_path / "kapot.csv"
    broken.write_text("formaat,code,moment,maand,score-contact\n1,T-9,intake,2026-01,12\n", encoding="utf-8")
    tab.goto((offline / "coordinator" / "resultaten.html").as_uri())
    tab.set_input_files("#nc-results-files", [str(foreign), str(broken)])
    status = tab.locator(".nc-results-status")
    status.locator(".nc-error").nth(1).wait_for()
    assert "adressen.csv: dit is geen export van de trajecten" in status.inner_text()
    assert "kapot.csv, regel 2: '12' bij score-contact is geen cijfer van 0 tot 10" in status.inner_text()
    assert tab.locator(".nc-results-summary table").count() == 0
    tab.get_by_role("button", name="Laad het voorbeeld").click()
    assert measure_row(tab, "Intake") == ["4"]


@pytest.mark.parametrize("width", [360, 1280])
def test_results_page_fits_the_screen(tab, offline: Path, width: int, tmp_path_factory) -> None:
    tab.set_viewport_size({"width": width, "height": 900})
    tab.goto((offline / "coordinator" / "resultaten.html").as_uri())
    tab.get_by_role("button", name="Laad het voorbeeld").click()
    tab.locator(".nc-results-chart canvas").first.wait_for()
    shots = tmp_path_factory.getbasetemp() / "screens"
    shots.mkdir(exist_ok=True)
    tab.screenshot(path=str(shots / f"resultaten-{width}.png"), full_page=True)
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
    assert tab.evaluate("window.__cspViolations") == []
    assert violations(axe(tab)) == []
