"""content/method.yml: what makes a method this method.

The generator knows stepwise methods in general (phases, steps, worksheets, quizzes); the words a
method uses, the parts of its steps, its question kinds and facets, and its network map are
declared here, so another method is a content change only.
"""
from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from generator.model.schema.common import OptionalText, Slug, Strict, Text


class Named(Strict):
    """An id with the words a reader sees for it."""

    id: Slug
    label: Text


PartFile = Annotated[str, StringConstraints(pattern=r"^([a-z0-9]+(-[a-z0-9]+)*\.md)?$")]


class StepPart(Strict):
    """One part of a step page: a Markdown file in the step folder, or the step's worksheets."""

    id: Slug
    title: Text          # heading on the step page and in print
    file: PartFile = ""  # e.g. uitleg.md; empty: this part shows the step's worksheets
    optional: bool = Field(default=False, strict=True)  # a step may lack it (no file, no worksheets)
    in_print: bool = Field(default=True, strict=True)

    @property
    def shows_worksheets(self) -> bool:
        return not self.file


class Audience(Strict):
    """Who a worksheet or a pack is for."""

    id: Slug
    title: Text                # heading of its group of worksheets
    plain_language: bool = Field(default=False, strict=True)  # B1 readability check applies
    # Answers are kept per client (the coach's sets on one device); false: the learner's own sheets.
    per_client: bool = Field(default=True, strict=True)


# A facet's value is named by the steps (`facets: {to-grow: [T]}`): letters, digits, spaces, hyphens.
FacetValue = Annotated[str, StringConstraints(pattern=r"^[^\W_][\w .-]{0,39}$")]


class Facet(Strict):
    """A way of labelling steps with letters or words, e.g. the phases of a coaching model."""

    id: Slug
    label: Text
    values: list[FacetValue] = Field(min_length=1)


class Roles(Strict):
    """The words the pages use for the people involved."""

    learner: Text          # who follows the e-learning ("wat je als ... doet")
    client: Text           # who the worksheets are for
    client_plural: Text


class NetworkMap(Strict):
    """The rings and groups of a network-map worksheet block."""

    rings: list[Named] = Field(min_length=1, max_length=5)
    groups: list[Named] = Field(min_length=1, max_length=8)
    rows: int = Field(default=8, ge=1, le=30, strict=True)  # rows per group on paper
    help: OptionalText = ""  # the line under the map on paper


class Measure(Strict):
    """One measure of the evaluation forms: a block id the forms share, and what kind of answer."""

    id: Slug
    label: Text
    kind: Literal["aantal", "score", "tekst"]  # a count (text field), 0-10 (scale), free text


class Moment(Named):
    """A moment of a trajectory, and where it stands: the results page counts durations from the
    start moment to the first end moment, and changes from start to end and to follow-up."""

    stage: Literal["start", "interim", "end", "follow_up"] = "interim"


class Total(Strict):
    """A figure the results page adds up from count measures (e.g. the whole network)."""

    id: Slug
    label: Text
    of: list[Slug] = Field(min_length=2)


class Monitoring(Strict):
    """The moments of a trajectory and the measures taken at each (our proposal)."""

    format: Literal[1, 2] = 2  # version of the exported CSV (generator/model/monitoring_csv.py)
    moments: list[Moment] = Field(min_length=1)
    measures: list[Measure] = Field(min_length=1)
    totals: list[Total] = Field(default_factory=list)

    def measure(self, measure_id: str) -> Measure | None:
        return next((m for m in self.measures if m.id == measure_id), None)


class MethodDef(Strict):
    """content/method.yml"""

    name: Text
    roles: Roles
    step_parts: list[StepPart] = Field(min_length=1)
    audiences: list[Audience] = Field(min_length=1)
    question_kinds: list[Named] = Field(default_factory=list)
    facets: list[Facet] = Field(default_factory=list)
    network_map: NetworkMap | None = None
    action_plan: list[Named] = Field(default_factory=list)  # the questions per action
    monitoring: Monitoring | None = None  # evaluation moments and measures of a trajectory
    certificate: Text      # what the certificate says the learner finished
    # Browser data written under this prefix by an earlier generator moves to the handbook's own keys.
    earlier_storage_prefix: Slug | None = None

    def question_label(self, kind: str) -> str:
        return next((q.label for q in self.question_kinds if q.id == kind), kind)

    def audience(self, audience_id: str) -> Audience | None:
        return next((a for a in self.audiences if a.id == audience_id), None)

    @property
    def file_parts(self) -> list[StepPart]:
        return [part for part in self.step_parts if part.file]
