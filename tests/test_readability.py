"""The B1 readability check (Flesch-Douma, sentence length) warns about hard client worksheets."""
from __future__ import annotations

from pathlib import Path

from conftest import run_cli

from generator.check.readability import douma, syllables


def test_dutch_syllables() -> None:
    assert [syllables(w) for w in ("netwerk", "ideeën", "geïnteresseerd", "koffie", "ik")] == [2, 3, 5, 2, 1]


def test_plain_text_scores_higher_than_officialese() -> None:
    easy, _ = douma("Ik drink koffie met mijn buurvrouw. Dat vind ik fijn. Zij woont naast mij.")
    hard, _ = douma("Gezien de complexiteit van de ondersteuningsbehoefte dient een multidisciplinaire "
                    "afstemming plaats te vinden voorafgaand aan de implementatie van interventies.")
    assert easy > 80 > 30 > hard


def test_hard_client_worksheet_gives_located_warnings_but_builds(minimal: Path) -> None:
    sheet = minimal / "worksheets" / "eerste-blad.yml"
    text = sheet.read_text(encoding="utf-8").replace(
        'label: "Wat wil je graag?"',
        'label: "Welke overwegingen betreffende de intensivering van uw maatschappelijke participatie '
        'acht u gezien uw huidige gezondheidssituatie en de beschikbaarheid van mantelzorgondersteuning '
        'op middellange termijn realistisch en wenselijk?"')
    sheet.write_text(text, encoding="utf-8")
    result = run_cli("check", "--root", str(minimal))
    assert result.returncode == 0  # a warning does not stop a build
    lines = result.stdout.splitlines()
    assert lines[0].startswith("worksheets/eerste-blad.yml:2:1: NC081 waarschuwing: werkblad is te moeilijk")
    assert lines[1].startswith("worksheets/eerste-blad.yml:11:5: NC080 waarschuwing: zin van 26 woorden")
    assert lines[-1] == "0 fouten en 2 waarschuwingen gevonden."
