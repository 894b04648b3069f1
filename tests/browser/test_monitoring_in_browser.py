"""Trajectory monitoring from the offline copy (file://): evaluation forms kept per trajectory code,
the anonymised CSV export, and the page "Resultaten" reading CSVs in the browser. The expected
figures (means, latest moments, durations, changes) are computed here from what the test entered,
with the stages and totals read from content/method.yml."""
from __future__ import annotations

import csv
import io
import re
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from statistics import mean, median

import pikepdf
import pytest
from conftest import ROOT, copy_project, run_cli
from playwright.sync_api import expect
from ruamel.yaml import YAML

from tests.browser.test_accessibility import axe, violations
from tests.browser.test_privacy_every_page import WATCH_CSP

pytestmark = pytest.mark.browser
OWN_SCHEMES = ("file:", "data:", "blob:")
ORG = "voorbeeld-lindeveen"  # the made-up organisation with a logo
ORG_NAME = "Welzijn Lindeveen (voorbeeld)"
MONITORING = YAML(typ="safe").load((ROOT / "content" / "method.yml").read_text(encoding="utf-8"))["monitoring"]
STAGE = {m["id"]: m.get("stage", "interim") for m in MONITORING["moments"]}
LABEL = {m["id"]: m["label"] for m in MONITORING["moments"]} | {m["id"]: m["label"] for m in MONITORING["measures"]}
NUMERIC = [m["id"] for m in MONITORING["measures"] if m["kind"] != "tekst"]
FIGURES = MONITORING["totals"] + [m for m in MONITORING["measures"] if m["kind"] == "score"]
SHEET_MOMENT = {"evaluatie-intake": "intake", "evaluatie-eind": "eindevaluatie", "evaluatie-nameting": "nameting"}


@dataclass(frozen=True)
class Entry:
    code: str
    sheet: str
    month: str
    name: str
    text: str
    values: dict

    @property
    def moment(self) -> str:
        return SHEET_MOMENT[self.sheet]


# What the coordinator enters: T-001 ends and has a follow-up, T-002 ends, T-003 is still running.
ENTRIES = [
    Entry("T-001", "evaluatie-intake", "2026-01", "Jan de Vries", "Woont naast de bakker",
          {"netwerk-dichtbij": 1, "netwerk-verder-weg": 2, "netwerk-op-afstand": 3, "score-contact": 3,
           "score-steun": 4, "score-hulp-vragen": 2, "doelen-gesteld": 2}),
    Entry("T-002", "evaluatie-intake", "2026-02", "Fatima Bakri", "Zoekt een wandelmaatje",
          {"netwerk-dichtbij": 0, "netwerk-verder-weg": 1, "netwerk-op-afstand": 5, "score-contact": 2,
           "score-steun": 3, "score-hulp-vragen": 5, "doelen-gesteld": 3}),
    Entry("T-003", "evaluatie-intake", "2026-05", "Piet Jansen", "Net verhuisd",
          {"netwerk-dichtbij": 2, "netwerk-verder-weg": 0, "netwerk-op-afstand": 1, "score-contact": 4,
           "score-steun": 2, "score-hulp-vragen": 3, "doelen-gesteld": 1}),
    Entry("T-001", "evaluatie-eind", "2026-07", "Jan de Vries", "Gaat nu elke week naar het koor",
          {"netwerk-dichtbij": 3, "netwerk-verder-weg": 4, "netwerk-op-afstand": 2, "score-contact": 7,
           "score-steun": 8, "score-hulp-vragen": 6, "doelen-gesteld": 2, "doelen-bereikt": 2}),
    Entry("T-002", "evaluatie-eind", "2026-11", "Fatima Bakri", "Wandelt met de buurvrouw",
          {"netwerk-dichtbij": 2, "netwerk-verder-weg": 2, "netwerk-op-afstand": 4, "score-contact": 6,
           "score-steun": 5, "score-hulp-vragen": 6, "doelen-gesteld": 3, "doelen-bereikt": 1}),
    Entry("T-001", "evaluatie-nameting", "2027-01", "Jan de Vries", "Het koor gaat door",
          {"netwerk-dichtbij": 3, "netwerk-verder-weg": 5, "netwerk-op-afstand": 2, "score-contact": 8,
           "score-steun": 7, "score-hulp-vragen": 6, "doelen-gesteld": 2, "doelen-bereikt": 2}),
]


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("monitor") / "project")
    result = run_cli("build", "--root", str(project), "--org", ORG, "--offline", "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    target = project / "usb"
    zipfile.ZipFile(next((project / "dist").glob("*-offline.zip"))).extractall(target)
    return target / f"netwerkcoach-{ORG}"


def open_tab(browser, width: int = 1280):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL", accept_downloads=True)
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    page.foreign = []
    context.on("request", lambda r: page.foreign.append(r.url) if not r.url.startswith(OWN_SCHEMES) else None)
    return context, page


@pytest.fixture
def tab(browser):
    context, page = open_tab(browser)
    yield page
    assert page.foreign == [], "requests left the page"
    context.close()


def fill_entry(page, offline: Path, entry: Entry) -> None:
    url = (offline / "werkbladen" / f"{entry.sheet}.html").as_uri()
    if page.url != url:
        page.goto(url)
    page.fill("#nc-traject-code", entry.code)
    page.dispatch_event("#nc-traject-code", "change")
    page.fill("#nc-traject-maand", entry.month)
    page.fill('form.nc-worksheet input[name="naam"]', entry.name)
    page.fill('form.nc-worksheet textarea[name="toelichting"]', entry.text)
    for measure, value in entry.values.items():
        field = f'form.nc-worksheet [name="{measure}"]'
        if measure.startswith("score-"):
            page.check(f'{field}[value="{value}"]')
        else:
            page.fill(field, str(value))
    assert f"Bewaard bij traject {entry.code}" in page.inner_text(".nc-trajectory-status")


def export(page, offline: Path, tmp_path: Path, with_text: bool) -> str:
    page.goto((offline / "coordinator" / "monitoring.html").as_uri())
    if with_text:
        page.check("#nc-export-text")
    with page.expect_download() as download:
        page.get_by_role("button", name="Exporteer CSV").click()
    path = tmp_path / f"export-{with_text}.csv"
    download.value.save_as(path)
    return path.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Exported:
    plain: str
    with_text: str
    documented: list[str]  # the column names the page "Trajecten volgen" documents


@pytest.fixture(scope="module")
def exported(browser, offline: Path, tmp_path_factory: pytest.TempPathFactory) -> Exported:
    """The forms filled once for the module (the slow part), both exports, the documented columns."""
    context, page = open_tab(browser)
    for entry in ENTRIES:
        fill_entry(page, offline, entry)
    folder = tmp_path_factory.mktemp("export")
    plain, with_text = export(page, offline, folder, False), export(page, offline, folder, True)
    documented = page.locator("xpath=//h2[contains(., 'De kolommen van het bestand')]"
                              "/following::table[1]//tbody/tr/td[1]").all_inner_texts()
    assert page.foreign == [], "requests left the page"
    context.close()
    return Exported(plain, with_text, documented)


def test_export_has_codes_and_measures_but_no_names(exported: Exported) -> None:
    rows = list(csv.DictReader(io.StringIO(exported.plain)))
    assert list(rows[0]) == ["formaat", "code", "moment", "maand", "start", *NUMERIC]
    got = {(r["code"], r["moment"]): r for r in rows}
    assert len(rows) == len(ENTRIES)
    starts = {e.code: e.month for e in ENTRIES if STAGE[e.moment] == "start"}
    for entry in ENTRIES:
        row = got[(entry.code, entry.moment)]
        assert row["formaat"] == str(MONITORING["format"]) == "2" and row["maand"] == entry.month
        assert row["start"] == starts[entry.code]
        assert {k: row[k] for k in entry.values} == {k: str(v) for k, v in entry.values.items()}
        assert entry.name not in exported.plain and entry.text not in exported.plain
    assert all(e.text in exported.with_text for e in ENTRIES)
    assert not any(e.name in exported.with_text for e in ENTRIES)


def test_documented_columns_are_the_exported_header(exported: Exported) -> None:
    header = next(csv.reader(io.StringIO(exported.with_text)))
    assert exported.documented == header
    assert next(csv.reader(io.StringIO(exported.plain))) == [c for c in exported.documented if c != "toelichting"]


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


# ---------- what the results page should show, computed from the entries ----------

def dutch(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def signed(value: float, digits: int) -> str:
    text = f"{abs(value):.{digits}f}".replace(".", ",")
    return "+" + text if value > 0 else "\u2212" + text if value < 0 else text


def months(month: str) -> int:
    return int(month[:4]) * 12 + int(month[5:])


def in_period(entries: list[Entry], start: str = "", end: str = "") -> tuple[list[Entry], dict[str, list[Entry]]]:
    """The rows in the period, and per trajectory with a row in it its rows up to the period's end."""
    rows = [e for e in entries if (not start or e.month >= start) and (not end or e.month <= end)]
    order = list(STAGE)
    codes = {e.code for e in rows}
    by_code = {c: sorted((e for e in entries if e.code == c and (not end or e.month <= end)),
                         key=lambda e: (e.month, order.index(e.moment))) for c in codes}
    return rows, by_code


def expected_means(rows: list[Entry], moment: str) -> dict[str, str]:
    entries = [e.values for e in rows if e.moment == moment]
    return {m: dutch(mean(v[m] for v in entries if m in v)) for m in NUMERIC if any(m in v for v in entries)}


def expected_latest(by_code: dict[str, list[Entry]]) -> dict[str, str]:
    return {code: LABEL[rows[-1].moment] for code, rows in by_code.items()}


def expected_durations(by_code: dict[str, list[Entry]], start: str = "", end: str = "") -> dict[str, int]:
    result = {}
    for code, rows in by_code.items():
        first_end = next((e for e in rows if STAGE[e.moment] == "end"), None)
        begin = next((e for e in rows if STAGE[e.moment] == "start"), None)
        if first_end and begin and (not start or first_end.month >= start) and (not end or first_end.month <= end):
            result[code] = months(first_end.month) - months(begin.month)
    return result


def figure(entry: Entry, fig: dict) -> int:
    return sum(entry.values[m] for m in fig.get("of", [fig["id"]]))


def expected_changes(by_code: dict[str, list[Entry]], stage: str) -> dict[str, list[str]]:
    """Per trajectory, per figure: 'from → to (±diff)' between the start and the first `stage` moment."""
    result = {}
    for code, rows in sorted(by_code.items()):
        begin = next((e for e in rows if STAGE[e.moment] == "start"), None)
        later = next((e for e in rows if STAGE[e.moment] == stage), None)
        if begin and later:
            result[code] = [f"{figure(begin, f)} \u2192 {figure(later, f)} ({signed(figure(later, f) - figure(begin, f), 0)})"
                            for f in FIGURES]
    return result


def rows_of(page, key: str) -> dict[str, list[str]]:
    """A results table as {row header: cells}."""
    rows = page.locator(f'.nc-results-summary table[data-table="{key}"] tbody tr')
    return {r.locator("th").inner_text(): r.locator("td").all_inner_texts() for r in rows.all()}


def open_with_chooser(page, url: str) -> list:
    """Open the page with a file-chooser listener in place before it loads: asked for only after
    the load, Chromium sometimes showed the first chooser before Playwright was listening."""
    choosers: list = []
    page.on("filechooser", lambda chooser: choosers.append(chooser))
    page.goto(url)
    return choosers


def choose_files(page, choosers: list, files: list[Path]) -> None:
    """Through our Dutch button, by keyboard, as a coordinator would."""
    button = page.get_by_role("button", name="Kies CSV-bestanden")
    expect(button).to_be_enabled()  # the script enables it once it listens
    button.focus()
    page.keyboard.press("Enter")
    for _ in range(100):
        if choosers:
            break
        page.wait_for_timeout(50)
    assert choosers, "the button did not open the file chooser"
    choosers[0].set_files([str(f) for f in files])


def split_files(exported: Exported, tmp_path: Path) -> list[Path]:
    """T-001 as format 2; T-002 and T-003 as a format-1 file (no `start`), as an older page wrote."""
    lines = exported.plain.splitlines()
    first, second = tmp_path / "traject-1.csv", tmp_path / "traject-oud.csv"
    first.write_text("\n".join([lines[0]] + [l for l in lines[1:] if ",T-001," in l]) + "\n", encoding="utf-8")

    def old(line: str) -> str:
        cells = line.split(",")
        return ",".join(["1" if cells[0] == "2" else cells[0]] + cells[1:4] + cells[5:])
    second.write_text("\n".join(old(l) for l in [lines[0]] + [l for l in lines[1:] if ",T-001," not in l]) + "\n",
                      encoding="utf-8")
    return [first, second]


def test_results_page_shows_what_was_entered(tab, offline: Path, exported: Exported, tmp_path: Path) -> None:
    choosers = open_with_chooser(tab, (offline / "coordinator" / "resultaten.html").as_uri())
    button = tab.get_by_role("button", name="Kies CSV-bestanden")
    assert button.bounding_box()["height"] >= 44 and "Nog geen bestand gekozen" in tab.inner_text(".nc-results-chosen")
    choose_files(tab, choosers, split_files(exported, tmp_path))
    tab.locator(".nc-results-summary table").first.wait_for()
    assert tab.inner_text(".nc-results-chosen") == "Gekozen: traject-1.csv, traject-oud.csv."
    assert "2 bestanden gelezen: 6 regels." in tab.inner_text(".nc-results-status")
    rows, by_code = in_period(ENTRIES)
    per_moment = {LABEL[m]: [str(sum(e.moment == m for e in rows))] for m in STAGE if any(e.moment == m for e in rows)}
    assert rows_of(tab, "per-moment") == per_moment
    means = {m: expected_means(rows, m) for m in ("intake", "eindevaluatie", "nameting")}
    table = rows_of(tab, "gemiddelden-aantal") | rows_of(tab, "gemiddelden-score")
    for measure in NUMERIC:
        assert table[LABEL[measure]] == [means[m].get(measure, "–") for m in means], measure
    # Where the trajectories stand: the latest moment per code, and the count per moment.
    latest = expected_latest(by_code)
    assert {k: v[0] for k, v in rows_of(tab, "fase-per-traject").items()} == latest
    assert rows_of(tab, "fase") == {LABEL[m]: [str(list(latest.values()).count(LABEL[m]))]
                                    for m in STAGE if LABEL[m] in latest.values()}
    # Durations, from the start month (format 2) or the intake row (format 1) to the first end.
    durations = expected_durations(by_code)
    assert {k: v[-1] for k, v in rows_of(tab, "duur-per-traject").items()} == {k: str(v) for k, v in durations.items()}
    summary_line = (f"{len(durations)} trajecten afgerond: mediaan {dutch(median(durations.values()))} maanden, "
                    f"gemiddeld {dutch(mean(durations.values()))} maanden")
    assert summary_line in tab.inner_text(".nc-results-duration")
    # Change per trajectory, start to end and start to follow-up, and the mean change.
    to_end, to_follow_up = expected_changes(by_code, "end"), expected_changes(by_code, "follow_up")
    assert rows_of(tab, "verandering-0") == to_end and rows_of(tab, "verandering-1") == to_follow_up
    mean_change = {f["label"]: [signed(mean(int(re.search(r"\((.)(\d+)\)", cells[i]).group(2))
                                             * (-1 if re.search(r"\((.)", cells[i]).group(1) == "\u2212" else 1)
                                             for cells in change.values()), 1)
                                for change in (to_end, to_follow_up)] for i, f in enumerate(FIGURES)}
    assert rows_of(tab, "verandering") == mean_change
    assert tab.locator(".nc-results-chart canvas").count() == 5
    # The printed summary: one A4 page with the logo, the period and the figures.
    logo = tab.locator(".nc-results-summary img.nc-results-logo")
    assert logo.get_attribute("alt") == f"Logo van {ORG_NAME}" and logo.evaluate("i => i.naturalWidth") > 0
    pdf = tmp_path / "samenvatting.pdf"
    tab.pdf(path=str(pdf), format="A4", tagged=True)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    first, last = min(e.month for e in ENTRIES), max(e.month for e in ENTRIES)
    assert f"Samenvatting: {ORG_NAME}" in text and f"Periode: {first} t/m {last}" in text
    assert means["eindevaluatie"]["score-steun"] in text and means["intake"]["netwerk-op-afstand"] in text
    # Without -layout the two columns of the page are read one after the other, not line by line.
    flowing = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert summary_line in re.sub(r"\s+", " ", flowing)
    assert all(value in text for value in mean_change[FIGURES[0]["label"]])
    assert "Exporteer" not in text and "Kies CSV" not in text and "T-003" not in text, "per trajectory: screen only"
    assert text.count("\f") <= 1, "the summary should fit on one A4 page"
    with pikepdf.open(pdf) as document:
        alts = [str(o.get("/Alt")) for o in document.objects if isinstance(o, pikepdf.Dictionary) and "/Alt" in o]
    assert f"Logo van {ORG_NAME}" in alts, "the logo is a figure in the PDF, named"


def test_a_period_the_coordinator_picks(tab, offline: Path, exported: Exported, tmp_path: Path) -> None:
    tab.goto((offline / "coordinator" / "resultaten.html").as_uri())
    tab.set_input_files("#nc-results-files", [str(f) for f in split_files(exported, tmp_path)])
    tab.locator(".nc-results-summary table").first.wait_for()
    start, end = "2026-02", "2026-07"
    for field, value in (("#nc-results-from", start), ("#nc-results-to", end)):
        tab.fill(field, value)
        tab.dispatch_event(field, "change")
    assert f"Periode: {start} t/m {end}" in tab.inner_text(".nc-results-period")
    rows, by_code = in_period(ENTRIES, start, end)
    assert f"{len(by_code)} trajecten" in tab.inner_text(".nc-results-period")
    assert {k: v[0] for k, v in rows_of(tab, "fase-per-traject").items()} == expected_latest(by_code)
    durations = expected_durations(by_code, start, end)
    assert {k: v[-1] for k, v in rows_of(tab, "duur-per-traject").items()} == {k: str(v) for k, v in durations.items()}
    assert rows_of(tab, "verandering-0") == expected_changes(by_code, "end")
    tab.fill("#nc-results-from", "2027-01")
    tab.dispatch_event("#nc-results-from", "change")
    assert "De periode klopt niet" in tab.inner_text(".nc-results-status")


BAD_FILES = {
    "adressen.csv": ("naam,straat,plaats\nJan,Dorpsstraat 1,Lindeveen\n",
                     "adressen.csv: dit is geen export van de trajecten"),
    "kapot.csv": ("formaat,code,moment,maand,score-contact\n1,T-9,intake,2026-01,12\n",
                  "kapot.csv, regel 2: '12' bij score-contact is geen cijfer van 0 tot 10"),
    "toekomst.csv": ("formaat,code,moment,maand,start,plek\n3,T-9,intake,2026-01,2026-01,x\n",
                     "toekomst.csv: formaat '3' ken ik niet; deze pagina leest formaat 1 en 2"),
    "naam.csv": ("formaat,code,moment,maand,start\n2,Jan de Vries,intake,2026-01,2026-01\n",
                 "naam.csv, regel 2: de trajectcode lijkt op een naam"),
    "zonder-start.csv": ("formaat,code,moment,maand,score-contact\n2,T-9,intake,2026-01,5\n",
                         "zonder-start.csv: de eerste regel past niet bij formaat 2: die moet beginnen met "
                         "formaat,code,moment,maand,start."),
    "start-later.csv": ("formaat,code,moment,maand,start\n2,T-9,eindevaluatie,2026-01,2026-05\n",
                        "start-later.csv, regel 2: start 2026-05 ligt na de maand van het gesprek (2026-01)"),
    "start-kapot.csv": ("formaat,code,moment,maand,start\n2,T-9,eindevaluatie,2026-01,januari\n",
                        "start-kapot.csv, regel 2: start 'januari' is niet jjjj-mm"),
    "gemengd.csv": ("formaat,code,moment,maand,start\n2,T-9,intake,2026-01,2026-01\n1,T-9,eindevaluatie,2026-05,\n",
                    "gemengd.csv, regel 3: formaat '1' op deze regel, maar formaat 2 op de regels ervoor"),
}


def test_a_foreign_or_broken_csv_gives_a_dutch_message(tab, offline: Path, tmp_path: Path) -> None:
    paths = []
    for name, (text, _) in BAD_FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    huge = tmp_path / "enorm.csv"
    huge.write_bytes(b"formaat,code,moment,maand\n" + b"2,T-1,intake,2026-01\n" * 120_000)  # over 2 MB
    tab.goto((offline / "coordinator" / "resultaten.html").as_uri())
    tab.set_input_files("#nc-results-files", [str(p) for p in paths + [huge]])
    status = tab.locator(".nc-results-status")
    status.locator(".nc-error").nth(len(paths)).wait_for()
    for name, (_, message) in BAD_FILES.items():
        assert message in status.inner_text(), name
    size = f"{huge.stat().st_size / 2**20:.1f}".replace(".", ",")
    assert f"enorm.csv: het bestand is te groot ({size} MB). Deze pagina leest bestanden tot 2 MB" in status.inner_text()
    assert tab.locator(".nc-results-summary table").count() == 0
    assert tab.evaluate("window.__cspViolations") == []
    # Nothing broke: the sample still loads, and its figures are those of the sample on the page.
    tab.get_by_role("button", name="Laad het voorbeeld").click()
    sample = tab.inner_text("code.language-csv, .language-csv code")
    rows = list(csv.DictReader(io.StringIO(sample)))
    assert rows_of(tab, "per-moment")["Intake"] == [str(sum(r["moment"] == "intake" for r in rows))]
    assert tab.inner_text(".nc-results-chosen") == "Gekozen: de voorbeeldgegevens."


def sample_durations(sample: str) -> list[int]:
    rows = list(csv.DictReader(io.StringIO(sample)))
    ends = {}
    for r in sorted(rows, key=lambda r: r["maand"]):
        if STAGE[r["moment"]] == "end":
            ends.setdefault(r["code"], months(r["maand"]) - months(r["start"]))
    return list(ends.values())


@pytest.mark.parametrize("width", [360, 1280])
def test_results_page_fits_the_screen(tab, offline: Path, width: int, tmp_path_factory) -> None:
    tab.set_viewport_size({"width": width, "height": 900})
    tab.goto((offline / "coordinator" / "resultaten.html").as_uri())
    tab.get_by_role("button", name="Laad het voorbeeld").click()
    tab.locator(".nc-results-chart canvas").first.wait_for()
    # The sample shows every view: each moment as a latest moment, durations and changes.
    sample = tab.inner_text("code.language-csv, .language-csv code")
    assert set(rows_of(tab, "fase")) == set(LABEL[m] for m in STAGE)
    durations = sample_durations(sample)
    assert f"mediaan {dutch(median(durations))} maanden" in tab.inner_text(".nc-results-duration")
    assert len(rows_of(tab, "verandering-1")) >= 2
    assert "Welke metingen zijn van ons?" in tab.inner_text("article") and "ons voorstel" in tab.inner_text("article")
    assert tab.get_by_role("button", name="Kies CSV-bestanden").bounding_box()["height"] >= 44
    shots = tmp_path_factory.getbasetemp() / "screens"
    shots.mkdir(exist_ok=True)
    tab.screenshot(path=str(shots / f"resultaten-{width}.png"), full_page=True)
    assert tab.evaluate("document.documentElement.scrollWidth") <= width
    assert tab.evaluate("window.__cspViolations") == []
    assert violations(axe(tab)) == []
