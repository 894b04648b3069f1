"""The learning route as the volunteer sees it: the start block with a progress bar, the route as
a picture (SVG, drawn from the model), and the route data that progress.js reads. Every place
that shows the route takes it from `generator.model.route.learning_route`, so they cannot disagree."""
from __future__ import annotations

from generator.markup.text import esc, json_for_script
from generator.model.handbook import Handbook
from generator.model.paths import PROGRESS_PAGE, logo_path, store_namespace
from generator.model.route import Module, learning_route
from generator.web.links import LinkResolver, module_href
from generator.web.training_pages import meetings_data

ROUTE_DATA_ID = "nc-route"


def route_data(hb: Handbook, links: LinkResolver) -> str:
    """The route as JSON in the page, for progress.js (no second copy of it in the script)."""
    phase_of = _phase_pages(hb)
    data = {"site": store_namespace(hb), "certificate": hb.method.certificate, "organisation": hb.site.organisation.name, "handbook": hb.meta.title,
            "edition": f"{hb.meta.edition.name} (versie {hb.meta.edition.version})",
            "logo": links.to(logo_path(hb)) if hb.site.branding.logo else "",
            "progressHref": links.to(PROGRESS_PAGE).replace(".md", ".html"),
            "modules": [{"id": m.id, "title": m.title, "group": m.group, "href": module_href(links, m),
                         "quiz": m.quiz, "phaseHref": links.to(phase_of[m.page]).replace(".md", ".html") if m.page in phase_of else ""}
                        for m in learning_route(hb)],
            "meetings": meetings_data(hb, links)}
    return f'<script type="application/json" id="{ROUTE_DATA_ID}">{json_for_script(data)}</script>'


def _phase_pages(hb: Handbook) -> dict[str, str]:
    """Step page -> its phase page: a phase's menu entry is marked when all its steps are done."""
    return {step.page_path: hb.phase_of(step).page_path for step in hb.steps}


def progress_bar(total: int) -> str:
    """A progress bar that progress.js fills in; at first visit it shows nothing done."""
    return (f'<div class="nc-progressbar"><progress class="nc-progress" max="{total}" value="0" '
            f'aria-label="Voortgang in de leerroute">0 van {total}</progress>'
            f'<span class="nc-progress-count" aria-hidden="true">0 van {total}</span></div>')


def start_block(hb: Handbook, links: LinkResolver) -> str:
    """'Begin hier' on the home page: what the e-learning holds, your progress, one clear button
    (progress.js turns it into 'Verder waar je was' once you began)."""
    route = learning_route(hb)
    if not route:
        return ""
    first = route[0]
    holds = (f"In deze e-learning lees je per stap wat je als {hb.method.roles.learner} doet en waarom. Je oefent met de "
             "werkbladen, die je op het scherm kunt invullen. Na elke stap maak je een korte toets; aan het "
             "eind volgt een eindtoets. Heb je alles gedaan, dan maak je je certificaat. Je voortgang "
             "blijft op dit apparaat, in deze browser.")
    return (f'<div class="nc-start"><p>{esc(holds)}</p>{progress_bar(len(route))}'
            f'<p><a class="md-button md-button--primary nc-start-button" href="{esc(module_href(links, first))}">'
            f'Begin hier: {esc(first.title)}</a></p></div>')


# The route picture: one row per phase, one numbered circle per step, in a 320-wide drawing
# that reads at 360 px and scales up on a wide screen.
WIDTH, RADIUS, GAP = 320, 22, 54  # circles of 44 px on a 360 px phone: a finger-sized target


def _step_circle(links: LinkResolver, module: Module, number: int, x: float, y: float, here: bool) -> str:
    state = " nc-route-here" if here else ""
    label = f"{module.title}{' (je bent hier)' if here else ''}"
    return (f'<a href="{esc(module_href(links, module))}" data-module="{esc(module.id)}" class="nc-route-step{state}" '
            f'aria-label="{esc(label)}"><title>{esc(label)}</title>'
            f'<circle cx="{x:.0f}" cy="{y:.0f}" r="{RADIUS}"/>'
            f'<text x="{x:.0f}" y="{y + 5:.0f}" text-anchor="middle">{number}</text></a>')


def route_map(hb: Handbook, links: LinkResolver, here: str | None = None, phases: list | None = None) -> str:
    """The phases and steps as a picture with links; `here` is the page path of the current page,
    `phases` limits the picture (a phase page shows its own phase: a picture of the whole route in
    every phase page would make the site grow with the square of its size).
    A step is marked done by progress.js; the text alternative is the list of links itself."""
    modules = {m.page: m for m in learning_route(hb)}
    rows, height, y = [], 0, 18
    for phase in phases if phases is not None else hb.phases:
        current = " nc-route-here" if here == phase.page_path else ""
        rows.append(f'<a href="{esc(links.to(phase.page_path).replace(".md", ".html"))}" class="nc-route-phase{current}" '
                    f'data-phase="{esc(phase.meta.id)}"><text x="4" y="{y}">Fase {phase.meta.number}: '
                    f'{esc(phase.meta.title)}</text></a>')
        steps = [s for s in hb.steps_of(phase) if s.page_path in modules]
        per_row = max(1, (WIDTH - 2 * RADIUS) // GAP + 1)
        for index, step in enumerate(steps):
            x = RADIUS + 4 + (index % per_row) * GAP
            cy = y + 34 + (index // per_row) * GAP
            rows.append(_step_circle(links, modules[step.page_path], step.meta.number, x, cy, here == step.page_path))
            height = max(height, cy + RADIUS + 6)
        y = max(y + 30, height) + 24  # the next phase starts below this one's last row
    shown = phases if phases is not None else hb.phases
    count = sum(len(hb.steps_of(phase)) for phase in shown)
    phase_count = f"{len(shown)} fase" + ("n" if len(shown) != 1 else "")
    steps = f"{count} stap" + ("pen" if count != 1 else "")
    name = (f"De leerroute: {phase_count} met samen {steps}. Elke stap is een link." if phases is None or len(shown) > 1
             else f"Fase {shown[0].meta.number} van {len(hb.phases)}, met {steps}. Elke stap is een link.")
    return (f'<figure class="nc-route-map"><svg viewBox="0 0 {WIDTH} {height}" '
            f'xmlns="http://www.w3.org/2000/svg">{"".join(rows)}</svg>'
            f'<figcaption>{esc(name)} Een gevulde cirkel is klaar.</figcaption></figure>')
