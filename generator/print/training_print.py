"""The trainer's half in print: the guide's parts (programme, meetings, cards, forms, exercises),
the sheet of role-play cards (four per A4) and the pocket card (one A4 that folds to A6)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from generator.model.paths import CARDS_PDF, POCKET_CARD_PDF, module_of_reference, step_label
from generator.model.training import BLOCK_KINDS, clock, duration
from generator.model.schema.site import Contact
from generator.model.schema.training import AgendaBlock, Card, Meeting
from generator.print.documents import Part, PrintDoc, Section

if TYPE_CHECKING:
    from generator.print.print_html import PrintRenderer

CARDS_PER_SHEET = 4


def _macros(renderer: PrintRenderer):
    return renderer.env.get_template("training.html.j2").make_module({})


def training_parts(renderer: PrintRenderer) -> list[dict[str, object]]:
    """The guide's parts for a pack with part 'training'; none when the handbook has no training."""
    training = renderer.hb.training
    if training is None:
        return []
    macros = _macros(renderer)
    parts = [_page("training", training.programme.title, macros.programme(
        {"intro_html": renderer.markdown(training.programme.intro, 1), "programme": training.programme},
        [_meeting_row(m) for m in training.meetings]))]
    parts += [_page(f"bijeenkomst-{m.number}", f"Bijeenkomst {m.number}: {m.title}",
                    macros.meeting(_meeting_data(renderer, m))) for m in training.meetings]
    if training.cards:
        parts.append(_page("rollenspelkaarten", "Rollenspelkaarten", macros.cards_list([_card(renderer, c) for c in training.cards])))
    parts += [_form(renderer, sheet_id) for sheet_id in _forms(renderer)]
    if training.exercises:
        parts.append(_page("oefeningen", "Oefeningen per vraagsoort", macros.exercises(
            [_exercise(renderer, e) for e in training.exercises])))
    return parts


def _page(anchor: str, title: str, html: str) -> dict[str, object]:
    return {"kind": "page", "anchor": anchor, "title": title, "html": Markup(html)}


def _meeting_row(meeting: Meeting) -> dict[str, object]:
    return {"number": meeting.number, "title": meeting.title, "aim": meeting.aim,
            "duration": duration(meeting.duration_minutes)}


def _meeting_data(renderer: PrintRenderer, meeting: Meeting) -> dict[str, object]:
    hb = renderer.hb
    before = [f"Lees: {module_of_reference(hb, ref)[0]}" for ref in meeting.before.modules]
    before += [f"Haal de toets: {hb.quizzes[q].title}" for q in meeting.before.quizzes]
    start, agenda = 0, []
    for block in meeting.agenda:
        agenda.append(_block(renderer, block, start))
        start += block.minutes
    return {**_meeting_row(meeting), "before": before, "materials": meeting.materials, "agenda": agenda}


def _block(renderer: PrintRenderer, block: AgendaBlock, start: int) -> dict[str, object]:
    training, hb = renderer.hb.training, renderer.hb
    uses = [f"kaart '{training.card(c).title}'" for c in block.cards]
    uses += [f"oefening '{training.exercise(e).title}'" for e in block.exercises]
    uses += [f"'{hb.worksheets[w].title}'" for w in block.worksheets]
    return {"time": f"{clock(start)}–{clock(start + block.minutes)}", "kind": BLOCK_KINDS[block.kind],
            "title": block.title, "minutes": block.minutes, "uses": uses,
            "html": renderer.markdown(block.description, 2)}


def _card(renderer: PrintRenderer, card: Card) -> dict[str, object]:
    hb = renderer.hb
    roles = hb.method.roles
    return {"title": card.title, "step_label": step_label(hb, card.step),
            "kind": hb.method.question_label(card.question_kind), "client": card.client, "coach": card.coach,
            "observer": card.observer, "client_role": f"Voor wie de {roles.client} speelt",
            "coach_role": f"Voor wie de {roles.learner} speelt"}


def _exercise(renderer: PrintRenderer, exercise) -> dict[str, object]:
    return {"title": exercise.title, "kind": renderer.hb.method.question_label(exercise.question_kind),
            "task": exercise.task, "answers": exercise.answers}


def _forms(renderer: PrintRenderer) -> list[str]:
    """The worksheets the meetings use, in the order they first appear."""
    seen: list[str] = []
    for meeting in renderer.hb.training.meetings:
        for block in meeting.agenda:
            seen += [w for w in block.worksheets if w not in seen]
    return seen


def _form(renderer: PrintRenderer, sheet_id: str) -> dict[str, object]:
    sheet = renderer.hb.worksheets[sheet_id]
    return {"kind": "worksheet", "anchor": f"werkblad-{sheet.id}", "sheet": sheet,
            "step_label": renderer._sheet_label(sheet)}


def training_documents(renderer: PrintRenderer) -> list[PrintDoc]:
    """The card sheet and the pocket card, when the handbook has them."""
    training = renderer.hb.training
    if training is None:
        return []
    docs = []
    if training.cards:
        docs.append(_card_sheet(renderer))
    if training.pocket_card:
        docs.append(_pocket_card(renderer))
    return docs


def _card_sheet(renderer: PrintRenderer) -> PrintDoc:
    cards = [_card(renderer, card) for card in renderer.hb.training.cards]
    sheets = [cards[i:i + CARDS_PER_SHEET] for i in range(0, len(cards), CARDS_PER_SHEET)]
    title, note = "Rollenspelkaarten", "Vier kaarten per A4, met snijlijnen."
    html = renderer.env.get_template("cards.html.j2").render(**renderer._context(title, note, True), sheets=sheets)
    return _single(CARDS_PDF, title, html, note)


# The pocket card is a quarter-fold card: one side of an A4 in four A6 panels. Fold the top half
# back (the print stays outside), then fold the left half back. The bottom-right panel is then the
# front, the top row is the inside (top-right left, top-left right) and the bottom-left panel the
# back. Folding the top half back turns it 180°, so the top row is printed upside down.
POCKET_FOLD = ("Print deze kant op ware grootte, op één kant van het papier.",
               "Vouw de bovenste helft naar achteren, langs de liggende stippellijn. De tekst zit dan buiten.",
               "Vouw de linkerhelft naar achteren, langs de staande stippellijn.",
               "Nu zie je de voorkant. Open de kaart als een boekje: binnenin staan de stappen en de vragen.")
DENSE_STEPS = 14  # more steps than this: the steps panel uses its smaller type (still 8pt or more)


def _pocket_card(renderer: PrintRenderer) -> PrintDoc:
    hb, card = renderer.hb, renderer.hb.training.pocket_card
    groups = [{"title": f"Fase {p.meta.number}: {p.meta.title}",
               "entries": [f"{s.meta.number}. {s.meta.title}" for s in hb.steps_of(p)]} for p in hb.phases]
    contact = hb.site.organisation.contact or Contact(name="")
    # Filled in from the site config when it gives a phone number, else lines to write on.
    write_in = [(f"Mijn {contact.role}", contact.name if contact.phone else ""),
                ("Telefoon", contact.phone)]
    # In reading order once folded; `place` puts each on the sheet (print.css).
    panels = [_panel("front", card.title, subtitle=card.rules_title, entries=card.rules),
              _panel("inside-left", "De stappen", groups=groups, dense=len(hb.steps) > DENSE_STEPS),
              _panel("inside-right", card.questions_title, entries=card.questions),
              _panel("back", "", footer=card.footer, write_in=write_in,
                     fold=POCKET_FOLD)]
    note = "Eén A4: vouw het twee keer, dan past het in je zak."
    html = renderer.env.get_template("pocket.html.j2").render(**renderer._context(card.title, note, True),
                                                              panels=panels)
    return _single(POCKET_CARD_PDF, card.title, html, note)


def _single(path: str, title: str, html: str, description: str) -> PrintDoc:
    """A sheet that is in no other PDF: rendered whole, as it is printed."""
    return PrintDoc(path, title, (Section(Part(html)),), (), description, composed=False)


def _panel(place: str, title: str, subtitle: str = "", groups: list | None = None, entries: list | None = None,
           footer: str = "", write_in: list[tuple[str, str]] | None = None, fold: tuple[str, ...] = (),
           dense: bool = False) -> dict:
    """One A6 panel of the pocket card: where it sits when folded, and what it holds."""
    return {"place": place, "title": title, "subtitle": subtitle, "groups": groups or [], "entries": entries or [],
            "footer": footer, "write_in": write_in or [], "fold": list(fold), "dense": dense}
