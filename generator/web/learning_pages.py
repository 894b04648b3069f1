"""The learning pages of the docs tree: the quizzes, their index, and 'Mijn voortgang'."""
from __future__ import annotations

from generator.markup.text import NOT_IN_SEARCH, count_questions, esc, md_escape
from generator.model.handbook import Handbook
from generator.model.paths import PROGRESS_PAGE, QUIZZES_INDEX, quiz_page, step_label, store_namespace
from generator.model.route import Module, learning_route, module_of_quiz, next_module
from generator.model.schema.quiz import Quiz
from generator.web.blocks import lines as _lines, script_tag, stand_in_buttons
from generator.web.links import LinkResolver, module_href
from generator.web.quizzes import render_quiz
from generator.web.route_views import progress_bar, route_data, route_map
from generator.web.training_pages import next_meeting_block

PROGRESS_TOOLS = (("save", "Opslaan als bestand"), ("open", "Bestand openen"), ("clear", "Wis mijn voortgang"))


def render_quiz_page(hb: Handbook, quiz: Quiz) -> str:
    links = LinkResolver(hb, quiz_page(quiz.id))
    module = module_of_quiz(hb, quiz.id)
    step = hb.step_by_number(quiz.step) if quiz.step else None
    back = (f"Deze toets hoort bij [{md_escape(step_label(hb, step.meta.number))}]({links.to(step.page_path)})."
            if step else "Deze toets gaat over de hele methode.")
    # Quiz pages stay out of the search index: a search for a term should find its explanation,
    # not a question about it (and never the answers).
    return _lines("---\nsearch:\n  exclude: true\n---", f"# {md_escape(quiz.title)}", back,
                  md_escape(quiz.intro) if quiz.intro else "",
                  render_quiz(quiz, store_namespace(hb), module.id if module else f"toets-{quiz.id}",
                              links.to(module.page if module else quiz_page(quiz.id)).replace(".md", ".html"),
                              _next_after(hb, links, module)),
                  f"Je score komt in [Mijn voortgang]({links.to(PROGRESS_PAGE)}). Er wordt niets verstuurd.",
                  script_tag(links, "quiz.js"))


def _next_after(hb: Handbook, links: LinkResolver, module: Module | None) -> tuple[str, str] | None:
    """(title, page) of the route module after a quiz's module, for the 'Verder met' link."""
    following = next_module(hb, module.id) if module else None
    return (following.title, module_href(links, following)) if following else None


def render_quizzes_index(hb: Handbook) -> str:
    links = LinkResolver(hb, QUIZZES_INDEX)
    items = [f"- [{md_escape(q.title)}]({links.to(quiz_page(q.id))}) ({count_questions(len(q.questions))}, "
             f"geslaagd bij {q.pass_text})" for q in hb.quizzes_in_order()]
    return _lines("# Toetsen", "Test wat je weet. Je ziet meteen of je antwoord klopt, en waarom. "
                  "Je kunt een toets zo vaak maken als je wilt.", "\n".join(items))


def render_progress(hb: Handbook) -> str:
    links = LinkResolver(hb, PROGRESS_PAGE)
    route = learning_route(hb)
    groups: dict[str, list[Module]] = {}
    for module in route:
        groups.setdefault(module.group, []).append(module)
    tables = [_lines(f"## {md_escape(group)}", _route_table(links, modules)) for group, modules in groups.items()]
    return _lines(
        "# Mijn voortgang",
        "Hier zie je wat je al gelezen en gedaan hebt. Dit staat alleen in deze browser, op dit apparaat. "
        "Er wordt niets verstuurd. Wil je het bewaren of meenemen? Sla het op als bestand.",
        _progress_placeholders(links, route),
        next_meeting_block(hb, links),
        route_map(hb, links),
        *tables,
        "## Certificaat",
        '<div class="nc-certificate-area"><p>Als je alle onderdelen van de leerroute klaar hebt en alle '
        "toetsen hebt gehaald (bij elke stap en de eindtoets), kun je hier je certificaat maken en printen. "
        "Het certificaat toont je scores en heeft een plek voor de handtekening van je trainer. Je voortgang "
        "staat alleen in deze browser: wie een andere computer of browser gebruikt, ziet hem daar niet.</p></div>",
        route_data(hb, links),
    )


def _progress_placeholders(links: LinkResolver, route: list[Module]) -> str:
    """What a first visit shows, before progress.js fills it in with the same sizes.

    Rendered in the page, so the script's update moves nothing (no layout shift); the
    buttons stay disabled until the script has given them something to do.
    """
    first = route[0] if route else None
    next_line = (f'<p>Wat nu? Ga verder met <a href="{esc(module_href(links, first))}">'
                 f'{esc(first.title)}</a>.</p>') if first else ""
    return (f'<div class="nc-progress-summary" role="status" aria-live="polite">'
            f'<p>Je hebt 0 van de {len(route)} onderdelen klaar.</p>{next_line}</div>\n\n'
            f'{progress_bar(len(route))}\n\n'
            f'<div class="nc-progress-tools">{stand_in_buttons(PROGRESS_TOOLS)}'
            '<p class="nc-status" role="status"></p></div>')



def _route_table(links: LinkResolver, modules: list[Module]) -> str:
    rows = "".join(f'<tr data-module="{esc(m.id)}"><th scope="row"><a href="{esc(module_href(links, m))}">'
                   f'{esc(m.title)}</a></th><td class="nc-read" data-label="Gelezen">nog niet</td>'
                   f'<td class="nc-done" data-label="Klaar">nog niet</td>'
                   f'<td class="nc-score" data-label="Toets">{"–" if not m.quiz else "nog niet gemaakt"}</td></tr>'
                   for m in modules)
    # A table to fill in, not text to find: out of the search index, where its cells ran together.
    return (f'<table class="nc-route" {NOT_IN_SEARCH}><thead><tr><th scope="col">Onderdeel</th><th scope="col">Gelezen</th>'
            f'<th scope="col">Klaar</th><th scope="col">Toets</th></tr></thead><tbody>{rows}</tbody></table>')
