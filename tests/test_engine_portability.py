"""The generated tree builds with Zensical too, with the same pages, titles and our scripts."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_fixture, run_cli

from generator.site.engine import build_with_zensical
from generator.site.portability import compare_sites

pytestmark = pytest.mark.engine


def test_zensical_builds_the_same_pages(tmp_path: Path) -> None:
    project = copy_fixture("minimal", tmp_path / "project")
    assert run_cli("build", "--root", str(project), "--no-pdf").returncode == 0
    result = build_with_zensical(project / "build" / "default" / "mkdocs.yml", tmp_path / "zensical")
    assert result.ok, result.output
    comparison = compare_sites(project / "site", tmp_path / "zensical")
    assert comparison.only_mkdocs == [] and comparison.only_zensical == []
    assert comparison.title_differences == [] and comparison.missing_scripts == []
    assert (tmp_path / "zensical" / "stappen" / "stap-01-eerste-stap.html").is_file()
