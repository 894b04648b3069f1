"""Building blocks shared by all schemas."""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

RAW_HTML = re.compile(r"<[A-Za-z!/?]")


class Strict(BaseModel):
    """Base for every schema: unknown keys are errors, models are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _no_html(value: str) -> str:
    if RAW_HTML.search(value):
        raise ValueError("NC030|ruwe HTML is niet toegestaan; verwacht: gewone tekst of Markdown")
    return value


def _year_as_text(value: object) -> object:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _date_as_text(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


Text = Annotated[str, StringConstraints(min_length=1), AfterValidator(_no_html)]
OptionalText = Annotated[str, AfterValidator(_no_html)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Number = Annotated[int, Field(strict=True, ge=1)]
YearText = Annotated[str, BeforeValidator(_year_as_text), StringConstraints(pattern=r"^\d{4}[a-z]?$|^z\.j\.$")]
IsoDate = Annotated[str, BeforeValidator(_date_as_text),
                    StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]
