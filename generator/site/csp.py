"""The Content Security Policy: which inline scripts may run, decided from their known sources.

Only scripts we or the theme wrote may run inline: our early script (a file in the theme
overrides) and the theme's own inline blocks (its `partials/javascripts/*.html`), filled in for
every base URL a page can have. Their hashes are computed from those sources before the build,
never from what happens to be in the output. The policy is written into every page by the theme
template (`extra.csp`), so the site, the offline zip, the preview and every organisation's site
all carry it. After a build `verify_site` reads every page: an inline script that is not one of
the known ones is an error, wherever it sits.
"""
from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
EARLY_SCRIPT = "partials/nc-early.js"  # in the theme overrides; main.html includes it inline

# The HTML tokenizer's view of a page, as far as inline scripts go: a comment hides what is in
# it, and a script's text runs to the first </script>. One regex pass instead of a full parse,
# because every page carries the whole open menu and a parser made this step grow with n².
_COMMENT_OR_SCRIPT = re.compile(
    r"<!--.*?-->|<script(?=[\s/>])((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(.*?)</script[\s/>]", re.I | re.S)
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_THEME_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_JINJA_VALUE = re.compile(r"\{\{.*?\}\}")
_JINJA_OTHER = re.compile(r"\{[%#]")


def _executable(attributes: str) -> bool:
    values = {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or ""
              for m in _ATTRIBUTE.finditer(attributes)}
    return "src" not in values and html.unescape(values.get("type", "")).strip().lower() in EXECUTABLE_TYPES


def inline_scripts(page: str) -> list[str]:
    """The text of every inline script a browser would run, in page order."""
    return [m.group(2) for m in _COMMENT_OR_SCRIPT.finditer(page)
            if m.group(2) is not None and _executable(m.group(1))]


def script_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def base_urls(depth: int, site_path: str = "/") -> list[str]:
    """Every base URL the theme can give a page: '.', '..', '../..' ... and the site's own path."""
    return sorted({".", site_path or "/"} | {"/".join([".."] * n) for n in range(1, depth + 1)})


def theme_inline_scripts(values: list[str]) -> list[str]:
    """The theme's own inline scripts, each filled in with every base URL a page can have.

    A script whose template holds anything but a plain value (a condition, a loop) is left out:
    it cannot be known beforehand, so it will not be allowed."""
    scripts: set[str] = set()
    for partial in sorted((files("material") / "templates" / "partials" / "javascripts").iterdir(),
                          key=lambda p: p.name):
        for body in _THEME_SCRIPT.findall(partial.read_text(encoding="utf-8")):
            if _JINJA_OTHER.search(body):
                continue
            scripts |= {_JINJA_VALUE.sub(value, body) for value in values} if _JINJA_VALUE.search(body) else {body}
    return sorted(scripts)


def our_inline_scripts(overrides: Path) -> list[str]:
    """Our inline script as the theme's template engine includes it (one final newline dropped)."""
    text = (overrides / EARLY_SCRIPT).read_text(encoding="utf-8")
    return [text[:-1] if text.endswith("\n") else text]


@dataclass(frozen=True)
class KnownScripts:
    """The inline scripts allowed to run, and the policy that allows exactly those."""

    texts: frozenset[str]

    @classmethod
    def for_site(cls, overrides: Path, depth: int, site_path: str = "/") -> "KnownScripts":
        return cls(frozenset(our_inline_scripts(overrides) + theme_inline_scripts(base_urls(depth, site_path))))

    def policy(self) -> str:
        return policy(sorted(script_hash(text) for text in self.texts))

    def unknown_in(self, page: str) -> list[str]:
        return [text for text in inline_scripts(page) if text not in self.texts]


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


CSP_META = '<meta http-equiv="Content-Security-Policy"'


def verify_site(site: Path, known: KnownScripts) -> list[str]:
    """Every page carries the policy, and runs no inline script but the known ones (Dutch problems)."""
    problems = []
    for path in sorted(site.rglob("*.html")):
        page = path.read_text(encoding="utf-8")
        where = path.relative_to(site).as_posix()
        if "<head" in page and CSP_META not in page[:page.find("<title")]:
            problems.append(f"{where}: de pagina heeft geen beveiligingsbeleid (CSP) vóór de titel")
        for text in known.unknown_in(page):
            problems.append(f"{where}: onbekend script in de pagina, niet toegestaan: "
                            f"{' '.join(text.split())[:80]!r}")
    return problems
