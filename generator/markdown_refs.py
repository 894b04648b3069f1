"""The `[[kind:id|text]]` references authors write, and the safety rules for their Markdown."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

REFERENCE = re.compile(r"\[\[([a-z]+):([^\]|]*)(?:\|([^\]]*))?\]\]")
KINDS = ("stap", "fase", "pagina", "begrip", "werkblad", "bron")
RAW_HTML = re.compile(r"<(?!(?:https?|mailto):)[A-Za-z!/?]")
UNSAFE_LINK = re.compile(r"\]\(\s*<?\s*(?:javascript|vbscript|data):", re.IGNORECASE)
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


def find_references(text: str) -> Iterator[Reference]:
    for match in REFERENCE.finditer(_without_code(text)):
        line, col = _position(text, match.start())
        label = match.group(3)
        yield Reference(match.group(1), match.group(2).strip(), label.strip() if label else None,
                        line, col, match.group())


def find_unsafe(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(line, col, code, message) for raw HTML and script links in Markdown."""
    plain = _without_code(text)
    for match in RAW_HTML.finditer(plain):
        line, col = _position(text, match.start())
        snippet = text[match.start():match.start() + 20].split("\n")[0]
        yield line, col, "NC030", (f"ruwe HTML is niet toegestaan ('{snippet}'); "
                                   "verwacht: gewone Markdown")
    for match in UNSAFE_LINK.finditer(plain):
        line, col = _position(text, match.start())
        yield line, col, "NC031", ("link met een script- of data-adres is niet toegestaan; "
                                   "verwacht: een http(s)-adres of een [[...]]-verwijzing")


def replace_references(text: str, resolve: Callable[[Reference], str]) -> str:
    """Replace every reference outside code by what `resolve` returns for it."""
    plain = _without_code(text)
    pieces, last = [], 0
    for match in REFERENCE.finditer(plain):
        line, col = _position(text, match.start())
        label = match.group(3)
        ref = Reference(match.group(1), match.group(2).strip(),
                        label.strip() if label else None, line, col, match.group())
        pieces.append(text[last:match.start()])
        pieces.append(resolve(ref))
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)
