"""The bundled example organisation (site_config/voorbeeld-lindeveen.yml): its own colours and
logo reach site and PDFs, and its branded pages stay accessible, focus ring included."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from conftest import copy_project, run_cli, share_pdf_cache
from pdf_checks import assert_good_pdf, page_texts, pdfua_findings

from tests.browser.conftest import serve_folder
from tests.browser.test_accessibility import axe, focus_problems, tab_stops, violations

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ORG = "voorbeeld-lindeveen"


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory, pdf_cache: Path) -> Path:
    project = share_pdf_cache(copy_project(tmp_path_factory.mktemp("example") / "project"), pdf_cache)
    result = run_cli("build", "--root", str(project), "--org", ORG)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def example_url(example_site: Path) -> Iterator[str]:
    with serve_folder(example_site) as url:
        yield url


def test_branding_reaches_site_and_pdfs(example_site: Path) -> None:
    css = (example_site / "assets" / "css" / "site.css").read_text(encoding="utf-8")
    assert "--nc-brand: #5a2d82;" in css
    home = (example_site / "index.html").read_text(encoding="utf-8")
    assert "Welzijn Lindeveen (voorbeeld)" in home and (example_site / "assets" / "logo.svg").is_file()
    pdfs = sorted((example_site / "pdf").rglob("*.pdf"))
    assert len(pdfs) >= 10
    for path in pdfs:
        assert_good_pdf(path)
    assert "Lindeveen" in page_texts(example_site / "pdf" / "pakketten" / "werkmap-client.pdf")[0]
    assert pdfua_findings(pdfs) == ""


@pytest.mark.parametrize("width", [360, 1280])
def test_branded_pages_are_accessible(browser, example_url: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900}, reduced_motion="reduce")
    for path in ("index.html", "stappen/stap-02-netwerk-in-beeld.html", "werkbladen/mijn-netwerkkaart.html"):
        page = context.new_page()
        page.goto(f"{example_url}/{path}", wait_until="load")
        page.wait_for_timeout(150)
        assert violations(axe(page)) == [], path
        stops = tab_stops(page)
        header = [s for s in stops if s["back"] == [90, 45, 130]]  # on the organisation's own colour
        assert header, path
        assert focus_problems(stops) == [], path
        page.close()
    context.close()
