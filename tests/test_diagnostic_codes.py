"""The code registry is the one list: every code used is in it, every code in it is used, the
authoring guide shows it, and a diagnostic with a code outside it cannot be made."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from conftest import ROOT

from generator.diagnostics import CODES, ERROR, WARNING, CodeError, ContentError, Diagnostic, Diagnostics, Location
from generator.diagnostics.table import AUTHORING, END, START, markdown_table, with_table

CODE = re.compile(r"NC\d{3}")
REGISTRY = ROOT / "generator" / "diagnostics" / "codes.py"


def codes_in_source() -> dict[str, list[str]]:
    """Every string constant in generator/ that is a code, with where it stands (the registry aside)."""
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "generator").rglob("*.py")):
        if path == REGISTRY:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.fullmatch(node.value):
                found.setdefault(node.value, []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_code_used_is_registered() -> None:
    unknown = {code: where for code, where in codes_in_source().items() if code not in CODES}
    assert not unknown, f"codes used but not in generator/diagnostics/codes.py: {unknown}"


def test_every_registered_code_is_used() -> None:
    used = codes_in_source()
    assert sorted(set(CODES) - set(used)) == []


def test_no_code_travels_inside_a_message() -> None:
    """A code glued to its message ('NC070|...') is how a '|' in a value broke the message."""
    glued = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.match(r"NC\d{3}\|", node.value):
                glued.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert glued == []


def test_the_authoring_guide_shows_the_registry() -> None:
    text = AUTHORING.read_text(encoding="utf-8")
    assert with_table(text) == text, "run: python -m generator.diagnostics"
    table = text.split(START, 1)[1].split(END, 1)[0]
    assert [line.split(" | ")[0].strip("| ") for line in table.strip().splitlines()[2:]] == list(CODES)


def test_the_table_has_one_row_per_code_with_its_severity() -> None:
    rows = markdown_table().splitlines()[2:]
    assert len(rows) == len(CODES)
    assert "| NC080 | warning | " in markdown_table() and "| NC070 | error | " in markdown_table()


def test_the_table_is_written_between_the_markers(tmp_path: Path) -> None:
    from generator.diagnostics.table import update
    doc = tmp_path / "authoring.md"
    doc.write_text(f"# Gids\n\n{START}\n| oud |\n{END}\n\nNa de tabel.\n", encoding="utf-8")
    assert update(doc) is True
    assert doc.read_text(encoding="utf-8") == f"# Gids\n\n{START}\n{markdown_table()}\n{END}\n\nNa de tabel.\n"
    assert update(doc) is False
    doc.write_text("geen markeringen\n", encoding="utf-8")
    with pytest.raises(ValueError):
        update(doc)


def test_an_unregistered_code_is_refused(tmp_path: Path) -> None:
    diags = Diagnostics(tmp_path)
    with pytest.raises(CodeError, match="NC999"):
        diags.error(diags.at(tmp_path / "x.yml"), "NC999", "onbekend")
    with pytest.raises(CodeError):
        ContentError("NC999", "onbekend")
    assert diags.items == []


def test_a_code_is_used_with_its_own_severity(tmp_path: Path) -> None:
    diags = Diagnostics(tmp_path)
    with pytest.raises(CodeError, match="NC080"):
        diags.error(diags.at(tmp_path / "x.yml"), "NC080", "een advies als fout")
    with pytest.raises(CodeError, match="NC070"):
        diags.warning(diags.at(tmp_path / "x.yml"), "NC070", "een fout als advies")
    with pytest.raises(CodeError):
        Diagnostic(Location("x.yml"), "NC080", "een advies als fout", ERROR)
    diags.warning(diags.at(tmp_path / "x.yml"), "NC080", "een advies")
    assert [str(d) for d in diags.items] == ["x.yml:1:1: NC080 waarschuwing: een advies"]
    assert {entry.severity for entry in CODES.values()} == {ERROR, WARNING}
