"""Organisation and edition settings: site_config/<org>.yml"""
from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator

from generator.diagnostics import ContentError
from generator.model.schema.common import MailAddress, OptionalText, Slug, Strict, Text, WebAddress

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
MIN_CONTRAST = 4.5  # WCAG 2.1 AA for normal text: white text on the brand colour


class Contact(Strict):
    name: Text
    role: OptionalText = "coördinator"
    email: MailAddress = ""
    phone: OptionalText = ""


class Branding(Strict):
    primary: str = "#1d5c4a"
    accent: str = "#8a3b12"
    logo: OptionalText = ""  # path relative to site_config/

    @field_validator("primary", "accent")
    @classmethod
    def _readable_on_white_text(cls, value: str) -> str:
        if not HEX_COLOUR.match(value):
            raise ContentError("NC070", f"kleur '{value}' is geen hexkleur; verwacht: bijvoorbeeld #1d5c4a")
        ratio = contrast_ratio(value, "#ffffff")
        if ratio < MIN_CONTRAST:
            raise ContentError("NC071", f"kleur {value} geeft te weinig contrast met witte tekst "
                               f"({ratio:.2f}:1); verwacht: minstens {MIN_CONTRAST}:1 (WCAG AA)")
        return value.lower()


class Organisation(Strict):
    name: Text
    short_name: OptionalText = ""
    website: WebAddress = ""
    contact: Contact | None = None


PackPart = Literal["inleiding", "stappen", "paginas", "werkbladen", "begrippen", "antwoorden", "training"]


class Pack(Strict):
    """A printable bundle: which parts, for whom, for one phase or all (or one per phase)."""

    id: Slug
    title: Text
    description: Text
    parts: list[PackPart] = Field(min_length=1)
    # Audiences from content/method.yml; none listed: every audience.
    audiences: list[Slug] = Field(default_factory=list)
    phase: Slug | None = None
    each_phase: bool = Field(default=False, strict=True)
    # A pack that would run longer is split into volumes ("deel 1 van 3"): paper stays
    # manageable, and no single PDF needs all pages in memory at once.
    volume_pages: int = Field(default=300, ge=1, le=2000, strict=True)


class SiteConfig(Strict):
    """site_config/<org>.yml"""

    id: Slug
    organisation: Organisation
    branding: Branding = Field(default_factory=Branding)
    site_url: WebAddress = ""
    packs: list[Pack] = Field(default_factory=list)
    # Extra pages of this organisation: Markdown files (with front matter) next to this file.
    extra_pages: list[Text] = Field(default_factory=list)


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
