"""Worksheets and quizzes appear in one order everywhere: the index page and the menu agree."""
from __future__ import annotations

from pathlib import Path

from conftest import copy_fixture

from generator.site.build import Project, check
from generator.web.pages import render_worksheets_index
from generator.web.site_tree import build_nav

STEPLESS = """id: algemeen-blad
title: "Algemeen blad"
audience: client
intro: "Een blad dat bij geen stap hoort."
blocks:
  - type: open_question
    id: wens
    label: "Wat wil je graag?"
    lines: 2
"""


def test_a_worksheet_of_no_step_comes_last_on_the_index_page_and_in_the_menu(tmp_path: Path) -> None:
    project = copy_fixture("minimal", tmp_path / "project")
    (project / "worksheets" / "algemeen-blad.yml").write_text(STEPLESS, encoding="utf-8")
    handbook, diags = check(Project(project))
    assert handbook is not None, [str(d) for d in diags.sorted()]
    index = render_worksheets_index(handbook)
    assert index.index("Mijn eerste blad") < index.index("Algemeen blad")  # step 1 before no step
    sheets_menu = next(item["Werkbladen"] for item in build_nav(handbook) if "Werkbladen" in item)
    assert [list(entry.values())[0] for entry in sheets_menu[1:]] == [
        "werkbladen/eerste-blad.md", "werkbladen/algemeen-blad.md"]
