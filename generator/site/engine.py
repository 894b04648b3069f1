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


def build_with_mkdocs(config: Path, site_dir: Path, epoch: int) -> EngineResult:
    """`mkdocs build --strict`; any warning counts as a failure. `epoch` fixes every date."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
               "--config-file", str(config), "--site-dir", str(site_dir)]
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(command, capture_output=True, text=True, cwd=config.parent, env=env)
    output = proc.stdout + proc.stderr
    warned = any(line.startswith(("WARNING", "ERROR")) for line in output.splitlines())
    return EngineResult(proc.returncode == 0 and not warned, output)


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
