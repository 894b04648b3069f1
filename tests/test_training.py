"""The trainer's half of the bundled training (content/training/): its pages, the trainer's guide,
the role-play card sheet and the pocket card, checked as a trainer meets them."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pikepdf
import pytest
from conftest import ROOT
from pdf_checks import A4, assert_good_pdf, outline_titles, page_texts, text_runs, words_with_boxes
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


MM = 72 / 25.4  # points per millimetre


def _rendered(path: Path, page: int, dpi: int, tmp_path: Path):
    """One page as poppler draws it, in grey: what a printer gets."""
    from PIL import Image
    target = tmp_path / f"page-{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                    str(path), str(target)], check=True)
    return Image.open(f"{target}.png").convert("L")


def test_card_sheet_is_cards_only_four_per_a4_with_cut_lines_and_marks(
        bundled_site: Path, cards: list[dict], tmp_path: Path) -> None:
    path = bundled_site / "pdf" / "training" / "rollenspelkaarten.pdf"
    pdf = assert_good_pdf(path)
    assert len(pdf.pages) == -(-len(cards) // 4)  # no cover page: the first sheet has cards
    # The four cells: 96 x 136 mm inside margins of 9 mm (sides) and 12.5 mm (top, bottom).
    cells = [((9 + 96 * col) * MM, (12.5 + 136 * row) * MM, (105 + 96 * col) * MM, (148.5 + 136 * row) * MM)
             for row in (0, 1) for col in (0, 1)]
    for number in range(1, len(pdf.pages) + 1):
        words = words_with_boxes(path, number)
        on_cards = [w for w in words if w["y0"] > 12.5 * MM and w["y1"] < 284.5 * MM]
        margin = " ".join(w["text"] for w in words if w not in on_cards)
        assert "Knip langs de stippellijnen" in margin, number  # how to cut, on every sheet's margin
        assert margin.endswith(f"blad {number} van {len(pdf.pages)}"), margin
        outside = [w["text"] for w in on_cards if not any(
            c[0] - 0.5 <= w["x0"] and w["x1"] <= c[2] + 0.5 and c[1] - 0.5 <= w["y0"] and w["y1"] <= c[3] + 0.5
            for c in cells)]
        assert outside == [], f"sheet {number}: text runs over a cut line: {outside}"  # every card fits
        stream = b"".join(part.read_bytes() for part in pdf.pages[number - 1].get_contents()) \
            if hasattr(pdf.pages[number - 1], "get_contents") else pdf.pages[number - 1].Contents.read_bytes()
        assert re.search(rb"\[[\d. ]+\] [\d.]+ d", stream), "no dashed cut lines on a card sheet"
    for index, card in enumerate(cards):  # in order, four to a sheet, each in its own cell
        words = words_with_boxes(path, 1 + index // 4)
        cell = cells[index % 4]
        inside = {w["text"] for w in words if cell[0] <= w["x0"] and w["x1"] <= cell[2] + 0.5
                  and cell[1] <= w["y0"] and w["y1"] <= cell[3] + 0.5}
        assert set(card["title"].split()) <= inside, card["id"]
        assert set(card["observer"].split()[-3:]) <= inside, card["id"]  # its last lines too
    # The cut marks: short dark ticks in the margin where each cut line meets the edge of the paper.
    image = _rendered(path, 1, 100, tmp_path)
    px = 100 / 25.4
    dark = lambda x_mm, y_mm: min(image.getpixel((round(x_mm * px + dx), round(y_mm * px)))
                                  for dx in (-1, 0, 1)) < 128
    assert all(dark(x, 6) and dark(x, 291) for x in (9, 105, 201)), "no cut mark above or below a cut line"
    assert not dark(150, 6), "the margin is not blank between the marks"
    side = lambda y_mm: min(image.getpixel((round(4.5 * px), round(y_mm * px + dy))) for dy in (-1, 0, 1)) < 128
    assert all(side(y) for y in (12.5, 148.5, 284.5)), "no cut mark beside a cut line"


def _quadrant(word: dict[str, float]) -> str:
    """Where a word sits on the unfolded A4 (poppler's boxes: points from the top left)."""
    x, y = (word["x0"] + word["x1"]) / 2, (word["y0"] + word["y1"]) / 2
    return ("top" if y < A4[1] / 2 else "bottom") + "-" + ("left" if x < A4[0] / 2 else "right")


def _find_run(words: list[dict], text: str) -> list[dict]:
    """The words of `text`, one after another in poppler's reading order."""
    wanted = text.split()
    texts = [w["text"] for w in words]
    for start in range(len(texts) - len(wanted) + 1):
        if texts[start:start + len(wanted)] == wanted:
            return words[start:start + len(wanted)]
    raise AssertionError(f"not found as one run of words: {text!r}")


def _reads_upside_down(run: list[dict]) -> bool:
    """True when the words run right to left and the lines go up the page: text turned 180°."""
    steps = []
    for a, b in zip(run, run[1:]):
        same_line = abs(a["y0"] - b["y0"]) < 1
        steps.append((b["x0"] < a["x0"]) if same_line else (b["y0"] < a["y0"]))
    assert len(set(steps)) == 1, [w["text"] for w in run]  # one direction throughout
    return steps[0]


def test_pocket_card_folds_to_a6_with_its_panels_in_reading_order(bundled_site: Path) -> None:
    """One A4, folded in quarters: the top half back, then the left half back. The front is then
    bottom right, the inside top right and top left (printed upside down), the back bottom left."""
    path = bundled_site / "pdf" / "training" / "zakkaart.pdf"
    pdf = assert_good_pdf(path)
    assert len(pdf.pages) == 1
    card = _yaml(TRAINING / "pocket_card.yml")
    steps = [_yaml(step / "step.yml")["title"] for step in sorted((ROOT / "content" / "steps").iterdir())]
    panels = {  # where each text must be, and whether it is printed upside down
        "bottom-right": ([card["title"], card["rules_title"], *card["rules"]], False),
        "top-right": (["De stappen", *steps], True),
        "top-left": ([card["questions_title"], *card["questions"]], True),
        "bottom-left": ([card["footer"], "Zo vouw je deze kaart", "Vouw de bovenste helft naar achteren,"], False),
    }
    assert any(q.startswith("WIE-vraag") for q in card["questions"])
    words = words_with_boxes(path)
    for quadrant, (texts, upside_down) in panels.items():
        for text in texts:
            run = _find_run(words, text)
            assert {_quadrant(w) for w in run} == {quadrant}, (text, {_quadrant(w) for w in run})
            if len(run) > 1:
                assert _reads_upside_down(run) is upside_down, text
    # In the content stream: every piece of text in the top half is turned 180°, none below, and none
    # is set smaller than 8 pt.
    runs = text_runs(pdf.pages[0])
    assert {(run["y"] > A4[1] / 2, run["direction"]) for run in runs} == {(True, -1.0), (False, 1.0)}
    assert min(run["size"] for run in runs) >= 8
    # The panels are written (and tagged) in reading order, not in their places on the sheet: the
    # front's title comes first, the inside next, the back last.
    order = [_quadrant({"x0": r["x"], "x1": r["x"], "y0": A4[1] - r["y"], "y1": A4[1] - r["y"]}) for r in runs]
    assert list(dict.fromkeys(order)) == list(panels), list(dict.fromkeys(order))


def test_training_pdfs_pass_pdfua_and_qpdf(bundled_site: Path) -> None:
    from pdf_checks import pdfua_findings
    pdfs = sorted((bundled_site / "pdf" / "training").glob("*.pdf"))
    pdfs.append(bundled_site / "pdf" / "pakketten" / "trainershandleiding.pdf")
    for path in pdfs:
        check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert check.returncode == 0, path
    assert pdfua_findings(pdfs) == ""
