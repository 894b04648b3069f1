"""What every PDF is made of: parts rendered once, placed in documents; Markdown as print HTML."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

import markdown as md
from markupsafe import Markup

from generator.markup.reference_kinds import reference_markdown
from generator.markup.reference_parser import ENGINE_EXTENSIONS
from generator.markup.references import Reference, replace_references
from generator.markup.text import clean_html, shift_headings
from generator.model.handbook import Handbook


@dataclass(frozen=True)
class Part:
    """One piece of print that is rendered once and cached: a worksheet, a step's explanation, a
    content page, the glossary, a pack's cover and contents. Its HTML is a whole document."""

    html: str
    fields: tuple[tuple[str, str], ...] = ()  # a fillable PDF: (field name, label) of each field


@dataclass(frozen=True)
class Section:
    """A part where a document places it."""

    part: Part
    right_page: bool = False   # starts on a right-hand (odd) page
    depth: int = 0             # its bookmarks nest this deep under the sections before it
    anchor: str = ""           # the id the contents page links to
    toc_title: str = ""        # its line on the contents page; empty: not listed
    toc_level: int = 1


class Front(Protocol):
    """A pack's cover and contents page: rendered once the page of every section is known."""

    def __call__(self, toc_pages: list[int]) -> Part: ...


@dataclass
class PrintDoc:
    """One PDF to make: where it goes in the site, its title and the parts it is composed of.

    A document of one part that carries its own page numbers (a fillable sheet, the card sheet) is
    that part's PDF as it is; every other one is composed from its parts and numbered afterwards."""

    path: str            # relative to the docs tree, e.g. pdf/werkbladen/mijn-netwerkkaart.pdf
    title: str
    sections: tuple[Section, ...]
    members: tuple[str, ...] = field(default=())  # worksheet and step ids it contains
    description: str = ""
    front: Front | None = None
    composed: bool = True

    @property
    def toc_sections(self) -> list[Section]:
        return [section for section in self.sections if section.toc_title]


def _label(hb: Handbook, ref: Reference) -> str:
    """References print as plain text: a PDF has no site to link to."""
    return reference_markdown(hb, ref, None)


def markdown_for_print(hb: Handbook, text: str, shift: int = 0) -> Markup:
    plain = replace_references(text, lambda ref: _label(hb, ref))
    html = md.markdown(shift_headings(plain, shift) if shift else plain, extensions=ENGINE_EXTENSIONS)
    return Markup(IN_PAGE_LINK.sub(r"\1", clean_html(html)))


# A link to a heading of the same page (`[zie](#kopje)`) points nowhere once the page is one part of
# a pack: its text stays, the link goes (the check makes sure the heading exists on the site).
IN_PAGE_LINK = re.compile(r'<a href="#[^"]*"[^>]*>(.*?)</a>', re.S)
