"""The choice "Voor wie is dit?": the coach's answer sets per client on the worksheet pages.

The sets themselves live in the browser (theme/assets/js/worksheets.js); a page carries only
where to store, which sheets are the learner's own (never per client) and the method's word for
the client, so neither the script nor the templates name the method's roles.
"""
from __future__ import annotations

import json

from generator.model.handbook import Handbook
from generator.model.schema.worksheet import Worksheet
from generator.web.templates import render


def is_per_client(hb: Handbook, sheet: Worksheet) -> bool:
    """A sheet's answers are kept per client unless its audience says they are the learner's own."""
    audience = hb.method.audience(sheet.audience)
    return audience is None or audience.per_client


def own_sheets(hb: Handbook) -> list[str]:
    """The ids of the learner's own sheets: their answers stay outside every client's set."""
    return sorted(sheet.id for sheet in hb.worksheets_in_order() if not is_per_client(hb, sheet))


def sets_panel(hb: Handbook, site_id: str) -> str:
    """The choice of client and its tools, on the worksheets page and on every client's sheet."""
    roles = hb.method.roles
    return render("clients/sets.html.j2", site_id=site_id, client=roles.client, clients=roles.client_plural,
                  own_sheets=json.dumps(own_sheets(hb), ensure_ascii=False))


def sheet_panel(hb: Handbook, sheet: Worksheet, site_id: str) -> str:
    """Above one sheet: the choice of client, or a line saying the sheet is the learner's own."""
    if is_per_client(hb, sheet):
        return sets_panel(hb, site_id)
    return render("clients/own.html.j2", client=hb.method.roles.client)
