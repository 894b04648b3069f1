"""'pagina X van Y' on composed pages, in the print style, marked as pagination artifacts.

A part cannot know its page numbers: the same part is page 3 of a worksheet's PDF and page 97 of a
pack. So parts are rendered without them and the numbers are drawn after composing. To look exactly
as the print stylesheet says (font, size, colour, place), WeasyPrint renders one sample page with
the stylesheet's own footer box holding every character a page number needs; we read the font, the
size, the colour and the right edge of that text from the sample and set each page's number with it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pikepdf

from generator.print.shared_fonts import cid_texts, cid_widths

SAMPLE_TEXT = "pagina 0123456789 van"
# The sample document: print.css's footer box with the sample text, nothing else on the page.
SAMPLE_HTML = ('<!DOCTYPE html><html lang="nl"><head><title>Paginanummers</title><style>'
               '@page { @top-left { content: none; } @bottom-left { content: none; } '
               f'@bottom-right {{ content: "{SAMPLE_TEXT}"; }} }}</style></head><body></body></html>')
FONT_NAME = pikepdf.Name("/NcPageNumber")


def label(number: int, total: int) -> str:
    return f"pagina {number} van {total}"


class SampleError(ValueError):
    """The sample page does not look as this module expects (another WeasyPrint?)."""


@dataclass(frozen=True)
class _Matrix:
    a: float = 1
    b: float = 0
    c: float = 0
    d: float = 1
    e: float = 0
    f: float = 0

    def then(self, outer: "_Matrix") -> "_Matrix":
        """This matrix followed by `outer` (PDF's row-vector convention: self x outer)."""
        return _Matrix(self.a * outer.a + self.b * outer.c, self.a * outer.b + self.b * outer.d,
                       self.c * outer.a + self.d * outer.c, self.c * outer.b + self.d * outer.d,
                       self.e * outer.a + self.f * outer.c + outer.e, self.e * outer.b + self.f * outer.d + outer.f)

    def point(self, x: float, y: float) -> tuple[float, float]:
        return x * self.a + y * self.c + self.e, x * self.b + y * self.d + self.f


class PageNumbers:
    """Reads the sample once; stamps any number of composed PDFs."""

    def __init__(self, sample: Path) -> None:
        self.sample = pikepdf.open(sample)
        page = self.sample.pages[0]
        self.font = self._font(page)
        self.codes, self.widths = _unicode_to_cid(self.font), cid_widths(self.font)
        self.size, self.color, self.right, self.baseline = self._place(page)

    def _font(self, page: pikepdf.Page) -> pikepdf.Dictionary:
        fonts = list(page.Resources.get("/Font", {}).values())
        if len(fonts) != 1:
            raise SampleError(f"{len(fonts)} fonts on the sample page; expected 1")
        return fonts[0]

    def _place(self, page: pikepdf.Page) -> tuple[float, tuple[float, ...], float, float]:
        """Font size in points, fill colour, and where the sample text ends and stands."""
        stack, ctm, color, size, text_matrix = [], _Matrix(), (0.0, 0.0, 0.0), 0.0, _Matrix()
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op == "q":
                stack.append(ctm)
            elif op == "Q":
                ctm = stack.pop()
            elif op == "cm":
                ctm = _Matrix(*map(float, operands)).then(ctm)
            elif op == "rg":
                color = tuple(float(v) for v in operands)
            elif op == "Tm":
                text_matrix = _Matrix(*map(float, operands))
            elif op == "Tf":
                size = float(operands[1])
            elif op == "TJ":
                advance = self._advance(operands[0], size)
                device = text_matrix.then(ctm)
                (_, y0), (x1, _) = device.point(0, 0), device.point(advance, 0)
                return size * abs(device.a), color, x1, y0
        raise SampleError("no text on the sample page")

    def _advance(self, items: pikepdf.Array, size: float) -> float:
        """The width of a TJ array in text space: glyph widths less the kerning adjustments."""
        total = 0.0
        for item in items:
            if isinstance(item, (pikepdf.String, bytes)):
                data = bytes(item)
                total += sum(self.widths.get(int.from_bytes(data[i:i + 2], "big"), 0)
                             for i in range(0, len(data), 2)) * size / 1000
            else:
                total -= float(item) * size / 1000
        return total

    def _encoded(self, text: str) -> tuple[bytes, float]:
        """The text as two-byte glyph codes, and its width in points."""
        codes = [self.codes[char] for char in text]
        return b"".join(code.to_bytes(2, "big") for code in codes), \
            sum(self.widths.get(code, 0) for code in codes) * self.size / 1000

    def stamp(self, pdf: pikepdf.Pdf, page_indexes: list[int]) -> None:
        """Draw 'pagina X van Y' on the given pages (0-based), X counting every page."""
        total = len(pdf.pages)
        font = pdf.copy_foreign(self.font)
        for index in page_indexes:
            page = pdf.pages[index]
            data, width = self._encoded(label(index + 1, total))
            if "/Resources" not in page.obj:
                page.obj.Resources = pikepdf.Dictionary()
            if "/Font" not in page.obj.Resources:
                page.obj.Resources.Font = pikepdf.Dictionary()
            page.obj.Resources.Font[FONT_NAME] = font
            red, green, blue = self.color
            code = (f"q /Artifact <</Type /Pagination /Subtype /Footer>> BDC BT "
                    f"{red:.6f} {green:.6f} {blue:.6f} rg {FONT_NAME} {self.size:.4f} Tf "
                    f"1 0 0 1 {self.right - width:.4f} {self.baseline:.4f} Tm <{data.hex()}> Tj ET EMC Q\n")
            page.contents_add(pikepdf.Stream(pdf, b"q\n"), prepend=True)
            page.contents_add(pikepdf.Stream(pdf, b"Q\n" + code.encode("ascii")))


def _unicode_to_cid(font: pikepdf.Dictionary) -> dict[str, int]:
    found = {text: cid for cid, text in cid_texts(font).items() if len(text) == 1}
    missing = sorted(set(SAMPLE_TEXT) - set(found))
    if missing:
        raise SampleError(f"the sample font lacks {missing}")
    return found