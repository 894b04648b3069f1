"""The trajectory CSV's columns, one definition for everything that writes, reads or describes it:
the exporter in the browser (trajectories.js) and the results page (resultaten.js) get these
columns as data from the page, and the page "Trajecten volgen" documents them from here too,
so the documentation cannot drift from the file."""
from __future__ import annotations

from dataclasses import dataclass

from generator.model.schema.method import Monitoring


@dataclass(frozen=True)
class Column:
    id: str
    kind: str      # "vast" for the fixed columns, else the measure's kind
    meaning: str   # what the documentation says about it (Dutch, plain text)


def _fixed(monitoring: Monitoring) -> dict[str, str]:
    moments = ", ".join(m.id for m in monitoring.moments)
    start = next((m for m in monitoring.moments if m.stage == "start"), None)
    begin = (f"de maand van het moment {start.id} van dit traject (het begin), op elke regel; "
             "leeg als dat moment niet op het apparaat stond") if start else "leeg"
    return {"formaat": f"de versie van het bestandsformaat, nu {monitoring.format}",
            "code": "de trajectcode, nooit een naam",
            "moment": f"het moment: {moments}",
            "maand": "de maand van het gesprek, als jjjj-mm (bijvoorbeeld 2026-03)",
            "start": begin}


# The fixed columns at the start of every row, per version of the format. Version 2 added
# `start`, so a file holding only a year's rows still gives every trajectory's duration.
FIXED_COLUMNS: dict[int, tuple[str, ...]] = {
    1: ("formaat", "code", "moment", "maand"),
    2: ("formaat", "code", "moment", "maand", "start"),
}

MEASURE_MEANING = {"aantal": "een aantal (heel getal)", "score": "een cijfer van 0 tot 10",
                   "tekst": "vrije tekst, alleen als je \"ook vrije tekst opnemen\" aanvinkt"}


def csv_columns(monitoring: Monitoring) -> list[Column]:
    """Every column the exporter writes, in its order: the fixed ones, the numbers, then free text."""
    fixed = _fixed(monitoring)
    columns = [Column(name, "vast", fixed[name]) for name in FIXED_COLUMNS[monitoring.format]]
    ordered = ([m for m in monitoring.measures if m.kind != "tekst"]
               + [m for m in monitoring.measures if m.kind == "tekst"])
    return columns + [Column(m.id, m.kind, f"{m.label}: {MEASURE_MEANING[m.kind]}") for m in ordered]
