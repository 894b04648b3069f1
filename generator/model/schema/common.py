"""Building blocks shared by all schemas."""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, ValidationInfo

from generator.diagnostics import ContentError

RAW_HTML = re.compile(r"<[A-Za-z!/?]")


class Strict(BaseModel):
    """Base for every schema: unknown keys are errors, models are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _no_html(value: str) -> str:
    if RAW_HTML.search(value):
        raise ContentError("NC030", "ruwe HTML is niet toegestaan; verwacht: gewone tekst of Markdown")
    return value


def _year_as_text(value: object) -> object:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _date_as_text(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


MARKDOWN_CHECK = "markdown_check"  # key of the validation context: (text) -> problems


def _safe_markdown(value: str, info: ValidationInfo) -> str:
    """A Markdown field gets the same safety rules as a Markdown file: no raw HTML, no images,
    only web, mail and [[...]] links. The first problem is the field's message. Those rules are
    Markdown knowledge (markup/, a layer above the model): the loader hands them in as validation
    context. Validating without them is a mistake in our code, never a silent pass."""
    find_unsafe = (info.context or {}).get(MARKDOWN_CHECK)
    if find_unsafe is None:
        raise RuntimeError(f"validate with context={{'{MARKDOWN_CHECK}': find_unsafe}} (see load/validate.py)")
    for _line, _col, code, message in find_unsafe(value):
        raise ContentError(code, message)
    return value


WEB_ADDRESS = re.compile(r"^https?://[^\s\"'<>`\\]+$", re.IGNORECASE)
MAIL_ADDRESS = re.compile(r"^[^@\s\"'<>()\[\]`\\,;:]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


def _web_address(value: str) -> str:
    if value and not WEB_ADDRESS.match(value):
        raise ContentError("NC034", f"'{value[:60]}' is geen webadres; verwacht: een adres dat begint met "
                           "https:// (of http://), zonder spaties of aanhalingstekens")
    return value


def _mail_address(value: str) -> str:
    if value and not MAIL_ADDRESS.match(value):
        raise ContentError("NC034", f"'{value[:60]}' is geen e-mailadres; verwacht: bijvoorbeeld naam@organisatie.nl")
    return value


VERSION_LABEL = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$")


def _version_label(value: str) -> str:
    if not VERSION_LABEL.match(value):
        raise ContentError("NC026", f"versie '{value[:40]}' mag alleen letters, cijfers, punten en streepjes "
                           "hebben (geen spaties, geen / of aanhalingstekens): hij komt in bestandsnamen; "
                           "verwacht: bijvoorbeeld 2026.1")
    return value


Text = Annotated[str, StringConstraints(min_length=1), AfterValidator(_no_html)]
VersionLabel = Annotated[str, AfterValidator(_version_label)]
WebAddress = Annotated[str, AfterValidator(_web_address)]    # optional: "" means none
MailAddress = Annotated[str, AfterValidator(_mail_address)]  # optional: "" means none
MarkdownText = Annotated[str, StringConstraints(min_length=1), AfterValidator(_safe_markdown)]
OptionalText = Annotated[str, AfterValidator(_no_html)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Number = Annotated[int, Field(strict=True, ge=1)]
YearText = Annotated[str, BeforeValidator(_year_as_text), StringConstraints(pattern=r"^\d{4}[a-z]?$|^z\.j\.$")]
IsoDate = Annotated[str, BeforeValidator(_date_as_text),
                    StringConstraints(pattern=r"^\d{4}-\d{2}-\d{2}$")]
