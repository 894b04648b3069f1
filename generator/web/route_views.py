"""The learning route as the volunteer sees it: the start block with a progress bar, the route as
a picture (SVG, drawn from the model), and the route data that progress.js reads. Every place
that shows the route takes it from `generator.model.route.learning_route`, so they cannot disagree.
The markup is in theme/web/route/; this module gives it the data (and lays out the picture)."""
from __future__ import annotations

from markupsafe import Markup

from generator.markup.text import json_for_script
from generator.model.handbook import Handbook, Step
from generator.model.paths import PROGRESS_PAGE, logo_path, store_namespace
from generator.model.route import Module, learning_route
from generator.web.links import LinkResolver, module_href
from generator.web.templates import render
from generator.web.training_pages import meetings_data

ROUTE_DATA_ID = "nc-route"


def route_data(hb: Handbook, links: LinkResolver) -> str:
    """The route as JSON in the page, for progress.js (no second copy of it in the script)."""
    phase_of = _phase_pages(hb)
    data = {"site": store_namespace(hb), "certificate": hb.method.certificate, "organisation": hb.site.organisation.name, "handbook": hb.meta.title,
            "edition": f"{hb.meta.edition.name} (versie {hb.meta.edition.version})",
            "logo": links.to(logo_path(hb)) if hb.site.branding.logo else "",
            "progressHref": _html_href(links, PROGRESS_PAGE),
            "modules": [{"id": m.id, "title": m.title, "group": m.group, "href": module_href(links, m),
                         "quiz": m.quiz, "phaseHref": _html_href(links, phase_of[m.page]) if m.page in phase_of else ""}
                        for m in learning_route(hb)],
            "meetings": meetings_data(hb, links)}
    return render("route/data.html.j2", element_id=ROUTE_DATA_ID, route=Markup(json_for_script(data)))


def _html_href(links: LinkResolver, page: str) -> str:
    return links.to(page).replace(".md", ".html")


def _phase_pages(hb: Handbook) -> dict[str, str]:
    """Step page -> its phase page: a phase's menu entry is marked when all its steps are done."""
    return {step.page_path: hb.phase_of(step).page_path for step in hb.steps}


def progress_bar(total: int) -> str:
    """A progress bar that progress.js fills in; at first visit it shows nothing done."""
    return render("route/progress.html.j2", total=total)


def start_block(hb: Handbook, links: LinkResolver) -> str:
    """'Begin hier' on the home page, with the first module of the route ('' without a route)."""
    route = learning_route(hb)
    if not route:
        return ""
    first = {"title": route[0].title, "href": module_href(links, route[0])}
    return render("route/start.html.j2", total=len(route), first=first, learner=hb.method.roles.learner)


# The route picture: one row per phase, one numbered circle per step, in a 320-wide drawing
# that reads at 360 px and scales up on a wide screen.
WIDTH, RADIUS, GAP = 320, 22, 54  # circles of 44 px on a 360 px phone: a finger-sized target
PER_ROW = max(1, (WIDTH - 2 * RADIUS) // GAP + 1)


def route_map(hb: Handbook, links: LinkResolver, here: str | None = None, phases: list | None = None) -> str:
    """The phases and steps as a picture with links; `here` is the page path of the current page,
    `phases` limits the picture (a phase page shows its own phase: a picture of the whole route in
    every phase page would make the site grow with the square of its size)."""
    shown = phases if phases is not None else hb.phases
    modules = {m.page: m for m in learning_route(hb)}
    rows, height, y = [], 0, 18
    for phase in shown:
        steps = [s for s in hb.steps_of(phase) if s.page_path in modules]
        circles = [_circle(links, modules[step.page_path], step, index, y, here) for index, step in enumerate(steps)]
        rows.append({"href": _html_href(links, phase.page_path), "here": here == phase.page_path,
                     "id": phase.meta.id, "number": phase.meta.number, "title": phase.meta.title,
                     "y": y, "steps": circles})
        height = max([height] + [c["y"] + RADIUS + 6 for c in circles])
        y = max(y + 30, height) + 24  # the next phase starts below this one's last row
    return render("route/map.html.j2", phases=rows, width=WIDTH, height=height, radius=RADIUS,
                  step_count=sum(len(hb.steps_of(phase)) for phase in shown), phase_total=len(hb.phases),
                  whole_route=phases is None or len(shown) != 1)


def _circle(links: LinkResolver, module: Module, step: Step, index: int, top: int, here: str | None) -> dict:
    """Where a step's circle goes: PER_ROW to a row, below its phase's title at `top`."""
    return {"href": module_href(links, module), "module": module.id, "title": module.title,
            "number": step.meta.number, "here": here == step.page_path,
            "x": RADIUS + 4 + (index % PER_ROW) * GAP, "y": top + 34 + (index // PER_ROW) * GAP}
