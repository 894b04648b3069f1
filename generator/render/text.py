"""Small helpers for writing Markdown and HTML safely from plain content text."""
from __future__ import annotations

import html
import posixpath
import re

import markdown as md
import nh3

MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
ATX_HEADING = re.compile(r"^(#{1,6})(\s)")
FENCE = re.compile(r"^\s*(```|~~~)")
# The theme's search index skips an element with this attribute, and all inside it. Used for the
# options of a drop-down (noise in a search result) and for quiz answers and feedback (a search
# must not give the answers away).
NOT_IN_SEARCH = "data-search-exclude"
NUMBER_WORDS = {1: "één", 2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes", 7: "zeven",
                8: "acht", 9: "negen", 10: "tien", 11: "elf", 12: "twaalf"}


def md_escape(text: str) -> str:
    """Plain text that Markdown shows exactly as written."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def rel_link(from_page: str, to_page: str, anchor: str = "") -> str:
    """Relative link between two pages of the docs tree (what MkDocs checks in strict mode)."""
    link = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return f"{link}#{anchor}" if anchor else link


def shift_headings(markdown_text: str, levels: int = 1) -> str:
    """Demote ATX headings so author sections nest under a generated heading."""
    out, in_fence = [], False
    for line in markdown_text.split("\n"):
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            line = ATX_HEADING.sub(lambda m: "#" * min(6, len(m.group(1)) + levels) + m.group(2), line)
        out.append(line)
    return "\n".join(out)


def number_word(number: int) -> str:
    return NUMBER_WORDS.get(number, str(number))


def markdown_to_html(text: str) -> str:
    """Render a short Markdown field (instructions, feedback) to sanitised HTML."""
    rendered = md.markdown(text, extensions=["tables"], output_format="html")
    return nh3.clean(rendered)


def short_authors(authors: str) -> str:
    """'Goede, M. & Kwekkeboom, R.' -> 'Goede & Kwekkeboom'; three or more -> 'X e.a.'."""
    people = [p.strip() for p in re.split(r"\s*(?:&|;|\ben\b)\s*", authors) if p.strip()]
    surnames = [p.split(",")[0].strip() for p in people]
    if len(surnames) >= 3:
        return f"{surnames[0]} e.a."
    return " & ".join(surnames)


def count_questions(count: int) -> str:
    return f"{count} {'vraag' if count == 1 else 'vragen'}"
