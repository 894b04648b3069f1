"""The offline copy: unzip, open index.html from file://, search works, nothing leaves."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from conftest import copy_project, run_cli, share_pdf_cache

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def unzipped(tmp_path_factory: pytest.TempPathFactory, pdf_cache: Path) -> Path:
    project = share_pdf_cache(copy_project(tmp_path_factory.mktemp("offline") / "project"), pdf_cache)
    result = run_cli("build", "--root", str(project), "--offline")
    assert result.returncode == 0, result.stderr
    archive = next((project / "dist").glob("*-offline.zip"))
    target = project / "usb"
    zipfile.ZipFile(archive).extractall(target)
    return target / "netwerkcoach-default"  # <handbook id>-<organisation>


def test_search_works_from_file(browser, unzipped: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    foreign = []
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(("file:", "data:", "blob:")) else None)
    page.goto((unzipped / "index.html").as_uri())
    page.keyboard.press("/")
    page.keyboard.type("netwerkkaarten")
    page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    assert "Netwerk in beeld" in page.locator(".md-search-result").inner_text()
    assert foreign == []
    context.close()


def test_worksheet_saves_from_file(browser, unzipped: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto((unzipped / "werkbladen" / "mijn-droomnetwerk.html").as_uri())
    page.locator("form.nc-worksheet textarea").first.fill("Offline ingevuld")
    page.locator("form.nc-worksheet textarea").first.dispatch_event("input")
    page.reload()
    assert page.locator("form.nc-worksheet textarea").first.input_value() == "Offline ingevuld"
    assert (unzipped / "pdf" / "pakketten" / "handboek.pdf").is_file()
    context.close()
