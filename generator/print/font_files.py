"""The theme's print fonts as TrueType, converted from WOFF2 once and kept on disk.

The theme ships its fonts as WOFF2 for the web. WeasyPrint and the font sharing after composing
(shared_fonts.py) both need TrueType, and fontTools' WOFF2 decoder is pure Python: the four faces
took 0.76 s in every PDF worker of every build. The converted bytes are cached next to the PDF
cache, named by a hash of the source file and the conversion, so a changed font is converted again.
"""
from __future__ import annotations

import hashlib
import io
import os
from importlib.metadata import version
from pathlib import Path
from typing import Callable

Converter = Callable[[bytes], bytes]


def woff2_decompressed(data: bytes) -> bytes:
    """WeasyPrint's own conversion (weasyprint/text/fonts.py): the bytes it would load itself."""
    from fontTools.ttLib import woff2
    out = io.BytesIO()
    woff2.decompress(io.BytesIO(data), out)
    return out.getvalue()


def resaved_without_flavor(data: bytes) -> bytes:
    """The font saved again by fontTools as plain TrueType (what shared_fonts.py embeds)."""
    from fontTools.ttLib import TTFont
    font = TTFont(io.BytesIO(data))
    font.flavor = None
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def truetype(path: Path, cache: Path | None, convert: Converter) -> bytes:
    """`path` as TrueType: itself when it is one, else converted (from the cache when it was before)."""
    data = path.read_bytes()
    if not data.startswith(b"wOF"):
        return data
    if cache is None:
        return convert(data)
    key = hashlib.sha256(data + f"\0{convert.__name__}\0{version('fonttools')}".encode()).hexdigest()
    cached = cache / f"{key}.ttf"
    if cached.is_file():
        return cached.read_bytes()
    converted = convert(data)
    cache.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.tmp")  # two workers may convert the same font at once
    partial.write_bytes(converted)
    partial.replace(cached)
    return converted
