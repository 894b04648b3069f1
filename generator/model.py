"""The validated handbook: every source file loaded into one object before anything is rendered."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.schema.handbook import HandbookMeta, PageMeta, PhaseMeta, StepMeta
from generator.schema.quiz import Quiz
from generator.schema.reference import Competence, GlossaryEntry, LiteratureEntry
from generator.schema.site import SiteConfig
from generator.schema.worksheet import Worksheet
from generator.yamlio import YamlDoc


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
    source: YamlDoc

    @property
    def page_path(self) -> str:
        return f"fasen/{self.meta.id}/index.md"


@dataclass
class Step:
    meta: StepMeta
    source: YamlDoc
    uitleg: MarkdownDoc
    theorie: MarkdownDoc

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
    site: SiteConfig
    phases: list[Phase]
    steps: list[Step]
    pages: list[Page]
    glossary: list[GlossaryEntry]
    literature: list[LiteratureEntry]
    competences: list[Competence]
    worksheets: dict[str, Worksheet]
    quizzes: dict[str, Quiz]

    def phase_of(self, step: Step) -> Phase:
        return next(phase for phase in self.phases if phase.meta.id == step.meta.phase)

    def steps_of(self, phase: Phase) -> list[Step]:
        return [step for step in self.steps if step.meta.phase == phase.meta.id]

    def step_by_number(self, number: int) -> Step | None:
        return next((step for step in self.steps if step.meta.number == number), None)

    def pages_in(self, section_id: str) -> list[Page]:
        return sorted((p for p in self.pages if p.meta.section == section_id),
                      key=lambda p: (p.meta.order, p.slug))
