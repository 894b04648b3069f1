"""What a newcomer meets first: the README's build command on a fresh clone, and a build on a
machine without an optional library. Notices about the machine never fail a build; problems the
content causes in a PDF always do, and such a PDF is never cached."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, Started, copy_fixture, run_cli
from pdf_checks import assert_good_pdf

pytestmark = pytest.mark.slow

# Every Python process of the build (the CLI, the PDF pool's fork server and its workers) as on a
# fresh Debian machine without HarfBuzz-subset: a sitecustomize makes cffi's loader refuse that one
# library, so WeasyPrint falls back to fontTools.
WITHOUT_HARFBUZZ_SUBSET = """
import cffi
real_dlopen = cffi.FFI.dlopen
def dlopen(self, name, *args, **kwargs):
    if 'harfbuzz-subset' in str(name):
        raise OSError('hidden by the test: ' + str(name))
    return real_dlopen(self, name, *args, **kwargs)
cffi.FFI.dlopen = dlopen
"""
NOTICE = "HarfBuzz-subset ontbreekt op deze computer"


def build_without_harfbuzz_subset(project: Path) -> subprocess.CompletedProcess[str]:
    hiding = project.parent / "zonder-harfbuzz-subset"
    hiding.mkdir(exist_ok=True)
    (hiding / "sitecustomize.py").write_text(WITHOUT_HARFBUZZ_SUBSET, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(hiding), str(ROOT)])}
    return subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(project)],
                          capture_output=True, text=True, cwd=ROOT, env=env)


def test_build_passes_without_harfbuzz_subset_and_says_so_once(tmp_path: Path) -> None:
    project = copy_fixture("minimal", tmp_path / "project")
    result = build_without_harfbuzz_subset(project)
    assert result.returncode == 0, result.stderr
    # The notice proves the fallback really ran (else this test would pass on any machine).
    assert result.stderr.count(NOTICE) == 1, result.stderr
    assert f"pdf:1:1: NC091 waarschuwing: {NOTICE}" in result.stderr, result.stderr
    assert " NC090 " not in result.stderr
    pdfs = sorted((project / "site" / "pdf").rglob("*.pdf"))
    assert len(pdfs) >= 3
    for path in pdfs:
        assert_good_pdf(path)  # fonts embedded, in the print font


def _break_a_print_template(project: Path) -> None:
    """A project with its own theme whose worksheet template names an image that does not exist."""
    shutil.copytree(ROOT / "theme", project / "theme")
    template = project / "theme" / "print" / "worksheet.html.j2"
    template.write_text(template.read_text(encoding="utf-8").replace(
        "{% block body %}", '{% block body %}<img src="ontbreekt.png" alt="ontbreekt">', 1), encoding="utf-8")


def test_a_problem_the_content_causes_fails_the_build_every_time(tmp_path: Path) -> None:
    project = copy_fixture("minimal", tmp_path / "project")
    _break_a_print_template(project)
    assert "ontbreekt.png" in (project / "theme" / "print" / "worksheet.html.j2").read_text(encoding="utf-8")
    for attempt in (1, 2):  # the rerun must not take the warned PDFs from the cache
        result = run_cli("build", "--root", str(project))
        assert result.returncode == 1, (attempt, result.stderr)
        problems = [line for line in result.stderr.splitlines() if " NC090 " in line]
        assert problems and all(line.startswith("pdf/werkbladen/") for line in problems), result.stderr
        assert any("ontbreekt.png" in line for line in problems), result.stderr
        assert not (project / "site").exists()
    cached = list((project / "build" / "pdf-cache").rglob("*.pdf"))
    assert cached  # the clean parts (a step's explanation, the pages of the packs) are cached ...
    assert all(b"ontbreekt" not in path.read_bytes() for path in cached)  # ... the warned ones not


def clone_and_make_site(folder: Path) -> Started:
    """`git clone` of the project, then `make site` in the clone, started and not awaited: it is
    the slowest test (a new virtual environment, every package, every PDF), so it starts with the
    session (tests/conftest.py, marker `early`) and runs beside the tests before it."""
    clone, log = folder / "clone", folder / "make.log"
    if not (ROOT / ".git").exists():
        return Started(None, clone, log, "this test needs the project as a git repository")
    cloned = subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], capture_output=True, text=True)
    if cloned.returncode != 0:  # said by the test, not at collection (that would stop the session)
        return Started(None, clone, log, f"git clone failed:\n{cloned.stderr}")
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHONPATH"))}
    environment["PATH"] = os.pathsep.join(p for p in environment["PATH"].split(os.pathsep) if ".venv" not in p)
    with log.open("w", encoding="utf-8") as out:
        # niced: it takes the CPU the tests in front leave idle, and slows them little
        command = ["nice", "-n", "10", "make", "site", f"PYTHON={sys.base_prefix}/bin/python3"]
        process = subprocess.Popen(command, cwd=clone, stdout=out, stderr=subprocess.STDOUT, env=environment,
                                   start_new_session=True)
    return Started(process, clone, log)


@pytest.mark.early.with_args(clone_and_make_site)  # with_args: the argument is a function
def test_readme_build_command_works_on_a_fresh_clone(early: Started) -> None:
    """`git clone` then `make site`, as the README says: a missing install step shows up here."""
    if early.problem:
        pytest.fail(early.problem)
    returncode, output = early.wait(timeout=1200)
    assert returncode == 0, output[-6000:]
    clone = early.folder
    assert (clone / "site" / "index.html").is_file()
    assert len(list((clone / "site" / "pdf").rglob("*.pdf"))) >= 25
