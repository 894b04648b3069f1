"""Content checked against the method it says it follows (content/method.yml): question kinds,
facets, audiences, the parts of a step, block types the method gives words for, pass marks."""
from __future__ import annotations

from generator.diagnostics import Diagnostics
from generator.markup.references import heading_id
from generator.load.loader import Loaded
from generator.model.handbook import Handbook, Step
from generator.model.schema.method import MethodDef
from generator.model.schema.worksheet import Actieplan, Netwerkkaart, Worksheet


def check_method_terms(hb: Handbook, loaded: Loaded, diags: Diagnostics) -> None:
    _check_step_parts(hb, loaded, diags)
    for step in hb.steps:
        _check_step(hb.method, step, diags)
    for sheet in hb.worksheets.values():
        _check_worksheet(hb.method, sheet, loaded, diags)
    _check_packs(hb, loaded, diags)
    _check_pass_marks(hb, loaded, diags)


def _choices(values: list[str]) -> str:
    return ", ".join(values) if values else "(de methode noemt er geen)"


def _check_step_parts(hb: Handbook, loaded: Loaded, diags: Diagnostics) -> None:
    doc = loaded.sources[id(hb.method)]
    parts = hb.method.step_parts
    sheet_parts = [index for index, part in enumerate(parts) if part.shows_worksheets]
    for index in sheet_parts[1:]:
        diags.error(doc.locate(diags, ("step_parts", index)), "NC104",
                    "meer dan één deel zonder file; verwacht: hoogstens één deel dat de werkbladen van de stap toont")
    seen: set[str] = set()
    for index, part in enumerate(parts):
        anchor = heading_id(part.title)
        if anchor in seen or part.id in seen:
            diags.error(doc.locate(diags, ("step_parts", index)), "NC104",
                        f"deel '{part.id}' ({part.title}) komt twee keer voor; verwacht: elk deel een eigen id en titel")
        seen |= {anchor, part.id}


def _check_step(method: MethodDef, step: Step, diags: Diagnostics) -> None:
    kinds = [kind.id for kind in method.question_kinds]
    for index, kind in enumerate(step.meta.questions):
        if kind not in kinds:
            diags.error(step.source.locate(diags, ("questions", index)), "NC100",
                        f"vraagsoort '{kind}' kent de methode niet; verwacht: {_choices(kinds)} (content/method.yml)")
    facets = {facet.id: facet for facet in method.facets}
    for name, values in step.meta.facets.items():
        facet = facets.get(name)
        if facet is None:
            diags.error(step.source.locate(diags, ("facets", name)), "NC101",
                        f"kenmerk '{name}' kent de methode niet; verwacht: {_choices(list(facets))} (content/method.yml)")
            continue
        for index, value in enumerate(values):
            if value not in facet.values:
                diags.error(step.source.locate(diags, ("facets", name, index)), "NC101",
                            f"'{value}' hoort niet bij {facet.label}; verwacht: {_choices(facet.values)}")
    worksheet_part = next((part for part in method.step_parts if part.shows_worksheets), None)
    if worksheet_part and not worksheet_part.optional and not step.meta.worksheets:
        diags.error(step.source.locate(diags, ("worksheets",)), "NC105",
                    f"deze stap heeft geen werkblad, maar '{worksheet_part.title}' is verplicht; "
                    "verwacht: worksheets met minstens één werkblad, of optional: true in content/method.yml")


def _check_worksheet(method: MethodDef, sheet: Worksheet, loaded: Loaded, diags: Diagnostics) -> None:
    doc = loaded.sources[id(sheet)]
    audiences = [audience.id for audience in method.audiences]
    if sheet.audience not in audiences:
        diags.error(doc.locate(diags, ("audience",)), "NC102",
                    f"doelgroep '{sheet.audience}' kent de methode niet; verwacht: {_choices(audiences)}")
    for index, block in enumerate(sheet.blocks):
        if isinstance(block, Netwerkkaart) and method.network_map is None:
            diags.error(doc.locate(diags, ("blocks", index, "type")), "NC103",
                        "een netwerkkaart, maar content/method.yml heeft geen network_map; "
                        "verwacht: network_map met rings en groups in content/method.yml")
        if isinstance(block, Actieplan) and not method.action_plan:
            diags.error(doc.locate(diags, ("blocks", index, "type")), "NC103",
                        "een actieplan, maar content/method.yml heeft geen action_plan; "
                        "verwacht: action_plan met de vragen per actie in content/method.yml")


def _check_packs(hb: Handbook, loaded: Loaded, diags: Diagnostics) -> None:
    doc = loaded.sources[id(hb.site)]
    audiences = [audience.id for audience in hb.method.audiences]
    for pack_index, pack in enumerate(hb.site.packs):
        for index, audience in enumerate(pack.audiences):
            if audience not in audiences:
                diags.error(doc.locate(diags, ("packs", pack_index, "audiences", index)), "NC102",
                            f"doelgroep '{audience}' kent de methode niet; verwacht: {_choices(audiences)}")


def _check_pass_marks(hb: Handbook, loaded: Loaded, diags: Diagnostics) -> None:
    for quiz in hb.quizzes.values():
        doc = loaded.sources[id(quiz)]
        if quiz.pass_mark is not None and quiz.pass_questions is not None:
            diags.error(doc.locate(diags, ("pass_questions",)), "NC106",
                        "pass_mark en pass_questions staan er allebei; verwacht: één van de twee")
        elif quiz.pass_questions is not None and quiz.pass_questions > len(quiz.questions):
            diags.error(doc.locate(diags, ("pass_questions",)), "NC106",
                        f"pass_questions is {quiz.pass_questions}, maar de toets heeft {len(quiz.questions)} "
                        f"vragen; verwacht: hoogstens {len(quiz.questions)}")
