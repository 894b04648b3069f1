"""Several clients on one device ("Voor wie is dit?"), in real Chromium on a 360 px touch screen,
with touch and keyboard only: each client's worksheet answers stay apart, one client is saved
to a file or wiped alone, the choice survives a reload, answers saved before sets existed move
into a first set, a typed name stays text, and the print says whose sheet it is."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser.conftest import printed_text, wait_until

pytestmark = pytest.mark.browser
SITE = "netwerkcoach:default"
DROOM = "werkbladen/mijn-droomnetwerk.html"
KAART = "werkbladen/mijn-netwerkkaart.html"
OWN = "werkbladen/competentie-zelfscan.html"  # the coach's own sheet (audience per_client: false)
HOSTILE = ('<img src=x onerror="window.__pwned=1">', '"><script>window.__pwned=2</script>',
           "&lt;b&gt;vet&lt;/b&gt; &amp; &#60;i&#62;")


@pytest.fixture
def phone(browser, site_url: str):
    context = browser.new_context(viewport={"width": 360, "height": 800}, has_touch=True, is_mobile=True,
                                  locale="nl-NL")
    tab = context.new_page()
    tab.dialogs = []
    yield tab
    context.close()


def fresh(page, site_url: str, path: str = DROOM) -> None:
    page.goto(f"{site_url}/index.html")
    page.evaluate("localStorage.clear()")
    page.goto(f"{site_url}/{path}")
    wait_until(page, "!document.querySelector('.nc-sets-choice').disabled")


def answer(page):
    return page.locator("form.nc-worksheet textarea").first


def type_answer(page, text: str) -> None:
    answer(page).tap()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def shown_name(page) -> str:
    return page.locator(".nc-sets-name").text_content()


def said(page) -> str:
    return page.locator(".nc-sets-status").text_content()


def more(page) -> None:
    """Open "Meer voor deze cliënt" (the tools for the chosen client) by touch, if it is closed."""
    if page.locator(".nc-sets-more").get_attribute("open") is None:
        page.locator(".nc-sets-more summary").tap()


def tool(page, action: str):
    if action != "new":
        more(page)
    return page.locator(f'.nc-client-sets [data-action="{action}"]')


def name_by_keyboard(page, action: str, name: str) -> None:
    """A set's tool by keyboard only: focus the button, Enter, type the name, Enter."""
    if action != "new" and page.locator(".nc-sets-more").get_attribute("open") is None:
        page.locator(".nc-sets-more summary").focus()
        page.keyboard.press("Enter")  # a details element opens with the keyboard
    page.locator(f'.nc-client-sets [data-action="{action}"]').focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "nc-sets-name-input"
    page.keyboard.press("Control+A")
    page.keyboard.type(name)
    page.keyboard.press("Enter")


def name_by_touch(page, action: str, name: str) -> None:
    tool(page, action).tap()
    page.locator("#nc-sets-name-input").fill(name)
    page.get_by_role("button", name="Klaar").tap()


def stored(page) -> dict[str, object]:
    return page.evaluate("Object.fromEntries(Object.keys(localStorage).map(k => [k, JSON.parse(localStorage.getItem(k))]))")


def two_clients(page, site_url: str) -> None:
    """Anna (renamed first set) and Bram (new), each with their own dream on the dream sheet."""
    fresh(page, site_url)
    assert shown_name(page) == "Cliënt 1"  # a first set is there before anyone chooses
    name_by_touch(page, "rename", "Anna")
    type_answer(page, "Anna wil elke week koffie")
    name_by_keyboard(page, "new", "Bram")
    wait_until(page, "document.querySelector('form.nc-worksheet textarea').value === ''")
    type_answer(page, "Bram wil wandelen met de buren")


def test_two_clients_each_see_their_own_answers(phone, site_url: str) -> None:
    two_clients(phone, site_url)
    assert shown_name(phone) == "Bram"
    assert "Je werkt nu voor Bram" in said(phone)
    choice = phone.locator("#nc-sets-choice")
    assert choice.locator("option").all_text_contents() == ["Anna", "Bram"]
    choice.focus()
    phone.keyboard.press("ArrowUp")  # a native select, changed with the keyboard
    wait_until(phone, "document.querySelector('form.nc-worksheet textarea').value.startsWith('Anna')")
    assert shown_name(phone) == "Anna"
    assert said(phone) == "Je werkt nu voor Anna. Je ziet alleen de antwoorden van Anna."
    assert phone.locator(".nc-sets-status").get_attribute("aria-live") == "polite"
    choice.select_option(label="Bram")
    wait_until(phone, "document.querySelector('form.nc-worksheet textarea').value.startsWith('Bram')")
    keys = stored(phone)
    assert keys[f"{SITE}:set:1:werkblad:mijn-droomnetwerk"]["answers"] != keys[f"{SITE}:set:2:werkblad:mijn-droomnetwerk"]["answers"]
    assert not [k for k in keys if k.startswith(f"{SITE}:werkblad:")]  # nothing outside a set


def test_reload_and_other_pages_keep_the_chosen_client(phone, site_url: str) -> None:
    two_clients(phone, site_url)
    phone.locator("#nc-sets-choice").select_option(label="Anna")
    phone.reload()
    wait_until(phone, "!document.querySelector('.nc-sets-choice').disabled")
    assert shown_name(phone) == "Anna"
    assert phone.locator("#nc-sets-choice").input_value() == "1"
    assert answer(phone).input_value() == "Anna wil elke week koffie"
    phone.goto(f"{site_url}/{KAART}")
    assert shown_name(phone) == "Anna"
    phone.locator('input[name$=".1.naam"]').fill("Ria")
    phone.locator('input[name$=".1.naam"]').dispatch_event("input")
    phone.goto(f"{site_url}/werkbladen/index.html")
    assert shown_name(phone) == "Anna"
    phone.locator("#nc-sets-choice").select_option(label="Bram")
    phone.goto(f"{site_url}/{KAART}")
    assert phone.locator('input[name$=".1.naam"]').input_value() == ""
    assert phone.locator(".nc-kaart-svg .nc-person").count() == 0


def test_saving_one_client_to_a_file_holds_that_client_only(phone, site_url: str, tmp_path: Path) -> None:
    two_clients(phone, site_url)
    phone.goto(f"{site_url}/{KAART}")
    phone.locator('input[name$=".1.naam"]').fill("Buurman Henk")  # Bram's map
    phone.locator('input[name$=".1.naam"]').dispatch_event("input")
    phone.locator("#nc-sets-choice").select_option(label="Anna")
    with phone.expect_download() as download:
        tool(phone, "export").tap()
    saved = tmp_path / "anna.json"
    download.value.save_as(saved)
    assert download.value.suggested_filename == "werkbladen-netwerkcoach-default-anna.json"
    text = saved.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["type"] == "netwerkcoach-werkbladen" and data["set"] == {"name": "Anna"}
    assert set(data["worksheets"]) == {"mijn-droomnetwerk"}
    assert data["worksheets"]["mijn-droomnetwerk"]["answers"] == stored(phone)[f"{SITE}:set:1:werkblad:mijn-droomnetwerk"]["answers"]
    assert "Bram" not in text and "Henk" not in text and "wandelen" not in text
    assert said(phone) == "Het bestand met de antwoorden van Anna is gemaakt."


def test_wiping_one_client_leaves_the_other(phone, site_url: str) -> None:
    two_clients(phone, site_url)  # Bram is chosen
    phone.once("dialog", lambda dialog: (phone.dialogs.append(dialog.message), dialog.accept()))
    tool(phone, "wipe").tap()
    wait_until(phone, "document.querySelector('.nc-sets-status').textContent.includes('gewist')")
    assert "Bram" in phone.dialogs[0]
    assert answer(phone).input_value() == ""
    assert shown_name(phone) == "Bram"  # the name stays, the answers go
    keys = stored(phone)
    assert f"{SITE}:set:2:werkblad:mijn-droomnetwerk" not in keys
    assert keys[f"{SITE}:set:1:werkblad:mijn-droomnetwerk"]["answers"]
    phone.locator("#nc-sets-choice").select_option(label="Anna")
    assert answer(phone).input_value() == "Anna wil elke week koffie"
    # Taking a client away removes the set and its answers; the other stays chosen.
    phone.once("dialog", lambda dialog: dialog.accept())
    tool(phone, "remove").tap()
    wait_until(phone, "document.querySelector('.nc-sets-status').textContent.includes('weggehaald')")
    assert phone.locator("#nc-sets-choice option").all_text_contents() == ["Bram"]
    assert answer(phone).input_value() == ""
    assert not [k for k in stored(phone) if k.startswith(f"{SITE}:set:1:")]


def test_a_file_opens_into_the_chosen_client_and_says_so(phone, site_url: str, tmp_path: Path) -> None:
    two_clients(phone, site_url)
    phone.locator("#nc-sets-choice").select_option(label="Anna")
    with phone.expect_download() as download:
        phone.get_by_role("button", name="Opslaan als bestand").tap()
    saved = tmp_path / "werkblad.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["set"] == {"name": "Anna"}
    assert "komen de antwoorden bij de cliënt die hier gekozen is" in phone.locator("#nc-sets-help").text_content()
    phone.locator("#nc-sets-choice").select_option(label="Bram")
    messages: list[str] = []
    phone.on("dialog", lambda dialog: (messages.append(dialog.message), dialog.accept()))
    with phone.expect_file_chooser() as chooser:
        phone.get_by_role("button", name="Bestand openen").tap()
    chooser.value.set_files(str(saved))
    wait_until(phone, "document.querySelector('form.nc-worksheet textarea').value.startsWith('Anna')")
    assert messages[0] == "Dit bestand is van Anna. Nu is Bram gekozen. Wil je de antwoorden bij Bram zetten?"
    assert "bij Bram" in phone.locator('.nc-status[data-for="mijn-droomnetwerk"]').text_content()
    keys = stored(phone)
    assert keys[f"{SITE}:set:2:werkblad:mijn-droomnetwerk"]["answers"] == keys[f"{SITE}:set:1:werkblad:mijn-droomnetwerk"]["answers"]


def test_answers_saved_before_sets_existed_move_into_a_first_set_once(phone, site_url: str) -> None:
    """Today's format, seeded before the worksheet page loads: <site>:werkblad:<sheet>."""
    dream = {"format": 1, "sheet": "mijn-droomnetwerk", "version": 1, "saved": "2026-05-01T10:00:00Z",
             "answers": {"droom": "Uit de oude opslag"}, "earlier": {"weg": "ook bewaren"}}
    kaart = {"format": 1, "sheet": "mijn-netwerkkaart", "version": 1, "saved": "2026-05-02T10:00:00Z",
             "answers": {"kaart.1.naam": "Ria", "kaart.1.cirkel": "dichtbij", "kaart.1.sector": "buurt"}, "earlier": {}}
    own = {"format": 1, "sheet": "competentie-zelfscan", "version": 1, "answers": {"x": "van mezelf"}, "earlier": {}}
    progress = {"format": 1, "modules": {"stap-1": {"done": "2026-01-02T10:00:00Z"}}}
    seeded = {f"{SITE}:werkblad:mijn-droomnetwerk": dream, f"{SITE}:werkblad:mijn-netwerkkaart": kaart,
              f"{SITE}:werkblad:competentie-zelfscan": own, f"{SITE}:voortgang": progress}
    phone.goto(f"{site_url}/index.html")
    phone.evaluate("items => { localStorage.clear(); for (const [k, v] of Object.entries(items)) "
                   "localStorage.setItem(k, JSON.stringify(v)); }", seeded)
    phone.goto(f"{site_url}/{DROOM}")
    field = phone.locator('textarea[name="droom"]')
    assert field.input_value() == "Uit de oude opslag"
    assert "ook bewaren" in phone.locator(".nc-earlier").text_content()
    after = stored(phone)
    assert after[f"{SITE}:set:1:werkblad:mijn-droomnetwerk"] == dream
    assert after[f"{SITE}:set:1:werkblad:mijn-netwerkkaart"] == kaart  # every sheet, not only this page's
    assert f"{SITE}:werkblad:mijn-droomnetwerk" not in after and f"{SITE}:werkblad:mijn-netwerkkaart" not in after
    assert after[f"{SITE}:werkblad:competentie-zelfscan"] == own   # the coach's own sheet stays outside
    assert after[f"{SITE}:voortgang"] == progress                  # and so does the coach's progress
    assert [s["name"] for s in after[f"{SITE}:sets"]["sets"]] == ["Cliënt 1"]
    phone.reload()  # once: a second visit changes nothing
    phone.goto(f"{site_url}/{KAART}")
    assert phone.locator(".nc-kaart-svg .nc-person").count() == 1
    assert stored(phone) == after


def test_an_upgrade_never_overwrites_what_a_set_holds_already(phone, site_url: str) -> None:
    newer = {"format": 1, "sheet": "mijn-droomnetwerk", "version": 1, "answers": {"droom": "nieuw"}, "earlier": {}}
    older = {"format": 1, "sheet": "mijn-droomnetwerk", "version": 1, "answers": {"droom": "oud"}, "earlier": {}}
    index = {"format": 1, "next": 2, "current": "1", "upgraded": "1", "sets": [{"id": "1", "name": "Anna"}]}
    phone.goto(f"{site_url}/index.html")
    phone.evaluate("items => { localStorage.clear(); for (const [k, v] of Object.entries(items)) "
                   "localStorage.setItem(k, JSON.stringify(v)); }",
                   {f"{SITE}:sets": index, f"{SITE}:set:1:werkblad:mijn-droomnetwerk": newer,
                    f"{SITE}:werkblad:mijn-droomnetwerk": older})
    phone.goto(f"{site_url}/{DROOM}")
    assert phone.locator('textarea[name="droom"]').input_value() == "nieuw"
    after = stored(phone)
    assert after[f"{SITE}:set:1:werkblad:mijn-droomnetwerk"] == newer
    assert after[f"{SITE}:werkblad:mijn-droomnetwerk"] == older  # kept, not lost


def test_a_hostile_name_stays_text(phone, site_url: str, tmp_path: Path) -> None:
    fresh(phone, site_url)
    phone.on("dialog", lambda dialog: (phone.dialogs.append(dialog.message), dialog.dismiss()))
    for n, name in enumerate(HOSTILE):
        name_by_keyboard(phone, "new" if n else "rename", name)
        assert shown_name(phone) == name
    type_answer(phone, "gewoon een antwoord")
    assert phone.locator("#nc-sets-choice option").all_text_contents() == list(HOSTILE)
    panel = phone.locator(".nc-client-sets")
    assert panel.locator("img, script, b, i").count() == 0
    assert phone.evaluate("window.__pwned") is None and phone.dialogs == []
    assert phone.evaluate("document.querySelectorAll('body img[src=\"x\"], body script:not([src])').length") == \
        phone.evaluate("document.querySelectorAll('body script:not([src])').length")  # no image, no new script
    assert said(phone).startswith("Nieuwe cliënt gemaakt: " + HOSTILE[2])
    with phone.expect_download() as download:
        tool(phone, "export").tap()
    saved = tmp_path / "vreemd.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["set"]["name"] == HOSTILE[2]
    assert "<" not in download.value.suggested_filename and "&" not in download.value.suggested_filename
    phone.locator("#nc-sets-choice").select_option(index=0)
    phone.reload()
    wait_until(phone, "!document.querySelector('.nc-sets-choice').disabled")
    assert shown_name(phone) == HOSTILE[0] and phone.evaluate("window.__pwned") is None


def _printed(page, tmp_path: Path) -> str:
    return " ".join(printed_text(page, tmp_path / "print.pdf").split())


def test_the_print_says_whose_sheet_it_is(phone, site_url: str, tmp_path: Path) -> None:
    two_clients(phone, site_url)
    phone.locator("#nc-sets-choice").select_option(label="Anna")
    printed = _printed(phone, tmp_path)
    assert "Voor: Anna" in printed and "Anna wil elke week koffie" in printed
    assert "Bram" not in printed
    for screen_only in ("Voor wie is dit?", "Nieuwe cliënt", "Naam wijzigen", "weghalen", "Antwoorden wissen"):
        assert screen_only not in printed


def test_the_coachs_own_sheet_is_not_kept_per_client(phone, site_url: str) -> None:
    two_clients(phone, site_url)  # Bram is chosen
    phone.goto(f"{site_url}/{OWN}")
    assert phone.locator(".nc-client-sets").count() == 0
    assert "Dit werkblad is van jezelf" in phone.locator(".nc-sets-own").text_content()
    type_answer(phone, "Mijn eigen sterke kant")
    phone.goto(f"{site_url}/{DROOM}")
    phone.locator("#nc-sets-choice").select_option(label="Anna")
    phone.goto(f"{site_url}/{OWN}")
    assert answer(phone).input_value() == "Mijn eigen sterke kant"
    assert f"{SITE}:werkblad:competentie-zelfscan" in stored(phone)


def test_an_evaluation_form_keeps_its_trajectory_code_with_its_client(phone, site_url: str) -> None:
    """Evaluation forms are kept per client like every client's sheet; the trajectory code that
    was used for one client is not offered with the next client's answers."""
    fresh(phone, site_url, "werkbladen/evaluatie-intake.html")
    name_by_touch(phone, "rename", "Anna")
    phone.locator("#nc-traject-code").fill("T-014")
    phone.locator("#nc-traject-code").dispatch_event("change")
    phone.locator("#nc-traject-maand").fill("2026-03")
    phone.locator("#nc-traject-maand").dispatch_event("input")
    phone.locator('[name="netwerk-dichtbij"]').fill("4")
    phone.locator('[name="netwerk-dichtbij"]').dispatch_event("input")
    record = f"JSON.parse(localStorage.getItem('{SITE}:traject:T-014:intake')).waarden"
    assert phone.evaluate(record) == {"netwerk-dichtbij": "4"}
    phone.reload()  # opening the form again keeps what the trajectory holds
    assert phone.locator('[name="netwerk-dichtbij"]').input_value() == "4"
    assert phone.evaluate(record) == {"netwerk-dichtbij": "4"}
    assert "bewaard bij traject T-014" in phone.locator(".nc-trajectory-status").text_content()
    name_by_keyboard(phone, "new", "Bram")
    assert phone.locator("#nc-traject-code").input_value() == ""
    phone.locator("#nc-sets-choice").select_option(label="Anna")
    assert phone.locator("#nc-traject-code").input_value() == "T-014"
    phone.reload()
    assert phone.locator("#nc-traject-code").input_value() == "T-014"


def test_the_choice_fits_a_phone_and_every_target_is_big_enough(phone, site_url: str, tmp_path: Path) -> None:
    problems = {}
    for path in (DROOM, KAART, "werkbladen/index.html"):
        fresh(phone, site_url, path)
        tool(phone, "new").tap()  # the name field open too, and the tools for the chosen client
        more(phone)
        found = phone.evaluate("""[document.documentElement.scrollWidth > innerWidth,
            [...document.querySelectorAll('.nc-client-sets *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1)
              .map(e => e.tagName + '.' + e.className),
            [...document.querySelectorAll('.nc-client-sets :is(button, select, input, summary)')]
              .filter(e => { const r = e.getBoundingClientRect(); return r.width < 44 || r.height < 44; })
              .map(e => e.textContent || e.id),
            document.querySelectorAll('.nc-client-sets :is(button, select, input, summary)').length]""")
        assert found[3] == 10  # select, new, summary, 4 tools, name field, ok, cancel
        found = found[:3]
        if found != [False, [], []]:
            problems[path] = found
        phone.screenshot(path=str(tmp_path / (path.replace("/", "-") + ".png")), full_page=False)
    assert problems == {}
