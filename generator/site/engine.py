"""The one place that runs a site engine (MkDocs, or Zensical for the portability check),
always as a separate process: no engine imports here."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass
class EngineResult:
    ok: bool
    output: str


def _mkdocs_build_command(config: Path, site_dir: Path) -> list[str]:
    return ["build", "--strict", "--clean", "--config-file", str(config), "--site-dir", str(site_dir)]


def _engine_env(epoch: int | None = None) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(epoch)
    return env


def _result(returncode: int, output: str) -> EngineResult:
    warned = any(line.startswith(("WARNING", "ERROR")) for line in output.splitlines())
    return EngineResult(returncode == 0 and not warned, output)


def build_with_mkdocs(config: Path, site_dir: Path, epoch: int) -> EngineResult:
    """`mkdocs build --strict`; any warning counts as a failure. `epoch` fixes every date."""
    proc = subprocess.run([sys.executable, "-m", "mkdocs", *_mkdocs_build_command(config, site_dir)],
                          capture_output=True, text=True, cwd=config.parent, env=_engine_env(epoch))
    return _result(proc.returncode, proc.stdout + proc.stderr)


# A MkDocs process that imports the engine, the theme and the search plugin (about half a second)
# while the build still writes the docs tree, then waits for one line: the date to build with.
_WAITING_MKDOCS = """\
import os, sys
import mkdocs.__main__, mkdocs.commands.build, material, material.plugins.search.plugin  # noqa: F401
line = sys.stdin.readline().strip()
if not line:
    sys.exit(0)  # not needed after all
os.environ["SOURCE_DATE_EPOCH"] = line
sys.argv = ["mkdocs", *sys.argv[1:]]
mkdocs.__main__.cli()
"""


class MkdocsBuild:
    """`mkdocs build --strict` started ahead: `run(epoch)` is build_with_mkdocs without the wait for
    Python and the engine to load. Unused, it ends when closed."""

    def __init__(self, config: Path, site_dir: Path) -> None:
        self.process = subprocess.Popen([sys.executable, "-c", _WAITING_MKDOCS, *_mkdocs_build_command(config, site_dir)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True, cwd=config.parent, env=_engine_env())

    def run(self, epoch: int) -> EngineResult:
        output, _ = self.process.communicate(f"{epoch}\n")
        return _result(self.process.returncode, output)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.communicate("\n")


def build_with_zensical(config: Path, site_dir: Path) -> EngineResult:
    """`zensical build`. Zensical always writes to the config's site_dir; build in place, then move
    the result to `site_dir`. Only its exit code counts: the check compares, it does not judge."""
    zensical = Path(sys.executable).with_name("zensical")
    proc = subprocess.run([str(zensical), "build", "--clean", "-f", str(config)], capture_output=True,
                          text=True, cwd=config.parent)
    built = config.parent / "site"
    if built.is_dir():
        if site_dir.exists():
            shutil.rmtree(site_dir)
        built.rename(site_dir)
    return EngineResult(proc.returncode == 0, proc.stdout + proc.stderr)


def serve_command(config: Path, address: str) -> list[str]:
    """The engine's dev server in its incremental mode: it rebuilds only pages whose source is newer
    than their output. `serve` touches every page when a change reaches further than
    the pages it rewrote (menu, config, theme), so nothing stale is shown."""
    return [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config),
            "--dev-addr", address, "--livereload", "--dirty"]
