"""Every page of the built site: no request to another host, no CSP violation, CSP in place."""
from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
WATCH_CSP = """window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"""


def test_every_page_stays_on_the_site_and_within_its_policy(browser, site_url: str, bundled_site: Path) -> None:
    pages = sorted(p.relative_to(bundled_site).as_posix() for p in bundled_site.rglob("*.html"))
    assert len(pages) > 40
    context = browser.new_context()
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    from tests.browser.conftest import RequestLog
    log = RequestLog(site_url)
    context.on("request", log.record)
    problems = []
    for path in pages:
        page.goto(f"{site_url}/{path}", wait_until="load")
        csp = page.locator('meta[http-equiv="Content-Security-Policy"]')
        if csp.count() != 1 or "unsafe-inline" in csp.get_attribute("content").split("script-src")[1].split(";")[0]:
            problems.append(f"{path}: no strict script policy")
        violations = page.evaluate("window.__cspViolations")
        if violations:
            problems.append(f"{path}: {violations}")
    context.close()
    assert problems == []
    assert log.foreign == []


def test_policy_blocks_an_injected_inline_script(page, site_url: str) -> None:
    page.goto(f"{site_url}/stappen/stap-01-kennismaking-en-perspectief.html")
    page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__injected = 1'; document.body.appendChild(s); }""")
    assert page.evaluate("window.__injected") is None
    # while the theme's own inline scripts ran: its helpers exist
    assert page.evaluate("typeof window.__md_get") == "function"
