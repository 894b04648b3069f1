"""Evaluation forms checked against the method's monitoring: their moment exists, and a block that
carries a measure's id has that measure's block type, so the forms stay comparable."""
from __future__ import annotations

from generator.diagnostics import Diagnostics
from generator.load.loader import Loaded
from generator.model.handbook import Handbook
from generator.model.schema.method import Monitoring
from generator.model.schema.worksheet import OpenQuestion, Scale, TextField, Worksheet

# The block type each kind of measure is asked with.
BLOCK_OF_KIND = {"aantal": (TextField, "text_field"), "score": (Scale, "scale"),
                 "tekst": (OpenQuestion, "open_question")}


def check_monitoring(hb: Handbook, loaded: Loaded, diags: Diagnostics) -> None:
    for sheet in hb.worksheets.values():
        if sheet.moment is not None:
            _check_form(hb.method.monitoring, sheet, loaded, diags)


def _check_form(monitoring: Monitoring | None, sheet: Worksheet, loaded: Loaded, diags: Diagnostics) -> None:
    doc = loaded.sources[id(sheet)]
    moments = [moment.id for moment in monitoring.moments] if monitoring else []
    if sheet.moment not in moments:
        expected = ", ".join(moments) if moments else "monitoring met moments in content/method.yml"
        diags.error(doc.locate(diags, ("moment",)), "NC118",
                    f"moment '{sheet.moment}' kent de methode niet; verwacht: {expected}")
        return
    for index, block in enumerate(sheet.blocks):
        measure = monitoring.measure(getattr(block, "id", ""))
        if measure and not isinstance(block, BLOCK_OF_KIND[measure.kind][0]):
            diags.error(doc.locate(diags, ("blocks", index, "type")), "NC119",
                        f"'{measure.id}' is een meting van soort {measure.kind}; "
                        f"verwacht: type {BLOCK_OF_KIND[measure.kind][1]}")


def form_measures(monitoring: Monitoring, sheet: Worksheet) -> list[str]:
    """The ids of the measures this form asks, in the method's order."""
    asked = {getattr(block, "id", None) for block in sheet.blocks}
    return [measure.id for measure in monitoring.measures if measure.id in asked]
