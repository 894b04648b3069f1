"""The YAML loader keeps text as text, refuses duplicate keys and knows where everything is."""
from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.load.yamlio import load_yaml, to_plain


def load(tmp_path: Path, text: str) -> tuple[object, Diagnostics]:
    path = tmp_path / "doc.yml"
    path.write_text(text, encoding="utf-8")
    diags = Diagnostics(tmp_path)
    doc = load_yaml(path, diags)
    return (to_plain(doc.data) if doc else None), diags


def test_yes_no_and_times_stay_text(tmp_path: Path) -> None:
    data, diags = load(tmp_path, "a: no\nb: ja\nc: 12:30\nd: NO\ne: 1.10\n")
    assert not diags.items
    assert data == {"a": "no", "b": "ja", "c": "12:30", "d": "NO", "e": 1.1}


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    _, diags = load(tmp_path, "title: een\nsummary: x\ntitle: twee\n")
    assert [str(d) for d in diags.items] == [
        "doc.yml:3:1: NC011 sleutel 'title' staat er twee keer in (eerst op regel 1); "
        "verwacht: elke sleutel één keer"]


def test_locations_point_at_nested_keys(tmp_path: Path) -> None:
    path = tmp_path / "doc.yml"
    path.write_text("blocks:\n  - type: x\n    id: a\n  - type: y\n    label: b\n", encoding="utf-8")
    diags = Diagnostics(tmp_path)
    doc = load_yaml(path, diags)
    assert str(doc.locate(diags, ("blocks", 1, "label"))) == "doc.yml:5:5"
    # pydantic names the union member ('y') in its paths; the locator skips it
    assert str(doc.locate(diags, ("blocks", 1, "y", "label"))) == "doc.yml:5:5"
    # a missing key points at its parent
    assert str(doc.locate(diags, ("blocks", 0, "nope"))) == "doc.yml:2:5"


def test_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "doc.yml"
    path.write_bytes("\ufeffa: b\n".encode("utf-8"))
    diags = Diagnostics(tmp_path)
    assert to_plain(load_yaml(path, diags).data) == {"a": "b"}


def test_fast_parser_is_used_and_gives_the_same_values_and_positions(tmp_path: Path) -> None:
    """libyaml reads valid files; the round-trip parser is only run for positions."""
    from generator.load import yamlio
    assert yamlio._HAS_LIBYAML, "ruamel.yaml.clib is a dependency: the fast path must be on"
    text = "a: no\nlist:\n  - x: 1\n    y: 2026-01-15\n  - z: '12:30'\n"
    path = tmp_path / "doc.yml"
    path.write_text(text, encoding="utf-8")
    diags = Diagnostics(tmp_path)
    doc = load_yaml(path, diags)
    assert doc.text == text and type(doc.data) is dict  # plain data from libyaml
    assert doc.data == to_plain(yamlio._new_yaml().load(text))
    assert str(doc.locate(diags, ("list", 0, "y"))) == "doc.yml:4:5"
    assert str(doc.locate(diags, ("list", 1, "z"))) == "doc.yml:5:5"
