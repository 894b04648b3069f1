"""A Content Security Policy per page, computed after the build: no 'unsafe-inline' for scripts.

The theme writes a few small inline scripts into every page; they are allowed by their SHA-256
hash. An inline script inside the content area (`<article>`), for instance one smuggled in
through content past the sanitiser, gets no hash and is refused by the browser.
"""
from __future__ import annotations

import base64
import hashlib
import html
import re
from pathlib import Path

EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
HEAD = "<head>"


# The HTML tokenizer's view of a page, as far as inline scripts go: a comment hides what is in
# it, and a script's text runs to the first </script>. One regex pass instead of a full parse,
# because every page carries the whole open menu and a parser made this step grow with n².
_COMMENT_OR_SCRIPT = re.compile(
    r"<!--.*?-->|<script(?=[\s/>])((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(.*?)</script[\s/>]", re.I | re.S)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def _executable(attributes: str) -> bool:
    values = {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or ""
              for m in _ATTRIBUTE.finditer(attributes)}
    return "src" not in values and html.unescape(values.get("type", "")).strip().lower() in EXECUTABLE_TYPES


def inline_scripts(page: str) -> list[str]:
    """The text of every inline script a browser would run, in page order."""
    return [m.group(2) for m in _COMMENT_OR_SCRIPT.finditer(page)
            if m.group(2) is not None and _executable(m.group(1))]


def _outside_content(page: str) -> str:
    """The page without its content area: the theme's scripts are trusted, the content's never."""
    start, end = page.find("<article"), page.rfind("</article>")
    return page if start == -1 or end < start else page[:start] + page[end:]


def inline_script_hashes(page: str) -> list[str]:
    return sorted({"'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
                   for s in inline_scripts(_outside_content(page))})


def policy(hashes: list[str]) -> str:
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' " + " ".join(hashes),
        "style-src 'self' 'unsafe-inline'",   # the theme sets style attributes from its scripts
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ])


def add_csp(site: Path) -> int:
    """Put a CSP meta tag first in the head of every page; returns how many pages got one."""
    count = 0
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        if HEAD not in html or 'http-equiv="Content-Security-Policy"' in html:
            continue
        meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(inline_script_hashes(html))}">'
        path.write_text(html.replace(HEAD, HEAD + meta, 1), encoding="utf-8")
        count += 1
    return count
