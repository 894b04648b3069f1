"""End to end: build the real bundled edition and check the HTML MkDocs produced."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, run_cli, share_pdf_cache

from generator.site.build import Project, check

pytestmark = pytest.mark.slow
EXTERNAL_LOAD = re.compile(r"""<(?:script|img|link|iframe|source|audio|video)\b[^>]*?\b(?:src|href)=["']?(https?:)?//""", re.I)
CSS_EXTERNAL = re.compile(r"""(?:url\(|@import\s+)["']?(?:https?:)?//""", re.I)


@pytest.fixture(scope="module")
def bundled() -> tuple[Path, object]:
    handbook, diags = check(Project(ROOT))
    assert handbook is not None, [str(d) for d in diags.errors]
    return ROOT, handbook


@pytest.fixture(scope="module")
def site(bundled_site: Path) -> Path:
    return bundled_site


def test_bundled_content_has_no_problems() -> None:
    result = run_cli("check")
    assert result.returncode == 0
    assert result.stdout == "Geen problemen gevonden.\n"


def test_ten_steps_in_three_phases(bundled) -> None:
    _, handbook = bundled
    assert [p.meta.title for p in handbook.phases] == ["Oriënteren", "Denken", "Doen"]
    assert [(s.meta.number, s.meta.title) for s in handbook.steps] == [
        (1, "Kennismaking en perspectief"), (2, "Netwerk in beeld"), (3, "De waarde van het netwerk"),
        (4, "Het sociale verkeersplein"), (5, "Een rondje positief"),
        (6, "Meedenkers zoeken en inschakelen"), (7, "Kiezen voor een top drie"),
        (8, "Een persoonlijk actieplan"), (9, "Een actie uitvoeren"), (10, "Leren van ervaringen")]
    assert [[s.meta.number for s in handbook.steps_of(p)] for p in handbook.phases] == \
        [[1, 2, 3], [4, 5, 6], [7, 8, 9, 10]]


def test_every_step_page_has_its_three_parts(site: Path, bundled) -> None:
    _, handbook = bundled
    for step in handbook.steps:
        html = (site / step.page_path.replace(".md", ".html")).read_text(encoding="utf-8")
        for anchor in ("uitleg-voor-de-coach", "werkblad-voor-de-client", "theorie-en-praktijkblad"):
            assert f'id="{anchor}"' in html, (step.page_path, anchor)
        assert f"Stap {step.meta.number}: {step.meta.title}" in html


def _nav_labels(page: Path) -> list[str]:
    """Menu labels, from the first menu item on (the header repeats the page title before it)."""
    labels = re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', page.read_text(encoding="utf-8"), re.S)
    return labels[labels.index("Start"):]


def in_order(labels: list[str], wanted: list[str]) -> bool:
    positions = [next(i for i, label in enumerate(labels) if label == w) for w in wanted]
    return positions == sorted(positions)


def test_navigation_lists_phases_and_steps_in_order(site: Path) -> None:
    # The menu is pruned (navigation.prune): a page holds the top level and its own open section.
    top = _nav_labels(site / "index.html")
    assert in_order(top, ["Fase 1: Oriënteren", "Fase 2: Denken", "Fase 3: Doen", "Houding van de coach", "Naslag"])
    assert "Stap 4: Het sociale verkeersplein" not in top
    inside = _nav_labels(next((site / "stappen").glob("stap-05-*.html")))
    assert in_order(inside, ["Fase 1: Oriënteren", "Fase 2: Denken", "Stap 4: Het sociale verkeersplein",
                             "Stap 5: Een rondje positief", "Stap 6: Meedenkers zoeken en inschakelen",
                             "Fase 3: Doen", "Houding van de coach"])
    assert "Stap 7: Kiezen voor een top drie" not in inside  # another phase stays closed


def test_search_index_is_dutch_and_holds_body_text(site: Path, bundled) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["nl"]
    _, handbook = bundled
    body = " ".join(doc["text"] for doc in index["docs"] if "stap-02" in doc["location"])
    # a sentence from the body of step 2's explanation, not its title
    first_paragraph = next(line for line in handbook.steps[1].parts["uitleg"].text.split("\n")
                           if line and not line.startswith("#"))
    plain = re.sub(r"\[\[[^\]]*\]\]", " ", first_paragraph)  # drop [[kind:id]] references
    words = re.findall(r"[a-zà-ÿ]{6,}", plain.lower())[:3]
    assert words and all(word in body.lower() for word in words)


def test_search_gives_no_quiz_answers_and_no_option_lists(site: Path, bundled) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    _, handbook = bundled
    questions = [q for quiz in handbook.quizzes.values() for q in quiz.questions]
    feedback = [o.feedback for q in questions for o in q.options] + [q.feedback for q in questions if q.feedback]
    assert feedback and not [f for f in feedback if f in text]
    assert "De goede volgorde" not in text
    # drop-down choices: the worksheet's "Kies…" lists and the order questions' "Plek…" lists
    assert "Kies…" not in text and "Plek…" not in text
    # button labels (worksheet tools, quiz check) are not content either
    assert "Alles wissen" not in text and "Controleer je antwoord" not in text
    assert any("netwerkkaart" in doc["location"] for doc in index["docs"])  # the page itself is still found


def test_no_asset_loads_from_another_host(site: Path) -> None:
    for path in site.rglob("*.html"):
        assert not EXTERNAL_LOAD.search(path.read_text(encoding="utf-8")), path
    for path in site.rglob("*.css"):
        assert not CSS_EXTERNAL.search(path.read_text(encoding="utf-8")), path
    assert "fonts.googleapis.com" not in (site / "index.html").read_text(encoding="utf-8")


def test_fonts_are_self_hosted(site: Path) -> None:
    fonts = sorted(p.name for p in (site / "assets" / "fonts").glob("*.woff2"))
    assert "atkinson-hyperlegible-latin-400-normal.woff2" in fonts
    css = (site / "assets" / "css" / "site.css").read_text(encoding="utf-8")
    assert all(name in css for name in fonts)


def test_extra_phase_and_step_are_a_content_change_only(tmp_path: Path, pdf_cache: Path) -> None:
    project = tmp_path / "project"
    for name in ("content", "worksheets", "site_config"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copytree(FIXTURES / "extra-step-phase" / "overlay", project, dirs_exist_ok=True)
    result = run_cli("build", "--root", str(share_pdf_cache(project, pdf_cache)))
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    step = site / "stappen" / "stap-11-contact-onderhouden.html"
    assert "Stap 11: Contact onderhouden" in step.read_text(encoding="utf-8")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Fase 4: Volhouden" in home and "elf stappen in vier fasen" in home
    assert "Stap 11: Contact onderhouden" in (site / "fasen" / "volhouden" / "index.html").read_text("utf-8")
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Zuurkoolstamppot" in index


def test_no_search_entry_runs_two_words_together(site: Path) -> None:
    """The search index joins the text of a page without looking at its tags: a worksheet's table
    headers once read "NaamWaarom deze persoon?", the route picture "OriënterenStap 1". A snippet
    shows that to the reader, and neither word is found. A lowercase letter (or a closing mark)
    straight before a capitalised word is the sign."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    glued = re.compile(r"[a-zà-ÿ0-9][.?!:)]?[A-Z][a-z]")
    found = [(doc["location"], doc["text"][max(0, m.start() - 20):m.end() + 10])
             for doc in index["docs"] for m in glued.finditer(doc["text"])]
    assert found == []
