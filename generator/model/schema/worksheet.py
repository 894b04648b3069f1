"""Worksheets: one definition, typed blocks, rendered as a form, a PDF and in packs."""
from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, model_validator

from generator.diagnostics import ContentError
from generator.model.schema.common import MarkdownText, Number, OptionalText, Slug, Strict, Text

class Instruction(Strict):
    type: Literal["instruction"]
    text: MarkdownText  # rendered as Markdown: checked as Markdown


class _Answered(Strict):
    """What every block that holds an answer has: an id to store it under and a label."""

    id: Slug
    label: Text
    help: OptionalText = ""


class OpenQuestion(_Answered):
    type: Literal["open_question"]
    lines: int = Field(default=4, ge=1, le=30, strict=True)
    example: OptionalText = ""


class TextField(_Answered):
    type: Literal["text_field"]
    example: OptionalText = ""


class Checklist(_Answered):
    type: Literal["checklist"]
    items: list[Text] = Field(min_length=1)


class Choice(_Answered):
    type: Literal["choice"]
    options: list[Text] = Field(min_length=2)


class Scale(_Answered):
    type: Literal["scale"]
    min_label: OptionalText = ""  # what 0 means; a scale may go without end labels
    max_label: OptionalText = ""


class Table(_Answered):
    type: Literal["table"]
    columns: list[Text] = Field(min_length=1, max_length=6)
    rows: int = Field(default=5, ge=1, le=30, strict=True)
    # Columns answered with a cross: a checkbox on screen, a box to tick on paper.
    check_columns: list[Text] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check_columns_exist(self) -> "Table":
        unknown = [c for c in self.check_columns if c not in self.columns]
        if unknown:
            raise ContentError("NC028", f"kolom '{unknown[0]}' staat niet in columns; "
                               f"verwacht: een van {', '.join(self.columns)}", ("check_columns",))
        return self


class Netwerkkaart(_Answered):
    type: Literal["netwerkkaart"]


class Actieplan(_Answered):
    type: Literal["actieplan"]
    actions: int = Field(default=1, ge=1, le=5, strict=True)


Block = Annotated[
    Union[Instruction, OpenQuestion, TextField, Checklist, Choice, Scale, Table, Netwerkkaart, Actieplan],
    Field(discriminator="type"),
]
BLOCK_TYPES = ("instruction", "open_question", "text_field", "checklist", "choice", "scale",
               "table", "netwerkkaart", "actieplan")


class Worksheet(Strict):
    """worksheets/<id>.yml"""

    id: Slug
    title: Text
    step: Number | None = None
    audience: Slug  # one of the audiences in content/method.yml
    version: Number = 1
    intro: Text
    moment: Slug | None = None  # an evaluation form: a monitoring moment of content/method.yml
    blocks: list[Block] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_block_ids(self) -> "Worksheet":
        seen: set[str] = set()
        for index, block in enumerate(self.blocks):
            block_id = getattr(block, "id", None)
            if block_id in seen:
                raise ContentError("NC029", f"blok-id '{block_id}' komt twee keer voor "
                                   "in dit werkblad; verwacht: unieke id's", ("blocks", index, "id"))
            if block_id:
                seen.add(block_id)
        return self

    @property
    def fields(self) -> list[Block]:
        """Blocks that hold an answer (everything but instruction text)."""
        return [block for block in self.blocks if not isinstance(block, Instruction)]
