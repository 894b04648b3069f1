"""Shared fixtures: the project root, fixture handbooks, and the snapshot update switch."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-snapshots", action="store_true",
                     help="rewrite tests/snapshots from the current output instead of comparing")


@pytest.fixture
def update_snapshots(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-snapshots"))


def copy_fixture(name: str, dest: Path) -> Path:
    shutil.copytree(FIXTURES / name, dest, symlinks=True)
    return dest


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    return copy_fixture("minimal", tmp_path / "project")


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command-line tool in a fresh process."""
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True,
                          text=True, cwd=cwd or ROOT)


def copy_project(dest: Path) -> Path:
    """A copy of the real project's sources (not its build output)."""
    for name in ("content", "worksheets", "site_config", "theme", "mkdocs.yml"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        else:
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, dest / name)
    return dest


@pytest.fixture(scope="session")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled default edition, built once per test session."""
    project = copy_project(tmp_path_factory.mktemp("bundled") / "project")
    result = run_cli("build", "--root", str(project))
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"
