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
    if hb.method.monitoring is not None:
        _check_method(hb, hb.method.monitoring, loaded, diags)
    for sheet in hb.worksheets.values():
        if sheet.moment is not None:
            _check_form(hb.method.monitoring, sheet, loaded, diags)


def _check_method(hb: Handbook, monitoring: Monitoring, loaded: Loaded, diags: Diagnostics) -> None:
    """A total adds up counts only; one moment at most is where a trajectory starts."""
    doc = loaded.sources[id(hb.method)]
    counts = [m.id for m in monitoring.measures if m.kind == "aantal"]
    for t_index, total in enumerate(monitoring.totals):
        for o_index, name in enumerate(total.of):
            if name not in counts:
                diags.error(doc.locate(diags, ("monitoring", "totals", t_index, "of", o_index)), "NC120",
                            f"totaal '{total.id}' telt '{name}' op, maar dat is geen meting van soort aantal; "
                            f"verwacht: een van {', '.join(counts) or '(geen aantallen)'}")
    starts = [index for index, m in enumerate(monitoring.moments) if m.stage == "start"]
    for index in starts[1:]:
        diags.error(doc.locate(diags, ("monitoring", "moments", index, "stage")), "NC120",
                    f"moment '{monitoring.moments[index].id}' is het tweede met stage start; "
                    f"verwacht: één beginmoment ('{monitoring.moments[starts[0]].id}')")


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
