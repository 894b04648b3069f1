"""Structural checks of a PDF, shared by the PDF tests."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pikepdf

A4 = (595.28, 841.89)


def page_texts(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return out.stdout.split("\f")[:-1]


def fonts(pdf: pikepdf.Pdf) -> list[tuple[str, bool]]:
    """(font name, embedded?) for every font used on any page."""
    found = {}
    for page in pdf.pages:
        resources = page.obj.get("/Resources", {})
        for _, font in resources.get("/Font", {}).items():
            descendants = font.get("/DescendantFonts")
            target = descendants[0] if descendants else font
            descriptor = target.get("/FontDescriptor", {})
            embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.get("/BaseFont"))] = embedded
    return sorted(found.items())


def outline_titles(pdf: pikepdf.Pdf) -> list[str]:
    titles = []
    with pdf.open_outline() as outline:
        stack = list(outline.root)
        while stack:
            item = stack.pop(0)
            titles.append(item.title)
            stack[0:0] = list(item.children)
    return titles


def assert_good_pdf(path: Path, title: str | None = None) -> pikepdf.Pdf:
    pdf = pikepdf.open(path)
    assert pdf.pages, path
    for page in pdf.pages:
        box = [float(v) for v in page.mediabox]
        assert abs(box[2] - A4[0]) < 1 and abs(box[3] - A4[1]) < 1, (path, box)
    assert all(embedded for _, embedded in fonts(pdf)), (path, fonts(pdf))
    # The text is set in the print font: proof that print.css reached WeasyPrint (the print HTML
    # does not link it; the renderer hands it over).
    assert any("Atkinson-Hyperlegible" in name for name, _ in fonts(pdf)), (path, fonts(pdf))
    assert str(pdf.Root.get("/Lang")) == "nl", path
    assert "/StructTreeRoot" in pdf.Root, f"{path} is not tagged"
    assert pdf.Root.MarkInfo.Marked, path
    if title is not None:
        assert str(pdf.docinfo.get("/Title")) == title
    return pdf


def pdfua_findings(paths: list[Path]) -> str:
    """The independent PDF/UA-1 checker (PyPI `pdfua`) on every file: empty when all are clean."""
    import shutil
    import sys
    checker = shutil.which("pdfua", path=str(Path(sys.executable).parent)) or "pdfua"
    result = subprocess.run([checker, "check", "--quiet", *map(str, paths)], capture_output=True, text=True)
    assert result.returncode in (0, 1, 2, 3), result.stderr  # 4, 5: unreadable PDF or bad call
    return "" if result.returncode == 0 else result.stdout


def _multiply(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, ...]:
    """m then n, as PDF matrices [a b c d e f] combine (m × n)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def text_runs(page: pikepdf.Page) -> list[dict[str, float]]:
    """Every text-showing operator on a page: where it starts (PDF points, origin bottom left), its
    font size in points and its direction (the x axis of its text space: 1 upright, -1 upside down).

    A small interpreter of the graphics state (q, Q, cm, BT, Tm, Td, TD, T*, Tf): enough for the text
    WeasyPrint writes, which moves by Tm and Td."""
    ctm, stack = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), []
    tm = line = ctm
    size, leading, runs = 0.0, 0.0, []
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        values = [float(v) for v in operands] if op in ("cm", "Tm", "Td", "TD", "TL") else []
        if op == "q":
            stack.append(ctm)
        elif op == "Q":
            ctm = stack.pop()
        elif op == "cm":
            ctm = _multiply(tuple(values), ctm)
        elif op == "BT":
            tm = line = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        elif op == "Tm":
            tm = line = tuple(values)
        elif op in ("Td", "TD"):
            tm = line = _multiply((1.0, 0.0, 0.0, 1.0, values[0], values[1]), line)
            leading = -values[1] if op == "TD" else leading
        elif op == "TL":
            leading = values[0]
        elif op == "T*":
            tm = line = _multiply((1.0, 0.0, 0.0, 1.0, 0.0, -leading), line)
        elif op == "Tf":
            size = float(operands[1])
        elif op in ("Tj", "TJ", "'", '"'):
            a, b, c, d, e, f = _multiply(tm, ctm)
            runs.append({"x": e, "y": f, "size": size * abs(a * d - b * c) ** 0.5,
                         "direction": 1.0 if a > 0 else -1.0})
    return runs


def words_with_boxes(path: Path, page: int = 1) -> list[dict[str, object]]:
    """The words of one page as poppler reads them (its reading order), with their boxes in points
    from the top left: text, x0, y0, x1, y1."""
    import xml.etree.ElementTree as ET
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
                         capture_output=True, text=True, check=True)
    root = ET.fromstring(out.stdout)
    return [{"text": word.text or "", **{k: float(word.get(v)) for k, v in
                                          (("x0", "xMin"), ("y0", "yMin"), ("x1", "xMax"), ("y1", "yMax"))}}
            for word in root.iter("{http://www.w3.org/1999/xhtml}word")]
