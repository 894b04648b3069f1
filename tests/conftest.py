"""Shared fixtures: the project root, fixture handbooks, and the snapshot update switch."""
from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-snapshots", action="store_true",
                     help="rewrite tests/snapshots from the current output instead of comparing")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "early(start): the test's slow outside command is started by "
                            "`start(folder)` when the session begins, and awaited by the test (fixture `early`)")


@dataclass
class Started:
    """An outside command started in the background, writing to `log`, working in `folder`;
    `problem` says why it could not be started."""
    process: subprocess.Popen | None
    folder: Path
    log: Path
    problem: str = ""

    def wait(self, timeout: float) -> tuple[int, str]:
        """Its exit code and everything it printed."""
        assert self.process is not None, self.problem
        returncode = self.process.wait(timeout=timeout)
        return returncode, self.log.read_text(encoding="utf-8", errors="replace")


_EARLY: dict[str, Started] = {}


def _in_xdist_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """With several workers (pytest-xdist) a test marked `early` simply goes first: one worker
    waits for its command while the others run the rest."""
    if _in_xdist_worker(config):
        items.sort(key=lambda item: item.get_closest_marker("early") is None)  # stable: same order in every worker


def pytest_collection_finish(session: pytest.Session) -> None:
    """A selected test marked `early` gets its command started now, so it runs (installing, waiting
    on the network, building) beside the tests before it. The test checks its result as before.
    Not in an xdist worker: every worker collects every test, and only one will run it."""
    if session.config.option.collectonly or _in_xdist_worker(session.config):
        return
    for item in session.items:
        marker = item.get_closest_marker("early")
        if marker is not None:
            folder = session.config._tmp_path_factory.mktemp("early")  # type: ignore[attr-defined]
            try:
                _EARLY[item.nodeid] = marker.args[0](folder)
            except Exception as error:  # reported by the test itself, which then starts it again
                print(f"{item.nodeid}: could not start early: {error!r}", file=sys.stderr)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """A background command whose test did not wait for it (deselected by -x, interrupted) ends here."""
    for started in _EARLY.values():
        if started.process is not None and started.process.poll() is None:
            os.killpg(started.process.pid, signal.SIGTERM)
            started.process.wait()


@pytest.fixture
def early(request: pytest.FixtureRequest, tmp_path: Path) -> Started:
    """The test's `early` command: started when the session began, or now."""
    start: Callable[[Path], Started] = request.node.get_closest_marker("early").args[0]
    return _EARLY.get(request.node.nodeid) or start(tmp_path)


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
