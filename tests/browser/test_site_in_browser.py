"""The built site in a real headless Chromium: privacy, search, small screens."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
PAGE_TYPES = ["index.html", "fasen/orienteren/index.html", "stappen/stap-02-netwerk-in-beeld.html",
              "werkbladen/mijn-netwerkkaart.html", "houding/vac.html", "naslag/begrippen.html",
              "werkbladen/index.html"]


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_request_leaves_the_site(page, site_url: str, path: str) -> None:
    page.goto(f"{site_url}/{path}", wait_until="networkidle")
    assert page.requests.foreign == []
    assert len(page.requests.urls) > 3  # the page, its CSS, JS and fonts really loaded


def test_old_browser_path_loads_no_third_party_polyfill(page, site_url: str) -> None:
    # Simulate a browser without ResizeObserver: the theme would fetch a polyfill from unpkg.
    page.add_init_script("delete window.ResizeObserver")
    page.goto(f"{site_url}/stappen/stap-01-kennismaking-en-perspectief.html", wait_until="networkidle")
    page.mouse.wheel(0, 800)
    page.wait_for_timeout(300)
    assert page.requests.foreign == []
    assert page.evaluate("typeof window.ResizeObserver") == "function"


def test_search_finds_a_step_by_a_stemmed_dutch_word(page, site_url: str) -> None:
    page.goto(f"{site_url}/index.html", wait_until="networkidle")
    page.keyboard.press("/")  # the theme's shortcut to the search field, as a keyboard user does
    page.keyboard.type("netwerkkaarten")  # plural: found through the Dutch stem
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10000)
    text = page.locator(".md-search-result").inner_text()
    assert "Netwerk in beeld" in text
    assert page.requests.foreign == []


def _index_requests(page) -> list[str]:
    return [url for url in page.requests.urls if url.endswith("/search/search_index.json")]


def test_search_index_waits_until_the_reader_searches(page, site_url: str) -> None:
    # The index is the largest file of a first visit; a page view without search never fetches it.
    tab = page
    tab.set_viewport_size({"width": 360, "height": 740})  # phone: search opens from a header button
    tab.goto(f"{site_url}/stappen/stap-02-netwerk-in-beeld.html", wait_until="networkidle")
    tab.wait_for_timeout(500)
    assert _index_requests(tab) == []
    tab.locator("label.md-header__button[for=__search]").click()
    tab.keyboard.type("netwerkkaart")
    tab.locator(".md-search-result__item").first.wait_for(timeout=10000)
    assert len(_index_requests(tab)) == 1


def test_a_search_link_loads_the_index_at_once(page, site_url: str) -> None:
    page.goto(f"{site_url}/index.html?q=netwerkkaart", wait_until="networkidle")
    page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    assert "Netwerk in beeld" in page.locator(".md-search-result").inner_text()
    assert len(_index_requests(page)) == 1


def test_step_page_fits_a_small_phone(browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    tab = context.new_page()
    tab.goto(f"{site_url}/werkbladen/mijn-netwerkkaart.html", wait_until="networkidle")
    overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    font_px = tab.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset')).fontSize)")
    context.close()
    assert overflow <= 0
    assert font_px >= 16
