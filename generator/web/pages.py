"""Every page of the docs tree as Markdown, from the validated model."""
from __future__ import annotations

import json

from generator.markup.references import heading_id
from generator.markup.text import count_questions, esc, md_escape, number_word, shift_headings, theme_text
from generator.model.handbook import Handbook, Page, Phase, Step
from generator.model.paths import (DOWNLOADS_PAGE, WORKSHEETS_INDEX, fillable_worksheet_pdf, quiz_page, step_label,
                                   step_pdf, store_namespace, worksheet_page, worksheet_pdf)
from generator.model.route import module_of_page
from generator.model.schema.method import StepPart
from generator.model.schema.worksheet import Worksheet
from generator.web.blocks import lines as _lines
from generator.web.blocks import script_tag, stand_in_buttons
from generator.web.client_sets import sets_panel, sheet_panel
from generator.web.forms import render_form
from generator.web.links import LinkResolver
from generator.web.monitoring import page_tool, trajectory_panel
from generator.web.route_views import route_data, route_map, start_block
from generator.web.training_pages import meeting_line


def render_home(hb: Handbook) -> str:
    links = LinkResolver(hb, "index.md")
    phases = len(hb.phases)
    route = [f"{i}. **Fase {p.meta.number}: [{md_escape(p.meta.title)}]({links.to(p.page_path)})** — "
             f"{md_escape(p.meta.summary)}" for i, p in enumerate(hb.phases, 1)]
    step_list = [_step_item(hb, links, step) for step in hb.steps]
    sections = [f"- **{md_escape(s.title)}**: " + ", ".join(
        f"[{md_escape(p.meta.title)}]({links.to(p.page_path)})" for p in hb.pages_in(s.id))
        for s in hb.meta.sections if hb.pages_in(s.id)]
    edition = hb.meta.edition
    return _lines(
        f"# {md_escape(hb.meta.title)}",
        f"**{md_escape(hb.meta.tagline)}**",
        "## Begin hier",
        start_block(hb, links),
        links.expand(hb.meta.description),
        "## Zo loop je door de training",
        f"De methode heeft {number_word(len(hb.steps))} stappen in {number_word(phases)} fasen. "
        f"Je kunt de stappen op volgorde lezen. In de praktijk volg je het tempo van de "
        f"{md_escape(hb.method.roles.client)}.",
        "\n".join(route),
        route_map(hb, links),
        "## Alle stappen",
        "\n".join(step_list),
        "## Meer over de methode" if sections else "",
        "\n".join(sections),
        _contact(hb),
        f"*{md_escape(hb.site.organisation.name)} · {md_escape(edition.name)} "
        f"(versie {md_escape(edition.version)}, {edition.date})*",
        route_data(hb, links),
    )


def _contact(hb: Handbook) -> str:
    contact = hb.site.organisation.contact
    if contact is None:
        return ""
    lines = [f"{md_escape(contact.name)}, {md_escape(contact.role)} bij {md_escape(hb.site.organisation.name)}"]
    if contact.email:
        lines.append(f"E-mail: [{md_escape(contact.email)}](mailto:{contact.email})")
    if contact.phone:
        lines.append(f"Telefoon: {md_escape(contact.phone)}")
    question = f"Heb je vragen over de training of over een {md_escape(hb.method.roles.client)}?"
    return _lines("## Vragen?", f"{question} Neem contact op met:", "  \n".join(lines))


def _step_item(hb: Handbook, links: LinkResolver, step: Step) -> str:
    return (f"- [{md_escape(step_label(hb, step.meta.number))}]({links.to(step.page_path)}): "
            f"{md_escape(step.meta.summary)}")


def render_phase(hb: Handbook, phase: Phase) -> str:
    links = LinkResolver(hb, phase.page_path)
    steps = hb.steps_of(phase)
    # A phase page heads its menu section and has no menu title of its own: the engine would take
    # the title from the heading, unescaped. It gets one here, made safe for the theme.
    title = theme_text(f"Fase {phase.meta.number}: {phase.meta.title}")
    return _lines(
        f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---",
        f"# Fase {phase.meta.number}: {md_escape(phase.meta.title)}",
        f"*{md_escape(phase.meta.summary)}*",
        links.expand(phase.meta.description),
        route_map(hb, links, here=phase.page_path, phases=[phase]),
        "## Stappen in deze fase",
        "\n".join(_step_item(hb, links, step) for step in steps),
    )


def _step_facts(hb: Handbook, step: Step, links: LinkResolver) -> str:
    phase = hb.phase_of(step)
    facts = [f"**Fase:** [{md_escape(phase.meta.title)}]({links.to(phase.page_path)})",
             f"**Duur (richtlijn):** {md_escape(step.meta.duration)}"]
    # The method gives no duration, facets or question kinds per step: the handbook's guidance.
    facts += [f"**{md_escape(label)} (richtlijn):** {md_escape(', '.join(values))}"
              for label, values in hb.step_facets(step)]
    if step.meta.questions:
        labels = ", ".join(hb.method.question_label(kind) for kind in step.meta.questions)
        facts.append(f"**Vragen (richtlijn):** {md_escape(labels)}")
    return "  \n".join(facts)


def _pdf_link(links: LinkResolver, pdf: str, pdfs: set[str], label: str = "Download als PDF") -> str:
    return f"**[{label}]({links.to(pdf)})**" if pdf in pdfs else ""


def render_step(hb: Handbook, step: Step, pdfs: set[str] = frozenset()) -> str:
    links = LinkResolver(hb, step.page_path)
    parts = [part for part in hb.method.step_parts if _has_part(step, part)]
    part_links = " · ".join(f"[{md_escape(part.title)}](#{heading_id(part.title)})" for part in parts)
    with_sheets = " (met de werkbladen)" if step.meta.worksheets else ""
    return _lines(
        f"# {md_escape(step_label(hb, step.meta.number))}",
        _step_facts(hb, step, links),
        f'!!! abstract "In het kort"\n    {md_escape(step.meta.summary)}',
        f"**Op deze pagina:** {part_links}" if len(parts) > 1 else "",
        _pdf_link(links, step_pdf(step.meta.number, step.meta.slug), pdfs,
                  f"Download deze stap als PDF{with_sheets}"),
        *(_step_part(hb, step, part, links, pdfs) for part in parts),
        meeting_line(hb, f"stap:{step.meta.number}", links),
        _quiz_teaser(hb, links, step.meta.quiz),
        module_marker(hb, step.page_path),
    )


def _has_part(step: Step, part: StepPart) -> bool:
    """A step shows a part it has; an optional part it lacks leaves no empty heading."""
    if part.shows_worksheets:
        return bool(step.meta.worksheets) or not part.optional
    return part.id in step.parts


def _step_part(hb: Handbook, step: Step, part: StepPart, links: LinkResolver, pdfs: set[str]) -> str:
    heading = f"## {md_escape(part.title)}"
    if not part.shows_worksheets:
        return _lines(heading, shift_headings(links.expand(step.parts[part.id].text)))
    sheets = [hb.worksheets[sheet_id] for sheet_id in step.meta.worksheets]
    return _lines(heading, "\n\n".join(_sheet_teaser(links, sheet, pdfs) for sheet in sheets))


def _quiz_teaser(hb: Handbook, links: LinkResolver, quiz_id: str | None) -> str:
    if not quiz_id:
        return ""
    quiz = hb.quizzes[quiz_id]
    return _lines("## Test jezelf",
                  f"Weet je wat je als {md_escape(hb.method.roles.learner)} doet in deze stap? Maak de toets: "
                  f"**[{md_escape(quiz.title)}]({links.to(quiz_page(quiz_id))})** "
                  f"({count_questions(len(quiz.questions))}). Haal je hem, dan is deze stap klaar in je voortgang.")


def module_marker(hb: Handbook, page: str) -> str:
    """A place for the 'klaar' button of a route page; progress.js fills it in."""
    module = module_of_page(hb, page)
    if module is None:
        return ""
    return (f'<div class="nc-module" data-module="{esc(module.id)}" data-site="{esc(store_namespace(hb))}" '
            f'data-title="{esc(module.title)}"></div>')


def _sheet_teaser(links: LinkResolver, sheet: Worksheet, pdfs: set[str]) -> str:
    questions = [f"- {md_escape(block.label)}" for block in sheet.fields]
    return _lines(
        f"### {md_escape(sheet.title)}",
        md_escape(sheet.intro),
        "Op dit werkblad:" if questions else "",
        "\n".join(questions),
        f"**[Werkblad invullen op het scherm]({links.to(worksheet_page(sheet.id))})**",
        _pdf_link(links, worksheet_pdf(sheet.id), pdfs, "Werkblad als PDF om te printen"),
    )


def render_page(hb: Handbook, page: Page) -> str:
    links = LinkResolver(hb, page.page_path)
    extra = render_competences(hb) if page.meta.show == "competenties" else ""
    return _lines(f"# {md_escape(page.meta.title)}", links.expand(page.body.text), extra,
                  page_tool(hb, page, links), meeting_line(hb, f"pagina:{page.slug}", links), module_marker(hb, page.page_path))


def render_competences(hb: Handbook) -> str:
    blocks, learner = [], md_escape(hb.method.roles.learner)
    for competence in hb.competences:
        behaviour = "\n".join(f"- {md_escape(item)}" for item in competence.behaviour)
        blocks.append(_lines(f"### {md_escape(competence.title)}", md_escape(competence.description),
                             f"Dat zie je als de {learner}:", behaviour))
    return _lines("## De competenties", *blocks) if blocks else ""


def render_glossary(hb: Handbook) -> str:
    terms = {entry.id: entry.term for entry in hb.glossary}
    items = []
    for entry in sorted(hb.glossary, key=lambda e: e.term.casefold()):
        see = ", ".join(f'<a href="#begrip-{other}">{esc(terms[other])}</a>' for other in entry.see)
        see_html = f' <span class="nc-see">Zie ook: {see}.</span>' if see else ""
        # A heading per term: each term is its own search entry with its own anchor, and the
        # search snippet does not glue the term to its definition.
        items.append(f'<h2 class="nc-term" id="begrip-{entry.id}">{esc(entry.term)}</h2>'
                     f'<p class="nc-definition">{esc(entry.definition)}{see_html}</p>')
    # Raised in the search: a term should first find what it means, then the many pages that use
    # it (the trainer's cards and exercises name the question kinds often).
    return _lines("---\nsearch:\n  boost: 3\n---", "# Begrippenlijst",
                  "Hier staan de woorden die in deze training een vaste betekenis hebben.",
                  f'<div class="nc-glossary">{"".join(items)}</div>')


def render_literature(hb: Handbook) -> str:
    items = []
    for entry in sorted(hb.literature, key=lambda e: (e.authors.casefold(), e.year)):
        url = f' <a href="{esc(entry.url)}">{esc(entry.url)}</a>' if entry.url else ""
        items.append(f'<li id="bron-{entry.id}">{esc(entry.authors)} ({esc(entry.year)}). '
                     f'<em>{esc(entry.title)}</em>. {esc(entry.source)}.{url}</li>')
    return _lines("# Literatuur", "De bronnen waar deze training op steunt.",
                  f'<ul class="nc-literature">{"".join(items)}</ul>')


# Tool rows as (action, label): worksheets.js and progress.js enable each button by its action.
SHEET_TOOLS = (("save", "Opslaan als bestand"), ("open", "Bestand openen"), ("print", "Afdrukken"),
               ("clear", "Alles wissen"))
ALL_SHEETS_TOOLS = (("save", "Alle werkbladen opslaan als bestand"), ("open", "Bestand openen"),
                    ("clear", "Alles wissen"))


def render_worksheets_index(hb: Handbook) -> str:
    links = LinkResolver(hb, WORKSHEETS_INDEX)
    groups = []
    for audience in hb.method.audiences:
        title = md_escape(audience.title)
        sheets = [s for s in hb.worksheets_in_order() if s.audience == audience.id]
        if sheets:
            items = "\n".join(_sheet_item(hb, links, sheet) for sheet in sheets)
            groups.append(_lines(f"## {title}", items))
    return _lines("# Werkbladen", "Vul een werkblad in op het scherm, of print het.",
                  '<p class="nc-privacy">Je antwoorden blijven op dit apparaat. Er wordt niets '
                  "verstuurd. Wil je ze bewaren of meenemen? Sla ze op als bestand.</p>",
                  sets_panel(hb, store_namespace(hb)),
                  f'<p class="nc-help">De knoppen hieronder gelden voor de {esc(hb.method.roles.client)} die hierboven '
                  "gekozen is, en voor je eigen werkbladen.</p>",
                  f'<div class="nc-all-tools" data-site="{esc(store_namespace(hb))}">{stand_in_buttons(ALL_SHEETS_TOOLS)}'
                  '<p class="nc-status" role="status"></p></div>',
                  *groups, script_tag(links, "answer-sets.js"), script_tag(links, "worksheets.js"))


def _sheet_item(hb: Handbook, links: LinkResolver, sheet: Worksheet) -> str:
    prefix = f"{step_label(hb, sheet.step)} — " if sheet.step else ""
    return f"- {md_escape(prefix)}[{md_escape(sheet.title)}]({links.to(worksheet_page(sheet.id))})"


def render_worksheet(hb: Handbook, sheet: Worksheet, pdfs: set[str] = frozenset()) -> str:
    page = worksheet_page(sheet.id)
    links = LinkResolver(hb, page)
    step = hb.step_by_number(sheet.step) if sheet.step else None
    back = f"Hoort bij [{md_escape(step_label(hb, step.meta.number))}]({links.to(step.page_path)})." \
        if step else ""
    return _lines(f"# {md_escape(sheet.title)}", back, md_escape(sheet.intro),
                  _pdf_link(links, worksheet_pdf(sheet.id), pdfs, "Download als PDF (leeg werkblad om te printen)"),
                  _pdf_link(links, fillable_worksheet_pdf(sheet.id), pdfs,
                            "Invulbare PDF (op de computer invullen en bewaren)"),
                  '<p class="nc-privacy">Je antwoorden blijven op dit apparaat. '
                  "Er wordt niets verstuurd.</p>",
                  sheet_panel(hb, sheet, store_namespace(hb)),
                  f'<div class="nc-tools">{stand_in_buttons(SHEET_TOOLS)}</div>'
                  f'<p class="nc-status" data-for="{esc(sheet.id)}" role="status"></p>',
                  trajectory_panel(hb, sheet, links), render_form(sheet, store_namespace(hb), hb.method),
                  script_tag(links, "answer-sets.js"), script_tag(links, "worksheets.js"))


def render_downloads(hb: Handbook, downloads: list) -> str:
    """The downloads page: packs first, then a PDF per step and per worksheet."""
    links = LinkResolver(hb, DOWNLOADS_PAGE)
    groups = {"pdf/pakketten/": "Pakketten", "pdf/stappen/": "Per stap", "pdf/werkbladen/": "Per werkblad"}
    sections = []
    for prefix, title in groups.items():
        items = [f"- [{md_escape(d.title)}]({links.to(d.path)}) ({d.size_stand_in or size_text(d.size)})"
                 + (f": {md_escape(d.description)}" if d.description else "")
                 for d in downloads if d.path.startswith(prefix)]
        if items:
            sections.append(_lines(f"## {title}", "\n".join(items)))
    return _lines("# Downloads", "Alles om te printen, op A4. Dubbelzijdig printen kan: elk werkblad "
                  "begint op een rechterbladzijde.", *sections)


def size_text(count: int | None) -> str:
    """A file size as the downloads page prints it."""
    if count is None:  # the live preview makes its PDFs when they are opened
        return "PDF, wordt gemaakt als je hem opent"
    return f"{max(1, round(count / 1024))} kB" if count < 1024 * 1024 else f"{count / 1024 / 1024:.1f} MB"


STATUS_TITLES = {"nieuw": "Nieuw", "veranderd": "Veranderd", "weg": "Niet meer in deze editie"}
KIND_TITLES = {"stap": "Stappen", "werkblad": "Werkbladen", "toets": "Toetsen", "pagina": "Pagina's"}


def render_whats_new(hb: Handbook, old_edition: str, changes: list) -> str:
    """'Wat is er nieuw': computed from two editions, never written by hand."""
    sections = []
    for kind, title in KIND_TITLES.items():
        items = []
        for status, label in STATUS_TITLES.items():
            for change in (c for c in changes if c.kind == kind and c.status == status):
                detail = f" ({', '.join(change.details)})" if change.details else ""
                items.append(f"- **{label}:** {md_escape(change.title)}{md_escape(detail)}")
        if items:
            sections.append(_lines(f"## {title}", "\n".join(items)))
    edition = hb.meta.edition
    return _lines("# Wat is er nieuw",
                  f"Wat er veranderd is in {md_escape(edition.name)} (versie {md_escape(edition.version)}), "
                  f"vergeleken met {md_escape(old_edition)}. Deze lijst is automatisch gemaakt.",
                  *(sections or ["Er zijn geen verschillen in stappen, werkbladen, toetsen of pagina's."]))
