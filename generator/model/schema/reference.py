"""Reference lists: glossary, literature, competence profile."""
from __future__ import annotations

from pydantic import Field

from generator.model.schema.common import Slug, Strict, Text, WebAddress, YearText


class GlossaryEntry(Strict):
    id: Slug
    term: Text
    definition: Text
    see: list[Slug] = Field(default_factory=list)


class LiteratureEntry(Strict):
    id: Slug
    authors: Text
    year: YearText
    title: Text
    source: Text
    url: WebAddress = ""


class Competence(Strict):
    id: Slug
    title: Text
    description: Text
    behaviour: list[Text] = Field(min_length=1)
