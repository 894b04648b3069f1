"""The pages of "Voor de trainer": the programme, a page per meeting, the role-play cards and the
exercises, from content/training/."""
from __future__ import annotations

from generator.markup.text import esc, md_escape, shift_headings
from generator.model.handbook import Handbook
from generator.model.paths import (CARDS_PAGE, CARDS_PDF, EXERCISES_PAGE, POCKET_CARD_PDF, TRAINING_INDEX,
                                   meeting_page, module_of_reference, quiz_page, step_label, worksheet_page)
from generator.model.route import learning_route
from generator.model.training import BLOCK_KINDS, clock, duration
from generator.model.schema.training import AgendaBlock, Card, Meeting
from generator.web.blocks import lines as _lines
from generator.web.links import LinkResolver, module_href

GUIDE_NOTE = ("Alles voor de trainer staat ook in de trainershandleiding (PDF): het programma, elke "
              "bijeenkomst, de kaarten, de formulieren, de oefeningen met antwoorden en de antwoorden bij de toetsen.")


def render_programme(hb: Handbook, pdfs: set[str]) -> str:
    training, links = hb.training, LinkResolver(hb, TRAINING_INDEX)
    rows = [f"| [Bijeenkomst {m.number}: {md_escape(m.title)}]({links.to(meeting_page(m.number))}) | "
            f"{duration(m.duration_minutes)} | {md_escape(m.aim)} |" for m in training.meetings]
    total = sum(m.duration_minutes for m in training.meetings)
    return _lines(
        f"# {md_escape(training.programme.title)}",
        links.expand(training.programme.intro),
        md_escape(training.programme.audience_note),
        "## De bijeenkomsten",
        f"{len(training.meetings)} bijeenkomsten, samen {duration(total)}.",
        "| Bijeenkomst | Duur | Doel |\n|---|---|---|\n" + "\n".join(rows),
        "## Voor het oefenen",
        f"- [Rollenspelkaarten]({links.to(CARDS_PAGE)}) ({len(training.cards)} kaarten)\n"
        f"- [Oefeningen per vraagsoort]({links.to(EXERCISES_PAGE)}), met voorbeeldantwoorden",
        _pdf_lines(links, pdfs),
    )


def _pdf_lines(links: LinkResolver, pdfs: set[str]) -> str:
    items = [(CARDS_PDF, "Rollenspelkaarten om te printen (vier per A4, met snijlijnen)"),
             (POCKET_CARD_PDF, "Zakkaart: één A4 dat je vouwt tot A6")]
    guide = sorted(p for p in pdfs if p.startswith("pdf/pakketten/trainershandleiding"))
    items += [(path, "Trainershandleiding (PDF)") for path in guide]
    found = [f"- **[{label}]({links.to(path)})**" for path, label in items if path in pdfs]
    return _lines("## Om te printen", GUIDE_NOTE if guide else "", "\n".join(found)) if found else ""


def render_meeting(hb: Handbook, meeting: Meeting) -> str:
    links = LinkResolver(hb, meeting_page(meeting.number))
    return _lines(
        f"# Bijeenkomst {meeting.number}: {md_escape(meeting.title)}",
        f"**Doel:** {md_escape(meeting.aim)}  \n**Duur:** {duration(meeting.duration_minutes)}",
        _before(hb, meeting, links),
        "## Materiaal" if meeting.materials else "",
        "\n".join(f"- {md_escape(item)}" for item in meeting.materials),
        "## Programma",
        *_agenda(hb, meeting, links),
        f"[Terug naar het programma]({links.to(TRAINING_INDEX)})",
    )


def _before(hb: Handbook, meeting: Meeting, links: LinkResolver) -> str:
    modules = [module_of_reference(hb, ref) for ref in meeting.before.modules]
    items = [f"- Lees [{md_escape(title)}]({links.to(page)})" for title, page in modules]
    items += [f"- Haal de toets [{md_escape(hb.quizzes[q].title)}]({links.to(quiz_page(q))})"
              for q in meeting.before.quizzes]
    if not items:
        return ""
    return _lines("## Vooraf in de e-learning", "Dit doen de deelnemers vóór deze bijeenkomst:", "\n".join(items))


def _agenda(hb: Handbook, meeting: Meeting, links: LinkResolver) -> list[str]:
    blocks, start = [], 0
    for block in meeting.agenda:
        blocks.append(_agenda_block(hb, block, start, links))
        start += block.minutes
    return blocks


def _agenda_block(hb: Handbook, block: AgendaBlock, start: int, links: LinkResolver) -> str:
    heading = (f"### {clock(start)}–{clock(start + block.minutes)} · {BLOCK_KINDS[block.kind]}: "
               f"{md_escape(block.title)}")
    uses = [f"[{md_escape(hb.training.card(c).title)}]({links.to(CARDS_PAGE, f'kaart-{c}')})" for c in block.cards]
    uses += [f"[{md_escape(hb.training.exercise(e).title)}]({links.to(EXERCISES_PAGE, f'oefening-{e}')})"
             for e in block.exercises]
    uses += [f"[{md_escape(hb.worksheets[w].title)}]({links.to(worksheet_page(w))})" for w in block.worksheets]
    return _lines(heading, f"*{block.minutes} minuten*", shift_headings(links.expand(block.description), 2),
                  ("**Hierbij nodig:** " + ", ".join(uses)) if uses else "")


def render_cards(hb: Handbook) -> str:
    links = LinkResolver(hb, CARDS_PAGE)
    roles = hb.method.roles
    return _lines(
        "# Rollenspelkaarten",
        f"Elke kaart is een verzonnen situatie: geen echte {md_escape(roles.client)}. Met drie spelers: "
        f"één speelt de {md_escape(roles.client)}, één de {md_escape(roles.learner)}, één kijkt mee.",
        *(_card(hb, card, links) for card in hb.training.cards),
    )


def _card(hb: Handbook, card: Card, links: LinkResolver) -> str:
    step = hb.step_by_number(card.step)
    roles = hb.method.roles
    return _lines(
        f'<h2 id="kaart-{card.id}">{esc(card.title)}</h2>',
        f"[{md_escape(step_label(hb, card.step))}]({links.to(step.page_path)}) · "
        f"{md_escape(hb.method.question_label(card.question_kind))}",
        f"**Voor wie de {md_escape(roles.client)} speelt:** {md_escape(card.client)}",
        f"**Voor wie de {md_escape(roles.learner)} speelt:** {md_escape(card.coach)}",
        f"**Voor wie meekijkt:** {md_escape(card.observer)}",
    )


def render_exercises(hb: Handbook) -> str:
    blocks = []
    for exercise in hb.training.exercises:
        answers = "\n".join(f"- {md_escape(answer)}" for answer in exercise.answers)
        blocks.append(_lines(f'<h2 id="oefening-{exercise.id}">{esc(exercise.title)}</h2>',
                             f"*{md_escape(hb.method.question_label(exercise.question_kind))}*",
                             md_escape(exercise.task), "**Voorbeeldantwoorden voor de trainer:**", answers))
    return _lines("# Oefeningen per vraagsoort",
                  "Per vraagsoort een oefening voor de bijeenkomsten, met voorbeeldantwoorden voor de trainer.",
                  *blocks)


def meeting_line(hb: Handbook, reference: str, links: LinkResolver) -> str:
    """'Dit oefen je in bijeenkomst 2' under a route module the training builds on."""
    if hb.training is None:
        return ""
    meetings = hb.training.meetings_before_which(reference)
    if not meetings:
        return ""
    names = [f"[bijeenkomst {m.number}: {md_escape(m.title)}]({links.to(meeting_page(m.number))})" for m in meetings]
    return f'!!! note "In de training"\n    Dit oefen je in {" en ".join(names)}.'


def training_nav(hb: Handbook) -> list:
    training = hb.training
    entries = [{"Programma": TRAINING_INDEX}]
    entries += [{f"Bijeenkomst {m.number}: {m.title}": meeting_page(m.number)} for m in training.meetings]
    entries += [{"Rollenspelkaarten": CARDS_PAGE}, {"Oefeningen per vraagsoort": EXERCISES_PAGE}]
    return [{"Voor de trainer": entries}]


def add_training_pages(hb: Handbook, add, pdfs: set[str]) -> None:
    """Adds every training page through `add(path, text)`."""
    if hb.training is None:
        return
    add(TRAINING_INDEX, render_programme(hb, pdfs))
    for meeting in hb.training.meetings:
        add(meeting_page(meeting.number), render_meeting(hb, meeting))
    add(CARDS_PAGE, render_cards(hb))
    add(EXERCISES_PAGE, render_exercises(hb))


def meetings_data(hb: Handbook, links: LinkResolver) -> list[dict]:
    """For progress.js: each meeting with the route modules and quizzes to finish before it."""
    if hb.training is None:
        return []
    module_ids = {m.page: m.id for m in learning_route(hb)}
    quiz_modules = {m.quiz: m.id for m in learning_route(hb) if m.quiz}
    return [{"title": f"Bijeenkomst {m.number}: {m.title}",
             "href": links.to(meeting_page(m.number)).replace(".md", ".html"),
             "modules": [module_ids[page] for page in _pages_of(hb, m.before.modules) if page in module_ids],
             "quizzes": [quiz_modules[q] for q in m.before.quizzes if q in quiz_modules]}
            for m in hb.training.meetings]


def _pages_of(hb: Handbook, references: list[str]) -> list[str]:
    """The route pages a list of references covers: a phase stands for its steps."""
    pages = []
    for reference in references:
        kind, _, target = reference.partition(":")
        if kind == "fase":
            phase = next(p for p in hb.phases if p.meta.id == target)
            pages += [step.page_path for step in hb.steps_of(phase)]
        else:
            pages.append(module_of_reference(hb, reference)[1])
    return pages


def next_meeting_block(hb: Handbook, links: LinkResolver) -> str:
    """'Volgende bijeenkomst' on the progress page as a first visit sees it; progress.js keeps it
    up to date (same markup, so nothing moves when the script runs)."""
    meetings = meetings_data(hb, links)
    first = next((m for m in meetings if m["modules"] or m["quizzes"]), None)
    if first is None:
        return ""
    route = {m.id: m for m in learning_route(hb)}
    todo = first["modules"] + [q for q in first["quizzes"] if q not in first["modules"]]
    items = "".join(f'<li><a href="{esc(module_href(links, route[i]))}">{esc(route[i].title)}</a></li>' for i in todo)
    return _lines("## De training",
                  f'<div class="nc-next-meeting" role="status" aria-live="polite"><p>Volgende bijeenkomst: '
                  f'<a href="{esc(first["href"])}">{esc(first["title"])}</a>. Doe eerst:</p><ul>{items}</ul></div>')
