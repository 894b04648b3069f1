"""WCAG 2.1 A and AA rules (axe-core) on every page type, at phone and desktop width."""
from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
AXE_SOURCE = next(Path(__import__("axe_playwright_python").__file__).parent.glob("axe.min.js")).read_text("utf-8")
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PAGE_TYPES = {"home": "index.html", "phase": "fasen/orienteren/index.html",
              "step": "stappen/stap-02-netwerk-in-beeld.html", "worksheet": "werkbladen/mijn-netwerkkaart.html",
              "action plan": "werkbladen/mijn-actieplan.html", "quiz": "toetsen/stap-01.html",
              "progress": "voortgang.html", "downloads": "downloads.html", "glossary": "naslag/begrippen.html",
              "content page": "houding/vac.html", "worksheets": "werkbladen/index.html"}


def axe(page) -> dict:
    page.evaluate(AXE_SOURCE)
    return page.evaluate("options => axe.run(document, options)", RULES)


def violations(result: dict) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_page_type_has_no_violations(browser, site_url: str, kind: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{site_url}/{PAGE_TYPES[kind]}", wait_until="load")
    page.wait_for_timeout(200)  # our scripts finish building forms and maps
    result = axe(page)
    context.close()
    assert violations(result) == []
    # contrast really was checked (the default palette's footer fails it; ours must pass)
    assert "color-contrast" in {rule["id"] for rule in result["passes"]}


def test_states_after_interaction_have_no_violations(page, site_url: str) -> None:
    page.goto(f"{site_url}/toetsen/stap-01.html")
    question = page.locator(".nc-question").first
    question.locator("input").first.check()
    question.locator(".nc-check").click()
    assert violations(axe(page)) == []
    page.goto(f"{site_url}/werkbladen/mijn-netwerkkaart.html")
    page.locator('input[name$=".1.naam"]').fill("Ria")
    page.locator('select[name$=".1.cirkel"]').select_option("dichtbij")
    page.locator('select[name$=".1.sector"]').select_option("buurt")
    assert page.locator(".nc-person").count() == 1
    assert violations(axe(page)) == []
    page.goto(f"{site_url}/index.html")
    page.keyboard.press("/")
    page.keyboard.type("meedenkers")
    page.locator(".md-search-result__item").first.wait_for()
    assert violations(axe(page)) == []


def test_worksheet_by_keyboard_only(page, site_url: str) -> None:
    """Tab from the first field through the form: every field is reachable and fillable."""
    page.goto(f"{site_url}/werkbladen/mijn-droomnetwerk.html")
    page.locator("form.nc-worksheet textarea").first.focus()
    page.keyboard.type("Met de kleinkinderen naar het strand")
    seen = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        name = page.evaluate("document.activeElement.name || document.activeElement.textContent")
        seen.add(name)
        if page.evaluate("document.activeElement.type") == "radio":
            page.keyboard.press("ArrowRight")
    fields = page.evaluate("[...document.querySelectorAll('form.nc-worksheet [name]')].map(e => e.name)")
    assert set(fields) <= seen | {fields[0]}
    page.reload()
    assert page.locator("form.nc-worksheet textarea").first.input_value() == "Met de kleinkinderen naar het strand"
