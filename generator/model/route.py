"""The learning route of the e-learning, derived from the content (nothing hard-coded)."""
from __future__ import annotations

from dataclasses import dataclass

from generator.model.handbook import Handbook
from generator.model.paths import quiz_page, step_label


@dataclass(frozen=True)
class Module:
    """One stop on the route: a page to read, optionally with a quiz that marks it done."""

    id: str
    title: str
    page: str        # path in the docs tree
    group: str
    quiz: str | None = None


def learning_route(hb: Handbook) -> list[Module]:
    return (_section_modules(hb, "voor") + _step_modules(hb) + _section_modules(hb, "na")
            + _final_tests(hb))


def _section_modules(hb: Handbook, where: str) -> list[Module]:
    return [Module(f"pagina-{page.slug}", page.meta.title, page.page_path, section.title)
            for section in hb.meta.sections if section.route == where
            for page in hb.pages_in(section.id)]


def _step_modules(hb: Handbook) -> list[Module]:
    return [Module(f"stap-{step.meta.number}", step_label(hb, step.meta.number), step.page_path,
                   f"Fase {phase.meta.number}: {phase.meta.title}", step.meta.quiz)
            for phase in hb.phases for step in hb.steps_of(phase)]


def _final_tests(hb: Handbook) -> list[Module]:
    return [Module(f"toets-{quiz.id}", quiz.title, quiz_page(quiz.id), "Afsluiting", quiz.id)
            for quiz in sorted(hb.quizzes.values(), key=lambda q: q.id) if quiz.step is None]


def module_of_page(hb: Handbook, page: str) -> Module | None:
    return hb.memo("route_by_page", lambda: {m.page: m for m in learning_route(hb)}).get(page)


def module_of_quiz(hb: Handbook, quiz_id: str) -> Module | None:
    return hb.memo("route_by_quiz", lambda: {m.quiz: m for m in learning_route(hb) if m.quiz}).get(quiz_id)


def next_module(hb: Handbook, module_id: str) -> Module | None:
    """The module after this one on the route (what 'Verder met ...' points to)."""
    route = learning_route(hb)
    ids = [m.id for m in route]
    index = ids.index(module_id) if module_id in ids else -1
    return route[index + 1] if 0 <= index < len(route) - 1 else None
