"""Writing generated trees: only what changed, stale files removed, and atomic publishing."""
from __future__ import annotations

import filecmp
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from generator import zipfiles


@dataclass(frozen=True)
class Synced:
    written: int          # files written because they were new or different
    set_changed: bool     # a file was added or removed (not only rewritten)


def sync_tree(files: dict[str, bytes | Path], dest: Path) -> Synced:
    """Make `dest` hold exactly `files` (bytes, or a file to copy); rewrite only changed files."""
    dest.mkdir(parents=True, exist_ok=True)
    written, added = 0, False
    for rel, data in files.items():
        path = dest / rel
        exists = path.is_file()
        if exists and _same(path, data):
            continue
        added = added or not exists
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, Path):
            shutil.copyfile(data, path)
        else:
            path.write_bytes(data)
        written += 1
    removed = _remove_stale(dest, set(files))
    return Synced(written, added or removed)


def _same(path: Path, data: bytes | Path) -> bool:
    if isinstance(data, Path):
        return filecmp.cmp(path, data, shallow=False)
    return path.stat().st_size == len(data) and path.read_bytes() == data


def _remove_stale(dest: Path, keep: set[str]) -> bool:
    """Delete files not in `keep` (and folders left empty); True if any file was deleted."""
    removed = False
    for path in sorted(dest.rglob("*"), reverse=True):
        rel = path.relative_to(dest).as_posix()
        if path.is_file() and rel not in keep:
            path.unlink()
            removed = True
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return removed


def publish(new_site: Path, site: Path) -> None:
    """Replace `site` by `new_site` with renames, so readers never see a half-written site."""
    site.parent.mkdir(parents=True, exist_ok=True)
    old = site.with_name(f".{site.name}.old-{os.getpid()}")
    if site.exists():
        site.rename(old)
    new_site.rename(site)
    if old.exists():
        shutil.rmtree(old)


def write_zip(folder: Path, zip_path: Path, epoch: int, prefix: str) -> None:
    """A byte-reproducible zip of `folder`, every entry under `prefix/`; written aside, then moved."""
    base = f"{prefix}/" if prefix else ""  # "": at the zip's root (a SCORM package)
    entries: dict[str, bytes | Path] = {f"{base}{path.relative_to(folder).as_posix()}": path
                                         for path in folder.rglob("*") if path.is_file()}
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    partial = zip_path.with_name(zip_path.name + ".tmp")
    zipfiles.write_zip(partial, entries, zipfiles.zip_date(epoch))
    partial.replace(zip_path)
