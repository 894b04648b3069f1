"""No input can hang `check` or eat memory: the worst cases run in a child with a time and a
memory limit, and each ends with its located diagnostic."""
from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, copy_fixture

SECONDS = 20           # "a few seconds" for check, with room for a slow CI machine
MEMORY = 700 * 2**20   # address space of the child; a normal check of the fixture needs far less


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def check_limited(project: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    """`check` in a child that may use at most MEMORY and must end within SECONDS."""
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "generator", "check", "--root", str(project)],
                            capture_output=True, text=True, cwd=ROOT, preexec_fn=_limited, timeout=SECONDS)
    return result, time.monotonic() - start


def alias_bomb(levels: int = 12) -> str:
    lines = ['- id: wie-vraag', '  term: "WIE-vraag"', '  definition: "De vraag."', '  see:',
             '    - &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"    - &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"  # 10**12 items if expanded


WORST_CASES = {
    "alias bomb": ("content/glossary.yml", alias_bomb(), "NC013"),
    "deep YAML": ("content/glossary.yml", "a: " + "[" * 20000 + "]" * 20000 + "\n", "NC015"),
    "deep mapping": ("content/glossary.yml", "".join(" " * (2 * i) + "k:\n" for i in range(1000)), "NC015"),
    "python tag at the root": ("content/glossary.yml", "--- !!python/object/apply:os.system ['id']\n", "NC014"),
    "deep Markdown list": ("content/steps/01-eerste-stap/theorie.md",
                           "".join(" " * (2 * i) + "- punt\n" for i in range(1000)), "NC036"),
    "deep Markdown quote": ("content/steps/01-eerste-stap/theorie.md", ">" * 20000 + " diep\n", "NC036"),
}


@pytest.mark.parametrize("case", sorted(WORST_CASES))
def test_worst_case_input_is_refused_quickly_and_within_memory(tmp_path: Path, case: str) -> None:
    file, text, code = WORST_CASES[case]
    project = copy_fixture("minimal", tmp_path / "project")
    (project / file).write_text(text, encoding="utf-8")
    result, seconds = check_limited(project)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr[-2000:]
    assert result.returncode == 1
    assert f"{file}:" in result.stdout and f" {code} " in result.stdout, result.stdout
    assert seconds < SECONDS


def test_a_dangling_link_is_nc004(tmp_path: Path) -> None:
    project = copy_fixture("minimal", tmp_path / "project")
    page = project / "content" / "pages" / "luisteren.md"
    page.unlink()
    page.symlink_to(tmp_path / "bestaat-niet.md")
    result, _ = check_limited(project)
    assert "content/pages/luisteren.md:1:1: NC004 " in result.stdout, result.stdout


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_bar_in_a_value_keeps_its_message_whole(tmp_path: Path) -> None:
    """Validators once passed 'CODE|message' strings: a '|' in the value cut its own message."""
    project = copy_fixture("minimal", tmp_path / "project")
    _replace(project / "site_config" / "default.yml", '"#1d5c4a"', '"#12|456"')
    _replace(project / "site_config" / "default.yml", '  name: "Proeforganisatie"\n',
             '  name: "Proeforganisatie"\n  website: "https://a b|c"\n')
    _replace(project / "content" / "handbook.yml", 'version: "0.1"', 'version: "0.1|2"')
    _replace(project / "worksheets" / "eerste-blad.yml", '"Lees de vraag. Schrijf je antwoord op."',
             '"Lees <b>de|vraag</b>."')
    with (project / "worksheets" / "eerste-blad.yml").open("a", encoding="utf-8") as sheet:
        sheet.write('  - type: table\n    id: wie\n    label: "Wie?"\n    columns: ["Naam", "Helpt"]\n'
                    '    check_columns: ["Helpt|mee"]\n')
    result, _ = check_limited(project)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    site, handbook, sheet = "site_config/default.yml", "content/handbook.yml", "worksheets/eerste-blad.yml"
    assert f"{site}:{_line_of(project / site, 'primary:')}:3: NC070 kleur '#12|456' is geen hexkleur; " \
           "verwacht: bijvoorbeeld #1d5c4a" in lines, result.stdout
    assert f"{site}:{_line_of(project / site, 'website:')}:3: NC034 'https://a b|c' is geen webadres; verwacht: " \
           "een adres dat begint met https:// (of http://), zonder spaties of aanhalingstekens" in lines, result.stdout
    assert f"{handbook}:{_line_of(project / handbook, 'version:')}:3: NC026 versie '0.1|2' mag alleen letters, " \
           "cijfers, punten en streepjes hebben (geen spaties, geen / of aanhalingstekens): hij komt in " \
           "bestandsnamen; verwacht: bijvoorbeeld 2026.1" in lines, result.stdout
    assert f"{sheet}:{_line_of(project / sheet, '<b>')}:5: NC030 ruwe HTML is niet toegestaan " \
           "('<b>de|vraag</b>.'); verwacht: gewone Markdown" in lines, result.stdout
    assert f"{sheet}:{_line_of(project / sheet, 'check_columns:')}:5: NC028 kolom 'Helpt|mee' staat niet in " \
           "columns; verwacht: een van Naam, Helpt" in lines, result.stdout
    assert len(lines) == 6, result.stdout  # five problems and the summary


def _line_of(path: Path, text: str) -> int:
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if text in line)
