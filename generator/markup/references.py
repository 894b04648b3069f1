"""The `[[kind:id|text]]` references authors write, and the safety rules for their Markdown.

References are found by Markdown's own parser (see reference_parser), so one in code is never one."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Callable, Iterator

from generator.markup.reference_parser import REFERENCE, references_in_prose
from generator.markup.text import md_escape

RAW_HTML = re.compile(r"<(?!(?:https?|mailto):)[A-Za-z!/?]")
INLINE_LINK = re.compile(r"\]\(\s*<?([^)>\s]*)")
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
IMAGE = re.compile(r"!\[[^\]]*\]\(")
ALLOWED_LINK = re.compile(r"^(?:https?://|mailto:|#)", re.IGNORECASE)
UNSAFE_SCHEME = re.compile(r"^(?:javascript|vbscript|data|file):")
INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
FENCE = re.compile(r"^(```|~~~)")
INLINE_CODE = re.compile(r"`[^`\n]*`")


@dataclass(frozen=True)
class Reference:
    kind: str
    target: str
    text: str | None
    line: int  # 1-based within the text
    col: int
    raw: str
    sentence_start: bool = True  # nothing but the start of a sentence or line before it


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _without_code(text: str) -> str:
    """Blank out code (fenced and inline) so nothing in it counts, keeping offsets."""
    out, in_fence = [], False
    for line in text.split("\n"):
        if FENCE.match(line.strip()):
            in_fence = not in_fence
            out.append(" " * len(line))
        elif in_fence:
            out.append(" " * len(line))
        else:
            out.append(INLINE_CODE.sub(lambda m: " " * len(m.group()), line))
    return "\n".join(out)


def _reference(text: str, match: re.Match[str]) -> Reference:
    line, col = _position(text, match.start())
    label = match.group(3)
    before = text[:match.start()].rstrip(" *_")
    return Reference(match.group(1), match.group(2).strip(), label.strip() if label else None,
                     line, col, match.group(), not before or before[-1] in ".!?:\n-|>(\"'")


def find_references(text: str) -> Iterator[Reference]:
    """Every reference Markdown reads as prose; none in code of any kind."""
    for match in references_in_prose(text):
        yield _reference(text, match)


MAX_NESTING = 12  # lists and quotes; the engine's Markdown parser recurses once per level
NESTING_PREFIX = re.compile(r"^((?:\s*>)*)(\s*)(?:[-*+]|\d+[.)])\s")
QUOTE_PREFIX = re.compile(r"^((?:\s*>)+)")


def nesting_depth(line: str) -> int:
    """How deep a line sits in lists and block quotes, as far as its prefix shows."""
    item = NESTING_PREFIX.match(line)
    if item:
        return item.group(1).count(">") + len(item.group(2).expandtabs(4)) // 2 + 1
    quote = QUOTE_PREFIX.match(line)
    return quote.group(1).count(">") if quote else 0


def _too_deep(plain: str, text: str) -> Iterator[tuple[int, int, str, str]]:
    for number, line in enumerate(plain.split("\n"), start=1):
        if nesting_depth(line) > MAX_NESTING:
            yield number, 1, "NC036", (f"lijsten of citaten zijn te diep genest (meer dan {MAX_NESTING} niveaus); "
                                       "verwacht: een eenvoudiger opbouw")
            return


def find_unsafe(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(line, col, code, message) for raw HTML, script links, file links, images and deep nesting."""
    plain = _without_code(text)
    yield from _too_deep(plain, text)
    for match in RAW_HTML.finditer(plain):
        line, col = _position(text, match.start())
        snippet = text[match.start():match.start() + 20].split("\n")[0]
        yield line, col, "NC030", (f"ruwe HTML is niet toegestaan ('{snippet}'); "
                                   "verwacht: gewone Markdown")
    images = list(IMAGE.finditer(plain))
    for match in images:
        line, col = _position(text, match.start())
        yield line, col, "NC032", ("afbeeldingen in de tekst zijn (nog) niet mogelijk, en een afbeelding van "
                                   "een andere server zou bezoekers volgen; verwacht: geen ![...](...)")
    image_links = {match.end() - 2 for match in images}  # where each image's "](" starts
    links = [m for m in INLINE_LINK.finditer(plain) if m.start() not in image_links]
    links += list(REFERENCE_DEFINITION.finditer(plain))
    for match in sorted(links, key=lambda m: m.start()):
        line, col = _position(text, match.start())
        url = match.group(1)
        if is_unsafe_url(url):
            yield line, col, "NC031", ("link met een script- of data-adres is niet toegestaan; "
                                       "verwacht: een http(s)-adres of een [[...]]-verwijzing")
        elif not ALLOWED_LINK.match(html.unescape(url).strip()):
            yield line, col, "NC033", (f"link naar '{url}' is geen webadres; verwacht: een http(s)- of "
                                       "mailto-adres, of een [[...]]-verwijzing naar een stap, pagina of begrip")


IN_PAGE_LINK = re.compile(r"\]\(\s*<?#([^)>\s]*)")


def in_page_anchors(text: str) -> Iterator[tuple[int, int, str]]:
    """(line, col, anchor) for every link to a place on the same page, outside code."""
    for match in IN_PAGE_LINK.finditer(_without_code(text)):
        line, col = _position(text, match.start())
        yield line, col, match.group(1)


def heading_id(title: str) -> str:
    """The id the engine gives a generated `## title` heading: asked of Python-Markdown itself, so
    a title with entities, quotes or markup gets the very id its page will carry."""
    return next(iter(heading_ids(f"## {md_escape(title)}")), "")


def heading_ids(text: str) -> set[str]:
    """The ids the engine gives this text's headings (Python-Markdown's toc, as mkdocs.yml sets it)."""
    import markdown
    converter = markdown.Markdown(extensions=["toc", "tables", "admonition"])
    converter.convert(REFERENCE.sub(lambda m: m.group(3) or m.group(2), text))
    stack, ids = list(converter.toc_tokens), set()  # type: ignore[attr-defined]
    while stack:
        token = stack.pop()
        ids.add(token["id"])
        stack += token["children"]
    return ids


def is_unsafe_url(url: str) -> bool:
    """As a browser reads it: entities decoded, tabs and newlines dropped, any case."""
    decoded = INVISIBLE.sub("", html.unescape(url)).lower()
    return bool(UNSAFE_SCHEME.match(decoded))


def replace_references(text: str, resolve: Callable[[Reference], str]) -> str:
    """Replace every reference outside code by what `resolve` returns for it."""
    pieces, last = [], 0
    for match in references_in_prose(text):
        pieces.append(text[last:match.start()])
        pieces.append(resolve(_reference(text, match)))
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)
