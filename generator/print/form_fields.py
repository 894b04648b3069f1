"""The fields of a fillable worksheet PDF and what each one asks, for screen readers.

The print template names every field; WeasyPrint writes the name as the field's /T and nothing
else, so a screen reader would read "mijn-wens". The labels made here become each field's
tooltip (/TU), which screen readers and PDF/UA use as the field's accessible name.
"""
from __future__ import annotations

from generator.model.schema.worksheet import (
    Actieplan,
    Checklist,
    Choice,
    OpenQuestion,
    Scale,
    Table,
    TextField,
    Worksheet,
)
from generator.web.forms import method_choices


def _table_labels(block: Table) -> list[tuple[str, str]]:
    return [(f"{block.id}.{row}.{col}", f"{block.label}: {name}, regel {row}")
            for row in range(1, block.rows + 1) for col, name in enumerate(block.columns)]


def field_labels(sheet: Worksheet) -> tuple[tuple[str, str], ...]:
    """(field name, label) for every field of the fillable version of `sheet`."""
    labels = [("naam", "Naam"), ("datum", "Datum")]
    for block in sheet.blocks:
        if isinstance(block, (OpenQuestion, TextField, Choice, Scale)):
            labels.append((block.id, block.label))
        elif isinstance(block, Checklist):
            labels += [(f"{block.id}.{n}", f"{block.label}: {item}") for n, item in enumerate(block.items, 1)]
        elif isinstance(block, Table):
            labels += _table_labels(block)
        elif isinstance(block, Actieplan):
            labels += [(f"{block.id}.{n}.{key}", f"Actie {n}: {label}")
                       for n in range(1, block.actions + 1) for key, label in method_choices()["action_fields"]]
    return tuple(labels)
