"""Writing generated trees: only what changed, stale files removed, and atomic publishing."""
from __future__ import annotations

import os
import shutil
from pathlib import Path


def sync_tree(files: dict[str, bytes], dest: Path) -> int:
    """Make `dest` hold exactly `files`; rewrite only changed files. Returns files written."""
    dest.mkdir(parents=True, exist_ok=True)
    written = 0
    for rel, data in files.items():
        path = dest / rel
        if path.is_file() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += 1
    _remove_stale(dest, set(files))
    return written


def _remove_stale(dest: Path, keep: set[str]) -> None:
    for path in sorted(dest.rglob("*"), reverse=True):
        rel = path.relative_to(dest).as_posix()
        if path.is_file() and rel not in keep:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def publish(new_site: Path, site: Path) -> None:
    """Replace `site` by `new_site` with renames, so readers never see a half-written site."""
    site.parent.mkdir(parents=True, exist_ok=True)
    old = site.with_name(f".{site.name}.old-{os.getpid()}")
    if site.exists():
        site.rename(old)
    new_site.rename(site)
    if old.exists():
        shutil.rmtree(old)
