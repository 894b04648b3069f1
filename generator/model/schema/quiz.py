"""Quizzes: questions with feedback per option, a pass mark per quiz."""
from __future__ import annotations

import math
from typing import Literal

from pydantic import Field, model_validator

from generator.diagnostics import ContentError
from generator.model.schema.common import Number, OptionalText, Slug, Strict, Text

QuestionType = Literal["single", "multiple", "truefalse", "casus", "order"]


class Option(Strict):
    text: Text
    correct: bool = Field(strict=True)
    feedback: Text


class Question(Strict):
    id: Slug
    type: QuestionType
    prompt: Text
    situation: OptionalText = ""
    options: list[Option] = Field(default_factory=list)
    items: list[Text] = Field(default_factory=list)
    feedback: OptionalText = ""

    @model_validator(mode="after")
    def _consistent(self) -> "Question":
        if self.type == "order":
            _require(len(self.items) >= 2, "items", "een volgordevraag heeft minstens 2 items nodig")
            _require(bool(self.feedback), "feedback", "een volgordevraag heeft feedback nodig")
            _require(not self.options, "options", "een volgordevraag heeft geen options; gebruik items")
            return self
        _require(len(self.options) >= 2, "options", "een vraag heeft minstens 2 antwoordopties nodig")
        correct = sum(option.correct for option in self.options)
        _require(correct >= 1, "options", "geen enkele optie is goed (correct: true); "
                 "verwacht: minstens één goede optie", code="NC060")
        if self.type in ("single", "casus", "truefalse"):
            _require(correct == 1, "options", f"{correct} opties zijn goed; "
                     f"verwacht: precies één goede optie bij type '{self.type}'", code="NC060")
        if self.type == "truefalse":
            _require(len(self.options) == 2, "options", "een waar/niet waar-vraag heeft precies 2 opties")
        if self.type == "casus":
            _require(bool(self.situation), "situation", "een casusvraag heeft een situation nodig")
        return self


def _require(ok: bool, field: str, message: str, code: str = "NC061") -> None:
    if not ok:
        raise ContentError(code, message, (field,))


DEFAULT_PASS_MARK = 75


class Quiz(Strict):
    """content/quizzes/<id>.yml"""

    id: Slug
    title: Text
    step: Number | None = None
    intro: OptionalText = ""
    # Passed from this percentage right, or from this number of questions right ("2 van de 3").
    pass_mark: int | None = Field(default=None, ge=1, le=100, strict=True)
    pass_questions: int | None = Field(default=None, ge=1, strict=True)
    questions: list[Question] = Field(min_length=1)

    @property
    def needed(self) -> int:
        """How many questions must be right to pass (a percentage rounds as the page does)."""
        total = len(self.questions)
        if self.pass_questions is not None:
            return self.pass_questions
        percent = self.pass_mark or DEFAULT_PASS_MARK
        return next(right for right in range(total + 1) if math.floor(100 * right / total + 0.5) >= percent)

    @property
    def pass_text(self) -> str:
        """'75% goed' or '2 van de 3 goed': the pass mark as the author set it."""
        if self.pass_questions is not None:
            return f"{self.pass_questions} van de {len(self.questions)} goed"
        return f"{self.pass_mark or DEFAULT_PASS_MARK}% goed"

    @model_validator(mode="after")
    def _unique_question_ids(self) -> "Quiz":
        seen: set[str] = set()
        for index, question in enumerate(self.questions):
            if question.id in seen:
                raise ContentError("NC029", f"vraag-id '{question.id}' komt twee keer "
                                   "voor in deze toets; verwacht: unieke id's", ("questions", index, "id"))
            seen.add(question.id)
        return self
