"""The handbook as a whole, its phases and its steps."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.model.schema.common import IsoDate, Number, Slug, Strict, Text, VersionLabel

ToGrowLetter = Literal["T", "G", "R", "O", "W"]
QuestionKind = Literal["droomvraag", "wondervraag", "beginvraag", "schaalvraag",
                       "uitzonderingsvraag", "actievraag", "wie-vraag"]


class Edition(Strict):
    """Which edition of the handbook this is; shown on the site and in every PDF."""

    name: Text
    # Part of file and folder names (the offline zip, public/<version>/): a plain version label only.
    version: VersionLabel
    date: IsoDate


class Section(Strict):
    """A group of pages in the navigation, after the phases."""

    id: Slug
    title: Text
    # Where its pages sit in the learning route: before the steps, after them, or not at all.
    route: Literal["voor", "na", "geen"] = "na"


class HandbookMeta(Strict):
    """content/handbook.yml"""

    title: Text
    tagline: Text
    description: Text
    edition: Edition
    sections: list[Section] = Field(default_factory=list)


class PhaseMeta(Strict):
    """content/phases/<nn>-<id>.yml"""

    id: Slug
    number: Number
    title: Text
    summary: Text
    description: Text


class StepMeta(Strict):
    """content/steps/<nn>-<slug>/step.yml"""

    number: Number
    slug: Slug
    title: Text
    phase: Slug
    summary: Text
    to_grow: list[ToGrowLetter] = Field(default_factory=list)
    questions: list[QuestionKind] = Field(default_factory=list)
    duration: Text
    worksheets: list[Slug] = Field(default_factory=list)
    quiz: Slug | None = None


class PageMeta(Strict):
    """Front matter of content/pages/<slug>.md"""

    title: Text
    section: Slug
    order: Number
    summary: Text
    show: Literal["competenties"] | None = None  # a generated list shown below the text
