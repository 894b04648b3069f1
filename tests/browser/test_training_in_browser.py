"""The trainer's half in a real browser: the training evaluation form as participants fill it in,
and 'Mijn voortgang' telling a volunteer which meeting comes next and what to do before it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser.test_worksheets_in_browser import FILL_EVERY_FIELD, _printed_text

pytestmark = pytest.mark.browser
EVALUATION = "werkbladen/trainingsevaluatie.html"
KEY = "netwerkcoach:default:voortgang"


def test_training_evaluation_fill_reload_export_and_print(page, site_url: str, tmp_path: Path) -> None:
    page.goto(f"{site_url}/{EVALUATION}")
    page.evaluate("localStorage.clear()")
    page.reload()
    filled = page.evaluate(FILL_EVERY_FIELD)
    radios = page.locator("form.nc-worksheet input[type=radio]")
    if radios.count():
        radios.nth(radios.count() - 1).check()
    assert filled["texts"], "the evaluation has open questions"
    page.reload()
    values = page.evaluate("[...document.querySelectorAll('form.nc-worksheet textarea, "
                           "form.nc-worksheet input[type=text]')].map(e => e.value)")
    assert values == filled["texts"]
    with page.expect_download() as download:
        page.get_by_role("button", name="Opslaan als bestand").click()
    saved = tmp_path / "evaluatie.json"
    download.value.save_as(saved)
    answers = json.loads(saved.read_text(encoding="utf-8"))["worksheets"]["trainingsevaluatie"]["answers"]
    exported = json.dumps(answers, ensure_ascii=False)
    assert all(text in exported for text in filled["texts"])
    printed = _printed_text(page, tmp_path, "evaluatie")
    assert [t for t in filled["texts"] if "".join(t.split()) not in printed] == []


def _first_meeting_todo(page) -> list[str]:
    return page.locator(".nc-next-meeting li a").all_inner_texts()


def test_progress_page_names_the_next_meeting_and_what_to_do_before_it(page, site_url: str) -> None:
    page.goto(f"{site_url}/voortgang.html")
    page.evaluate("localStorage.clear()")
    page.reload()
    box = page.locator(".nc-next-meeting")
    assert "Bijeenkomst 1" in box.inner_text()
    todo = _first_meeting_todo(page)
    assert todo, "the first meeting asks for something beforehand"
    route = json.loads(page.locator("#nc-route").text_content())
    first = route["meetings"][0]
    done = {module_id: {"done": "2026-12-01T10:00:00Z",
                        "quiz": {"right": 3, "total": 3, "passed": True}} for module_id in
            first["modules"] + first["quizzes"]}
    page.evaluate("([key, record]) => localStorage.setItem(key, JSON.stringify(record))",
                  [KEY, {"format": 1, "modules": done}])
    page.reload()
    assert "Bijeenkomst 1" not in box.inner_text()
    assert "Bijeenkomst 2" in box.inner_text()
