"""Turn pydantic's validation errors into located Dutch diagnostics."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from generator.diagnostics import ContentError, Diagnostics
from generator.load.yamlio import YamlDoc, to_plain
from generator.markup.references import find_unsafe
from generator.model.schema.common import MARKDOWN_CHECK

TYPE_NAMES = {"str": "tekst", "int": "een geheel getal", "bool": "true of false",
              "list": "een lijst", "dict": "een mapping (sleutel: waarde)", "float": "een getal",
              "NoneType": "niets", "CommentedMap": "een mapping (sleutel: waarde)",
              "CommentedSeq": "een lijst", "date": "een datum", "ScalarFloat": "een getal",
              "ScalarInt": "een geheel getal", "ScalarBoolean": "true of false",
              "LiteralScalarString": "tekst", "FoldedScalarString": "tekst"}
EXPECTED = {"string_type": "tekst (zet de waarde tussen aanhalingstekens)",
            "int_type": "een geheel getal", "int_parsing": "een geheel getal",
            "bool_type": "true of false", "list_type": "een lijst", "dict_type": "een mapping",
            "model_type": "een mapping (sleutel: waarde)", "model_attributes_type": "een mapping",
            "date_type": "een datum JJJJ-MM-DD"}


def validate(model: type[BaseModel], doc: YamlDoc, diags: Diagnostics) -> BaseModel | None:
    """Validate `doc` against `model`; record every problem and return None if any."""
    try:
        return model.model_validate(to_plain(doc.data), context={MARKDOWN_CHECK: find_unsafe})
    except ValidationError as exc:
        for error in exc.errors():
            _report(error, doc, diags)
        return None


def _report(error: dict[str, Any], doc: YamlDoc, diags: Diagnostics) -> None:
    loc = tuple(error["loc"])
    code, message = _describe(error, loc)
    own = error.get("ctx", {}).get("error")
    if isinstance(own, ContentError):  # our validators' own code, message and place
        code, message, loc = own.code, own.message, loc + own.at
    elif error["type"] == "missing":
        loc = loc[:-1]
    diags.error(doc.locate(diags, loc), code, message)


def _describe(error: dict[str, Any], loc: tuple[Any, ...]) -> tuple[str, str]:
    kind = error["type"]
    key = _key_name(loc)
    found = error.get("input")
    if kind == "value_error":
        return "NC022", str(error.get("ctx", {}).get("error", error["msg"]))
    if kind == "extra_forbidden":
        return "NC020", f"onbekende sleutel '{key}'; verwacht: alleen sleutels uit de handleiding (doc/authoring.md)"
    if kind == "missing":
        return "NC021", f"verplichte sleutel '{key}' ontbreekt"
    if kind == "string_too_short":
        return "NC023", f"'{key}' is leeg; verwacht: tekst"
    if kind == "too_short":
        return "NC023", f"'{key}' heeft te weinig items; verwacht: minstens {error['ctx']['min_length']}"
    if kind == "too_long":
        return "NC027", f"'{key}' heeft te veel items; verwacht: hoogstens {error['ctx']['max_length']}"
    if kind == "string_pattern_mismatch":
        return "NC026", (f"'{key}' heeft waarde '{found}'; verwacht: "
                         + _pattern_hint(error["ctx"]["pattern"]))
    if kind in ("literal_error", "enum"):
        return "NC025", f"'{key}' heeft waarde '{found}'; verwacht: {_dutch_or(error['ctx']['expected'])}"
    if kind in ("union_tag_invalid",):
        return "NC024", (f"onbekend bloktype '{error['ctx']['tag']}'; "
                         f"verwacht: {_dutch_or(error['ctx']['expected_tags'])}")
    if kind == "union_tag_not_found":
        return "NC021", "verplichte sleutel 'type' ontbreekt in dit blok"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return "NC027", f"'{key}' heeft waarde {found}; verwacht: {_bounds(error['ctx'])}"
    if kind in EXPECTED:
        return "NC022", f"'{key}' is {_type_name(found)}; verwacht: {EXPECTED[kind]}"
    return "NC022", f"'{key}': {error['msg']}"


def _dutch_or(expected: str) -> str:
    return expected.replace(" or ", " of ")


def _key_name(loc: tuple[Any, ...]) -> str:
    names = [str(part) for part in loc if isinstance(part, str)]
    return names[-1] if names else "document"


def _type_name(value: Any) -> str:
    name = TYPE_NAMES.get(type(value).__name__, type(value).__name__)
    return f"{name} ({value!r})" if isinstance(value, (int, float, bool)) else name


def _bounds(ctx: dict[str, Any]) -> str:
    if "ge" in ctx:
        return f"minstens {ctx['ge']}"
    if "le" in ctx:
        return f"hoogstens {ctx['le']}"
    if "gt" in ctx:
        return f"meer dan {ctx['gt']}"
    return f"minder dan {ctx['lt']}"


def _pattern_hint(pattern: str) -> str:
    if "a-z0-9" in pattern:
        return "kleine letters, cijfers en streepjes (bijvoorbeeld 'netwerk-in-beeld')"
    if r"\d{4}-" in pattern:
        return "een datum als JJJJ-MM-DD"
    if r"\d{4}" in pattern:
        return "een jaartal zoals 2017"
    return f"tekst die past bij {pattern}"
