"""WCAG 2.1 A and AA (axe-core) on every page of the bundled edition, at phone and desktop width;
focus visible with enough contrast and a name for every tab stop, tried with the keyboard."""
from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
AXE_SOURCE = next(Path(__import__("axe_playwright_python").__file__).parent.glob("axe.min.js")).read_text("utf-8")
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
         # every rule still runs on every node; only the details of passing nodes are not collected
         "resultTypes": ["violations"]}
WIDTHS = [360, 1280]
MIN_FOCUS_CONTRAST = 3.0  # WCAG 1.4.11 non-text contrast, for the focus indicator (2.4.7)

# For every tab stop: its accessible name (axe's own computation), the focus outline, and the
# colour behind it: the first opaque background from the element out, or from its parent when
# the ring is drawn outside the element (a non-negative outline offset).
FOCUS_PROBE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const style = getComputedStyle(el);
  let node = parseFloat(style.outlineOffset) >= 0 ? el.parentElement : el, back = [255, 255, 255];
  while (node && node.nodeType === 1) {
    const c = rgb(getComputedStyle(node).backgroundColor);
    if (c.length >= 3 && (c.length === 3 || c[3] > 0.9)) { back = c.slice(0, 3); break; }
    node = node.parentElement;
  }
  axe.setup(document);
  const name = axe.commons.text.accessibleTextVirtual(axe.utils.getNodeFromTree(el)).trim();
  axe.teardown();
  return {tag: el.tagName, id: el.id, cls: String(el.className).slice(0, 60), name,
          outline: style.outlineStyle, width: parseFloat(style.outlineWidth),
          colour: rgb(style.outlineColor).slice(0, 3), back,
          shadow: style.boxShadow};
}"""


def _luminance(rgb: list[float]) -> float:
    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: list[float], b: list[float]) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def axe(page) -> dict:
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE)
    return page.evaluate("options => axe.run(document, options)", RULES)


def violations(result: dict) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


def every_page(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


# The every-page run: axe starts in the page once our scripts have had 100 ms to build forms
# and maps, and only what the test reports comes back over the wire.
START_AXE = """options => {
  window.ncAxe = new Promise(done => setTimeout(done, 100))
    .then(() => axe.run(document, options))
    .then(result => ({
      violations: result.violations.map(v => ({id: v.id, impact: v.impact,
                                               nodes: v.nodes.map(n => ({target: n.target}))})),
      passes: result.passes.map(rule => ({id: rule.id}))}));
}"""
SLOTS = 2  # pages checked at once, each in its own browser context, so its own renderer process


def axe_every_page(browser, site_url: str, pages: list[str], width: int) -> dict[str, dict]:
    """axe's result for every page. Each slot keeps one tab with axe from an init script (sent to
    the browser once, not per page); while one slot's renderer runs axe, the next page loads in another."""
    tabs = []
    for _ in range(SLOTS):
        context = browser.new_context(viewport={"width": width, "height": 900})
        context.add_init_script(AXE_SOURCE)
        tabs.append(context.new_page())
    results, running = {}, [""] * SLOTS
    for index, path in enumerate(pages + [""] * SLOTS):
        tab, slot = tabs[index % SLOTS], index % SLOTS
        if running[slot]:
            results[running[slot]] = tab.evaluate("() => window.ncAxe")
        running[slot] = path
        if path:
            tab.goto(f"{site_url}/{path}", wait_until="load")
            tab.evaluate(START_AXE, RULES)
    for tab in tabs:
        tab.context.close()
    return results


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_has_no_violations(browser, site_url: str, bundled_site: Path, width: int) -> None:
    pages = every_page(bundled_site)
    assert len(pages) > 50
    results = axe_every_page(browser, site_url, pages, width)
    assert sorted(results) == pages
    found = {path: violations(result) for path, result in results.items() if violations(result)}
    assert found == {}
    contrast_checked = sum("color-contrast" in {rule["id"] for rule in result["passes"]}
                           for result in results.values())
    assert contrast_checked > len(pages) / 2  # contrast really was checked


@pytest.mark.parametrize("width", WIDTHS)
def test_states_after_interaction_have_no_violations(browser, site_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
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
    page.goto(f"{site_url}/werkbladen/mijn-droomnetwerk.html")
    for field in page.locator("form.nc-worksheet textarea").all():
        field.fill("Met de kleinkinderen naar het strand")
    assert violations(axe(page)) == []
    page.goto(f"{site_url}/index.html")
    page.keyboard.press("/")
    page.keyboard.type("meedenkers")
    page.locator(".md-search-result__item").first.wait_for()
    assert violations(axe(page)) == []
    context.close()


def tab_stops(page, limit: int = 400) -> list[dict]:
    """Press Tab until focus comes back round; what every stop looks like."""
    page.evaluate(AXE_SOURCE)
    stops, first = [], None
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUS_PROBE)
        if stop is None:
            continue
        if "md-search__input" in stop["cls"]:  # the theme opens search on focus, a moment later
            page.wait_for_timeout(150)
            stop = page.evaluate(FOCUS_PROBE)
        key = (stop["tag"], stop["id"], stop["cls"], stop["name"])
        if key == first:
            break
        first = first or key
        stops.append(stop)
    return stops


def focus_problems(stops: list[dict]) -> list[str]:
    problems = []
    for stop in stops:
        label = f"{stop['tag']}.{stop['cls']} '{stop['name']}'"
        if not stop["name"]:
            problems.append(f"{label}: geen toegankelijke naam")
        visible = stop["outline"] != "none" and stop["width"] >= 2
        if not visible:
            problems.append(f"{label}: geen zichtbare focus ({stop['outline']} {stop['width']}px)")
        elif contrast(stop["colour"], stop["back"]) < MIN_FOCUS_CONTRAST:
            problems.append(f"{label}: focus {stop['colour']} op {stop['back']} "
                            f"heeft {contrast(stop['colour'], stop['back']):.2f}:1")
    return problems


@pytest.mark.parametrize("path", ["index.html", "stappen/stap-02-netwerk-in-beeld.html",
                                  "werkbladen/mijn-netwerkkaart.html"])
@pytest.mark.parametrize("width", WIDTHS)
def test_every_tab_stop_has_a_name_and_a_visible_focus(browser, site_url: str, path: str, width: int) -> None:
    # Reduced motion: the theme's colour transitions are off, so the colours read are the final ones.
    context = browser.new_context(viewport={"width": width, "height": 900}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(f"{site_url}/{path}", wait_until="load")
    stops = tab_stops(page)
    context.close()
    assert len(stops) > 5
    assert {"A", "INPUT"} & {s["tag"] for s in stops}  # header and footer links were reached
    assert focus_problems(stops) == []


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
