"""What every PDF is made of: the document to render, and Markdown turned into print HTML."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import markdown as md
from markupsafe import Markup

from generator.markup.reference_kinds import reference_markdown
from generator.markup.reference_parser import ENGINE_EXTENSIONS
from generator.markup.references import Reference, replace_references
from generator.markup.text import clean_html, shift_headings
from generator.model.handbook import Handbook


@dataclass
class PrintDoc:
    """One PDF to make: where it goes in the site, its title and its print HTML."""

    path: str            # relative to the docs tree, e.g. pdf/werkbladen/mijn-netwerkkaart.pdf
    title: str
    html: str
    members: tuple[str, ...] = field(default=())  # worksheet and step ids it contains
    description: str = ""
    fields: tuple[tuple[str, str], ...] = ()     # a fillable PDF: (field name, label) of each field


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
