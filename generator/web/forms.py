"""A worksheet as an accessible HTML form: one definition, also the base for print.

The markup is in theme/web/forms/ (a template per block type); this module gives it the data.
"""
from __future__ import annotations

import re

from markupsafe import Markup

from generator.markup.text import markdown_to_html
from generator.model.schema.method import MethodDef
from generator.model.schema.worksheet import Instruction, Worksheet
from generator.web.templates import render

def method_choices(method: MethodDef) -> dict[str, object]:
    """The method's own words a form shows (content/method.yml), as (id, label): the network map's
    rings and groups and its rows on paper, the action plan's fields."""
    network = method.network_map
    return {"rings": [(r.id, r.label) for r in network.rings] if network else [],
            "groups": [(g.id, g.label) for g in network.groups] if network else [],
            "kaart_rows": network.rows if network else 0,
            "action_fields": [(f.id, f.label) for f in method.action_plan]}


def render_form(sheet: Worksheet, site_id: str, method: MethodDef) -> str:
    """The whole form; one line per element so Markdown passes it through as one HTML block."""
    audience = method.audience(sheet.audience)
    return render("forms/form.html.j2", sheet=sheet, site_id=site_id, instructions=_instructions(sheet),
                  own=audience is not None and not audience.per_client, **method_choices(method))


def _instructions(sheet: Worksheet) -> dict[str, Markup]:
    """Each instruction's Markdown as sanitised HTML (markdown_to_html cleans it), its lines
    unindented: inside the form's one HTML block an indented line could read as code."""
    return {block.text: Markup(LEADING_SPACE.sub("\n", markdown_to_html(block.text))) for block in sheet.blocks
            if isinstance(block, Instruction)}


LEADING_SPACE = re.compile(r"\n[ \t]+")
