"""'Wat is er nieuw' between two editions, from two content trees or a git revision."""
from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import copy_fixture, run_cli

from generator.site.build import Project, check
from generator.site.editions import compare


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def newer_edition(root: Path) -> Path:
    """The minimal handbook with a changed step, worksheet, quiz and a new page."""
    edit(root / "content" / "handbook.yml", 'version: "0.1"', 'version: "0.2"')
    edit(root / "content" / "steps" / "01-eerste-stap" / "theorie.md", "voelen zich beter", "voelen zich sterker")
    edit(root / "worksheets" / "eerste-blad.yml", "  - type: scale\n    id: tevreden",
         "  - type: text_field\n    id: naam\n    label: \"Je naam\"\n  - type: scale\n    id: tevreden")
    quiz = root / "content" / "quizzes" / "stap-01.yml"
    quiz.write_text(quiz.read_text(encoding="utf-8") + """  - id: q2
    type: truefalse
    prompt: "De cliënt bepaalt het tempo."
    options:
      - {text: "Waar", correct: true, feedback: "Ja."}
      - {text: "Niet waar", correct: false, feedback: "Toch wel."}
""", encoding="utf-8")
    (root / "content" / "pages" / "gast.md").write_text(
        '---\ntitle: "De GAST-factor"\nsection: houding\norder: 2\nsummary: "Tijd en aandacht."\n---\nTekst.\n',
        encoding="utf-8")
    return root


def test_compare_lists_what_changed(tmp_path: Path) -> None:
    old, _ = check(Project(copy_fixture("minimal", tmp_path / "old")))
    new, _ = check(Project(newer_edition(copy_fixture("minimal", tmp_path / "new"))))
    found = {(c.kind, c.title, c.status, tuple(c.details)) for c in compare(old, new)}
    assert found == {
        ("stap", "Stap 1: Eerste stap", "veranderd", ("theorie- en praktijkblad",)),
        ("werkblad", "Mijn eerste blad", "veranderd", ("nieuwe vraag 'naam'",)),
        ("toets", "Toets bij stap 1", "veranderd", ("nieuwe vraag q2",)),
        ("pagina", "De GAST-factor", "nieuw", ()),
    }


def test_whats_new_page_from_a_git_revision(tmp_path: Path) -> None:
    root = copy_fixture("minimal", tmp_path / "repo")
    git = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-qm", "editie 0.1"], check=True)
    subprocess.run(git + ["tag", "editie-0.1"], check=True)
    newer_edition(root)
    result = run_cli("build", "--root", str(root), "--no-pdf", "--vergelijk-met", "editie-0.1")
    assert result.returncode == 0, result.stderr
    page = (root / "site" / "naslag" / "nieuw.html").read_text(encoding="utf-8")
    assert "vergeleken met Proefeditie (versie 0.1)" in page
    assert "De GAST-factor" in page and "nieuwe vraag q2" in page


def test_unknown_previous_edition_is_a_clear_error(minimal: Path) -> None:
    result = run_cli("build", "--root", str(minimal), "--no-pdf", "--vergelijk-met", "bestaat-niet")
    assert result.returncode == 1
    assert "geen map met content/ en geen git-revisie" in result.stderr
    assert "Traceback" not in result.stderr


def test_publish_keeps_earlier_editions_reachable(tmp_path: Path) -> None:
    import json
    public = tmp_path / "public"
    root = copy_fixture("minimal", tmp_path / "project")
    assert run_cli("build", "--root", str(root), "--no-pdf", "--met-versiekeuze").returncode == 0
    assert run_cli("publiceer", "--root", str(root), "--naar", str(public)).returncode == 0
    newer_edition(root)
    assert run_cli("build", "--root", str(root), "--no-pdf", "--met-versiekeuze").returncode == 0
    result = run_cli("publiceer", "--root", str(root), "--naar", str(public))
    assert result.returncode == 0 and "Edities: 0.2, 0.1" in result.stdout
    versions = json.loads((public / "versions.json").read_text(encoding="utf-8"))
    assert [(v["version"], v["aliases"]) for v in versions] == [("0.2", ["nieuwste"]), ("0.1", [])]
    assert (public / "0.1" / "index.html").is_file() and (public / "0.2" / "index.html").is_file()
    assert 'url=0.2/index.html' in (public / "index.html").read_text(encoding="utf-8")
    # the theme's version switcher is switched on and reads ../versions.json
    assert '"version": {"default": "nieuwste", "provider": "mike"}' in \
        (public / "0.2" / "index.html").read_text(encoding="utf-8")
