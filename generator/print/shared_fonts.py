"""One embedded font per face in a composed PDF, instead of one subset per part.

Each part brings its own subsets of the print fonts, so a pack of 60 parts carried about 150 font
programs (450 kB of the handbook's 1.2 MB). WeasyPrint's subsets keep the original glyph ids, so
one complete font program can serve every part: each face gets one font whose widths and text
mapping (ToUnicode, what copy-paste and screen readers use) are the union of the parts' own, and
whose program is the print font itself, from the theme. A face is only shared where that makes the
PDF smaller; a one-part PDF keeps its small subsets.
"""
from __future__ import annotations

import io
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from fontTools.ttLib import TTFont

from generator.print.font_files import resaved_without_flavor, truetype

Face = tuple[str, int, bool]  # family, weight, italic


@dataclass(frozen=True)
class FontProgram:
    face: Face
    compressed: bytes  # the TrueType program, Flate-compressed once per process
    length: int        # its size uncompressed (/Length1)


def _face(font: TTFont) -> Face:
    names = font["name"]
    family = str(names.getDebugName(16) or names.getDebugName(1) or "")
    italic = bool(font["head"].macStyle & 0b10) or bool(font["OS/2"].fsSelection & 1)
    return family, int(font["OS/2"].usWeightClass), italic


_PROGRAMS: dict[Path, dict[Face, FontProgram]] = {}


def theme_fonts(folder: Path, cache: Path | None = None) -> dict[Face, FontProgram]:
    """The print fonts of the theme as TrueType programs, by face; read once per process (converted
    from WOFF2 once per font, kept in `cache`: font_files.py)."""
    if folder not in _PROGRAMS:
        programs = {}
        for path in sorted(folder.glob("*.woff2")) + sorted(folder.glob("*.ttf")):
            raw = truetype(path, cache, resaved_without_flavor)
            face = _face(TTFont(io.BytesIO(raw)))
            programs[face] = FontProgram(face, zlib.compress(raw, 9), len(raw))
        _PROGRAMS[folder] = programs
    return _PROGRAMS[folder]


def _font_dicts(resources: pikepdf.Dictionary, seen: set) -> list[tuple[pikepdf.Dictionary, pikepdf.Name]]:
    """(resource dictionary, name) of every Type0 font used, also inside form XObjects."""
    found = []
    if resources.objgen in seen and resources.objgen != (0, 0):
        return found
    seen.add(resources.objgen)
    fonts = resources.get("/Font")
    if isinstance(fonts, pikepdf.Dictionary):
        found += [(fonts, pikepdf.Name(key)) for key, font in fonts.items() if font.get("/Subtype") == "/Type0"]
    for xobject in (resources.get("/XObject") or {}).values():
        inner = xobject.get("/Resources") if isinstance(xobject, pikepdf.Stream) else None
        if isinstance(inner, pikepdf.Dictionary):
            found += _font_dicts(inner, seen)
    return found


def _program(font: pikepdf.Dictionary) -> pikepdf.Stream | None:
    descriptor = font.DescendantFonts[0].get("/FontDescriptor")
    return descriptor.get("/FontFile2") if descriptor is not None else None


def _subset_face(font: pikepdf.Dictionary) -> Face | None:
    program = _program(font)
    if program is None:
        return None
    try:
        return _face(TTFont(io.BytesIO(program.read_bytes())))
    except Exception:  # a font program fontTools cannot read is left as it is
        return None


def share_fonts(pdf: pikepdf.Pdf, folder: Path | None, cache: Path | None = None) -> int:
    """Replace the parts' subsets by one font per face where that saves bytes; returns how many."""
    if folder is None or not folder.is_dir():
        return 0
    programs = theme_fonts(folder, cache)
    seen: set = set()
    uses = [use for page in pdf.pages if "/Resources" in page.obj for use in _font_dicts(page.obj.Resources, seen)]
    by_face: dict[Face, list[tuple[pikepdf.Dictionary, pikepdf.Name]]] = {}
    faces: dict[tuple[int, int], Face | None] = {}
    by_name: dict[str, Face | None] = {}  # the subsets of one font share its name after the subset tag
    for holder, name in uses:
        font = holder[name]
        if font.objgen not in faces:
            untagged = str(font.get("/BaseFont", "")).split("+", 1)[-1]
            if not untagged:
                faces[font.objgen] = _subset_face(font)
            else:
                if untagged not in by_name:
                    by_name[untagged] = _subset_face(font)
                faces[font.objgen] = by_name[untagged]
        face = faces[font.objgen]
        if face in programs:
            by_face.setdefault(face, []).append((holder, name))
    shared = 0
    for face, face_uses in sorted(by_face.items()):
        subsets = list({holder[name].objgen: holder[name] for holder, name in face_uses}.values())
        if sum(len(_program(s).read_raw_bytes()) for s in subsets) <= len(programs[face].compressed):
            continue
        font = _union_font(pdf, subsets, programs[face])
        for holder, name in face_uses:
            holder[name] = font
        shared += 1
    return shared


def _union_font(pdf: pikepdf.Pdf, subsets: list[pikepdf.Dictionary], program: FontProgram) -> pikepdf.Dictionary:
    first = subsets[0]
    name = str(first.BaseFont).split("+", 1)[-1]  # no subset tag: the whole font is embedded
    stream = pikepdf.Stream(pdf, program.compressed)
    stream.Filter = pikepdf.Name.FlateDecode
    stream.Length1 = program.length
    descriptor = pikepdf.Dictionary({key: value for key, value in first.DescendantFonts[0].FontDescriptor.items()
                                     if key not in ("/FontFile2", "/CIDSet")})
    descriptor.FontName = pikepdf.Name("/" + name)
    descriptor.FontFile2 = pdf.make_indirect(stream)
    widths: dict[int, float] = {}
    mapping: dict[int, str] = {}
    for subset in subsets:
        for cid, width in cid_widths(subset).items():
            widths.setdefault(cid, width)
        for cid, text in cid_texts(subset).items():
            mapping.setdefault(cid, text)
    descendant = pikepdf.Dictionary({key: value for key, value in first.DescendantFonts[0].items()
                                     if key not in ("/FontDescriptor", "/W", "/BaseFont")})
    descendant.BaseFont = pikepdf.Name("/" + name)
    descendant.FontDescriptor = pdf.make_indirect(descriptor)
    descendant.W = _width_array(widths)
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0, BaseFont=pikepdf.Name("/" + name),
                              Encoding=first.Encoding, DescendantFonts=pikepdf.Array([pdf.make_indirect(descendant)]),
                              ToUnicode=pdf.make_indirect(pikepdf.Stream(pdf, _cmap(mapping))))
    return pdf.make_indirect(font)


def cid_widths(font: pikepdf.Dictionary) -> dict[int, float]:
    """A CID font's /W array: `c [w1 w2 ...]` and `c_first c_last w` runs."""
    items, widths, index = list(font.DescendantFonts[0].get("/W", [])), {}, 0
    while index < len(items):
        first = int(items[index])
        if isinstance(items[index + 1], pikepdf.Array):
            for offset, width in enumerate(items[index + 1]):
                widths[first + offset] = float(width)
            index += 2
        else:
            for cid in range(first, int(items[index + 1]) + 1):
                widths[cid] = float(items[index + 2])
            index += 3
    return widths


def _width_array(widths: dict[int, float]) -> pikepdf.Array:
    """Runs of consecutive glyph ids, each `first [w ...]`."""
    array, run_start, run = pikepdf.Array(), None, []
    for cid in sorted(widths):
        if run_start is not None and cid == run_start + len(run):
            run.append(widths[cid])
            continue
        if run_start is not None:
            array.extend([run_start, pikepdf.Array([_number(w) for w in run])])
        run_start, run = cid, [widths[cid]]
    if run_start is not None:
        array.extend([run_start, pikepdf.Array([_number(w) for w in run])])
    return array


def _number(width: float) -> int | float:
    return int(width) if width == int(width) else width


BFCHAR = re.compile(r"<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]+)>")


def cid_texts(font: pikepdf.Dictionary) -> dict[int, str]:
    """Glyph id -> its text, from the `bfchar` entries WeasyPrint writes (a ligature: several letters)."""
    if "/ToUnicode" not in font:
        return {}
    text = font.ToUnicode.read_bytes().decode("latin-1")
    found = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for cid, target in BFCHAR.findall(block):
            found[int(cid, 16)] = bytes.fromhex(target).decode("utf-16-be", errors="replace")
    return found


def _cmap(mapping: dict[int, str]) -> bytes:
    entries = [f"<{cid:04x}> <{text.encode('utf-16-be').hex()}>" for cid, text in sorted(mapping.items())]
    blocks = [entries[i:i + 100] for i in range(0, len(entries), 100)]  # at most 100 per block
    body = "".join(f"{len(block)} beginbfchar\n" + "\n".join(block) + "\nendbfchar\n" for block in blocks)
    return ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo\n<< /Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <ffff>\n"
            "endcodespacerange\n" + body +
            "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").encode("ascii")
