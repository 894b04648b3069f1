"""Shared helpers for the benchmarks: temporary project copies, timed child processes, machine info."""
from __future__ import annotations

import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent          # the venv's bin/ (run.py is started with .venv/bin/python)
PY = sys.executable
SOURCES = ("content", "worksheets", "site_config", "theme", "mkdocs.yml")
TEMP_DIRS: list[Path] = []   # removed by run.py at the end


def copy_project(dest: Path | None = None, src: Path = REPO) -> Path:
    """A throw-away copy of the project sources; nothing in the repository changes."""
    if dest is None:
        dest = Path(tempfile.mkdtemp(prefix="nc-bench-"))
        TEMP_DIRS.append(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for name in SOURCES:
        source = src / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        else:
            shutil.copy2(source, dest / name)
    return dest


def reset_outputs(root: Path) -> None:
    """Remove everything a build made (docs tree, PDF cache, site) for a cold build."""
    for name in ("build", "site", ".site.new"):
        shutil.rmtree(root / name, ignore_errors=True)


def cleanup() -> None:
    while TEMP_DIRS:
        shutil.rmtree(TEMP_DIRS.pop(), ignore_errors=True)


PRINT_FONT = "Atkinson-Hyperlegible"  # the font print.css sets: proof a render used the stylesheet whole


def uses_print_font(pdf_bytes: bytes) -> bool:
    """True if any page of the PDF uses the print font. A way that does not load print.css's
    @font-face rules sets the text in a fallback font: less work, so not a fair comparison."""
    import io

    import pikepdf
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        return any(PRINT_FONT in str(font.get("/BaseFont", "")) for page in pdf.pages
                   for _, font in page.obj.get("/Resources", {}).get("/Font", {}).items())


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _tree_rss_kib(root_pid: int) -> int:
    """Sum of resident memory (KiB) of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read().rsplit(b")", 1)[1].split()
            children.setdefault(int(stat[1]), []).append(int(entry))
            rss[int(entry)] = int(stat[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


@dataclass
class Timed:
    seconds: float
    returncode: int
    stdout: str
    stderr: str
    maxrss_mib: float          # ru_maxrss from wait4: the largest single process in the tree
    tree_peak_mib: float       # sampled peak of the whole process tree (sum of all processes)


def run_timed(cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None,
              check: bool = True, timeout: float | None = None) -> Timed:
    """Run a command, time it (wall clock), and record its peak memory two ways.

    With a timeout the command (its own process group) is killed and TimeoutError raised."""
    out_file, err_file = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out_file, stderr=err_file, start_new_session=True)
    peak = [0]
    stop, timed_out = threading.Event(), threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], _tree_rss_kib(proc.pid))
            if timeout is not None and time.perf_counter() - start > timeout:
                timed_out.set()
                os.killpg(proc.pid, signal.SIGKILL)   # our own child's process group
                return
            stop.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if timed_out.is_set():
        raise TimeoutError(f"{' '.join(cmd[:3])} did not finish within {timeout:.0f} s")
    out_file.seek(0)
    err_file.seek(0)
    result = Timed(seconds, proc.returncode, out_file.read().decode(errors="replace"),
                   err_file.read().decode(errors="replace"), usage.ru_maxrss / 1024, peak[0] / 1024)
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return result


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Machine:
    cpu: str
    cores: int
    usable_cores: int
    ram_gib: float
    os: str
    versions: dict[str, str] = field(default_factory=dict)


def machine() -> Machine:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = 0.0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    versions = {"Python": platform.python_version()}
    for package in ("weasyprint", "mkdocs", "mkdocs-material", "pikepdf", "playwright"):
        try:
            versions[package] = version(package)
        except Exception:  # noqa: BLE001 - a missing package is just reported as such
            versions[package] = "not installed"
    return Machine(cpu, os.cpu_count() or 1, len(os.sched_getaffinity(0)), ram,
                   f"{platform.system()} {platform.release()}", versions)


def busy_cpu_seconds() -> float:
    """CPU seconds spent by the whole machine so far (all processes), from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)   # idle + iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds() -> float:
    """CPU seconds of this process and every child it has waited for."""
    import resource
    return sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                                  resource.getrusage(resource.RUSAGE_CHILDREN)))


def netwerkcoach(*args: str) -> list[str]:
    return [str(BIN / "netwerkcoach"), *args]
