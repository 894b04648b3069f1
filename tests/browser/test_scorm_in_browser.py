"""The SCORM package inside a real SCORM 1.2 runtime (scorm-again) in Chromium: a harness page
plays the LMS, with `window.API`, and opens the package's launch page in a frame."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Iterator

import pytest

from tests.browser.conftest import serve_folder, wait_until
from tests.browser.test_elearning_in_browser import answer_by_keyboard
from tests.scorm_runtime import build_package, scorm_runtime, unpack

pytestmark = pytest.mark.browser
SECRET = "Geheim-cliëntdetail-7Q3"
HARNESS = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Leerplatform (test)</title>
<script src="scorm12.js"></script></head><body><h1>Leerplatform (test)</h1></body></html>"""
# The LMS side: a fresh runtime (or one loaded with what the LMS stored), every value it receives
# kept, then the package's launch page in a frame.
OUTSIDE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Buiten</title></head>
<body><h1>Buiten het pakket</h1></body></html>"""
# `forged` stands for what a broken or hostile LMS could hand back: those elements read as given,
# whatever the runtime would accept.
LAUNCH = """([stored, forged]) => {
  window.API = new Scorm12API({logLevel: 5});
  if (stored) window.API.loadFromJSON(stored);
  window.received = [];
  const set = window.API.LMSSetValue.bind(window.API), get = window.API.LMSGetValue.bind(window.API);
  window.refused = [];  // what the runtime did not accept, with its error code
  window.API.LMSSetValue = (name, value) => {
    window.received.push([name, String(value)]);
    const ok = set(name, value);
    if (String(ok) !== 'true') window.refused.push([name, String(value), String(window.API.LMSGetLastError())]);
    return ok;
  };
  if (forged) window.API.LMSGetValue = name => name in forged ? forged[name] : get(name);
  const frame = document.createElement('iframe');
  frame.style.width = '1200px'; frame.style.height = '800px';
  frame.src = 'package/index.html';
  document.body.appendChild(frame);
}"""


@pytest.fixture(scope="module")
def lms_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("lms")
    unpack(build_package(root / "build"), root / "www" / "package")
    shutil.copy(scorm_runtime(), root / "www" / "scorm12.js")
    (root / "www" / "harness.html").write_text(HARNESS, encoding="utf-8")
    # A page on the LMS's server but outside the package: a bookmark must never lead there.
    (root / "www" / "buiten.html").write_text(OUTSIDE, encoding="utf-8")
    with serve_folder(root / "www") as url:
        yield url


def launch(browser, lms_url: str, stored: dict | None = None, forged: dict | None = None, watch=None):
    """A fresh browser (nothing in its storage) with the LMS page; the package's frame."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    if watch:
        watch(page)
    page.goto(f"{lms_url}/harness.html")
    page.evaluate(LAUNCH, [stored, forged])
    frame = wait_for_page(page, "index.html")
    return page, frame


def wait_for_page(page, suffix: str):
    wait_until(page, f"(() => {{ const f = document.querySelector('iframe'); return !!f && f.contentWindow.location.href.endsWith('{suffix}') && f.contentDocument.readyState === 'complete'; }})()")
    frame = page.locator("iframe").element_handle().content_frame()
    frame.wait_for_load_state()
    assert frame.url.endswith(suffix), frame.url
    return frame


def follow(page, frame, suffix: str):
    """Click the page's own link to the page whose address ends with `suffix` (as a volunteer does)."""
    frame.evaluate("suffix => [...document.querySelectorAll('a[href]')]"
                   ".find(a => a.href.split('#')[0].endsWith('/' + suffix)).click()", suffix)
    return wait_for_page(page, suffix)


def cmi(page, name: str) -> str:
    return page.evaluate(f"String(window.API.LMSGetValue('{name}'))")


def stored_by_lms(page) -> dict:
    """What an LMS keeps of the attempt and gives back at the next launch: cmi.core.entry is
    "resume" when the session ended with cmi.core.exit "suspend" (SCORM 1.2, write-only for the SCO,
    so read from what the runtime received)."""
    exits = [value for name, value in page.evaluate("window.received") if name == "cmi.core.exit"]
    return {"cmi": {"suspend_data": cmi(page, "cmi.suspend_data"),
                    "core": {"lesson_status": cmi(page, "cmi.core.lesson_status"),
                             "lesson_location": cmi(page, "cmi.core.lesson_location"),
                             "entry": "resume" if exits and exits[-1] == "suspend" else ""}}}


def start_button(frame) -> dict:
    """The launch page's start button, once the scripts have had their turn."""
    frame.wait_for_load_state("networkidle")
    frame.wait_for_timeout(200)
    button = frame.locator(".nc-start-button")
    return {"text": button.inner_text(), "href": button.evaluate("a => a.href"),
            "resume": button.evaluate("a => a.classList.contains('nc-resume')")}


def close_frame(page) -> None:
    page.evaluate("document.querySelector('iframe').remove()")
    wait_until(page, "window.API.isTerminated()")


def pass_quiz(page, frame) -> int:
    questions = frame.locator(".nc-question")
    for question in questions.all():
        answer_by_keyboard(page, question)
    wait_until(page, "document.querySelector('iframe').contentDocument.querySelector('.nc-quiz-result') !== null")
    return questions.count()


def received_text(page) -> str:
    return json.dumps(page.evaluate("window.received"), ensure_ascii=False)


def test_attempt_resume_and_pass_in_a_scorm_runtime(browser, lms_url: str) -> None:
    page, frame = launch(browser, lms_url)
    assert cmi(page, "cmi.core.lesson_status") == "incomplete"
    # read a page: the start button leads to the first module
    frame.evaluate("document.querySelector('.nc-start-button').click()")
    frame = wait_for_page(page, "methode/methode-in-het-kort.html")
    assert cmi(page, "cmi.core.lesson_location") == "methode/methode-in-het-kort.html"
    # a worksheet answer about a client: kept in the browser, never sent
    frame = follow(page, follow(page, frame, "werkbladen/index.html"), "werkbladen/actie-uitvoeren.html")
    area = frame.locator("form.nc-worksheet textarea").first
    area.fill(SECRET)
    area.dispatch_event("input")
    wait_until(page, f"Object.keys(document.querySelector('iframe').contentWindow.localStorage).some(k => document.querySelector('iframe').contentWindow.localStorage.getItem(k).includes('{SECRET}'))")
    # a step quiz by keyboard
    frame = follow(page, follow(page, frame, "toetsen/index.html"), "toetsen/stap-01.html")
    left_on = frame.locator("h1").first.inner_text().replace("¶", "").strip()
    total = pass_quiz(page, frame)
    assert cmi(page, "cmi.core.lesson_location") == "toetsen/stap-01.html"  # the bookmark
    assert cmi(page, "cmi.core.lesson_status") == "incomplete"  # the route is not done
    assert cmi(page, "cmi.core.score.raw") == ""                # the final test gives the score
    suspend = cmi(page, "cmi.suspend_data")
    assert suspend.startswith("1|") and len(suspend) <= 4096
    assert SECRET not in received_text(page)
    # the time of the session, in SCORM 1.2's HHHH:MM:SS; and the runtime took every value it got
    times = [value for name, value in page.evaluate("window.received") if name == "cmi.core.session_time"]
    assert times and all(re.fullmatch(r"\d{4}:\d{2}:\d{2}", value) for value in times), times
    assert page.evaluate("window.refused") == []
    close_frame(page)
    stored = stored_by_lms(page)
    # the session is finished: a page opened again (the back button) leaves the progress alone
    page.evaluate("() => { const f = document.createElement('iframe'); f.src = 'package/voortgang.html'; document.body.appendChild(f); }")
    again = wait_for_page(page, "voortgang.html")
    assert "(geslaagd)" in again.locator('tr[data-module="stap-1"] .nc-score').inner_text()
    page.context.close()

    # relaunch in a fresh browser: only what the LMS kept brings the progress back, and the launch
    # page offers the page the volunteer left off on
    assert stored["cmi"]["core"]["entry"] == "resume"
    page, frame = launch(browser, lms_url, stored)
    wait_until(page, "document.querySelector('iframe').contentDocument.querySelector('.nc-resume') !== null")
    button = start_button(frame)
    assert button["text"] == f"Verder waar je was: {left_on}"
    assert button["href"].endswith("/package/toetsen/stap-01.html")
    # inside the platform the start page does not claim that progress stays in this browser
    where = frame.locator(".nc-progress-where").inner_text()
    assert "gaan ook naar het leerplatform" in where and "werkbladen invult, blijft in deze browser" in where
    frame.evaluate("document.querySelector('.nc-start-button').click()")
    frame = wait_for_page(page, "toetsen/stap-01.html")
    frame = follow(page, frame, "voortgang.html")
    score = frame.locator('tr[data-module="stap-1"] .nc-score').inner_text()
    assert f"{total} van {total}" in score and "(geslaagd)" in score
    assert frame.locator('tr[data-module="pagina-methode-in-het-kort"] .nc-read').inner_text().startswith("ja")
    assert frame.locator('tr[data-module="stap-1"] .nc-done').inner_text() == "✓ klaar"
    note = frame.locator(".nc-scorm-note").inner_text()
    assert "alleen je eigen voortgang en je toetsscores" in note and "werkbladen" in note
    # the worksheet answer stayed in the first browser: not here, not in the LMS
    assert frame.evaluate(f"Object.keys(localStorage).every(k => !localStorage.getItem(k).includes('{SECRET}'))")

    # complete the route: everything done and passed but the final test, then pass that test
    frame.evaluate("""() => {
      const route = window.ncScormRoute, record = {format: 1, modules: {}};
      route.modules.forEach(m => {
        if (m.id === route.scoreModule) return;
        const quiz = {id: m.quiz, right: 3, total: 3, passed: true, at: new Date().toISOString()};
        record.modules[m.id] = Object.assign({read: quiz.at, done: quiz.at}, m.quiz ? {quiz: quiz, attempts: [quiz]} : {});
      });
      localStorage.setItem(route.site + ':voortgang', JSON.stringify(record));
      window.dispatchEvent(new CustomEvent('nc-progress'));
    }""")
    assert cmi(page, "cmi.core.lesson_status") == "incomplete"  # the final test is still to do
    frame = follow(page, follow(page, frame, "toetsen/index.html"), "toetsen/eindtoets.html")
    pass_quiz(page, frame)
    assert cmi(page, "cmi.core.lesson_status") == "passed"
    assert cmi(page, "cmi.core.score.raw") == "100"
    assert (cmi(page, "cmi.core.score.min"), cmi(page, "cmi.core.score.max")) == ("0", "100")
    assert SECRET not in received_text(page)
    page.context.close()


def test_largest_realistic_progress_fits_suspend_data_and_comes_back(browser, lms_url: str) -> None:
    page, frame = launch(browser, lms_url)
    # every module read and done, every quiz failed first and passed after nine attempts
    frame.evaluate("""() => {
      const route = window.ncScormRoute, record = {format: 1, modules: {}, phases: {}};
      route.modules.forEach(m => {
        const at = new Date().toISOString(), tries = [];
        for (let i = 0; i < 9; i++) tries.push({id: m.quiz, right: i === 8 ? 30 : 10 + i, total: 30, passed: i === 8, at: at});
        record.modules[m.id] = Object.assign({read: at, done: at, href: location.href},
                                             m.quiz ? {quiz: tries[8], attempts: tries} : {});
      });
      localStorage.setItem(route.site + ':voortgang', JSON.stringify(record));
      window.dispatchEvent(new CustomEvent('nc-progress'));
    }""")
    suspend = cmi(page, "cmi.suspend_data")
    assert 0 < len(suspend) <= 4096, len(suspend)
    print(f"largest realistic suspend_data: {len(suspend)} characters")
    assert cmi(page, "cmi.core.lesson_status") == "passed"
    close_frame(page)
    stored = stored_by_lms(page)
    page.context.close()
    page, frame = launch(browser, lms_url, stored)
    frame = follow(page, frame, "voortgang.html")
    modules = frame.evaluate("window.ncScormRoute.modules")
    assert frame.locator("tr[data-module] .nc-done").all_inner_texts() == ["✓ klaar"] * len(modules)
    for module in (m for m in modules if m["quiz"]):
        score = frame.locator(f'tr[data-module="{module["id"]}"] .nc-score').inner_text()
        assert score == "beste 30 van 30 (geslaagd); eerste poging 10 van 30; 9 pogingen", score
    page.context.close()


def test_a_quiz_not_passed_is_failed_until_it_is_passed(browser, lms_url: str) -> None:
    page, frame = launch(browser, lms_url)
    frame.evaluate("""() => {
      const route = window.ncScormRoute, record = {format: 1, modules: {}}, at = new Date().toISOString();
      route.modules.forEach(m => {
        const quiz = {id: m.quiz, right: m.id === 'stap-1' ? 0 : 3, total: 3, passed: m.id !== 'stap-1', at: at};
        record.modules[m.id] = Object.assign({read: at, done: at}, m.quiz ? {quiz: quiz, attempts: [quiz]} : {});
      });
      localStorage.setItem(route.site + ':voortgang', JSON.stringify(record));
      window.dispatchEvent(new CustomEvent('nc-progress'));
    }""")
    assert cmi(page, "cmi.core.lesson_status") == "failed"
    frame = follow(page, follow(page, frame, "toetsen/index.html"), "toetsen/stap-01.html")
    pass_quiz(page, frame)
    assert cmi(page, "cmi.core.lesson_status") == "passed"
    page.context.close()


def test_the_time_on_the_last_page_counts_in_the_session_time(browser, lms_url: str) -> None:
    # Moodle adds the session time it holds at LMSFinish to the total: a volunteer who reads the
    # launch page for a while and then leaves must not send the time of the page's load.
    page, frame = launch(browser, lms_url)
    page.wait_for_timeout(3500)
    close_frame(page)
    times = [value for name, value in page.evaluate("window.received") if name == "cmi.core.session_time"]
    hours, minutes, seconds = (int(part) for part in times[-1].split(":"))
    assert hours * 3600 + minutes * 60 + seconds >= 3, times
    page.context.close()


def test_without_a_learning_platform_the_package_is_the_public_site(browser, lms_url: str) -> None:
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{lms_url}/package/toetsen/stap-01.html")
    total = pass_quiz_top(page)
    stored = page.evaluate("JSON.parse(localStorage.getItem('netwerkcoach:default:voortgang'))")
    assert stored["modules"]["stap-1"]["quiz"]["right"] == total
    page.goto(f"{lms_url}/package/voortgang.html")
    assert "nooit naar het leerplatform" in page.locator(".nc-scorm-note").inner_text()
    page.goto(f"{lms_url}/package/index.html")
    assert page.locator(".nc-progress-where").inner_text() == "Je voortgang blijft op dit apparaat, in deze browser."
    assert errors == []
    context.close()


def pass_quiz_top(page) -> int:
    questions = page.locator(".nc-question")
    for question in questions.all():
        answer_by_keyboard(page, question)
    return questions.count()


def test_resume_goes_only_to_a_page_inside_the_package(browser, lms_url: str) -> None:
    """A bookmark from the LMS is data from outside: anything but a page of this package is ignored."""
    def resume_offer(location: str, entry: str = "resume") -> dict:
        requests: list[str] = []
        dialogs: list[str] = []

        def watch(page) -> None:
            page.on("request", lambda request: requests.append(request.url))
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page, frame = launch(browser, lms_url, forged={"cmi.core.entry": entry, "cmi.core.lesson_location": location},
                             watch=watch)
        button = start_button(frame)
        ours = (f"{lms_url}/package/", f"{lms_url}/harness.html", f"{lms_url}/scorm12.js")
        foreign = [url for url in requests if not url.startswith(ours)]
        button["trouble"] = foreign + dialogs
        page.context.close()
        return button

    fresh = resume_offer("", entry="ab-initio")
    assert fresh["text"].startswith("Begin hier") and not fresh["resume"]
    hostile = ["javascript:alert(1)", "https://evil.example/", "//evil.example/index.html", "../../x",
               "../buiten.html", "toetsen/../../buiten.html", "%2e%2e/buiten.html", "toetsen/%2E%2E/%2E%2E/buiten.html", "toetsen/../../../x.html", "/etc/passwd.html", "toetsen\\stap-01.html",
               "toetsen/stap-01.html?x=1", "data:text/html,<script>alert(1)</script>",
               "toetsen/bestaat-niet.html", "assets/js/scorm.js", "toetsen/" + "a" * 250 + ".html"]
    for location in hostile:
        offer = resume_offer(location)
        assert offer == {**fresh, "trouble": []}, (location, offer)
    # the same good bookmark, but a new attempt (entry not "resume"): no offer either
    assert resume_offer("toetsen/stap-01.html", entry="")["resume"] is False
    good = resume_offer("toetsen/stap-01.html")
    assert good["resume"] and good["href"].endswith("/package/toetsen/stap-01.html"), good
    assert good["text"].startswith("Verder waar je was: Toets bij stap 1") and good["trouble"] == []


def test_the_bookmark_fits_scorm_and_names_the_page(browser, lms_url: str) -> None:
    page, frame = launch(browser, lms_url)
    locations = [value for name, value in page.evaluate("window.received") if name == "cmi.core.lesson_location"]
    assert locations and all(0 < len(value) <= 255 for value in locations)
    assert locations[-1] == "index.html"
    frame = follow(page, frame, "voortgang.html")
    assert cmi(page, "cmi.core.lesson_location") == "voortgang.html"
    page.context.close()
