"""The SCORM package built once per session, and scorm-again (npm): a real SCORM 1.2 runtime."""
from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.conftest import ROOT, copy_project, run_cli

SCORM_AGAIN = "scorm-again@2.6.8"  # dist/scorm12.js puts window.Scorm12API
NPM_PREFIX = ROOT / "build" / "npm"
RUNTIME = NPM_PREFIX / "node_modules" / "scorm-again" / "dist" / "scorm12.js"


def scorm_runtime() -> Path:
    """scorm-again's SCORM 1.2 API, installed into build/npm (outside the sources) when missing."""
    if RUNTIME.is_file():
        return RUNTIME
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm is missing: the SCORM tests need it for scorm-again. Run "
                    "scripts/install-system-deps.sh (it installs Debian's npm) or `apt-get install npm`.")
    subprocess.run([npm, "install", "--prefix", str(NPM_PREFIX), "--no-audit", "--no-fund", SCORM_AGAIN],
                   check=True, capture_output=True, text=True)
    assert RUNTIME.is_file(), f"{SCORM_AGAIN} has no {RUNTIME.relative_to(NPM_PREFIX)}"
    return RUNTIME


_BUILT: dict[str, bytes] = {}  # the one package of this test session: its file name and bytes


def build_package(dest: Path, fresh: bool = False) -> Path:
    """`netwerkcoach build --scorm` on a copy of the bundled project; the zip it wrote. The build
    runs once per test session (the sources do not change during one); every caller gets its own
    copy of that zip under `dest`, so no test can change what another one reads. `fresh` builds
    again (a test of reproducibility needs a second, real build)."""
    project = dest / "project"
    if fresh or not _BUILT:
        copy_project(project)
        result = run_cli("build", "--root", str(project), "--scorm", "--no-pdf")
        assert result.returncode == 0, result.stdout + result.stderr
        meta = YAML(typ="safe").load((project / "content" / "handbook.yml").read_text(encoding="utf-8"))
        package = project / "dist" / f"{meta['id']}-default-{meta['edition']['version']}-scorm.zip"
        assert package.is_file(), sorted((project / "dist").iterdir())
        _BUILT.setdefault(package.name, package.read_bytes())
        return package
    (name, data), = _BUILT.items()
    package = project / "dist" / name
    package.parent.mkdir(parents=True)
    package.write_bytes(data)
    return package


def unpack(package: Path, dest: Path) -> Path:
    with zipfile.ZipFile(package) as archive:
        archive.extractall(dest)
    return dest
