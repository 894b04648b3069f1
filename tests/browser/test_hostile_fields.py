"""Content can never become code: EVERY string field of EVERY content type, set to a hostile
payload, is either refused by the check (exit 1, a located NCxxx diagnostic, no traceback) or
accepted and inert in the built site, in every template slot (site name, page and nav titles,
descriptions, attributes, JSON in scripts), in the search and in the offline zip.

The fields are not hand-picked: every YAML file of the minimal fixture and the front matter of
every Markdown file is walked with ruamel.yaml round-trip, and every scalar string is a field.
Ids, slugs, enums, colours and dates are validated formats: a payload there must be refused.
The browser checks look at the DOM (event-handler attributes, injected elements, meta refresh,
scripts), not only at execution, so they do not lean on the site's Content Security Policy."""
from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import urlparse

import pytest
from conftest import FIXTURES, ROOT, copy_fixture, run_cli
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import ScalarString

from tests.browser.conftest import serve_folder

pytestmark = pytest.mark.browser

FIXTURE = FIXTURES / "minimal"
X = "window.__xss=1"

# Payloads that may be accepted (then inert) or refused per field (then cleanly): one build
# each, every text field at once. name -> (payload, a word of the payload to search for).
# Values with a space stay short: the menu titles go into the generated mkdocs.yml, and a long
# one with a space breaks it (test_long_menu_title_is_refused_or_builds pins that on its own).
ACCEPTED_VARIANTS = {
    # entity-encoded tags: a slot that decodes entities (the theme's `striptags`) makes them markup
    "entities": (f"&lt;/title&gt;&lt;script&gt;{X}&lt;/script&gt;&lt;/script&gt;&lt;script&gt;{X}&lt;/script&gt;",
                 "lt"),
    "entities-markup": (f"&lt;/title&gt;&lt;svg/onload={X}&gt;"
                        '&lt;meta/http-equiv="refresh"/content="0;url=https://evil.example/"&gt;', "lt"),
    "double-quote": (f'x" onmouseover="{X}" data-x="', "onmouseover"),
    "single-quote": (f"x' onmouseover='{X}' data-x='", "onmouseover"),
    "autofocus": (f'" autofocus onfocus="{X}', "autofocus"),
    "meta-refresh": ('" http-equiv="refresh" content="0;url=//evil.example/', "content"),
}
# Raw markup: every text field must refuse it with NC030.
REFUSED_VARIANTS = {
    "raw-img": f"<img src=x onerror={X}>",
    "raw-script": f"</script><script>{X}</script>",
}
FORMAT_PAYLOAD = f'x" onmouseover="{X}" data-x="'   # for ids, slugs, enums, colours, dates

FORMAT_KEYS = {"id", "slug", "step", "phase", "section", "type", "primary", "accent", "logo", "date",
               "version", "show", "correct", "to_grow", "audiences", "audience", "parts",
               "extra_pages", "letters", "questions", "worksheets", "quiz",
               "file", "values", "facets", "earlier_storage_prefix", "question_kind"}
# Free text even when a value happens to look like a slug ("netwerkcoach", "droomvraag").
TEXT_KEYS = {"label", "learner", "client", "client_plural", "name", "certificate"}
SLUGLIKE = re.compile(r"^[a-z0-9-]+$")
DIAGNOSTIC = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): (?P<code>NC\d{3}) \S")

# The content types the issue names; every one present in the fixture must be walked.
EXPECTED_FILES = ["content/handbook.yml", "content/method.yml", "content/phases/01-begin.yml",
                  "content/steps/01-eerste-stap/step.yml", "content/glossary.yml",
                  "content/literature.yml", "content/competences.yml", "content/quizzes/stap-01.yml",
                  "worksheets/eerste-blad.yml", "site_config/default.yml", "content/pages/luisteren.md"]


# --------------------------------------------------------------------------- the fields

def new_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def read_doc(path: Path) -> tuple[object, str | None]:
    """The YAML data of a file, and for Markdown the body after the front matter."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        if not text.startswith("---\n"):
            return None, text
        end = text.index("\n---\n", 3)
        return new_yaml().load(text[4:end + 1]), text[end + 5:]
    return new_yaml().load(text), None


def write_doc(path: Path, data: object, body: str | None) -> None:
    buffer = io.StringIO()
    new_yaml().dump(data, buffer)
    text = buffer.getvalue()
    path.write_text(text if body is None else "---\n" + text + "---\n" + body, encoding="utf-8")


def source_files(root: Path) -> list[str]:
    files = [p for folder in ("content", "worksheets", "site_config") for p in (root / folder).rglob("*.yml")]
    files += [p for p in (root / "content").rglob("*.md") if p.read_text(encoding="utf-8").startswith("---\n")]
    return sorted(p.relative_to(root).as_posix() for p in files)


@dataclass(frozen=True)
class Field:
    file: str
    path: tuple
    value: str

    @property
    def key(self) -> str:
        return next((k for k in reversed(self.path) if isinstance(k, str)), "")

    @property
    def label(self) -> str:
        return f"{self.file}:{'.'.join(str(k) for k in self.path)}"

    @property
    def is_format(self) -> bool:
        if self.key in TEXT_KEYS:
            return False
        return self.key in FORMAT_KEYS or bool(SLUGLIKE.match(self.value))


def walk(node: object, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(node, CommentedMap):
        for key, value in node.items():
            yield from walk(value, path + (key,))
    elif isinstance(node, CommentedSeq):
        for index, value in enumerate(node):
            yield from walk(value, path + (index,))
    elif isinstance(node, str):
        yield path, str(node)


def collect_fields(root: Path) -> list[Field]:
    fields = []
    for file in source_files(root):
        data, _body = read_doc(root / file)
        fields += [Field(file, path, value) for path, value in walk(data)]
    return fields


ALL_FIELDS = collect_fields(FIXTURE)
TEXT_FIELDS = [f for f in ALL_FIELDS if not f.is_format]
FORMAT_FIELDS = [f for f in ALL_FIELDS if f.is_format]


def value_for(payload: str, field: Field) -> str:
    """The payload and a per-field tag (no space: see ACCEPTED_VARIANTS), so equal titles never
    collide and a hit can be traced to its field."""
    return f"{payload}f{TEXT_FIELDS.index(field) if field in TEXT_FIELDS else 99:02d}"


def apply(project: Path, values: dict[Field, str]) -> None:
    by_file: dict[str, list[Field]] = {}
    for field in values:
        by_file.setdefault(field.file, []).append(field)
    for file, fields in by_file.items():
        data, body = read_doc(project / file)
        for field in fields:
            node = data
            for key in field.path[:-1]:
                node = node[key]
            old = node[field.path[-1]]
            new = values[field]
            node[field.path[-1]] = type(old)(new) if isinstance(old, ScalarString) else new
        write_doc(project / file, data, body)


def field_lines(project: Path, field: Field) -> set[int]:
    """1-based lines where a diagnostic about this field may point (its key, its value)."""
    data, body = read_doc(project / field.file)
    offset = 2 if body is not None else 1  # the front matter starts after '---'
    lines, node = set(), data
    for depth, key in enumerate(field.path):
        last = depth == len(field.path) - 1
        holds_list = depth == len(field.path) - 2 and isinstance(node, CommentedMap) \
            and isinstance(node[key], CommentedSeq)
        if isinstance(node, CommentedMap) and (last or holds_list):
            lines.add(node.lc.key(key)[0] + offset)
            lines.add(node.lc.value(key)[0] + offset)
        elif isinstance(node, CommentedSeq) and last:
            lines.add(node.lc.item(key)[0] + offset)
        node = node[key]
    return lines


# --------------------------------------------------------------------------- running the check

CHECK_WORKER = r"""
import contextlib, io, json, sys, traceback
from generator.cli import main
results = []
for root in json.load(sys.stdin):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = main(["check", "--root", root])
        except SystemExit as stop:
            rc = stop.code if isinstance(stop.code, int) else 1
        except BaseException:
            traceback.print_exc()
            rc = "crash"
    results.append({"rc": rc, "out": out.getvalue(), "err": err.getvalue()})
json.dump(results, sys.stdout)
"""


def check_many(roots: list[Path]) -> list[dict]:
    """`check` on many projects: the CLI's own main() (what `python -m generator` runs), in two
    worker processes that import the generator once, so a hundred checks take seconds."""
    workers = 2 if len(roots) > 8 else 1  # a worker's start (importing the generator) costs ~1 s
    chunks = [roots[i::workers] for i in range(workers)]

    def run(chunk: list[Path]) -> list[dict]:
        if not chunk:
            return []
        done = subprocess.run([sys.executable, "-c", CHECK_WORKER], input=json.dumps([str(r) for r in chunk]),
                              capture_output=True, text=True, cwd=ROOT, timeout=300)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    with ThreadPoolExecutor(2) as pool:
        parts = list(pool.map(run, chunks))
    results: list[dict] = [{}] * len(roots)
    for i, part in enumerate(parts):
        for j, result in enumerate(part):
            results[i + workers * j] = result
    return results


def refusal_problem(result: dict, project: Path, field: Field, code: str | None = None) -> str | None:
    """None when the check refused this field properly: exit 1, no traceback, an NCxxx
    diagnostic located at the field's file and line (with the expected code, if given)."""
    output = result["out"] + result["err"]
    if "Traceback" in output or result["rc"] == "crash":
        return f"traceback:\n{output[-2000:]}"
    if result["rc"] != 1:
        return f"exit code {result['rc']}, expected 1:\n{output[-1000:]}"
    lines = field_lines(project, field)
    found = [m for m in map(DIAGNOSTIC.match, result["out"].splitlines()) if m]
    if not found:
        return f"no 'path:line:col: NCxxx' diagnostic:\n{output[-1000:]}"
    here = [m for m in found if m["file"] == field.file and int(m["line"]) in lines
            and (code is None or m["code"] == code)]
    if not here:
        return (f"no {code or 'NCxxx'} diagnostic at {field.file} line {sorted(lines)}:\n"
                + "\n".join(m.group(0) for m in found))
    return None


# --------------------------------------------------------------------------- the page checker

HOVER = "a[href], [title]"
FOCUSABLE = ("a[href], button, input, select, textarea, summary, iframe, [tabindex], "
             "[contenteditable], [autofocus]")
COUNTED = {  # compared with the unmodified fixture's page: a payload must not add any of these
    "script": "script",
    "meta": "meta",
    "meta[http-equiv]": "meta[http-equiv]",
    "title": "title",
    "head > title": "head > title",
    "base": "base",
    "link": "link",
    "style": "style",
    "img": "img",
    "svg": "svg",
    "frames/objects": "iframe, frame, frameset, object, embed, applet",
    "form": "form",
    "form controls": "input, select, textarea, button",
    "[autofocus]": "[autofocus]",
    "[srcdoc]": "[srcdoc]",
    "[formaction]": "[formaction]",
    "[http-equiv]": "[http-equiv]",
    "[data-x]": "[data-x]",
}

POSITIONS_JS = """([selector, done]) => {
  const seen = new Set(done), out = [];
  document.querySelectorAll(selector).forEach((e, i) => {
    if (seen.has(i)) return;
    const r = e.getBoundingClientRect();
    if (!r.width || !r.height) return;
    const x = r.x + r.width / 2, y = r.y + r.height / 2;
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return;
    if (getComputedStyle(e).visibility === 'hidden') return;
    out.push([i, x, y]);
  });
  return out;
}"""

EVENTS_JS = """(focusable) => {
  // synthetic events on every element (inline handlers fire on these when no CSP stops them),
  // then real focus on everything focusable
  for (const e of document.querySelectorAll('body *')) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'focusin'])
      e.dispatchEvent(new Event(type, {bubbles: false}));
  }
  for (const e of document.querySelectorAll(focusable)) {
    try { e.focus({preventScroll: true}); } catch (error) {}
  }
  if (document.activeElement) document.activeElement.blur();
}"""

PROBE_JS = """(counted) => {
  const opening = e => '<' + e.tagName.toLowerCase() +
    [...e.attributes].map(a => ' ' + a.name + '="' + a.value + '"').join('') + '>';
  const cut = s => s.length > 400 ? s.slice(0, 400) + '...' : s;
  const problems = [];
  if (typeof window.__xss !== 'undefined') problems.push('window.__xss is set to ' + String(window.__xss));
  for (const e of document.querySelectorAll('*')) {
    for (const a of e.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on')) problems.push('event-handler attribute ' + name + ': ' + cut(opening(e)));
      else if (!/^[a-z_][a-z0-9_.:-]*$/.test(name) || name === 'data-x' || name.includes('xss'))
        problems.push('attribute made by a break-out (' + name + '): ' + cut(opening(e)));
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcdoc', 'content']
            .includes(name) && /^\\s*(javascript|vbscript|data:text\\/html)/i.test(a.value))
        problems.push('script URL in ' + name + ': ' + cut(opening(e)));
    }
  }
  for (const e of document.querySelectorAll('meta[http-equiv]')) {
    if (e.getAttribute('http-equiv').toLowerCase() !== 'content-security-policy')
      problems.push('meta http-equiv: ' + cut(opening(e)));
  }
  for (const e of document.querySelectorAll('[http-equiv]:not(meta)'))
    problems.push('http-equiv outside a meta: ' + cut(opening(e)));
  const titles = [...document.getElementsByTagName('title')]
    .filter(t => t.namespaceURI === 'http://www.w3.org/1999/xhtml');  // not the tooltips of an SVG
  if (titles.length !== 1 || titles[0].parentElement !== document.head)
    problems.push(titles.length + ' HTML <title> elements, expected exactly one in <head>: ' +
                  titles.map(t => cut(t.outerHTML)).join(' | '));
  for (const s of document.querySelectorAll('script')) {
    const type = (s.getAttribute('type') || '').trim().toLowerCase();
    const runs = !type || /javascript|ecmascript|module/.test(type);
    const text = s.textContent || '';
    if (runs && (text.includes('__xss') || (s.getAttribute('src') || '').includes('__xss')))
      problems.push('executable script made by the payload: ' + cut(s.outerHTML));
    if (type === 'application/json') {
      try { JSON.parse(text); } catch (error) { problems.push('JSON script block broken: ' + cut(s.outerHTML)); }
    }
  }
  const counts = {};
  for (const [name, selector] of Object.entries(counted)) counts[name] = document.querySelectorAll(selector).length;
  return {problems, counts};
}"""

RESULTS_JS = """() => {
  const box = document.querySelector('.md-search-result');
  if (!box) return ['no search result list'];
  return [...box.querySelectorAll('script, img, iframe, frame, object, embed, base, meta, link, style, form, svg')]
    .map(e => 'element injected into the search results: ' + e.outerHTML.slice(0, 300));
}"""


def same_origin(a: str, b: str) -> bool:
    pa, pb = urlparse(a), urlparse(b)
    return (pa.scheme, pa.netloc) == (pb.scheme, pb.netloc)


class Watch:
    """One browser context with everything recorded: dialogs, requests to other hosts (answered
    here, never sent), and every navigation of the main frame."""

    def __init__(self, browser, origin: str) -> None:
        self.origin = origin
        self.dialogs: list[str] = []
        self.foreign: list[str] = []
        self.navigations: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
        own = urlparse(origin)
        own_prefix = re.escape(f"{own.scheme}://{own.netloc}/") if own.scheme.startswith("http") else "$^"
        # a pattern (not a Python callable), so the browser intercepts only the foreign requests
        self.context.route(re.compile(f"^(?!{own_prefix})(https?|wss?)://"), self._abort)
        self.page = self.context.new_page()
        self.page.on("dialog", self._dialog)
        self.page.on("framenavigated", self._navigated)
        self.page.set_default_timeout(5000)

    def _abort(self, route) -> None:
        """Recorded and never sent. A 204 answer keeps a page that tries to navigate there (a meta
        refresh) where it is, so its DOM can still be inspected."""
        self.foreign.append(route.request.url)
        route.fulfill(status=204, body="")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _navigated(self, frame) -> None:
        if frame == self.page.main_frame:
            self.navigations.append(frame.url)

    def close(self) -> None:
        self.context.close()

    def mark(self) -> tuple[int, int, int]:
        return len(self.dialogs), len(self.foreign), len(self.navigations)

    def since(self, mark: tuple[int, int, int], url: str) -> list[str]:
        problems = [f"dialog: {d}" for d in self.dialogs[mark[0]:]]
        problems += [f"request to another host: {u}" for u in self.foreign[mark[1]:]]
        problems += [f"navigated away to {u}" for u in self.navigations[mark[2]:] if not same_origin(u, self.origin)]
        if not same_origin(self.page.url, self.origin):
            problems.append(f"page ended on {self.page.url}, not on {url}")
        return problems


def hover_all(page, selector: str = HOVER, limit: int = 400) -> None:
    """Move the real mouse over every visible matching element, a screen at a time."""
    done: list[int] = []
    height, screen = page.evaluate("[document.documentElement.scrollHeight, innerHeight]")
    for top in range(0, max(height, 1), max(screen - 100, 100)):
        page.evaluate(f"window.scrollTo(0, {top})")
        for index, x, y in page.evaluate(POSITIONS_JS, [selector, done]):
            if len(done) >= limit:
                return
            page.mouse.move(x, y)
            done.append(index)


def answer_quizzes(page) -> None:
    """Answer every question so the feedback texts are shown."""
    for question in page.locator("form.nc-quiz .nc-question").all():
        try:
            question.locator("input").first.check(timeout=1000)
            question.locator(".nc-check").click(timeout=1000)
        except Exception:  # a question type without radios: its feedback stays hidden
            pass


def probe(page, baseline: dict | None = None) -> tuple[list[str], dict]:
    """What the page's DOM shows of a payload; counts compared with the unmodified page."""
    result = page.evaluate(PROBE_JS, COUNTED)
    problems = list(result["problems"])
    if baseline is not None:
        for name, count in result["counts"].items():
            if count != baseline.get(name):
                problems.append(f"{count} × {name}, the unmodified page has {baseline.get(name)}")
    return problems, result["counts"]


def inspect_page(watch: Watch, url: str, baseline: dict | None = None) -> tuple[list[str], dict]:
    """Open one page, hover, focus and answer everything, then report what a payload did."""
    page, mark = watch.page, watch.mark()
    page.goto(url, wait_until="load")
    page.wait_for_timeout(100)  # a meta refresh with 0 s, autofocus, deferred scripts
    answer_quizzes(page)
    hover_all(page)
    page.evaluate(EVENTS_JS, FOCUSABLE)
    page.wait_for_timeout(50)
    problems, counts = probe(page, baseline)
    return problems + watch.since(mark, url), counts


def inspect_search(watch: Watch, url: str, word: str) -> list[str]:
    """Search for a word of the payload, check the rendered results, then open the first result
    (the theme highlights the search words on the target page)."""
    page, mark = watch.page, watch.mark()
    page.goto(url, wait_until="load")
    page.keyboard.press("/")
    page.keyboard.type(word)
    try:
        page.locator(".md-search-result__item").first.wait_for(timeout=10000)
    except Exception:
        return [f"the search for '{word}' shows no results, so its rendering was not tested"]
    page.wait_for_timeout(300)
    hover_all(page, ".md-search-result a, .md-search-result [title], .md-search-result mark")
    page.evaluate(EVENTS_JS, ".md-search-result a")
    problems = [f"search '{word}': {p}" for p in probe(page)[0] + page.evaluate(RESULTS_JS)]
    with page.expect_navigation(wait_until="load"):
        page.locator(".md-search-result__item a").first.click()
    page.wait_for_timeout(200)
    hover_all(page)
    problems += [f"search result page {page.url}: {p}" for p in probe(page)[0]]
    return problems + watch.since(mark, url)


def site_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "partials" not in p.parts)


# --------------------------------------------------------------------------- sanity of the harness

SANITY_PAGES = {
    "handler.html": '<title>t</title><p><a href="#" title="x" onmouseover="window.__xss=1">hover me</a></p>',
    "handler-csp.html": ("<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'\">"
                         '<title>t</title><p><a href="#" onmouseover="window.__xss=1">hover me</a></p>'),
    "focus.html": '<title>t</title><input autofocus onfocus="window.__xss=1">',
    "script.html": "<title>t</title><p>x</p><script>window.__xss=1</script>",
    "refresh.html": '<title>t</title><meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "away.html": '<title>t</title><meta http-equiv="refresh" content="0;url=about:blank">',
    "title.html": "<title>a</title><body><title>b</title>",
    "json.html": '<title>t</title><script type="application/json">{"a": "</script>',
    "dialog.html": '<title>t</title><script>alert(1)</script>',
    "clean.html": '<title>t</title><p><a href="#" title="a &quot;quote&quot;">x" onmouseover="window.__xss=1"</a></p>',
}


def test_harness_detects_execution_and_injection(browser, tmp_path: Path) -> None:
    for name, html in SANITY_PAGES.items():
        (tmp_path / name).write_text(f"<!doctype html><html><head>{html}</head></html>", encoding="utf-8")
    with serve_folder(tmp_path) as url:
        watch = Watch(browser, url)
        try:
            found = {name: inspect_page(watch, f"{url}/{name}")[0] for name in SANITY_PAGES}
        finally:
            watch.close()
    assert any("window.__xss is set" in p for p in found["handler.html"]), found["handler.html"]
    assert any("event-handler attribute onmouseover" in p for p in found["handler.html"])
    # blocked by the CSP, still reported: the checks do not lean on the policy
    assert not any("window.__xss is set" in p for p in found["handler-csp.html"]), found["handler-csp.html"]
    assert any("event-handler attribute onmouseover" in p for p in found["handler-csp.html"])
    assert any("window.__xss is set" in p for p in found["focus.html"]), found["focus.html"]
    assert any("event-handler attribute onfocus" in p for p in found["focus.html"])
    assert any("executable script made by the payload" in p for p in found["script.html"])
    assert any("request to another host: https://evil.example/" in p for p in found["refresh.html"])
    assert any("meta http-equiv" in p for p in found["refresh.html"]), found["refresh.html"]
    assert any("navigated away to about:blank" in p for p in found["away.html"]), found["away.html"]
    assert any("HTML <title> elements" in p for p in found["title.html"]), found["title.html"]
    assert any("JSON script block broken" in p for p in found["json.html"]), found["json.html"]
    assert any("dialog: alert" in p for p in found["dialog.html"]), found["dialog.html"]
    assert found["clean.html"] == []
    # the count comparison with the unmodified page
    assert probe_counts_differ(browser, tmp_path)


def probe_counts_differ(browser, folder: Path) -> bool:
    with serve_folder(folder) as url:
        watch = Watch(browser, url)
        try:
            _, clean = inspect_page(watch, f"{url}/clean.html")
            problems, _ = inspect_page(watch, f"{url}/script.html", baseline=clean)
        finally:
            watch.close()
    return any("× script, the unmodified page has" in p for p in problems)


# --------------------------------------------------------------------------- the field list

def test_every_string_field_is_enumerated() -> None:
    files = source_files(FIXTURE)
    for expected in EXPECTED_FILES:
        if (FIXTURE / expected).exists():
            assert expected in files, expected
    per_file = {file: (sum(f.file == file for f in TEXT_FIELDS), sum(f.file == file for f in FORMAT_FIELDS))
                for file in files}
    print("\ntext / format fields per file:")
    for file, (text, fmt) in per_file.items():
        print(f"  {file}: {text} text, {fmt} format")
    print(f"  total: {len(TEXT_FIELDS)} text, {len(FORMAT_FIELDS)} format")
    # every file with strings contributes, and the template slots are among the fields
    assert all(text + fmt > 0 for text, fmt in per_file.values()), per_file
    labels = {f.label for f in TEXT_FIELDS}
    for slot in ("content/handbook.yml:title", "content/handbook.yml:description",
                 "content/handbook.yml:tagline", "content/handbook.yml:edition.name",
                 "site_config/default.yml:organisation.name", "content/steps/01-eerste-stap/step.yml:title",
                 "content/pages/luisteren.md:title", "content/pages/luisteren.md:summary",
                 "worksheets/eerste-blad.yml:blocks.1.label", "content/glossary.yml:0.term",
                 "content/quizzes/stap-01.yml:questions.0.options.0.feedback"):
        assert slot in labels, slot
    assert {f.label for f in FORMAT_FIELDS} >= {"content/steps/01-eerste-stap/step.yml:slug",
                                                 "site_config/default.yml:branding.primary"}
    assert len(TEXT_FIELDS) >= 30


def test_rewriting_is_neutral_and_the_check_worker_matches_the_cli(tmp_path: Path) -> None:
    """The harness itself: rewriting every field with its own value keeps the fixture valid (so
    a refusal is the payload's doing), and check_many says what the real command line says."""
    same = copy_fixture("minimal", tmp_path / "same")
    apply(same, {f: f.value for f in ALL_FIELDS})
    broken = copy_fixture("minimal", tmp_path / "broken")
    apply(broken, {TEXT_FIELDS[0]: REFUSED_VARIANTS["raw-img"]})
    for project, result in zip((same, broken), check_many([same, broken])):
        cli = run_cli("check", "--root", str(project))
        assert (result["rc"], result["out"]) == (cli.returncode, cli.stdout), (project, result, cli)
    assert run_cli("check", "--root", str(same)).returncode == 0
    assert refusal_problem(check_many([broken])[0], broken, TEXT_FIELDS[0], code="NC030") is None


# --------------------------------------------------------------------------- refused: formats, raw HTML

@pytest.fixture(scope="module")
def format_checks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict]]:
    base = tmp_path_factory.mktemp("formats")
    projects = []
    for i, field in enumerate(FORMAT_FIELDS):
        project = copy_fixture("minimal", base / f"p{i:03d}")
        apply(project, {field: FORMAT_PAYLOAD})
        projects.append(project)
    return {f.label: (p, r) for f, p, r in zip(FORMAT_FIELDS, projects, check_many(projects))}


@pytest.mark.parametrize("field", FORMAT_FIELDS, ids=lambda f: f.label)
def test_format_field_refuses_payload(format_checks, field: Field) -> None:
    project, result = format_checks[field.label]
    problem = refusal_problem(result, project, field)
    assert problem is None, f"{field.label} = {FORMAT_PAYLOAD!r}: {problem}"


@pytest.fixture(scope="module")
def raw_checks(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], tuple[Path, dict]]:
    base = tmp_path_factory.mktemp("raw")
    keys, projects = [], []
    for name, payload in REFUSED_VARIANTS.items():
        for i, field in enumerate(TEXT_FIELDS):
            project = copy_fixture("minimal", base / f"{name}-{i:03d}")
            apply(project, {field: value_for(payload, field)})
            keys.append((name, field.label))
            projects.append(project)
    return {k: (p, r) for k, p, r in zip(keys, projects, check_many(projects))}


@pytest.mark.parametrize("variant", list(REFUSED_VARIANTS))
@pytest.mark.parametrize("field", TEXT_FIELDS, ids=lambda f: f.label)
def test_raw_markup_is_refused_in_every_text_field(raw_checks, variant: str, field: Field) -> None:
    project, result = raw_checks[(variant, field.label)]
    problem = refusal_problem(result, project, field, code="NC030")
    assert problem is None, f"{field.label} = {REFUSED_VARIANTS[variant]!r}: {problem}"


# --------------------------------------------------------------------------- accepted: built and inert

@dataclass
class VariantSite:
    name: str
    payload: str
    word: str
    project: Path
    first_check: subprocess.CompletedProcess
    refused: dict[str, str]          # field label -> why the refusal is not clean ('' when it is)
    accepted: list[Field]            # accepted by the check and built into the site
    build_failures: list[tuple[list[str], str]]  # fields the check accepts but the build fails on
    final_check: subprocess.CompletedProcess | None = None
    build: subprocess.CompletedProcess | None = None

    @property
    def site(self) -> Path:
        return self.project / "site"


def failed(result: subprocess.CompletedProcess) -> bool:
    return result.returncode != 0 or "Traceback" in result.stdout + result.stderr


def build_failures(base: Path, values: dict[Field, str], fields: list[Field], output: str,
                   extra_args: tuple[str, ...]) -> list[tuple[list[Field], str]]:
    """The fields that make a build fail (the build with all of `fields` failed with `output`):
    halve and build both halves side by side until single fields remain."""
    if len(fields) == 1:
        return [(fields, output)]
    halves = [fields[:len(fields) // 2], fields[len(fields) // 2:]]

    def build(half: list[Field]) -> subprocess.CompletedProcess:
        project = copy_fixture("minimal", base / f"bisect-{'-'.join(str(TEXT_FIELDS.index(f)) for f in half)}")
        apply(project, {f: values[f] for f in half})
        return run_cli("build", "--root", str(project), *extra_args)

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(build, halves))
    found = []
    for half, result in zip(halves, results):
        if failed(result):
            found += build_failures(base, values, half, result.stdout + result.stderr, extra_args)
    return found or [(fields, output)]  # only the fields together break the build


def located_fields(output: str, project: Path, fields: list[Field]) -> list[Field]:
    """The fields a check's diagnostics point at: their file, and one of their lines."""
    found = {(m["file"], int(m["line"])) for m in map(DIAGNOSTIC.match, output.splitlines()) if m}
    return [f for f in fields if any((f.file, line) in found for line in field_lines(project, f))]


def prepare_variant(base: Path, name: str, payload: str, word: str,
                    extra_args: tuple[str, ...] = ("--no-pdf",)) -> VariantSite:
    """Every text field at once; when the check refuses, check the fields it points at one by one
    (every field not yet checked, one by one, when it points at none of those); when the build
    then fails, find the fields it fails on; build with all the others."""
    values = {f: value_for(payload, f) for f in TEXT_FIELDS}
    project = copy_fixture("minimal", base / "all")
    apply(project, values)
    first = run_cli("check", "--root", str(project))
    refused: dict[str, str] = {}
    accepted = list(TEXT_FIELDS)
    final_check = None
    checked: set[Field] = set()
    result = first
    while result.returncode != 0:
        # Each suspect field is checked on its own, as before; the suspects are the fields the
        # diagnostics point at, and when those are all checked already, every field not yet checked
        # (so a refusal located anywhere else is still found, field by field).
        suspects = [f for f in located_fields(result.stdout, project, accepted) if f not in checked] \
            or [f for f in accepted if f not in checked]
        if not suspects:
            break  # every field passes alone, yet not together: the final check below says so
        singles = []
        for field in suspects:
            single = copy_fixture("minimal", base / f"f{TEXT_FIELDS.index(field):03d}")
            apply(single, {field: values[field]})
            singles.append(single)
        for field, single, outcome in zip(suspects, singles, check_many(singles)):
            checked.add(field)
            if outcome["rc"] != 0 or "Traceback" in outcome["out"] + outcome["err"]:
                refused[field.label] = refusal_problem(outcome, single, field) or ""
        accepted = [f for f in TEXT_FIELDS if f.label not in refused]
        project = copy_fixture("minimal", base / f"accepted-{len(checked):03d}")
        apply(project, {f: values[f] for f in accepted})
        result = final_check = run_cli("check", "--root", str(project))
    build = run_cli("build", "--root", str(project), *extra_args)
    failures: list[tuple[list[Field], str]] = []
    if failed(build) and (final_check is None or final_check.returncode == 0):
        failures = build_failures(base, values, accepted, build.stdout + build.stderr, extra_args)
        broken = {f for group, _ in failures for f in group}
        accepted = [f for f in accepted if f not in broken]
        project = copy_fixture("minimal", base / "built")
        apply(project, {f: values[f] for f in accepted})
        build = run_cli("build", "--root", str(project), *extra_args)
    return VariantSite(name, payload, word, project, first, refused, accepted,
                       [([f.label for f in group], out) for group, out in failures], final_check, build)


@pytest.fixture(scope="module")
def baseline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_fixture("minimal", tmp_path_factory.mktemp("baseline") / "project")
    result = run_cli("build", "--root", str(project), "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def baseline_counts(browser, baseline_site: Path) -> dict[str, dict]:
    counts = {}
    with serve_folder(baseline_site) as url:
        watch = Watch(browser, url)
        try:
            for page in site_pages(baseline_site):
                problems, counts[page] = inspect_page(watch, f"{url}/{page}")
                assert problems == [], (page, problems)  # the unmodified site is clean: no false alarms
        finally:
            watch.close()
    return counts


@pytest.fixture(scope="module")
def variant_sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, VariantSite]:
    base = tmp_path_factory.mktemp("variants")
    with ThreadPoolExecutor(2) as pool:
        futures = {name: pool.submit(prepare_variant, base / name, name, payload, word)
                   for name, (payload, word) in ACCEPTED_VARIANTS.items()}
        return {name: future.result() for name, future in futures.items()}


@pytest.mark.parametrize("name", list(ACCEPTED_VARIANTS))
def test_variant_is_refused_cleanly_or_built(variant_sites, name: str) -> None:
    """Refused by the check with a located diagnostic, or built: never 'check OK, build fails'."""
    variant = variant_sites[name]
    first = variant.first_check.stdout + variant.first_check.stderr
    assert "Traceback" not in first, first
    assert variant.first_check.returncode in (0, 1), first
    print(f"\n{name}: {len(variant.accepted)} of {len(TEXT_FIELDS)} text fields accepted and built; "
          f"refused by the check: {sorted(variant.refused) or 'none'}")
    unclean = {label: why for label, why in variant.refused.items() if why}
    assert unclean == {}, unclean
    if variant.final_check is not None:
        assert variant.final_check.returncode == 0, variant.final_check.stdout + variant.final_check.stderr
    assert variant.build_failures == [], (
        f"payload {variant.payload!r}: the check accepts these fields, the build then fails:\n"
        + "\n".join(f"{labels}:\n{output[-1500:]}" for labels, output in variant.build_failures))
    build = variant.build.stdout + variant.build.stderr
    assert not failed(variant.build), build
    assert variant.accepted, f"{name}: every text field refused the payload, nothing left to test in the site"


@pytest.mark.parametrize("name", list(ACCEPTED_VARIANTS))
def test_accepted_payload_is_inert_in_every_page(browser, variant_sites, baseline_site: Path,
                                                 baseline_counts, name: str) -> None:
    variant = variant_sites[name]
    assert not failed(variant.build), variant.build.stdout + variant.build.stderr
    pages = site_pages(variant.site)
    assert pages == site_pages(baseline_site)
    found: dict[str, list[str]] = {}
    with serve_folder(variant.site) as url:
        watch = Watch(browser, url)
        try:
            for page in pages:
                problems, _ = inspect_page(watch, f"{url}/{page}", baseline_counts[page])
                if problems:
                    found[page] = problems
            search = inspect_search(watch, f"{url}/index.html", variant.word)
            if search:
                found["search"] = search
        finally:
            watch.close()
    assert found == {}, f"payload {variant.payload!r}:\n" + json.dumps(found, indent=1, ensure_ascii=False)


# --------------------------------------------------------------------------- the offline zip

OFFLINE_PAGES = ["index.html", "stappen/stap-01-eerste-stap.html", "werkbladen/eerste-blad.html",
                 "naslag/begrippen.html"]


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory: pytest.TempPathFactory, variant_sites) -> Path:
    payload, word = ACCEPTED_VARIANTS["double-quote"]
    base = tmp_path_factory.mktemp("offline")
    project = copy_fixture("minimal", base / "project")
    apply(project, {f: value_for(payload, f) for f in variant_sites["double-quote"].accepted})
    result = run_cli("build", "--root", str(project), "--offline", "--no-pdf")
    assert result.returncode == 0, result.stdout + result.stderr
    archives = sorted((project / "dist").glob("*.zip"))
    assert len(archives) == 1, archives
    zipfile.ZipFile(archives[0]).extractall(base / "usb")
    return min((p.parent for p in (base / "usb").rglob("index.html")), key=lambda p: len(p.parts))


def test_offline_zip_is_inert_from_file(browser, offline_copy: Path) -> None:
    found: dict[str, list[str]] = {}
    watch = Watch(browser, offline_copy.as_uri())
    try:
        for page in OFFLINE_PAGES:
            assert (offline_copy / page).is_file(), page
            problems, _ = inspect_page(watch, (offline_copy / page).as_uri())
            if problems:
                found[page] = problems
        search = inspect_search(watch, (offline_copy / "index.html").as_uri(), ACCEPTED_VARIANTS["double-quote"][1])
        if search:
            found["search"] = search
    finally:
        watch.close()
    assert found == {}, json.dumps(found, indent=1, ensure_ascii=False)


# --------------------------------------------------------------------------- found on the way

def field(label: str) -> Field:
    return next(f for f in ALL_FIELDS if f.label == label)


def test_long_menu_title_is_refused_or_builds(tmp_path: Path) -> None:
    """Plain words, no markup: a long section title is either refused (located) or built. The
    menu titles go into the generated mkdocs.yml as YAML keys."""
    title = "Een heel erg lange titel voor een onderdeel die maar doorgaat tot na de tachtigste letter"
    project = copy_fixture("minimal", tmp_path / "project")
    apply(project, {field("content/handbook.yml:sections.0.title"): title})
    result = run_cli("check", "--root", str(project))
    if result.returncode == 1:
        problem = refusal_problem({"rc": 1, "out": result.stdout, "err": result.stderr}, project,
                                  field("content/handbook.yml:sections.0.title"))
        assert problem is None, problem
        return
    assert result.returncode == 0, result.stdout + result.stderr
    build = run_cli("build", "--root", str(project), "--no-pdf")
    assert not failed(build), f"the check accepts the title, the build fails:\n{build.stdout}{build.stderr}"


def test_edition_version_cannot_write_outside_dist(tmp_path: Path) -> None:
    """The edition version names the offline zip: it is refused, or the zip stays in dist/."""
    project = copy_fixture("minimal", tmp_path / "project")
    version = field("content/handbook.yml:edition.version")
    apply(project, {version: "1/../../../ontsnapt"})
    result = run_cli("check", "--root", str(project))
    if result.returncode == 1:
        problem = refusal_problem({"rc": 1, "out": result.stdout, "err": result.stderr}, project, version)
        assert problem is None, problem
        return
    build = run_cli("build", "--root", str(project), "--offline", "--no-pdf")
    written = [p for p in tmp_path.rglob("*.zip")]
    outside = [p for p in written if (project / "dist") not in p.parents]
    assert not outside, (f"version '1/../../../ontsnapt' accepted by the check; the offline zip was written "
                         f"outside dist/: {outside}\n{build.stdout}{build.stderr}")
