"""YAML 1.2 loading that keeps line numbers, keeps `no`/`12:30` as text and refuses duplicate keys."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, NodeEvent

from generator.diagnostics import Diagnostics, Location
from generator.load.sources import read_text

try:
    import _ruamel_yaml  # noqa: F401 - ruamel.yaml.clib: the C parser
    _HAS_LIBYAML = True
except ImportError:  # the pure-Python round-trip parser alone is slower, not different
    _HAS_LIBYAML = False


@dataclass
class YamlDoc:
    """Parsed YAML plus what is needed to point at any key or item in it."""

    path: Path
    data: Any
    line_offset: int = 0  # lines before the YAML starts (front matter in Markdown)
    text: str | None = None  # set when `data` came from the fast parser: positions come later
    _tree: Any = field(default=None, repr=False)

    def locate(self, diags: Diagnostics, loc: tuple[Any, ...]) -> Location:
        """Location of the node at `loc` (a pydantic-style path), or of its nearest parent."""
        line, col = _find(self._positions(), loc)
        return diags.at(self.path, line + self.line_offset + 1, col + 1)

    def node_at(self, loc: tuple[Any, ...]) -> Any:
        """The round-trip node at `loc`: it knows whether a text was written as a block scalar."""
        node = self._positions()
        for key in loc:
            node = node[key]
        return node

    def _positions(self) -> Any:
        """The round-trip tree, which knows lines and columns; parsed only when a message needs it."""
        if self.text is None:
            return self.data
        if self._tree is None:
            try:
                self._tree = _new_yaml().load(self.text)
            except Exception:  # noqa: BLE001 - the fast parser read it; point at the top then
                self._tree = self.data
        return self._tree


def _find(node: Any, loc: tuple[Any, ...]) -> tuple[int, int]:
    line, col = (0, 0)
    if isinstance(node, (CommentedMap, CommentedSeq)) and node.lc.line is not None:
        line, col = node.lc.line, node.lc.col
    for key in loc:
        if isinstance(node, CommentedMap) and key in node:
            line, col = node.lc.key(key)  # point at the key: that is where an author looks
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
            line, col = node.lc.item(key)
            node = node[key]
        elif isinstance(node, CommentedMap) and node.get("type") == key:
            continue  # pydantic names the chosen union member (a block type) in its path
        else:
            break
    return line, col


def _new_yaml(typ: str = "rt") -> YAML:
    yaml = YAML(typ=typ, pure=typ == "rt")
    yaml.version = (1, 2)
    yaml.allow_duplicate_keys = False
    return yaml


_FAST: YAML | None = None


def _fast_parse(text: str) -> tuple[bool, Any]:
    """(ok, data) from libyaml, about 8x faster than the round-trip parser, with the same
    YAML 1.2 values and the same refusal of duplicate keys. Anything it does not accept goes
    to the round-trip parser, whose messages are the ones authors see."""
    global _FAST
    if not _HAS_LIBYAML:
        return False, None
    _FAST = _FAST or _new_yaml("safe")  # one loader for all files: it keeps no state between loads
    try:
        return True, _FAST.load(text)
    except Exception:  # noqa: BLE001 - any problem: the careful parser reports it
        return False, None


# Content is data: plain values, lists and mappings, nothing else. An anchor and its aliases
# can make a few lines expand to gigabytes, a tag can ask for a Python object, and deep nesting
# exhausts the recursion of any reader. All three are refused from the event stream, before
# anything is built from it.
MAX_DEPTH = 30
PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")}


def _events(text: str) -> Any:
    return _new_yaml("safe" if _HAS_LIBYAML else "rt").parse(text)


def structure_problems(text: str) -> list[tuple[int, int, str, str]]:
    """(line, col, code, message) for every alias, anchor, tag or nesting that content may not use."""
    problems, depth = [], 0
    try:
        for event in _events(text):
            mark = event.start_mark
            where = (mark.line + 1, mark.column + 1)
            if isinstance(event, AliasEvent):
                problems.append((*where, "NC013", f"een alias (*{event.anchor}) is niet toegestaan; "
                                                  "verwacht: schrijf de waarde zelf uit"))
            elif isinstance(event, NodeEvent) and event.anchor:
                problems.append((*where, "NC013", f"een anker (&{event.anchor}) is niet toegestaan; "
                                                  "verwacht: gewone waarden zonder & en *"))
            tag = getattr(event, "tag", None)
            if tag and tag not in PLAIN_TAGS:
                shown = tag.replace("tag:yaml.org,2002:", "!!")
                problems.append((*where, "NC014", f"de YAML-tag '{shown}' is niet toegestaan; "
                                                  "verwacht: alleen tekst, getallen, lijsten en sleutels"))
            depth += isinstance(event, CollectionStartEvent) - isinstance(event, CollectionEndEvent)
            if depth > MAX_DEPTH:
                problems.append((*where, "NC015", f"de YAML is te diep genest (meer dan {MAX_DEPTH} niveaus); "
                                                  "verwacht: een eenvoudiger opbouw"))
                break
    except Exception:  # noqa: BLE001 - a syntax error: the round-trip parser reports it below
        pass
    return problems


def parse_yaml(text: str, path: Path, diags: Diagnostics, line_offset: int = 0) -> YamlDoc | None:
    problems = structure_problems(text)
    for line, col, code, message in problems:
        diags.error(diags.at(path, line + line_offset, col), code, message)
    if problems:
        return None
    ok, data = _fast_parse(text)
    if ok:
        return YamlDoc(path, data, line_offset, text)
    try:
        data = _new_yaml().load(text)
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        key = str(exc.problem).split('"')[1] if '"' in str(exc.problem) else "?"
        first = _first_occurrence(text, key, mark.line, mark.column)
        earlier = f" (eerst op regel {first + 1 + line_offset})" if first is not None else ""
        diags.error(diags.at(path, mark.line + 1 + line_offset, mark.column + 1), "NC011",
                    f"sleutel '{key}' staat er twee keer in{earlier}; "
                    "verwacht: elke sleutel één keer")
        return None
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else 1
        col = mark.column + 1 if mark else 1
        problem = _dutch_problem(str(exc.problem or exc.context or ""))
        unclosed = _unclosed_quote(text, mark.line if mark else 0)
        if unclosed is not None:  # the parser notices only lines later, and blames the indentation
            line, col = unclosed[0] + 1 + line_offset, unclosed[1] + 1
            problem = "een aanhalingsteken wordt op deze regel geopend maar niet gesloten"
        diags.error(diags.at(path, line, col), "NC010",
                    f"ongeldige YAML: {problem}; verwacht: geldige YAML (let op inspringing, "
                    "dubbele punten en aanhalingstekens)")
        return None
    return YamlDoc(path, data, line_offset)


YAML_PROBLEMS = (
    ("expected <block end>", "de inspringing klopt niet"),
    ("mapping values are not allowed", "onverwachte dubbele punt (zet tekst met ': ' tussen aanhalingstekens)"),
    ("could not find expected ':'", "er ontbreekt een dubbele punt na de sleutel"),
    ("found unexpected end of stream", "het bestand houdt midden in een waarde op (ontbreekt een aanhalingsteken?)"),
    ("found character '\\t'", "een tab gevonden; gebruik spaties om in te springen"),
    ("expected ',' or ']'", "een lijst tussen [ ] is niet goed afgesloten"),
    ("expected ',' or '}'", "een mapping tussen { } is niet goed afgesloten"),
    ("found undefined alias", "een onbekende alias (*naam)"),
)


def _dutch_problem(problem: str) -> str:
    for english, dutch in YAML_PROBLEMS:
        if english in problem:
            return dutch
    return f"onleesbaar ({problem})" if problem else "onleesbaar"


def _unclosed_quote(text: str, error_line: int) -> tuple[int, int] | None:
    """(line, col), 0-based, of the first value before `error_line` whose double quote is not closed."""
    for number, line in enumerate(text.split("\n")[:error_line + 1]):
        value = re.match(r'^\s*(?:-\s+)?(?:[^\s:#"\']+\s*:\s+)?(")', line)
        if value and len(re.findall(r'(?<!\\)"', line[value.start(1):])) % 2 == 1:
            return number, value.start(1)
    return None


def _first_occurrence(text: str, key: str, before_line: int, column: int) -> int | None:
    """Line (0-based) of the first `key:` at the same indentation before `before_line`."""
    pattern = re.compile(rf"^(?:- )?{re.escape(key)}\s*:")
    for number, line in enumerate(text.split("\n")[:before_line]):
        if pattern.match(line[column:]) and not line[:column].strip(" -"):
            return number
    return None


# The live preview checks everything on every save; parsing is most of that time, so it keeps
# the last parse of each file here, with the text it came from. A one-off build leaves this off.
_PARSED: dict[str, tuple[str, YamlDoc]] | None = None


def keep_parsed_files() -> None:
    global _PARSED
    _PARSED = {}


def load_yaml(path: Path, diags: Diagnostics) -> YamlDoc | None:
    text = read_text(path, diags)
    if text is None:
        return None
    if _PARSED is not None and _PARSED.get(str(path), ("", None))[0] == text:
        return _PARSED[str(path)][1]
    doc = parse_yaml(text, path, diags)
    if _PARSED is not None and doc is not None:
        _PARSED[str(path)] = (text, doc)
    return doc


def to_plain(node: Any) -> Any:
    """ruamel's commented containers as plain dicts and lists, for validation."""
    if isinstance(node, dict):
        return {key: to_plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [to_plain(item) for item in node]
    return node
