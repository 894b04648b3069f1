"""A Content Security Policy per page, computed after the build: no 'unsafe-inline' for scripts.

The theme writes two small inline scripts into every page; they are allowed by their SHA-256
hash. Any other inline script (for instance one smuggled in through content) is refused.
"""
from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser
from pathlib import Path

EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
HEAD = "<head>"


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            values = dict(attrs)
            self._inside = "src" not in values and (values.get("type") or "").lower() in EXECUTABLE_TYPES
            if self._inside:
                self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.scripts[-1] += data


def inline_script_hashes(html: str) -> list[str]:
    parser = _InlineScripts()
    parser.feed(html)
    return sorted({"'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"
                   for s in parser.scripts})


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
