"""Byte-reproducible zip archives: the offline site and the QTI package are written here.

The same entries give the same bytes on any machine: entries in path order, one fixed date,
the same permissions and the same "made on" system for every entry.
"""
from __future__ import annotations

import time
import zipfile
from pathlib import Path
from typing import BinaryIO, Mapping

DateTime = tuple[int, int, int, int, int, int]
ZIP_EPOCH = 315532800  # 1980-01-01: zip dates cannot be earlier


def zip_date(epoch: int) -> DateTime:
    """A timestamp (seconds since 1970, UTC) as a zip entry date."""
    return time.gmtime(max(epoch, ZIP_EPOCH))[:6]  # type: ignore[return-value]


def _path_order(name: str) -> list[str]:
    # Folder by folder, as a file tree is listed: "a/b" comes before "a-b".
    return name.split("/")


def write_zip(target: Path | BinaryIO, entries: Mapping[str, bytes | Path], date_time: DateTime) -> None:
    """Write `entries` (archive name -> bytes, or a file to read) to `target` as a deflated zip."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(entries, key=_path_order):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # unix, whatever machine builds it
            data = entries[name]
            archive.writestr(info, data.read_bytes() if isinstance(data, Path) else data)
