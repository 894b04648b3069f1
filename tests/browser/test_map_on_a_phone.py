"""The netwerkkaart at 360 px with a touch screen, as a coach uses it with a client on a phone:
type big enough to read, people who share a spot stay readable, and tap-then-tap to move."""
from __future__ import annotations

import pytest


pytestmark = pytest.mark.browser
KAART = "werkbladen/mijn-netwerkkaart.html"
NAMES = ["Ria", "Jan", "Fatima", "Kees", "Anouk"]


@pytest.fixture
def phone(browser, site_url: str):
    context = browser.new_context(viewport={"width": 360, "height": 800}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{site_url}/{KAART}")
    page.evaluate("localStorage.clear()")
    page.reload()
    yield page
    context.close()


def _fill_one_cell(page) -> None:
    rows = page.locator(".nc-netwerkkaart tbody tr")
    for index, name in enumerate(NAMES):
        row = rows.nth(index)
        row.locator("input[name$='.naam']").fill(name)
        row.locator("select[name$='.cirkel']").select_option("dichtbij")
        row.locator("select[name$='.sector']").select_option("familie")


def test_every_word_on_the_map_is_at_least_14_px(phone) -> None:
    _fill_one_cell(phone)
    heights = phone.evaluate("[...document.querySelectorAll('.nc-kaart-svg text')]"
                             ".map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)")
    assert heights and min(heights) >= 14, heights


def test_group_names_stay_inside_the_drawing(phone) -> None:
    _fill_one_cell(phone)
    outside = phone.evaluate("""() => {
      const box = document.querySelector('.nc-kaart-svg svg').getBoundingClientRect();
      return [...document.querySelectorAll('.nc-kaart-svg .nc-sector-label, .nc-kaart-svg .nc-ring-label')]
        .map(t => [t.textContent, t.getBoundingClientRect()])
        .filter(([, r]) => r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
        .map(([text]) => text);
    }""")
    assert outside == []


def test_people_in_one_spot_do_not_cover_each_other(phone) -> None:
    _fill_one_cell(phone)
    overlaps = phone.evaluate("""() => {
      const boxes = [...document.querySelectorAll('.nc-kaart-svg .nc-person text')].map(t => t.getBoundingClientRect());
      const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      const pairs = [];
      boxes.forEach((a, i) => boxes.forEach((b, j) => { if (i < j && hit(a, b)) pairs.push([i, j]); }));
      return pairs;
    }""")
    assert phone.locator(".nc-kaart-svg .nc-person").count() == len(NAMES)
    assert overlaps == []


def test_tap_a_person_then_tap_the_new_spot(phone) -> None:
    row = phone.locator(".nc-netwerkkaart tbody tr").first
    row.locator("input[name$='.naam']").fill("Ria")
    row.locator("select[name$='.cirkel']").select_option("dichtbij")
    row.locator("select[name$='.sector']").select_option("familie")
    person = phone.locator(".nc-kaart-svg .nc-person")
    person.scroll_into_view_if_needed()
    person.locator("text").tap()
    assert "Ria gekozen" in phone.locator(".nc-status").first.inner_text()
    # the outer ring, straight below the middle: 'Op afstand' in the group at the bottom
    spot = phone.evaluate("""() => {
      const svg = document.querySelector('.nc-kaart-svg svg'), p = svg.createSVGPoint();
      p.x = 0; p.y = 130;
      const screen = p.matrixTransform(svg.getScreenCTM());
      return [screen.x, screen.y];
    }""")
    phone.touchscreen.tap(spot[0], spot[1])
    assert row.locator("select[name$='.cirkel']").input_value() == "op-afstand"
    assert row.locator("select[name$='.sector']").input_value() == "buurt"
    assert phone.locator(".nc-kaart-svg .nc-person").get_attribute("aria-label").startswith("Ria: Op afstand, Buren en buurt")
    phone.reload()
    assert phone.locator("select[name$='.1.cirkel']").input_value() == "op-afstand"
