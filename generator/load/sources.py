"""Reading source files safely: size limit, UTF-8, and no escape from the project root."""
from __future__ import annotations

import errno
from pathlib import Path

from generator.diagnostics import Diagnostics

MAX_SOURCE_BYTES = 2 * 1024 * 1024
OS_REASONS = {errno.ENOENT: "het bestaat niet, of een link wijst naar niets",
              errno.EACCES: "geen leesrechten", errno.EISDIR: "het is een map"}  # a handbook page is a few KB; anything this big is a mistake


def is_inside(path: Path, root: Path) -> bool:
    """True when `path`, with symlinks resolved, lies under `root` (not a prefix match)."""
    return path.resolve().is_relative_to(root.resolve())


def read_text(path: Path, diags: Diagnostics) -> str | None:
    """Return the file's text, or None after recording why it cannot be used."""
    where = diags.at(path)
    if path.is_symlink() and not path.exists():  # a link to nothing, wherever it points
        diags.error(where, "NC004", f"bestand kan niet gelezen worden ({OS_REASONS[errno.ENOENT]}); "
                    "verwacht: een leesbaar bestand")
        return None
    if not is_inside(path, diags.root):
        diags.error(where, "NC003", "dit bestand verwijst naar een plek buiten de projectmap; "
                    "verwacht: een gewoon bestand binnen het project")
        return None
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            diags.error(where, "NC002", f"bestand is te groot ({size // 1024} KB); "
                        f"verwacht: hoogstens {MAX_SOURCE_BYTES // 1024} KB")
            return None
        raw = path.read_bytes()
    except OSError as exc:  # a dangling link, no permission, a folder named like a file
        reason = OS_REASONS.get(exc.errno, exc.strerror or "onbekende reden")
        diags.error(where, "NC004", f"bestand kan niet gelezen worden ({reason}); verwacht: een leesbaar bestand")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw, exc.start)
        diags.error(diags.at(path, line, col), "NC001",
                    f"geen geldige UTF-8-tekst (byte 0x{raw[exc.start]:02x}); "
                    "verwacht: bestand opgeslagen als UTF-8")
        return None
    return text.removeprefix("\ufeff")


def _line_col(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    col = offset - (before.rfind(b"\n") + 1) + 1
    return line, col
