"""A worksheet as an accessible HTML form: one definition, also the base for print.

The markup is in theme/web/forms/ (a template per block type); this module gives it the data.
"""
from __future__ import annotations

from markupsafe import Markup

from generator.markup.text import markdown_to_html
from generator.model.schema.worksheet import Instruction, Worksheet
from generator.web.templates import render

ACTION_FIELDS = (("wat", "Wat ga je doen?"), ("met-wie", "Met wie?"), ("wanneer", "Wanneer?"),
                 ("eerste-stap", "Wat is je eerste stap?"), ("wat-helpt", "Wat helpt je daarbij?"),
                 ("gelukt", "Hoe weet je dat het gelukt is?"))
CIRCLES = (("dichtbij", "Dichtbij"), ("verder-weg", "Verder weg"), ("op-afstand", "Op afstand"))
SECTORS = (("familie", "Familie"), ("vrienden", "Vrienden"), ("buurt", "Buren en buurt"),
           ("werk-school-club", "Werk, school of club"), ("hulpverleners", "Hulpverleners"))
KAART_ROWS = 8


def method_choices() -> dict[str, list[tuple[str, str]]]:
    """The method's own words a form shows, as (id, label): the network map's rings and groups,
    the action plan's fields. The one place the forms take them from, so their source can move."""
    return {"rings": list(CIRCLES), "groups": list(SECTORS), "action_fields": list(ACTION_FIELDS)}


def render_form(sheet: Worksheet, site_id: str) -> str:
    """The whole form; one line per element so Markdown passes it through as one HTML block."""
    return render("forms/form.html.j2", sheet=sheet, site_id=site_id, instructions=_instructions(sheet),
                  kaart_rows=KAART_ROWS, **method_choices())


def _instructions(sheet: Worksheet) -> dict[str, Markup]:
    """Each instruction's Markdown as sanitised HTML (markdown_to_html cleans it)."""
    return {block.text: Markup(markdown_to_html(block.text)) for block in sheet.blocks
            if isinstance(block, Instruction)}
