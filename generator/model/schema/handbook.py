"""The handbook as a whole, its phases and its steps."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.model.schema.common import IsoDate, Number, Slug, Strict, Text, VersionLabel



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

    # Names the handbook's data in the browser, its files and exports: never the product's name.
    id: Slug
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
    # Checked against content/method.yml: its facets (e.g. letters) and its question kinds.
    facets: dict[Slug, list[Text]] = Field(default_factory=dict)
    questions: list[Slug] = Field(default_factory=list)
    duration: Text
    worksheets: list[Slug] = Field(default_factory=list)
    quiz: Slug | None = None


class PageMeta(Strict):
    """Front matter of content/pages/<slug>.md"""

    title: Text
    section: Slug
    order: Number
    summary: Text
    show: Literal["competenties", "trajecten-export", "resultaten"] | None = None  # generated, below the text
