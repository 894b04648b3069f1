"""Imports follow the phases: a module may import from its own layer or from layers below it.

diagnostics < model < markup < load < check < {web, print, export} < site < cli. The three
renderers (web, print, export) sit side by side and may not import each other. Every import is
checked, also those inside functions and under TYPE_CHECKING.
"""
from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "generator"
# Lowest first. Names in one set share a rank and may not import each other.
LAYERS: list[set[str]] = [
    {"diagnostics", "zipfiles", "argparse_nl", "home"},  # foundation: imports nothing from the package
    {"model"},
    {"markup"},
    {"load"},
    {"check"},
    {"web", "print", "export"},
    {"site"},
    {"cli"},
    {"__main__"},
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def layer_of(module: str) -> str:
    """`generator.web.pages` -> `web`; the package itself is `generator`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "generator"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(tree: ast.AST, module: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, module) for every import of the package's own modules, relative ones resolved."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module.split(".")[: len(module.split(".")) - node.level + is_package]
                base = ".".join(package + ([base] if base else []))
            # `from generator import zipfiles` imports the module generator.zipfiles
            found += [(node.lineno, f"{base}.{alias.name}" if base == "generator" else base)
                      for alias in node.names]
    own = {(line, name) for line, name in found if name == "generator" or name.startswith("generator.")}
    return sorted(own)


def violations_in(source: str, module: str, is_package: bool = False, shown_as: str = "") -> list[str]:
    """Every import in `source` (the text of `module`) that goes against the layer order."""
    own = layer_of(module)
    problems = []
    for line, target in imported_modules(ast.parse(source), module, is_package):
        other = layer_of(target)
        if other == own or other == "generator":
            continue
        if own not in RANK or other not in RANK:
            problems.append(f"{shown_as or module}:{line}: {target}: layer '{own if own not in RANK else other}' "
                            "has no place in LAYERS")
        elif RANK[other] >= RANK[own]:
            side = "beside" if RANK[other] == RANK[own] else "above"
            problems.append(f"{shown_as or module}:{line}: {own} imports {target} ({other}, {side} it)")
    return problems


def all_violations() -> list[str]:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        problems += violations_in(path.read_text(encoding="utf-8"), module_name(path),
                                  path.name == "__init__.py", path.relative_to(ROOT).as_posix())
    return problems


def test_imports_follow_the_layer_order() -> None:
    problems = all_violations()
    assert problems == [], "imports against the layer order:\n" + "\n".join(problems)


def test_every_module_belongs_to_a_layer() -> None:
    layers = {layer_of(module_name(path)) for path in PACKAGE.rglob("*.py")} - {"generator"}
    assert layers - set(RANK) == set()


def test_the_check_sees_upward_sideways_relative_and_late_imports() -> None:
    source = ("from generator.site.build import check\n"       # model -> site: upward
              "import generator.diagnostics\n"                 # allowed: foundation
              "from generator.model import paths\n"            # allowed: own layer
              "def late():\n"
              "    from ..load.yamlio import YamlDoc\n")       # relative, inside a function
    assert violations_in(source, "generator.model.handbook") == [
        "generator.model.handbook:1: model imports generator.site.build (site, above it)",
        "generator.model.handbook:5: model imports generator.load.yamlio (load, above it)"]
    assert violations_in("from generator import web\n", "generator.print.render") == [
        "generator.print.render:1: print imports generator.web (web, beside it)"]
    assert violations_in("from generator.print import render\n", "generator.site.build") == []
