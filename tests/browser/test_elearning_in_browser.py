"""Quizzes, the learning route and the certificate in a real browser, keyboard first."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser.conftest import wait_until

pytestmark = pytest.mark.browser
QUIZ = "toetsen/stap-01.html"
PROGRESS = "voortgang.html"
KEY = "netwerkcoach:default:voortgang"


def answer_by_keyboard(page, question) -> None:
    """Answer one question with the keyboard only, choosing the right options."""
    kind = question.get_attribute("data-type")
    if kind == "order":
        for item in question.locator(".nc-order-item").all():
            item.locator("select").focus()
            for _ in range(int(item.get_attribute("data-position"))):
                page.keyboard.press("ArrowDown")
    else:
        rows = question.locator(".nc-option").all()
        correct = [i for i, row in enumerate(rows) if row.get_attribute("data-correct") == "ja"]
        rows[0].locator("input").focus()
        if kind == "multiple":
            for index, row in enumerate(rows):
                row.locator("input").focus()
                if index in correct:
                    page.keyboard.press("Space")
        else:
            page.keyboard.press("Space")           # select the first option
            for _ in range(correct[0]):
                page.keyboard.press("ArrowDown")   # radios: arrows move the choice
    question.locator(".nc-check").focus()
    page.keyboard.press("Enter")


def test_quiz_by_keyboard_gives_feedback_and_passes(page, site_url: str) -> None:
    page.goto(f"{site_url}/{QUIZ}")
    questions = page.locator(".nc-question")
    first = questions.first
    # a wrong answer first: feedback in words, not colour alone, announced politely
    first.locator(".nc-option[data-correct=nee] input").first.focus()
    page.keyboard.press("Space")
    first.locator(".nc-check").focus()
    page.keyboard.press("Enter")
    feedback = first.locator(".nc-feedback")
    assert feedback.get_attribute("aria-live") == "polite"
    assert feedback.inner_text().startswith("✗ Niet goed.")
    for question in questions.all():
        answer_by_keyboard(page, question)
        assert question.locator(".nc-feedback").inner_text().startswith("✓ Goed!")
    result = page.locator(".nc-quiz-result").inner_text()
    assert "Geslaagd" in result and "100%" in result
    stored = page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}'))")
    assert stored["modules"]["stap-1"]["quiz"]["passed"] is True and stored["modules"]["stap-1"]["done"]


def test_failing_then_retry(page, site_url: str) -> None:
    page.goto(f"{site_url}/{QUIZ}")
    for question in page.locator(".nc-question").all():
        question.locator(".nc-option[data-correct=nee] input").first.check()
        question.locator(".nc-check").click()
    assert "Nog niet geslaagd" in page.locator(".nc-quiz-result").inner_text()
    stored = page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}'))")
    assert "done" not in stored["modules"]["stap-1"]
    page.get_by_role("button", name="Opnieuw beginnen").click()
    assert page.locator(".nc-quiz-result").inner_text() == ""
    assert page.locator(".nc-option input:checked").count() == 0


def test_progress_shows_read_done_score_and_survives_reload(page, site_url: str) -> None:
    page.goto(f"{site_url}/stappen/stap-02-netwerk-in-beeld.html")
    page.get_by_role("button", name="Markeer als klaar").click()
    assert page.get_by_role("button", name="✓ Klaar").get_attribute("aria-pressed") == "true"
    page.goto(f"{site_url}/{QUIZ}")
    for question in page.locator(".nc-question").all():
        answer_by_keyboard(page, question)
    page.goto(f"{site_url}/{PROGRESS}")
    row1 = page.locator('tr[data-module="stap-1"]')
    row2 = page.locator('tr[data-module="stap-2"]')
    assert "klaar" in row1.locator(".nc-done").inner_text()
    assert "geslaagd" in row1.locator(".nc-score").inner_text()
    assert row2.locator(".nc-read").inner_text().startswith("ja")
    assert "2 van de" in page.locator(".nc-progress-summary").inner_text()
    page.reload()
    assert "klaar" in page.locator('tr[data-module="stap-2"] .nc-done').inner_text()
    # progress marks in the navigation (the menu shows the open phase: steps 1 to 3)
    page.goto(f"{site_url}/stappen/stap-03-de-waarde-van-het-netwerk.html")
    assert page.locator(".md-nav__link .nc-nav-done").count() >= 2


def test_progress_export_wipe_import_round_trip(page, site_url: str, tmp_path: Path) -> None:
    page.goto(f"{site_url}/stappen/stap-03-de-waarde-van-het-netwerk.html")
    page.get_by_role("button", name="Markeer als klaar").click()
    page.goto(f"{site_url}/{PROGRESS}")
    before = page.evaluate(f"localStorage.getItem('{KEY}')")
    with page.expect_download() as download:
        page.get_by_role("button", name="Opslaan als bestand").click()
    saved = tmp_path / "voortgang.json"
    download.value.save_as(saved)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Wis mijn voortgang").click()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert "0 van de" in page.locator(".nc-progress-summary").inner_text()
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Bestand openen").click()
    chooser.value.set_files(str(saved))
    wait_until(page, f"localStorage.getItem('{KEY}') !== null")
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')")) == json.loads(before)


def test_complete_route_and_print_certificate(page, site_url: str) -> None:
    page.goto(f"{site_url}/{PROGRESS}")
    route = json.loads(page.locator("#nc-route").text_content())
    final = [m for m in route["modules"] if m["id"].startswith("toets-")]
    assert final, "the route ends with a final test"
    record = {"format": 1, "modules": {m["id"]: {"read": "2026-11-01T10:00:00Z", "done": "2026-11-01T10:00:00Z"}
                                       for m in route["modules"] if m not in final}}
    page.evaluate(f"r => localStorage.setItem('{KEY}', JSON.stringify(r))", record)
    page.reload()
    assert page.locator(".nc-certificate-form").count() == 0  # not complete yet
    page.goto(f"{site_url}/toetsen/{final[0]['quiz']}.html")
    for question in page.locator(".nc-question").all():
        answer_by_keyboard(page, question)
    assert "Geslaagd" in page.locator(".nc-quiz-result").inner_text()
    page.goto(f"{site_url}/{PROGRESS}")
    page.get_by_label("Je naam zoals die op het certificaat moet staan").fill("Joke de Vries")
    page.get_by_role("button", name="Maak mijn certificaat").click()
    certificate = page.locator(".nc-certificate")
    text = certificate.inner_text()
    assert "Joke de Vries" in text and "Editie 2026" in text and "Netwerkcoach-training" in text
    page.emulate_media(media="print")
    assert certificate.is_visible()
    assert not page.locator(".nc-route").first.is_visible()
    assert page.pdf(format="A4").startswith(b"%PDF")
    assert page.requests.foreign == []
