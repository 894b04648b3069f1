"""Every broken fixture gives exactly its located diagnostics, exit code 1 and no traceback."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_fixture, run_cli

BROKEN = FIXTURES / "broken"
CASES = sorted(p.name for p in BROKEN.iterdir() if p.is_dir())


def apply_case(case: Path, project: Path) -> None:
    overlay = case / "overlay"
    if overlay.is_dir():
        shutil.copytree(overlay, project, dirs_exist_ok=True)
    remove = case / "remove.txt"
    if remove.is_file():
        for rel in remove.read_text(encoding="utf-8").split():
            (project / rel).unlink()


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40


@pytest.mark.parametrize("name", CASES)
def test_broken_case(name: str, tmp_path: Path, update_snapshots: bool) -> None:
    project = copy_fixture("minimal", tmp_path / "project")
    apply_case(BROKEN / name, project)
    result = run_cli("check", "--root", str(project))
    expected_file = BROKEN / name / "expected.txt"
    if update_snapshots:
        expected_file.write_text(result.stdout, encoding="utf-8")
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout == expected_file.read_text(encoding="utf-8")


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    project = copy_fixture("minimal", tmp_path / "project")
    huge = project / "content" / "steps" / "01-eerste-stap" / "theorie.md"
    with huge.open("wb") as handle:  # 50 MB, written sparsely
        handle.truncate(50 * 1024 * 1024)
    result = run_cli("check", "--root", str(project))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines()[0] == (
        "content/steps/01-eerste-stap/theorie.md:1:1: NC002 bestand is te groot (51200 KB); "
        "verwacht: hoogstens 2048 KB")


def test_symlink_out_of_the_project_is_refused(tmp_path: Path) -> None:
    project = copy_fixture("minimal", tmp_path / "project")
    secret = tmp_path / "geheim.md"
    secret.write_text("---\ntitle: x\n---\ngeheim\n", encoding="utf-8")
    (project / "content" / "pages" / "lek.md").symlink_to(secret)
    result = run_cli("check", "--root", str(project))
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "content/pages/lek.md:1:1: NC003 dit bestand verwijst naar een plek buiten de projectmap; "
        "verwacht: een gewoon bestand binnen het project")
    assert "geheim" not in result.stdout.replace("lek.md", "")


def test_dangling_link_and_unreadable_file_are_reported(tmp_path: Path) -> None:
    project = copy_fixture("minimal", tmp_path / "project")
    (project / "content" / "pages" / "weg.md").symlink_to(project / "content" / "pages" / "bestaat-niet.md")
    result = run_cli("check", "--root", str(project))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.splitlines()[0].startswith(
        "content/pages/weg.md:1:1: NC004 bestand kan niet gelezen worden (het bestaat niet, of een link wijst naar niets)")


def test_competences_that_no_page_shows_are_a_warning(tmp_path: Path) -> None:
    project = copy_fixture("minimal", tmp_path / "project")
    page = project / "content" / "pages" / "luisteren.md"
    page.write_text(page.read_text(encoding="utf-8").replace("show: competenties\n", ""), encoding="utf-8")
    result = run_cli("check", "--root", str(project))
    assert result.returncode == 0, result.stdout
    assert "content/competences.yml:1:1: NC083 waarschuwing: de 1 competenties staan op geen enkele pagina" in result.stdout


def test_a_quiz_whose_key_is_always_first_and_longest_is_a_warning(tmp_path: Path) -> None:
    project = copy_fixture("minimal", tmp_path / "project")
    question = ('  - id: q{n}\n    type: single\n    prompt: "Vraag {n}?"\n    options:\n'
                '      - text: "Het goede en veel langere antwoord"\n        correct: true\n'
                '        feedback: "Goed."\n'
                '      - text: "Fout"\n        correct: false\n        feedback: "Nee."\n'
                '      - text: "Ook fout"\n        correct: false\n        feedback: "Nee."\n')
    quiz = project / "content" / "quizzes" / "stap-01.yml"
    text = quiz.read_text(encoding="utf-8")
    quiz.write_text(text.split("questions:")[0] + "questions:\n" + "".join(question.format(n=n) for n in range(1, 6)),
                    encoding="utf-8")
    result = run_cli("check", "--root", str(project))
    assert result.returncode == 0, result.stdout
    assert "NC084 waarschuwing: in 5 van de 5 vragen staat het goede antwoord op plaats 1" in result.stdout
    assert "NC084 waarschuwing: in 5 van de 5 vragen is het goede antwoord het langste" in result.stdout
