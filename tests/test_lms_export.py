"""LMS export: GIFT round-trips through its parser, the QTI package is complete and deterministic."""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Callable

import pytest

from generator.export import check_gift, check_qti, export_gift, export_qti
from generator.export.validate import parse_gift
from generator.model.handbook import Handbook
from generator.site.build import Project, check
from tests.conftest import FIXTURES, ROOT

SPECIAL = "a = b ~ c # d { e } f : g \\ h"


def load(root: Path) -> Handbook:
    handbook, diags = check(Project(root))
    assert handbook is not None, [str(d) for d in diags.errors]
    return handbook


@pytest.fixture(scope="module")
def bundled() -> Handbook:
    return load(ROOT)


@pytest.fixture
def special(minimal: Path) -> Handbook:
    """The minimal fixture plus a quiz full of GIFT's special characters."""
    quiz = {
        "id": "speciaal", "title": "Toets {speciaal}: a=b", "pass_mark": 60,
        "questions": [
            {"id": "s1", "type": "single", "prompt": f"Vraag {SPECIAL}?",
             "options": [{"text": f"Goed {SPECIAL}", "correct": True, "feedback": f"Ja {SPECIAL}"},
                         {"text": "~%50%nee", "correct": False, "feedback": "#fout# {x}"}]},
            {"id": "s2", "type": "casus", "situation": "Casus: 1 = 1\nTweede regel ~ #",
             "prompt": "Wat {nu}?",
             "options": [{"text": "=ja", "correct": True, "feedback": "::titel::"},
                         {"text": "~nee", "correct": False, "feedback": "x -> y"}]},
            {"id": "s3", "type": "multiple", "prompt": "Kies: a=1",
             "options": [{"text": "één {1}", "correct": True, "feedback": "goed: #1"},
                         {"text": "twee ~2", "correct": True, "feedback": "goed = 2"},
                         {"text": "drie :3", "correct": False, "feedback": "fout } 3"}]},
            {"id": "s4", "type": "order", "prompt": "Volgorde {a}",
             "items": ["eerst: a=b", "dan ~c -> d", "tot slot #e {f}"], "feedback": "Uitleg: = ~ # { } :"},
            {"id": "s5", "type": "truefalse", "prompt": "Waar: 2 = 2?",
             "options": [{"text": "Waar", "correct": True, "feedback": "Klopt: 2=2"},
                         {"text": "Niet waar", "correct": False, "feedback": "Nee {echt}"}]},
            {"id": "s6", "type": "single", "prompt": "Hoeveel procent?",
             "options": [{"text": "%50 of meer", "correct": True, "feedback": "100% goed"},
                         {"text": "%10", "correct": False, "feedback": "te weinig"}]},
        ],
    }
    # JSON is valid YAML and sidesteps quoting the special characters by hand.
    (minimal / "content" / "quizzes" / "speciaal.yml").write_text(json.dumps(quiz, ensure_ascii=False),
                                                                  encoding="utf-8")
    return load(minimal)


def bank_size(handbook: Handbook) -> int:
    return sum(len(quiz.questions) for quiz in handbook.quizzes.values())


@pytest.mark.parametrize("which", ["minimal", "bundled"])
def test_gift_round_trips(which: str, bundled: Handbook) -> None:
    handbook = load(FIXTURES / "minimal") if which == "minimal" else bundled
    gift = export_gift(handbook)
    gift.encode("utf-8")  # must be plain UTF-8 text
    parsed = parse_gift(gift)
    assert len(parsed) == bank_size(handbook)
    expected = [[o.text for o in q.options if o.correct] or list(q.items)
                for quiz_id in sorted(handbook.quizzes) for q in handbook.quizzes[quiz_id].questions]
    got = [[a.text for a in p.answers if a.weight > 0] or [item for _, item in p.pairs] for p in parsed]
    assert got == expected
    assert check_gift(handbook, gift) == []


def test_gift_special_characters_survive(special: Handbook) -> None:
    gift = export_gift(special)
    assert check_gift(special, gift) == []
    parsed = {p.title: p for p in parse_gift(gift)}
    assert parsed["speciaal-s1"].text == f"Vraag {SPECIAL}?"
    assert parsed["speciaal-s1"].answers[0].text == f"Goed {SPECIAL}"
    assert parsed["speciaal-s1"].answers[1].text == "~%50%nee"
    assert parsed["speciaal-s2"].text == "Casus: 1 = 1\nTweede regel ~ #\n\nWat {nu}?"
    assert [a.text for a in parsed["speciaal-s6"].answers] == ["%50 of meer", "%10"]
    assert parsed["speciaal-s4"].pairs[1] == ("Positie 2", "dan ~c -> d")
    assert parsed["speciaal-s4"].general_feedback == "Uitleg: = ~ # { } :"
    # No unescaped special character may reach the file outside GIFT's own syntax.
    assert "Vraag a \\= b \\~ c \\# d \\{ e \\} f \\: g \\\\ h?" in gift


def test_gift_multiple_weights(special: Handbook) -> None:
    parsed = {p.title: p for p in parse_gift(export_gift(special))}
    assert [a.weight for a in parsed["speciaal-s3"].answers] == [50.0, 50.0, -100.0]


def test_gift_check_catches_a_changed_answer(bundled: Handbook) -> None:
    gift = export_gift(bundled).replace("\t=", "\t~", 1)
    assert check_gift(bundled, gift)


@pytest.mark.parametrize("which", ["minimal", "bundled", "special"])
def test_qti_package(which: str, bundled: Handbook, special: Handbook) -> None:
    handbook = {"minimal": lambda: load(FIXTURES / "minimal"), "bundled": lambda: bundled,
                "special": lambda: special}[which]()
    package = export_qti(handbook)
    assert package == export_qti(handbook), "two exports must be byte-identical"
    assert check_qti(package, handbook) == []
    archive = zipfile.ZipFile(io.BytesIO(package))
    names = archive.namelist()
    assert names == sorted(names)
    assert len({info.date_time for info in archive.infolist()}) == 1
    assert sum(name.startswith("items/") for name in names) == bank_size(handbook)
    assert sum(name.startswith("tests/") for name in names) == len(handbook.quizzes)


def test_qti_check_catches_an_unlisted_file(bundled: Handbook) -> None:
    buffer = io.BytesIO(export_qti(bundled))
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("items/extra.xml", "<broken")
    problems = check_qti(buffer.getvalue(), bundled)
    assert "items/extra.xml:1:7: geen geldige XML (Couldn't find end of Start Tag broken line 1); " \
        "verwacht: goedgevormde XML" in problems
    assert any("items/extra.xml staat in de zip maar niet in het manifest" in p for p in problems)


def _replace_entry(package: bytes, name: str, change: Callable[[str], str]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(package))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, change(data.decode("utf-8")).encode("utf-8") if info.filename == name else data)
    return buffer.getvalue()


def test_qti_schema_refuses_a_wrong_element(bundled: Handbook) -> None:
    package = export_qti(bundled)
    item = next(n for n in zipfile.ZipFile(io.BytesIO(package)).namelist() if n.startswith("items/"))
    broken = _replace_entry(package, item, lambda xml: xml.replace("<itemBody>", "<itemBody><plaatje/>", 1))
    problems = check_qti(broken, bundled)
    assert len(problems) == 1, problems
    assert re.fullmatch(rf"{re.escape(item)}:\d+:\d+: element <plaatje> hoort hier niet; verwacht: .+ "
                        r"\(schema imsqti_v2p1\.xsd\)", problems[0]), problems[0]


def test_manifest_schema_refuses_a_missing_identifier(bundled: Handbook) -> None:
    broken = _replace_entry(export_qti(bundled), "imsmanifest.xml",
                            lambda xml: re.sub(r'<manifest([^>]*) identifier="[^"]*"', r"<manifest\1", xml, count=1))
    problems = check_qti(broken, bundled)
    assert problems == ["imsmanifest.xml:2:1: element <manifest> mist het attribuut identifier; "
                        'verwacht: identifier="..." (schema imscp_v1p1.xsd)'], problems


def test_export_is_validated_without_the_network() -> None:
    code = ("import socket\n"
            "def refuse(*a, **k): raise OSError('geen netwerk')\n"
            "socket.socket.connect = refuse; socket.create_connection = refuse; socket.getaddrinfo = refuse\n"
            "from pathlib import Path\n"
            "from generator.export import check_qti, export_qti\n"
            "from generator.site.build import Project, check\n"
            "handbook = check(Project(Path('.')))[0]\n"
            "print(check_qti(export_qti(handbook), handbook) or 'ok')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip() == "ok", result.stderr


def test_cli_exports_and_checks_the_bank(tmp_path: Path) -> None:
    from conftest import run_cli
    out = tmp_path / "vragen.gift"
    result = run_cli("export-toetsen", "--format", "gift", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "vragen uit" in result.stdout and out.read_text(encoding="utf-8").count("::") > 20
    zipped = tmp_path / "vragen.zip"
    assert run_cli("export-toetsen", "--format", "qti", "--out", str(zipped)).returncode == 0
    assert zipped.read_bytes().startswith(b"PK")


def test_schemas_are_installed_with_the_package(tmp_path: Path) -> None:
    (tmp_path / "egg").mkdir()  # setuptools' metadata goes there, not into the project
    result = subprocess.run([sys.executable, "-c", "from setuptools import setup; setup()", "-q",
                             "egg_info", "--egg-base", str(tmp_path / "egg"), "build_py", "--build-lib",
                             str(tmp_path / "lib")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    installed = tmp_path / "lib" / "generator" / "export" / "schemas" / "qti21"
    for name in ("qtiv2p1/imsqti_v2p1.xsd", "imscp_v1p1.xsd", "w3/xml.xsd", "README.md"):
        assert (installed / name).is_file(), name


def test_a_wrong_export_is_a_located_diagnostic_and_not_written(minimal: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """A bug in the GIFT writer (one right answer written as wrong) is caught by reading it back."""
    import generator.export
    from generator.cli import main
    monkeypatch.setattr(generator.export, "export_gift", lambda hb: export_gift(hb).replace("\t=", "\t~", 1))
    out = tmp_path / "vragen.gift"
    assert main(["export-toetsen", "--root", str(minimal), "--format", "gift", "--out", str(out)]) == 1
    assert not out.exists()
    problems = capsys.readouterr().err.splitlines()
    assert problems[0].startswith(f"{out.as_posix()}:1:1: NC093 de export klopt niet met de toetsen: "), problems
    assert any("goede antwoorden verschillen: [False, " in line for line in problems), problems
    assert problems[-1].endswith("gevonden. Er is niets geëxporteerd.")


def test_a_broken_qti_package_is_a_located_diagnostic(minimal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    import generator.export
    from generator.cli import main
    monkeypatch.setattr(generator.export, "export_qti", lambda hb: b"geen zip")
    out = tmp_path / "vragen.zip"
    assert main(["export-toetsen", "--root", str(minimal), "--format", "qti", "--out", str(out)]) == 1
    assert not out.exists()
    assert capsys.readouterr().err.startswith(f"{out.as_posix()}:1:1: NC094 de export klopt niet met de toetsen: "
                                              "geen zip-bestand")

