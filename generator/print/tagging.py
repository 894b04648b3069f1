"""Completes WeasyPrint's structure tree where PDF/UA asks for more than it writes.

WeasyPrint links data cells to their headers (/Headers) but gives header cells no /Scope, so a
checker cannot tell whether a header is a column's or a row's. A header in a table's first row
heads its column; any other header heads its row.
"""
from __future__ import annotations

from pathlib import Path

import pikepdf


def _children(element: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    kids = element.get("/K")
    if isinstance(kids, pikepdf.Dictionary):
        kids = [kids]
    elif not isinstance(kids, pikepdf.Array):
        return []
    return [kid for kid in kids if isinstance(kid, pikepdf.Dictionary) and "/S" in kid]


def _rows(table: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    rows = []
    for kid in _children(table):
        rows += [kid] if kid.S == "/TR" else _rows(kid) if kid.S in ("/THead", "/TBody", "/TFoot") else []
    return rows


def _scope_table(table: pikepdf.Dictionary) -> int:
    count = 0
    for index, row in enumerate(_rows(table)):
        for cell in _children(row):
            if cell.S == "/TH":
                attributes = cell.get("/A", pikepdf.Dictionary(O=pikepdf.Name.Table))
                attributes.Scope = pikepdf.Name.Column if index == 0 else pikepdf.Name.Row
                cell.A = attributes
                count += 1
    return count


def _elements(root: pikepdf.Dictionary):
    stack = _children(root)
    while stack:
        element = stack.pop()
        yield element
        stack += _children(element)


def _scope_headers(pdf: pikepdf.Pdf) -> int:
    tree = pdf.Root.get("/StructTreeRoot")
    return sum(_scope_table(e) for e in _elements(tree) if e.S == "/Table") if tree else 0


def _name_fields(pdf: pikepdf.Pdf, labels: dict[str, str]) -> int:
    """Give every form field its label as tooltip (/TU), what screen readers announce."""
    count, form = 0, pdf.Root.get("/AcroForm")
    stack = list(form.get("/Fields", [])) if form else []
    while stack:
        field = stack.pop()
        name = str(field.get("/T", ""))
        if name in labels:
            field.TU = pikepdf.String(labels[name])
            count += 1
        stack += list(field.get("/Kids", []))
    return count


def complete_structure(path: Path, labels: dict[str, str] | None = None) -> tuple[int, int]:
    """Header scopes and field names in one pass over the PDF, in place; returns how many of each."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        scopes, named = _scope_headers(pdf), _name_fields(pdf, labels or {})
        if scopes or named:
            pdf.save(path, deterministic_id=True, compress_streams=True,
                     object_stream_mode=pikepdf.ObjectStreamMode.preserve)
    return scopes, named
