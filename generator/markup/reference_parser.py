"""Which `[[kind:id]]` references Markdown reads as prose, found by Python-Markdown itself.

Every match of the reference syntax gets a mark (its index) just before it; Python-Markdown parses
the marked text with the block syntax the engine reads, and an inline pattern notes each mark it
meets. Code (indented, fenced with three or more backticks or tildes, inline) is never
inline-processed, so a reference in code is never met. Offsets stay those of the author's text:
the marks live only in the copy that is parsed.
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

REFERENCE = re.compile(r"\[\[([a-z]+):([^\]|]*)(?:\|([^\]]*))?\]\]")
# What the engine reads besides plain Markdown (MkDocs adds fenced_code and tables by itself;
# admonition comes from mkdocs.yml). The print renderer parses with the same list.
ENGINE_EXTENSIONS = ["tables", "admonition", "fenced_code"]
_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use characters: no author means them as text
_MARK = re.compile(f"{_OPEN}(\\d+){_CLOSE}")


class _MarkPattern(InlineProcessor):
    """Notes a mark in inline text and leaves the text as it is."""

    def __init__(self, seen: set[int]) -> None:
        super().__init__(_MARK.pattern)
        self.seen = seen

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[Element | str | None, int, int]:  # type: ignore[override]
        self.seen.add(int(m.group(1)))
        return None, m.start(0), m.end(0)


class ReferenceMarks(Extension):
    """The extension: after inline code has been set aside (priority 190), before anything else."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: set[int] = set()

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.inlinePatterns.register(_MarkPattern(self.seen), "netwerkcoach_reference_mark", 185)


_local = threading.local()  # a Markdown instance is not thread-safe; building one is not free


def _parser() -> tuple[markdown.Markdown, ReferenceMarks]:
    if not hasattr(_local, "parser"):
        marks = ReferenceMarks()
        _local.parser = (markdown.Markdown(extensions=[*ENGINE_EXTENSIONS, marks]), marks)
    return _local.parser


def _marked(text: str, matches: list[re.Match[str]]) -> str:
    pieces, last = [], 0
    for index, match in enumerate(matches):
        pieces += [text[last:match.start()], f"{_OPEN}{index}{_CLOSE}"]
        last = match.start()
    pieces.append(text[last:])
    return "".join(pieces)


@lru_cache(maxsize=4096)  # the checker and both renderers ask about the same texts
def references_in_prose(text: str) -> tuple[re.Match[str], ...]:
    """The matches of REFERENCE in `text` that Markdown reads as prose, in order."""
    matches = list(REFERENCE.finditer(text))
    if not matches:
        return ()
    parser, marks = _parser()
    marks.seen.clear()
    parser.reset()
    parser.convert(_marked(text.replace(_OPEN, " "), matches))
    return tuple(match for index, match in enumerate(matches) if index in marks.seen)
