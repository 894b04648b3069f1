"""The trajectory tools for coordinators: a code/month panel on each evaluation form, the CSV
export and the page "Resultaten". The pages only carry the method's moments and measures as data;
theme/assets/js/trajectories.js does the work in the browser, so nothing leaves the device."""
from __future__ import annotations

import json

from generator.markup.text import NOT_IN_SEARCH, esc
from generator.model.handbook import Handbook, Page
from generator.model.paths import store_namespace
from generator.model.schema.method import Monitoring
from generator.model.schema.worksheet import Worksheet
from generator.web.links import LinkResolver

CHART_LIBRARY = "vendor/chart.umd.min.js"  # Chart.js, self-hosted, only on the results page


def _script(links: LinkResolver, name: str) -> str:
    return f'<script src="{links.to("assets/js/" + name)}" defer></script>'


def _data(hb: Handbook, monitoring: Monitoring) -> str:
    """The attributes trajectories.js reads: where to store, the CSV format, moments and measures."""
    moments = [{"id": m.id, "label": m.label} for m in monitoring.moments]
    measures = [{"id": m.id, "label": m.label, "kind": m.kind} for m in monitoring.measures]
    return (f'data-site="{esc(store_namespace(hb))}" data-format="{monitoring.format}" '
            f'data-organisation="{esc(hb.site.organisation.name)}" '
            f"data-moments=\"{esc(json.dumps(moments, ensure_ascii=False))}\" "
            f"data-measures=\"{esc(json.dumps(measures, ensure_ascii=False))}\"")


def trajectory_panel(hb: Handbook, sheet: Worksheet, links: LinkResolver) -> str:
    """Above an evaluation form: the trajectory code and month its answers are kept under."""
    monitoring = hb.method.monitoring
    if sheet.moment is None or monitoring is None:
        return ""
    return (f'<div class="nc-trajectory-panel" data-moment="{esc(sheet.moment)}" '
            f'data-worksheet="{esc(sheet.id)}" {_data(hb, monitoring)}>'
            '<p class="nc-help">Kies een trajectcode, geen naam. De antwoorden worden per code en moment '
            'bewaard op dit apparaat.</p>'
            '<p><label for="nc-traject-code">Trajectcode</label> '
            '<input type="text" id="nc-traject-code" autocomplete="off" spellcheck="false" '
            'placeholder="bijvoorbeeld T-014"></p>'
            '<p><label for="nc-traject-maand">Maand van het gesprek (jjjj-mm)</label> '
            '<input type="month" id="nc-traject-maand"></p>'
            '<p class="nc-status nc-trajectory-status" role="status"></p></div>\n\n'
            + _script(links, "trajectories.js"))


def page_tool(hb: Handbook, page: Page, links: LinkResolver) -> str:
    """What a coordinator page with `show: trajecten-export` or `show: resultaten` adds below its text."""
    monitoring = hb.method.monitoring
    if monitoring is None or page.meta.show not in ("trajecten-export", "resultaten"):
        return ""
    if page.meta.show == "trajecten-export":
        return _export_tool(hb, monitoring) + "\n\n" + _script(links, "trajectories.js")
    return (_results_tool(hb, monitoring) + "\n\n" + _script(links, CHART_LIBRARY) + "\n\n"
            + _script(links, "resultaten.js"))


def _button(action: str, label: str) -> str:
    return (f'<button type="button" class="md-button nc-button" data-action="{action}" disabled '
            f'{NOT_IN_SEARCH}>{esc(label)}</button>')


def _export_tool(hb: Handbook, monitoring: Monitoring) -> str:
    return (f'<div class="nc-trajectory-export" {_data(hb, monitoring)}>'
            '<p class="nc-option"><input type="checkbox" id="nc-export-text" class="nc-export-text">'
            '<label for="nc-export-text">ook vrije tekst opnemen</label></p>'
            f'{_button("export", "Exporteer CSV")}'
            '<p class="nc-status" role="status"></p></div>')


def _results_tool(hb: Handbook, monitoring: Monitoring) -> str:
    return (f'<div class="nc-results" {_data(hb, monitoring)}>'
            '<p><label for="nc-results-files">Kies een of meer CSV-bestanden</label> '
            '<input type="file" id="nc-results-files" accept=".csv,text/csv" multiple></p>'
            f'<p>{_button("sample", "Laad het voorbeeld")} {_button("print", "Afdrukken")}</p>'
            '<div class="nc-status nc-results-status" role="status" aria-live="polite"></div>'
            '<div class="nc-results-summary"></div></div>')
