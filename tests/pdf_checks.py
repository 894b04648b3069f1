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
