"""content/training/: the face-to-face half of a blended training, as content.

A programme of meetings (each with its aim, a timed agenda and what the volunteer does in the
e-learning before it), role-play cards, exercises per question kind with model answers for the
trainer, and a pocket card. Forms (observation, intervision, evaluation) are ordinary worksheets.
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.model.schema.common import MarkdownText, Number, OptionalText, Slug, Strict, Text

BlockKind = Literal["opening", "uitleg", "oefening", "rollenspel", "bespreking", "pauze", "afsluiting"]


class Programme(Strict):
    """content/training/programme.yml"""

    title: Text
    intro: MarkdownText          # says plainly that the programme is a proposal, where it is one
    audience_note: OptionalText = ""  # who gives the training (e.g. the coordinator after a train-the-trainer)


class Before(Strict):
    """What a volunteer does in the e-learning before a meeting."""

    modules: list[Text] = Field(default_factory=list)   # references: "stap:1", "pagina:vac", "fase:denken"
    quizzes: list[Slug] = Field(default_factory=list)   # quizzes to have passed


class AgendaBlock(Strict):
    minutes: Number
    kind: BlockKind
    title: Text
    description: MarkdownText
    cards: list[Slug] = Field(default_factory=list)       # role-play cards used in this block
    exercises: list[Slug] = Field(default_factory=list)   # exercises used in this block
    worksheets: list[Slug] = Field(default_factory=list)  # worksheets or forms used in this block


class Meeting(Strict):
    """content/training/meetings/<nn>-<id>.yml"""

    id: Slug
    number: Number
    title: Text
    aim: Text
    duration_minutes: Number
    before: Before = Field(default_factory=Before)
    materials: list[Text] = Field(default_factory=list)
    agenda: list[AgendaBlock] = Field(min_length=1)


class Card(Strict):
    """A role-play card (content/training/cards.yml): a made-up situation, never a real person."""

    id: Slug
    title: Text
    step: Number
    question_kind: Slug          # a question kind of content/method.yml
    client: Text                 # the situation, as the player of the client gets it
    coach: Text                  # what the player of the coach tries
    observer: Text               # what the observer watches for


class Exercise(Strict):
    """An exercise for one question kind (content/training/exercises.yml), with model answers."""

    id: Slug
    title: Text
    question_kind: Slug
    task: Text
    answers: list[Text] = Field(min_length=1)  # model answers, for the trainer


class PocketCard(Strict):
    """content/training/pocket_card.yml: one A4 that folds to A6, to carry along."""

    title: Text
    rules_title: Text
    rules: list[Text] = Field(min_length=1, max_length=6)
    questions_title: Text
    questions: list[Text] = Field(default_factory=list)  # one example question per question kind
    footer: OptionalText = ""
