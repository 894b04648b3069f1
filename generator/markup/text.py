"""Small helpers for writing Markdown and HTML safely from plain content text."""
from __future__ import annotations

import html
import json
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


# Values the theme prints into its own templates (site name, menu titles, descriptions): some
# unescaped, some inside attributes, some through `striptags`, which decodes entities. So they
# reach the theme with no character that HTML could read as markup, as an entity or as the end
# of an attribute, whatever the theme does with them: look-alikes take their place.
_THEME_LOOKALIKES = str.maketrans({"<": "‹", ">": "›", '"': "”", "'": "’", "`": "‘"})
_ENTITY_START = re.compile(r"&(?=[#A-Za-z0-9])")


def theme_text(text: str) -> str:
    """Plain text that stays plain text in any slot of the theme's templates."""
    return _ENTITY_START.sub("\uff06", text).translate(_THEME_LOOKALIKES)


def json_for_script(data: object) -> str:
    """JSON to put inside a <script> element: no '<', '>' or '&' that could end or change it."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


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


# What sanitised Markdown may keep: no images (they would load from anywhere, or from local
# files in print), and links only to web and mail addresses. The check refuses the rest first;
# this holds even for a text that reached a renderer some other way.
SAFE_TAGS = nh3.ALLOWED_TAGS - {"img"}
SAFE_SCHEMES = {"http", "https", "mailto"}


def clean_html(rendered: str) -> str:
    return nh3.clean(rendered, tags=SAFE_TAGS, url_schemes=SAFE_SCHEMES)


def markdown_to_html(text: str) -> str:
    """Render a short Markdown field (instructions, feedback) to sanitised HTML."""
    return clean_html(md.markdown(text, extensions=["tables"], output_format="html"))


def short_authors(authors: str) -> str:
    """'Goede, M. & Kwekkeboom, R.' -> 'Goede & Kwekkeboom'; three or more -> 'X e.a.'."""
    people = [p.strip() for p in re.split(r"\s*(?:&|;|\ben\b)\s*", authors) if p.strip()]
    surnames = [p.split(",")[0].strip() for p in people]
    if len(surnames) >= 3:
        return f"{surnames[0]} e.a."
    return " & ".join(surnames)


def count_questions(count: int) -> str:
    return f"{count} {'vraag' if count == 1 else 'vragen'}"


def term_in_text(term: str, sentence_start: bool) -> str:
    """'Netwerkkaart' reads 'netwerkkaart' in the middle of a sentence; acronyms stay as they are."""
    if sentence_start or len(term) < 2 or not term[1].islower():
        return term
    return term[0].lower() + term[1:]
