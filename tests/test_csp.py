"""The CSP step finds exactly the inline scripts a browser would run."""
from __future__ import annotations

import base64
import hashlib

from generator.csp import inline_script_hashes, inline_scripts


def test_finds_executable_inline_scripts_only() -> None:
    page = ("<head><script>var a = 1;</script>"
            "<script src='x.js'></script>"
            "<script id=\"__config\" type=\"application/json\">{\"a\": 1}</script>"
            "<SCRIPT type='module'>import('./m.js')</SCRIPT>"
            "<script data-note=\"a > b\" type=text/javascript>b()</script >"
            "</head><body><!-- <script>hidden()</script> -->"
            "<scripts>not a script</scripts>"
            "<script>if (1 < 2) { c('<!-- not a comment') }</script></body>")
    assert inline_scripts(page) == ["var a = 1;", "import('./m.js')", "b()", "if (1 < 2) { c('<!-- not a comment') }"]


def test_script_text_ends_at_the_first_closing_tag() -> None:
    page = "<script>d('</scr' + 'ipt>')</script><p>tekst</p>"
    assert inline_scripts(page) == ["d('</scr' + 'ipt>')"]
    assert inline_scripts("<script>e()</script\n><script>f()</script/>") == ["e()", "f()"]


def test_hashes_are_sha256_of_the_exact_text() -> None:
    digest = base64.b64encode(hashlib.sha256("var a = 1;".encode()).digest()).decode()
    assert inline_script_hashes("<script>var a = 1;</script><script>var a = 1;</script>") == [f"'sha256-{digest}'"]


def test_a_script_in_the_content_area_gets_no_hash() -> None:
    theme = "<script>theme()</script>"
    page = f"<head>{theme}</head><body><article class='md-content__inner'><p>x</p><script>steal()</script></article>{theme}</body>"
    assert inline_script_hashes(page) == inline_script_hashes(theme)
