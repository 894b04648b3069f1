"""The Jinja environment for web HTML fragments (worksheet forms, quizzes, the route), from
templates in theme/web/, autoescaped like print. Python builds the data; the templates the markup.

Each fragment reaches the page through Markdown, which passes HTML through unchanged only as one
block without blank lines. So in these templates a line break and the indentation after it are
layout for the reader only and do not reach the output (an output line break is written as
`{{ "\\n" }}`); text from content is never touched by this.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from markupsafe import Markup

from generator.home import GENERATOR_HOME
from generator.markup.text import NOT_IN_SEARCH

# The generator's own; a build uses its project's theme/web (Project.theme_dir, as for print).
WEB_TEMPLATES = GENERATOR_HOME / "theme" / "web"
_FOLDER: ContextVar[Path] = ContextVar("web_templates", default=WEB_TEMPLATES)

_LAYOUT_BREAK = re.compile(r"\n[ \t]*")


class LayoutBreaks(Extension):
    """Drops the line breaks and indentation of a template's own text (not of its values)."""

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        for token in stream:
            if token.type == "data":
                token = Token(token.lineno, "data", _LAYOUT_BREAK.sub("", token.value))
            yield token


@lru_cache(maxsize=4)
def environment(folder: Path = WEB_TEMPLATES) -> Environment:
    # No trim_blocks or lstrip_blocks: LayoutBreaks already drops every break and indentation of
    # the template's text, and trim_blocks would leave the indentation after a tag behind.
    env = Environment(loader=FileSystemLoader(str(folder)), autoescape=True, undefined=StrictUndefined,
                      extensions=[LayoutBreaks])
    env.globals["NOT_IN_SEARCH"] = Markup(NOT_IN_SEARCH)  # the attribute the search index skips
    return env


@contextmanager
def templates_from(folder: Path) -> Iterator[None]:
    """Render from `folder` within this block (the page renderers do not carry the theme)."""
    token = _FOLDER.set(folder)
    try:
        yield
    finally:
        _FOLDER.reset(token)


def render(template: str, **context: object) -> str:
    """One fragment of web HTML; every value in `context` is escaped unless it is Markup."""
    html = environment(_FOLDER.get()).get_template(template).render(**context)
    return _TEXT_END.sub(r"\1 ", html)


# A space after an element that holds text when the next tag follows at once: the page looks the
# same (between these a space is layout-neutral or a word gap), and the search index, which joins
# text without looking at tags, reads "Naam Wie" instead of "NaamWie".
_TEXT_END = re.compile(r"(</(?:legend|label|caption|th|td|option|li|p|span|button|h[1-6])>)(?=<)")
