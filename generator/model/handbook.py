"""The validated handbook: every source file loaded into one object before anything is rendered."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Protocol, TypeVar

from generator.diagnostics import Diagnostics, Location
from generator.model.schema.method import MethodDef
from generator.model.schema.handbook import HandbookMeta, PageMeta, PhaseMeta, StepMeta
from generator.model.schema.quiz import Quiz
from generator.model.schema.reference import Competence, GlossaryEntry, LiteratureEntry
from generator.model.schema.site import SiteConfig
from generator.model.schema.worksheet import Worksheet
from generator.model.training import Training

T = TypeVar("T")


class SourceDoc(Protocol):
    """What the model keeps of a parsed YAML source file (the loader's YamlDoc is one): where it
    is, what it holds, and where a key inside it is, for messages. The model only names this
    shape, so it does not depend on the loader."""

    path: Path
    data: Any

    def locate(self, diags: Diagnostics, loc: tuple[Any, ...]) -> Location: ...

    def node_at(self, loc: tuple[Any, ...]) -> Any: ...


@dataclass
class MarkdownDoc:
    """Markdown body of a source file; `first_line` is the file line where the body starts."""

    path: Path
    text: str
    first_line: int = 1
    first_col: int = 1  # Markdown inside a YAML block scalar starts indented


@dataclass
class Phase:
    meta: PhaseMeta
    source: SourceDoc

    @property
    def page_path(self) -> str:
        return f"fasen/{self.meta.id}/index.md"


@dataclass
class Step:
    meta: StepMeta
    source: SourceDoc
    parts: dict[str, MarkdownDoc]  # by step part id (content/method.yml); an optional part may be absent

    @property
    def page_path(self) -> str:
        return f"stappen/stap-{self.meta.number:02d}-{self.meta.slug}.md"


@dataclass
class Page:
    slug: str
    meta: PageMeta
    body: MarkdownDoc

    @property
    def page_path(self) -> str:
        return f"{self.meta.section}/{self.slug}.md"


@dataclass
class Handbook:
    root: Path
    meta: HandbookMeta
    method: MethodDef
    site: SiteConfig
    phases: list[Phase]
    steps: list[Step]
    pages: list[Page]
    glossary: list[GlossaryEntry]
    literature: list[LiteratureEntry]
    competences: list[Competence]
    worksheets: dict[str, Worksheet]
    quizzes: dict[str, Quiz]
    training: Training | None = None  # content/training/, loaded beside the handbook

    def memo(self, key: str, make: Callable[[], T]) -> T:
        """Compute a lookup table once per handbook: rendering asks the same questions often,
        and a linear search per reference makes a large handbook quadratic."""
        cache = self.__dict__.setdefault("_memo", {})
        if key not in cache:
            cache[key] = make()
        return cache[key]

    def phase_of(self, step: Step) -> Phase:
        return self.memo("phases", lambda: {p.meta.id: p for p in self.phases})[step.meta.phase]

    def steps_of(self, phase: Phase) -> list[Step]:
        by_phase = self.memo("steps_by_phase", lambda: _group(self.steps, lambda s: s.meta.phase))
        return by_phase.get(phase.meta.id, [])

    def step_by_number(self, number: int) -> Step | None:
        return self.memo("steps", lambda: {s.meta.number: s for s in self.steps}).get(number)

    def page_by_slug(self, slug: str) -> Page:
        return self.memo("pages", lambda: {p.slug: p for p in self.pages})[slug]

    def glossary_entry(self, entry_id: str) -> GlossaryEntry:
        return self.memo("glossary", lambda: {g.id: g for g in self.glossary})[entry_id]

    def literature_entry(self, entry_id: str) -> LiteratureEntry:
        return self.memo("literature", lambda: {e.id: e for e in self.literature})[entry_id]

    def step_facets(self, step: Step) -> list[tuple[str, list[str]]]:
        """(label, values) of the step's facets, in the method's order."""
        return [(facet.label, step.meta.facets[facet.id]) for facet in self.method.facets
                if step.meta.facets.get(facet.id)]

    def worksheets_in_order(self) -> list[Worksheet]:
        """Worksheets by step, those of no step last, then by title: the index page, the menu and
        the print packs list them in this one order."""
        return sorted(self.worksheets.values(), key=lambda s: (s.step is None, s.step or 0, s.title))

    def quizzes_in_order(self) -> list[Quiz]:
        """Quizzes by step, those of no step last, then by id (index page, menu, answer key)."""
        return sorted(self.quizzes.values(), key=lambda q: (q.step is None, q.step or 0, q.id))

    def pages_in(self, section_id: str) -> list[Page]:
        by_section = self.memo("pages_by_section", lambda: {
            key: sorted(items, key=lambda p: (p.meta.order, p.slug))
            for key, items in _group(self.pages, lambda p: p.meta.section).items()})
        return by_section.get(section_id, [])


def _group(items: list, key: Callable) -> dict:
    groups: dict = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups
