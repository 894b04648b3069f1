"""Web HTML fragments (worksheet forms, quizzes, the route) come from the theme's Jinja templates:
a project's own theme is used, and every fragment stays one HTML block for Markdown."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, copy_fixture

from generator.site.build import BuildOptions, Project, check, generate
from generator.web.forms import render_form
from generator.web.quizzes import render_quiz


@pytest.fixture(scope="module")
def bundled():
    handbook, diags = check(Project(ROOT))
    assert handbook is not None, [str(d) for d in diags.items]
    return handbook


def test_a_projects_own_theme_makes_its_forms(tmp_path: Path) -> None:
    project = copy_fixture("minimal", tmp_path / "project")
    shutil.copytree(ROOT / "theme", project / "theme")
    template = project / "theme" / "web" / "forms" / "open_question.html.j2"
    template.write_text(template.read_text(encoding="utf-8").replace(
        '<div class="nc-field nc-open">', '<div class="nc-field nc-open" data-eigen-thema="ja">'), encoding="utf-8")
    handbook, _ = check(Project(project))
    generate(Project(project), handbook, BuildOptions(with_pdf=False))
    page = (project / "build" / "default" / "docs" / "werkbladen" / "eerste-blad.md").read_text(encoding="utf-8")
    assert '<div class="nc-field nc-open" data-eigen-thema="ja">' in page


def _one_html_block(html: str) -> list[str]:
    """The lines of a fragment, checked to be what Markdown passes through as one HTML block."""
    lines = html.split("\n")
    assert all(line.strip() for line in lines), "a blank line ends the HTML block"
    assert not [line for line in lines if line[0].isspace()], "the templates' indentation reached the page"
    return lines


BLOCK_STARTS = ('<div class="nc-instruction">', '<div class="nc-field ', '<fieldset class="nc-field ')


def test_every_form_is_one_line_per_element(bundled) -> None:
    for sheet in bundled.worksheets.values():
        lines = _one_html_block(render_form(sheet, bundled.site.id, bundled.method))
        assert lines[0].startswith("<form ") and lines[-1] == "</form>"
        starts = [line for line in lines if line.startswith(BLOCK_STARTS)]
        assert len(starts) == len(sheet.blocks), sheet.id  # each block begins its own line


def test_every_quiz_is_one_line_per_element(bundled) -> None:
    for quiz in bundled.quizzes.values():
        lines = _one_html_block(render_quiz(quiz, bundled.site.id, "m", "m.html", ("Verder", "v.html")))
        # the form, the intro, each question, the result, the buttons, the end
        assert len(lines) == len(quiz.questions) + 5, quiz.id
        assert all(line.startswith('<fieldset class="nc-question"') for line in lines[2:-3])
