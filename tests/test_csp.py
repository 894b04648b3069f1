"""The CSP: inline scripts found as a browser would, allowed only when their source is known."""
from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from conftest import ROOT

from generator.site.csp import (
    KnownScripts,
    base_urls,
    inline_scripts,
    script_hash,
    theme_inline_scripts,
    verify_site,
)

OVERRIDES = ROOT / "theme" / "overrides"


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
    assert script_hash("var a = 1;") == f"'sha256-{digest}'"


def test_theme_scripts_are_filled_in_for_every_base_url() -> None:
    assert sorted(base_urls(2)) == sorted(["..", "../..", ".", "/"])
    scripts = theme_inline_scripts(base_urls(2))
    assert any('new URL("../..",location)' in s for s in scripts)
    assert not any("{{" in s or "{%" in s for s in scripts)


def _page(*scripts: str) -> str:
    policy = '<meta http-equiv="Content-Security-Policy" content="x">'
    return f"<html><head>{policy}<title>t</title>" + "".join(f"<script>{s}</script>" for s in scripts) + "</head></html>"


def test_known_scripts_pass_and_an_unknown_one_anywhere_is_refused(tmp_path: Path) -> None:
    known = KnownScripts.for_site(OVERRIDES, depth=1)
    theme_script = next(s for s in theme_inline_scripts(base_urls(1)) if 'new URL("..",location)' in s)
    (tmp_path / "good.html").write_text(_page(theme_script), encoding="utf-8")
    assert verify_site(tmp_path, known) == []
    # an injected script is refused in the head, in the content, or posing as a theme script
    (tmp_path / "head.html").write_text(_page(theme_script, "steal()"), encoding="utf-8")
    (tmp_path / "body.html").write_text(_page() + "<article><script>steal()</script></article>", encoding="utf-8")
    (tmp_path / "altered.html").write_text(_page(theme_script.replace("..", "https://evil.example")),
                                           encoding="utf-8")
    problems = verify_site(tmp_path, known)
    assert [p.split(":")[0] for p in problems] == ["altered.html", "body.html", "head.html"]
    assert all("onbekend script" in p for p in problems)


def test_a_page_without_the_policy_before_its_title_is_refused(tmp_path: Path) -> None:
    (tmp_path / "late.html").write_text("<html><head><title>t</title><meta http-equiv=\"Content-Security-Policy\""
                                        " content=\"x\"></head></html>", encoding="utf-8")
    assert "geen beveiligingsbeleid" in verify_site(tmp_path, KnownScripts.for_site(OVERRIDES, 0))[0]


def test_the_policy_allows_exactly_the_known_scripts() -> None:
    known = KnownScripts.for_site(OVERRIDES, depth=1)
    policy = known.policy()
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert all(script_hash(text) in policy for text in known.texts)
    assert script_hash("steal()") not in policy
