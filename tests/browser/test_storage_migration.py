"""Browser data moves without loss when the key namespace changes: storage keys come from the
handbook's id (`<id>:<organisation>:...`), and a method that was built before under another name
says so (`earlier_storage_prefix` in content/method.yml). Tested on another method's handbook
whose volunteers' data still sits under the old `netwerkcoach:` keys."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import copy_fixture, run_cli

from tests.browser.conftest import serve_folder

pytestmark = pytest.mark.browser
OLD, NEW = "netwerkcoach:default", "werkpad:default"


@pytest.fixture(scope="module")
def earlier_site(tmp_path_factory: pytest.TempPathFactory):
    project = copy_fixture("other-method", tmp_path_factory.mktemp("migration") / "project")
    method = project / "content" / "method.yml"
    method.write_text(method.read_text(encoding="utf-8") + "earlier_storage_prefix: netwerkcoach\n", encoding="utf-8")
    result = run_cli("build", "--root", str(project), "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    with serve_folder(project / "site") as url:
        yield url


def _seed(page, items: dict[str, object]) -> None:
    page.evaluate("items => { localStorage.clear(); for (const [k, v] of Object.entries(items)) "
                  "localStorage.setItem(k, JSON.stringify(v)); }", items)


def _stored(page) -> dict[str, object]:
    return page.evaluate("Object.fromEntries(Object.keys(localStorage).map(k => [k, JSON.parse(localStorage.getItem(k))]))")


def test_earlier_progress_and_answers_move_to_the_handbooks_own_keys(page, earlier_site: str) -> None:
    progress = {"format": 1, "modules": {"stap-1": {"done": "2026-01-02T10:00:00Z"}}}
    sheet = {"sheet": "eerste-gesprek", "version": 1, "answers": {"wens": "Werken in een tuin"}}
    page.goto(f"{earlier_site}/index.html")
    _seed(page, {f"{OLD}:voortgang": progress, f"{OLD}:werkblad:eerste-gesprek": sheet,
                 "iets-anders": {"blijft": True}})
    page.goto(f"{earlier_site}/werkbladen/eerste-gesprek.html")
    page.wait_for_function("document.querySelector('form.nc-worksheet textarea').value !== ''")
    assert page.locator("form.nc-worksheet textarea").first.input_value() == "Werken in een tuin"
    stored = _stored(page)
    assert stored[f"{NEW}:voortgang"] == progress
    # and on into the first client's set (answer-sets.js), as every sheet kept before sets existed
    assert stored[f"{NEW}:set:1:werkblad:eerste-gesprek"]["answers"] == sheet["answers"]
    assert not [key for key in stored if key.startswith(OLD)]
    assert stored["iets-anders"] == {"blijft": True}  # what is not ours is left alone


def test_data_already_under_the_new_keys_is_never_overwritten(page, earlier_site: str) -> None:
    page.goto(f"{earlier_site}/index.html")
    newer = {"format": 1, "modules": {"stap-2": {"done": "2026-03-01T10:00:00Z"}}}
    _seed(page, {f"{OLD}:voortgang": {"format": 1, "modules": {}}, f"{NEW}:voortgang": newer})
    page.reload()
    page.wait_for_function(f"localStorage.getItem('{OLD}:voortgang') === null")
    assert _stored(page)[f"{NEW}:voortgang"] == newer


def test_a_file_exported_under_the_earlier_name_can_still_be_opened(page, earlier_site: str, tmp_path: Path) -> None:
    page.goto(f"{earlier_site}/werkbladen/eerste-gesprek.html")
    page.evaluate("localStorage.clear()")
    page.reload()
    old_file = tmp_path / "werkbladen-oud.json"
    old_file.write_text(json.dumps({"type": "netwerkcoach-werkbladen", "format": 1, "site": OLD, "worksheets": {
        "eerste-gesprek": {"sheet": "eerste-gesprek", "version": 1, "answers": {"wens": "Uit het oude bestand"}}}}),
        encoding="utf-8")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Bestand openen").click()
    chooser.value.set_files(str(old_file))
    page.wait_for_function("document.querySelector('form.nc-worksheet textarea').value !== ''")
    assert page.locator("form.nc-worksheet textarea").first.input_value() == "Uit het oude bestand"
    with page.expect_download() as download:
        page.get_by_role("button", name="Opslaan als bestand").click()
    saved = tmp_path / "nieuw.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["type"] == "werkpad-werkbladen"
