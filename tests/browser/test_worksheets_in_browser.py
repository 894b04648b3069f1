"""Worksheets in a real browser: autosave, reload, export/import, netwerkkaart by keyboard, print."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.browser.conftest import printed_text, wait_until

pytestmark = pytest.mark.browser
KAART = "werkbladen/mijn-netwerkkaart.html"
DROOM = "werkbladen/mijn-droomnetwerk.html"


def first_textarea(page):
    return page.locator("form.nc-worksheet textarea").first


def test_answers_survive_a_reload(page, site_url: str) -> None:
    page.goto(f"{site_url}/{DROOM}")
    area = first_textarea(page)
    area.click()
    page.keyboard.type("Elke week koffie met Ria")
    page.locator("form.nc-worksheet input[type=radio]").nth(7).check()
    assert "Opgeslagen op dit apparaat" in page.locator(".nc-status").first.inner_text()
    page.reload()
    assert first_textarea(page).input_value() == "Elke week koffie met Ria"
    assert page.locator("form.nc-worksheet input[type=radio]").nth(7).is_checked()


def test_export_wipe_import_gives_the_same_answers(page, site_url: str, tmp_path: Path) -> None:
    page.goto(f"{site_url}/{DROOM}")
    first_textarea(page).fill("Meer contact met mijn zus")
    first_textarea(page).dispatch_event("input")
    with page.expect_download() as download:
        page.get_by_role("button", name="Opslaan als bestand").click()
    saved = tmp_path / "werkblad.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["type"] == "netwerkcoach-werkbladen"
    answers_before = data["worksheets"]["mijn-droomnetwerk"]["answers"]
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Alles wissen").click()
    assert first_textarea(page).input_value() == ""
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Bestand openen").click()
    chooser.value.set_files(str(saved))
    wait_until(page, "document.querySelector('form.nc-worksheet textarea').value !== ''")
    assert first_textarea(page).input_value() == "Meer contact met mijn zus"
    # a client's sheet is kept in the set chosen for it (answer-sets.js): the first set here
    stored = page.evaluate("JSON.parse(localStorage.getItem('netwerkcoach:default:set:1:werkblad:mijn-droomnetwerk'))")
    assert stored["answers"] == answers_before


def test_import_refuses_a_foreign_file_and_changes_nothing(page, site_url: str, tmp_path: Path) -> None:
    page.goto(f"{site_url}/{DROOM}")
    first_textarea(page).fill("Blijft staan")
    first_textarea(page).dispatch_event("input")
    bad = tmp_path / "ander.json"
    bad.write_text(json.dumps({"hallo": "wereld"}), encoding="utf-8")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Bestand openen").click()
    chooser.value.set_files(str(bad))
    alert = page.locator(".nc-status[role=alert]")
    alert.wait_for()
    assert "geen werkbladbestand" in alert.inner_text()
    assert first_textarea(page).input_value() == "Blijft staan"


def test_place_a_person_on_the_netwerkkaart_by_keyboard_only(page, site_url: str) -> None:
    page.goto(f"{site_url}/{KAART}")
    name = page.locator('input[name$=".1.naam"]')
    name.focus()
    page.keyboard.type("Ria")
    page.keyboard.press("Tab")
    page.keyboard.type("buurvrouw")
    page.keyboard.press("Tab")          # circle: a native select, chosen with the keyboard
    page.keyboard.press("ArrowDown")    # -> Dichtbij
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")    # -> Familie
    page.keyboard.press("ArrowDown")    # -> Vrienden
    page.keyboard.press("ArrowDown")    # -> Buren en buurt
    person = page.locator(".nc-kaart-svg .nc-person")
    assert person.count() == 1
    assert person.get_attribute("aria-label").startswith("Ria (buurvrouw): Dichtbij, Buren en buurt")
    person.focus()
    page.keyboard.press("ArrowDown")    # one circle further out
    page.keyboard.press("ArrowRight")   # next group
    label = page.locator(".nc-kaart-svg .nc-person").get_attribute("aria-label")
    assert label.startswith("Ria (buurvrouw): Verder weg, Werk, school of club")
    assert page.locator('select[name$=".1.cirkel"]').input_value() == "verder-weg"
    page.reload()
    label = page.locator(".nc-kaart-svg .nc-person").get_attribute("aria-label")
    assert label.startswith("Ria (buurvrouw): Verder weg, Werk, school of club")


def test_the_map_draws_the_rings_and_groups_the_page_names(page, site_url: str) -> None:
    """worksheets.js keeps no copy of the method's words: served with other names (and four
    groups instead of five), the map shows those, and a person moves within them."""
    rings = [["dichtbij", "Kern"], ["verder-weg", "Midden"], ["op-afstand", "Rand"]]
    groups = [["familie", "Thuis"], ["vrienden", "Kring"], ["buurt", "Straat"], ["werk-school-club", "Werk"]]

    def other_words(route) -> None:
        html = route.fetch().text()
        assert "data-rings='" in html and "data-groups='" in html
        html = re.sub(r"data-rings='[^']*'", f"data-rings='{json.dumps(rings)}'", html)
        html = re.sub(r"data-groups='[^']*'", f"data-groups='{json.dumps(groups)}'", html)
        route.fulfill(body=html, content_type="text/html")

    page.route(f"{site_url}/{KAART}", other_words)
    page.goto(f"{site_url}/{KAART}")
    labels = page.locator(".nc-kaart-svg .nc-ring-label").all_text_contents()
    assert labels == ["kern", "midden", "rand"]
    assert page.locator(".nc-kaart-svg .nc-sector-label").all_text_contents() == ["Thuis", "Kring", "Straat", "Werk"]
    assert page.locator(".nc-kaart-svg .nc-spoke").count() == 4
    page.locator('input[name$=".1.naam"]').fill("Ria")
    page.keyboard.press("Tab")  # leaving the field commits it (its change event redraws the map)
    page.locator('select[name$=".1.cirkel"]').select_option("dichtbij")
    page.locator('select[name$=".1.sector"]').select_option("werk-school-club")
    person = page.locator(".nc-kaart-svg .nc-person")
    assert person.get_attribute("aria-label").startswith("Ria: Kern, Werk")
    person.focus()
    page.keyboard.press("ArrowRight")   # past the last of four groups: back to the first
    assert page.locator(".nc-kaart-svg .nc-person").get_attribute("aria-label").startswith("Ria: Kern, Thuis")
    assert page.locator('select[name$=".1.sector"]').input_value() == "familie"


def test_add_and_remove_people_on_the_netwerkkaart(page, site_url: str) -> None:
    page.goto(f"{site_url}/{KAART}")
    rows = page.locator(".nc-netwerkkaart tbody tr")
    assert rows.count() == 8
    page.get_by_role("button", name="Persoon toevoegen").click()
    assert rows.count() == 9
    page.keyboard.type("Kees")
    page.locator('select[name$=".9.cirkel"]').select_option("op-afstand")
    page.locator('select[name$=".9.sector"]').select_option("vrienden")
    assert page.locator(".nc-person").count() == 1
    page.reload()
    assert rows.count() == 9 and page.locator('input[name$=".9.naam"]').input_value() == "Kees"
    page.get_by_role("button", name="Weghalen: persoon 9").click()
    assert page.locator(".nc-person").count() == 0
    page.reload()
    assert page.locator('input[name$=".9.naam"]').count() == 0


def test_drag_a_person_to_another_circle(page, site_url: str) -> None:
    page.goto(f"{site_url}/{KAART}")
    page.locator('input[name$=".1.naam"]').fill("Ahmed")
    page.locator('select[name$=".1.cirkel"]').select_option("dichtbij")
    page.locator('select[name$=".1.sector"]').select_option("familie")
    dot = page.locator(".nc-person circle")
    page.locator(".nc-kaart-svg svg").scroll_into_view_if_needed()
    box = page.locator(".nc-kaart-svg svg").bounding_box()
    start = dot.bounding_box()
    page.mouse.move(start["x"] + 7, start["y"] + 7)
    page.mouse.down()
    # the outer ring, straight below the centre: 'op afstand', the sector at the bottom (buurt)
    page.mouse.move(box["x"] + box["width"] / 2 + 5, box["y"] + box["height"] * 0.85, steps=5)
    page.mouse.up()
    assert page.locator('select[name$=".1.cirkel"]').input_value() == "op-afstand"
    assert page.locator('select[name$=".1.sector"]').input_value() == "buurt"


def test_print_view_shows_the_typed_answers(page, site_url: str) -> None:
    page.goto(f"{site_url}/{DROOM}")
    first_textarea(page).fill("Een lange zin die in de afdruk moet staan")
    first_textarea(page).dispatch_event("input")
    page.emulate_media(media="print")
    copy = page.locator(".nc-print-copy").first
    assert copy.is_visible() and copy.inner_text() == "Een lange zin die in de afdruk moet staan"
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".nc-tools").first.is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_a_visible_message_when_saving_fails(page, site_url: str) -> None:
    page.add_init_script("Storage.prototype.setItem = function () { throw new DOMException('vol', 'QuotaExceededError'); }")
    page.goto(f"{site_url}/{DROOM}")
    first_textarea(page).fill("x")
    first_textarea(page).dispatch_event("input")
    alert = page.locator(".nc-status[role=alert]")
    assert "opslaan lukt niet" in alert.inner_text().lower()


def test_answers_from_an_older_worksheet_version_are_kept_and_shown(page, site_url: str) -> None:
    old = {"format": 1, "sheet": "mijn-droomnetwerk", "version": 0, "saved": "2025-01-01T10:00:00Z",
           "answers": {"een-vraag-die-weg-is": "Dit wil ik niet kwijt", "bestaat-ook-niet": ["1"]},
           "earlier": {}}
    page.goto(f"{site_url}/index.html")
    page.evaluate("r => localStorage.setItem('netwerkcoach:default:werkblad:mijn-droomnetwerk', JSON.stringify(r))", old)
    page.goto(f"{site_url}/{DROOM}")
    box = page.locator(".nc-earlier")
    assert "Dit wil ik niet kwijt" in box.inner_text()
    # stored before client sets existed: moved into the first set, and kept there
    stored = page.evaluate("JSON.parse(localStorage.getItem('netwerkcoach:default:set:1:werkblad:mijn-droomnetwerk'))")
    assert stored["earlier"]["een-vraag-die-weg-is"] == "Dit wil ik niet kwijt"
    assert stored["version"] == 1


def test_no_request_carries_answers(page, site_url: str) -> None:
    secret = "Geheim-antwoord-4711"
    page.goto(f"{site_url}/{KAART}")
    page.locator('input[name$=".1.naam"]').fill(secret)
    first_textarea(page).fill(secret)
    first_textarea(page).dispatch_event("input")
    page.goto(f"{site_url}/stappen/stap-02-netwerk-in-beeld.html", wait_until="networkidle")
    assert not any(secret in url or secret in body for url, body in zip(page.requests.urls, page.requests.bodies))
    assert page.requests.foreign == []


def test_all_worksheets_export_from_the_overview(page, site_url: str, tmp_path: Path) -> None:
    page.goto(f"{site_url}/{DROOM}")
    first_textarea(page).fill("droom")
    first_textarea(page).dispatch_event("input")
    page.goto(f"{site_url}/{KAART}")
    page.locator('input[name$=".1.naam"]').fill("Ria")
    page.locator('input[name$=".1.naam"]').dispatch_event("input")
    page.goto(f"{site_url}/werkbladen/index.html")
    with page.expect_download() as download:
        page.get_by_role("button", name="Alle werkbladen opslaan als bestand").click()
    saved = tmp_path / "alles.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert set(data["worksheets"]) == {"mijn-droomnetwerk", "mijn-netwerkkaart"}


FILL_EVERY_FIELD = """() => {
  const texts = [], choices = [];
  let n = 0;
  for (const el of document.querySelectorAll('form.nc-worksheet textarea, form.nc-worksheet input[type=text]')) {
    n += 1;
    el.value = 'antwoord nummer ' + n + ' met een lange zin die niet in het vakje past';
    texts.push(el.value);
  }
  for (const el of document.querySelectorAll('form.nc-worksheet select')) {
    el.selectedIndex = el.options.length - 1;
    choices.push(el.options[el.selectedIndex].text);
  }
  for (const el of document.querySelectorAll('form.nc-worksheet input[type=checkbox]')) el.checked = true;
  const form = document.querySelector('form.nc-worksheet');
  form.dispatchEvent(new Event('input', {bubbles: true}));
  form.dispatchEvent(new Event('change', {bubbles: true}));
  return {texts, choices};
}"""


def _printed_text(page, tmp_path: Path, name: str) -> str:
    """The printed text with no whitespace: a value may wrap over lines."""
    return "".join(printed_text(page, tmp_path / f"{name}.pdf").split())


def test_printing_a_filled_sheet_keeps_every_answer(page, site_url: str, tmp_path: Path) -> None:
    page.goto(f"{site_url}/werkbladen/index.html")
    sheets = sorted({href.split("#")[0] for href in page.evaluate(
        "[...document.querySelectorAll('.md-content a[href]')].map(a => a.getAttribute('href'))")
        if href.endswith(".html") and "/" not in href.strip("./") and href != "index.html"})
    assert len(sheets) >= 10, sheets
    missing = {}
    for sheet in sheets:
        page.goto(f"{site_url}/werkbladen/{sheet}")
        page.evaluate("localStorage.clear()")
        page.reload()
        blank = _printed_text(page, tmp_path, sheet + "-leeg")
        filled_in = page.evaluate(FILL_EVERY_FIELD)
        printed = _printed_text(page, tmp_path, sheet)
        lost = [t for t in filled_in["texts"] if "".join(t.split()) not in printed]
        for choice in set(filled_in["choices"]):
            word = "".join(choice.split())
            if printed.count(word) - blank.count(word) < filled_in["choices"].count(choice):
                lost.append(choice)
        for screen_only in ("DownloadalsPDF", "Weghalen", "Kiesperpersoon"):
            if screen_only in printed:
                lost.append("op papier: " + screen_only)
        if lost:
            missing[sheet] = lost
    assert missing == {}


def test_no_worksheet_page_is_wider_than_a_phone(browser, site_url: str) -> None:
    """At 360 px nothing on any worksheet page sticks out or scrolls sideways: tables become a
    card per row, each field with its label."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, has_touch=True)
    page = context.new_page()
    page.goto(f"{site_url}/werkbladen/index.html")
    sheets = sorted({href.split("#")[0] for href in page.evaluate(
        "[...document.querySelectorAll('.md-content a[href]')].map(a => a.getAttribute('href'))")
        if href.endswith(".html") and "/" not in href.strip("./") and href != "index.html"})
    assert len(sheets) >= 10
    problems = {}
    for sheet in sheets:
        page.goto(f"{site_url}/werkbladen/{sheet}")
        found = page.evaluate("""[document.documentElement.scrollWidth > innerWidth,
            [...document.querySelectorAll('.md-content *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1)
              .map(e => e.tagName + '.' + e.className).slice(0, 3),
            [...document.querySelectorAll('.md-content *')].filter(e => e.scrollWidth > e.clientWidth + 1 &&
              ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)).map(e => e.className).slice(0, 3),
            [...document.querySelectorAll('form.nc-worksheet input[type=text], form.nc-worksheet select')]
              .filter(e => e.getBoundingClientRect().height < 43).length]""")
        if found != [False, [], [], 0]:
            problems[sheet] = found
    context.close()
    assert problems == {}
