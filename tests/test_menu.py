"""The menu stays short at every level, also for a handbook many times the bundled one."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from generator.site.build import Project, check
from generator.web.site_tree import MENU_LIMIT, NavItem, bounded, build_nav, numbered


def _levels(items: list[NavItem]):
    """Every menu level (list of entries) in the nav, depth first."""
    yield items
    for item in items:
        if isinstance(item, dict):
            for value in item.values():
                if isinstance(value, list):
                    yield from _levels(value)


def _pages(items: list[NavItem]) -> list[str]:
    found: list[str] = []
    for item in items:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            found += _pages(value) if isinstance(value, list) else [value]
    return found


def test_short_levels_stay_as_they_are() -> None:
    entries = [{f"Werkblad {n}": f"w{n}.md"} for n in range(MENU_LIMIT)]
    assert bounded(entries, numbered("Werkbladen")) == entries


def test_long_levels_are_grouped_in_order_with_even_groups() -> None:
    entries = [{f"W{n}": f"w{n}.md"} for n in range(16)]
    assert bounded(entries, numbered("Werkbladen")) == [{"Werkbladen 1 t/m 8": entries[:8]},
                                                        {"Werkbladen 9 t/m 16": entries[8:]}]
    grouped = bounded([{f"W{n}": f"w{n}.md"} for n in range(330)], numbered("Werkbladen"))
    assert [next(iter(group)) for group in grouped] == [
        "Werkbladen 1 t/m 80", "Werkbladen 81 t/m 160", "Werkbladen 161 t/m 240", "Werkbladen 241 t/m 330"]
    assert _pages(grouped) == [f"w{n}.md" for n in range(330)]
    assert all(len(level) <= MENU_LIMIT for level in _levels(grouped))


def test_bundled_menu_has_no_groups() -> None:
    handbook, _ = check(Project(ROOT))
    assert handbook is not None
    labels = [next(iter(item)) for level in _levels(build_nav(handbook)) for item in level if isinstance(item, dict)]
    assert not [label for label in labels if " t/m " in label]


def test_menu_of_a_handbook_six_times_as_large(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "bench" / "synth.py"), str(tmp_path / "big"), "--factor", "6"],
                   check=True, capture_output=True)
    handbook, problems = check(Project(tmp_path / "big"))
    assert handbook is not None, problems
    nav = build_nav(handbook, with_downloads=True)
    assert all(len(level) <= MENU_LIMIT for level in _levels(nav))
    pages = _pages(nav)
    assert len(pages) == len(set(pages))
    steps = [p for p in pages if p.startswith("stappen/")]
    assert steps == [s.page_path for phase in handbook.phases for s in handbook.steps_of(phase)]
    assert len(steps) == 60
    phase_three = next(item for item in nav if isinstance(item, dict) and next(iter(item)).startswith("Fase 3"))
    labels = [next(iter(entry)) for entry in next(iter(phase_three.values()))[1:]]
    assert labels[0].startswith("Stappen 7 t/m ")
