"""Shared fixtures: the project root, fixture handbooks, and the snapshot update switch."""
from __future__ import annotations

import contextlib
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Iterator

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
def pdf_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One PDF cache for the builds of a session whose tests are not about rendering or caching.
    A cached PDF is named by a hash of everything it is made from (generator/print/render.py:
    the HTML, the form fields, the templates, fonts, epoch and library versions), so a build takes
    from it only the PDF it would have rendered itself, byte for byte."""
    return tmp_path_factory.mktemp("pdf-cache")


def share_pdf_cache(project: Path, cache: Path) -> Path:
    """Point the project's build/pdf-cache at the session's cache. Not for tests of the cache, of
    rendering (machine notices are only seen when a PDF is rendered) or of determinism."""
    link = project / "build" / "pdf-cache"
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(cache, target_is_directory=True)
    return project


def tree_digest(folder: Path) -> str:
    """Every file's path and bytes: proves a shared build was not changed by a test."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@contextlib.contextmanager
def unchanged(folder: Path, what: str) -> Iterator[Path]:
    """Hand out a build shared by many tests; fail the session's teardown when one changed it."""
    before = tree_digest(folder)
    yield folder
    assert tree_digest(folder) == before, f"a test changed the shared {what} in {folder}: work on a copy"


@pytest.fixture(scope="session")
def bundled_project(tmp_path_factory: pytest.TempPathFactory, pdf_cache: Path) -> Iterator[Path]:
    """The bundled default edition, built once per test session (with every PDF); read only."""
    project = share_pdf_cache(copy_project(tmp_path_factory.mktemp("bundled") / "project"), pdf_cache)
    result = run_cli("build", "--root", str(project))
    assert result.returncode == 0, result.stdout + result.stderr
    with unchanged(project / "site", "bundled site"):
        yield project


@pytest.fixture(scope="session")
def bundled_site(bundled_project: Path) -> Path:
    """The site of the session's bundled build; read only."""
    return bundled_project / "site"
