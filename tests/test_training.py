"""The trainer's half of the bundled training (content/training/): its pages, the trainer's guide,
the role-play card sheet and the pocket card, checked as a trainer meets them."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from conftest import ROOT
from pdf_checks import assert_good_pdf, outline_titles, page_texts
from ruamel.yaml import YAML

TRAINING = ROOT / "content" / "training"


def _yaml(path: Path):
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def meetings() -> list[dict]:
    return sorted((_yaml(p) for p in (TRAINING / "meetings").glob("*.yml")), key=lambda m: m["number"])


@pytest.fixture(scope="module")
def cards() -> list[dict]:
    return _yaml(TRAINING / "cards.yml")


def test_programme_fits_four_to_six_dagdelen_and_says_it_is_a_proposal(meetings: list[dict]) -> None:
    assert 4 <= len(meetings) <= 6
    assert all(150 <= m["duration_minutes"] <= 240 for m in meetings)  # a dagdeel each
    intro = _yaml(TRAINING / "programme.yml")["intro"]
    assert "voorstel" in intro.lower()


def test_cards_cover_every_step_and_every_question_kind(cards: list[dict]) -> None:
    method = _yaml(ROOT / "content" / "method.yml")
    steps = {int(p.name[:2]) for p in (ROOT / "content" / "steps").iterdir() if p.is_dir()}
    assert {c["step"] for c in cards} == steps
    assert {c["question_kind"] for c in cards} == {k["id"] for k in method["question_kinds"]}


def test_every_meeting_has_a_page_with_its_timed_agenda(bundled_site: Path, meetings: list[dict]) -> None:
    programme = (bundled_site / "training" / "index.html").read_text(encoding="utf-8")
    for meeting in meetings:
        assert f"bijeenkomst-{meeting['number']}.html" in programme
        page = (bundled_site / "training" / f"bijeenkomst-{meeting['number']}.html").read_text(encoding="utf-8")
        assert meeting["aim"] in page.replace("&#x27;", "'").replace("&quot;", '"')
        times = re.findall(r"\d:\d\d–(\d):(\d\d)", page)
        assert times, meeting["id"]
        hours, minutes = times[-1]
        assert int(hours) * 60 + int(minutes) == meeting["duration_minutes"]  # the last block ends on time


def test_route_modules_say_in_which_meeting_they_are_practised(bundled_site: Path, meetings: list[dict]) -> None:
    first = next(m for m in meetings if any(ref.startswith("stap:") for ref in m["before"]["modules"]))
    step_refs = [ref for ref in first["before"]["modules"] if ref.startswith("stap:")]
    number = int(step_refs[0].split(":")[1])
    page = next((bundled_site / "stappen").glob(f"stap-{number:02d}-*.html")).read_text(encoding="utf-8")
    assert "Dit oefen je in" in page and f"bijeenkomst {first['number']}" in page


def test_the_trainers_guide_holds_programme_meetings_cards_forms_exercises_and_answers(
        bundled_site: Path, meetings: list[dict]) -> None:
    path = bundled_site / "pdf" / "pakketten" / "trainershandleiding.pdf"
    assert_good_pdf(path)
    titles = outline_titles(pikepdf.open(path))
    expected = [f"Bijeenkomst {m['number']}: {m['title']}" for m in meetings]
    expected += ["Rollenspelkaarten", "Oefeningen per vraagsoort", "Antwoorden bij de toetsen",
                 "Observatieformulier rollenspel"]
    assert [t for t in expected if not any(t in title for title in titles)] == []
    text = "".join(page_texts(path))
    assert "Voorbeeldantwoorden voor de trainer" in text


def test_card_sheet_has_four_cards_per_a4_with_cut_lines(bundled_site: Path, cards: list[dict]) -> None:
    path = bundled_site / "pdf" / "training" / "rollenspelkaarten.pdf"
    pdf = assert_good_pdf(path)
    sheets = -(-len(cards) // 4)
    assert len(pdf.pages) == 1 + sheets  # a page saying how to cut, then the sheets
    box = [float(v) for v in pdf.pages[1].mediabox]
    assert round(box[2] / 72 * 25.4) == 210 and round(box[3] / 72 * 25.4) == 297
    # Two cards side by side: the text comes line by line across both, so look for each word.
    words = [set(text.split()) for text in page_texts(path)]
    for index, card in enumerate(cards):
        assert set(card["title"].split()) <= words[1 + index // 4], card["id"]
    for page in pdf.pages[1:]:
        stream = b"".join(part.read_bytes() for part in page.get_contents()) if hasattr(page, "get_contents") \
            else page.Contents.read_bytes()
        assert re.search(rb"\[[\d. ]+\] [\d.]+ d", stream), "no dashed cut lines on a card sheet"


def test_pocket_card_is_one_a4_with_every_step_and_the_basic_rules(bundled_site: Path) -> None:
    path = bundled_site / "pdf" / "training" / "zakkaart.pdf"
    pdf = assert_good_pdf(path)
    assert len(pdf.pages) == 1
    words = set(page_texts(path)[0].split())  # four panels side by side: look for each word
    for step in (ROOT / "content" / "steps").iterdir():
        title = _yaml(step / "step.yml")["title"]
        assert set(title.split()) <= words, title
    for rule in _yaml(TRAINING / "pocket_card.yml")["rules"]:
        assert set(rule.split()) <= words, rule


def test_training_pdfs_pass_pdfua_and_qpdf(bundled_site: Path) -> None:
    from pdf_checks import pdfua_findings
    pdfs = sorted((bundled_site / "pdf" / "training").glob("*.pdf"))
    pdfs.append(bundled_site / "pdf" / "pakketten" / "trainershandleiding.pdf")
    for path in pdfs:
        check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert check.returncode == 0, path
    assert pdfua_findings(pdfs) == ""
