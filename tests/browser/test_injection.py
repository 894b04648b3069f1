"""HTML/JS injection through content: every payload is refused by the check or inert in the site."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_fixture, run_cli

pytestmark = pytest.mark.browser
UITLEG = "content/steps/01-eerste-stap/uitleg.md"
STEP = "content/steps/01-eerste-stap/step.yml"
SHEET = "worksheets/eerste-blad.yml"
QUIZ = "content/quizzes/stap-01.yml"
GLOSSARY = "content/glossary.yml"
HANDBOOK = "content/handbook.yml"
X = "window.__xss=1"

# (file, text to replace, payload, expected: 'refused' with a code, or 'inert')
PAYLOADS = [
    (UITLEG, "Je leert", f"<script>{X}</script> Je leert", "NC030"),
    (UITLEG, "Je leert", f"<img src=x onerror={X}> Je leert", "NC030"),
    (UITLEG, "Je leert", f"<svg onload={X}> Je leert", "NC030"),
    (UITLEG, "Je leert", f"<a href='javascript:{X}'>a</a> Je leert", "NC030"),
    (UITLEG, "Je leert", f"<!-- x --><script>{X}</script> Je leert", "NC030"),
    (UITLEG, "Je leert", f"<javascript:{X}> Je leert", "NC030"),
    (UITLEG, "Je leert", f"[klik](javascript:{X}) Je leert", "NC031"),
    (UITLEG, "Je leert", f"[klik](JaVaScRiPt:{X}) Je leert", "NC031"),
    (UITLEG, "Je leert", f"[klik]( javascript:{X}) Je leert", "NC031"),
    (UITLEG, "Je leert", f"[klik](jav&#x09;ascript:{X}) Je leert", "NC031"),
    (UITLEG, "Je leert", f"[klik](vbscript:{X}) Je leert", "NC031"),
    (UITLEG, "Je leert", "[klik](data:text/html;base64,PHNjcmlwdD4=) Je leert", "NC031"),
    (UITLEG, "## Werkblad", f"[klik][boos]\n\n[boos]: javascript:{X}\n\n## Werkblad", "NC031"),
    (UITLEG, "Je leert", f"[[begrip:wie-vraag|<img src=x onerror={X}>]] Je leert", "NC030"),
    (STEP, 'title: "Eerste stap"', f'title: "<img src=x onerror={X}>"', "NC030"),
    (SHEET, 'label: "Wat wil je graag?"', 'label: "<script>window.__xss=1</script>"', "NC030"),
    (QUIZ, 'feedback: "Goed: je maakt de rol duidelijk."', f'feedback: "<img src=x onerror={X}>"', "NC030"),
    (GLOSSARY, 'definition: "De vraag', f'definition: "</dd><script>{X}</script> De vraag', "NC030"),
    (HANDBOOK, "Dit handboek heeft", f"<iframe src=javascript:{X}></iframe> Dit handboek heeft", "NC030"),
    # accepted, and must stay inert text in the built site
    (UITLEG, "Je leert", f"&lt;script&gt;{X}&lt;/script&gt; Je leert", "inert"),
    (UITLEG, "Je leert", f"`<script>{X}</script>` Je leert", "inert"),
    (UITLEG, "Je leert", f'![x](x" onerror="{X}) Je leert', "NC032"),
    (UITLEG, "Je leert", "![pixel](https://tracker.example/p.png) Je leert", "NC032"),
    (UITLEG, "Je leert", f"[klik](../../{X}.html) Je leert", "NC033"),
    (UITLEG, "Je leert", f'[x](https://example.org "t" onmouseover="{X}") Je leert', "inert"),
    (UITLEG, "Je leert", f'{{: onclick="{X}"}} Je leert', "inert"),
    (STEP, 'title: "Eerste stap"', f'title: "Eerste \\" onmouseover=\\"{X}"', "inert"),
    (SHEET, 'label: "Wat wil je graag?"', f'label: "\\" autofocus onfocus=\\"{X}"', "inert"),
    (GLOSSARY, 'term: "WIE-vraag"', f'term: "WIE\\" onmouseover=\\"{X}"', "inert"),
    # a worksheet instruction is Markdown too: the same link rules as a Markdown file
    (SHEET, 'text: "Lees de vraag. Schrijf je antwoord op."', f'text: "[klik](javascript:{X}) Lees de vraag."', "NC031"),
    (QUIZ, 'prompt: "Wat doe je?"', f'prompt: "Wat doe je? {{{{ 7*7 }}}} ${{{X}}}"', "inert"),
]


def apply(project: Path, file: str, old: str, new: str) -> None:
    path = project / file
    text = path.read_text(encoding="utf-8")
    assert old in text, (file, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_enough_payloads() -> None:
    assert len(PAYLOADS) >= 25


@pytest.mark.parametrize("file,old,payload,expected", [p for p in PAYLOADS if p[3] != "inert"])
def test_payload_is_refused(tmp_path: Path, file: str, old: str, payload: str, expected: str) -> None:
    project = copy_fixture("minimal", tmp_path / "project")
    apply(project, file, old, payload)
    result = run_cli("check", "--root", str(project))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f" {expected} " in result.stdout, result.stdout


@pytest.fixture(scope="module")
def inert_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_fixture("minimal", tmp_path_factory.mktemp("inert") / "project")
    for file, old, payload, expected in PAYLOADS:
        if expected == "inert":
            apply(project, file, old, payload)
    result = run_cli("build", "--root", str(project), "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def test_accepted_payloads_do_not_execute(browser, inert_site: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for html in sorted(inert_site.rglob("*.html")):
        page.goto(html.as_uri())
        for link in page.locator("a[href], [onmouseover], [onfocus], img").all()[:80]:
            try:
                link.hover(timeout=300)
            except Exception:
                pass  # hidden elements cannot be hovered
        assert page.evaluate("window.__xss") is None, html
        attributes = page.evaluate("[...document.querySelectorAll('*')].flatMap(e => [...e.attributes]"
                                   ".filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))")
        assert attributes == [], (html, attributes)
        hrefs = page.evaluate("[...document.querySelectorAll('[href],[src]')].map(e => e.getAttribute('href') || e.getAttribute('src'))")
        assert not [h for h in hrefs if h.strip().lower().startswith(("javascript:", "vbscript:"))], html
    context.close()
    assert dialogs == []
