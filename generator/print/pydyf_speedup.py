"""Memoise pydyf's page references: WeasyPrint asks for them once per structure element.

`pydyf.PDF.page_references` builds a tuple of every page's reference on each call. A tagged PDF
asks for it for every structure element, so the cost grows with pages x elements: about 1.3 s of
the trainer pack's 3.6 s write. Pages are only ever appended, so the tuple is rebuilt only when
the number of pages changed. The PDF bytes stay exactly the same (tests/test_pdf.py checks this).
"""
from __future__ import annotations

import pydyf

_ORIGINAL = pydyf.PDF.__dict__.get("page_references")


def _memoised_page_references(pdf: pydyf.PDF) -> tuple[bytes, ...]:
    count = len(pdf.pages["Kids"])
    cached = pdf.__dict__.get("_netwerkcoach_page_refs")
    if cached is None or cached[0] != count:
        cached = (count, _ORIGINAL.fget(pdf))
        pdf.__dict__["_netwerkcoach_page_refs"] = cached
    return cached[1]


def install() -> bool:
    """Swap in the memoised property; False (and no change) if pydyf no longer looks as expected."""
    if not isinstance(_ORIGINAL, property):
        return False
    pydyf.PDF.page_references = property(_memoised_page_references)
    return True


def uninstall() -> None:
    if isinstance(_ORIGINAL, property):
        pydyf.PDF.page_references = _ORIGINAL
