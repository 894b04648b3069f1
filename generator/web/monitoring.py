"""The trajectory tools for coordinators: a code/month panel on each evaluation form, the CSV
export and the page "Resultaten". The pages only carry the method's moments and measures as data;
theme/assets/js/trajectories.js does the work in the browser, so nothing leaves the device."""
from __future__ import annotations

import json

from generator.markup.text import NOT_IN_SEARCH, esc, md_escape
from generator.model.handbook import Handbook, Page
from generator.model.monitoring_csv import FIXED_COLUMNS, csv_columns
from generator.model.paths import logo_path, store_namespace
from generator.model.schema.method import Monitoring
from generator.model.schema.worksheet import Worksheet
from generator.web.links import LinkResolver

CHART_LIBRARY = "vendor/chart.umd.min.js"  # Chart.js, self-hosted, only on the results page


def _script(links: LinkResolver, name: str) -> str:
    return f'<script src="{links.to("assets/js/" + name)}" defer></script>'


def _json(name: str, value: object) -> str:
    return f'data-{name}="{esc(json.dumps(value, ensure_ascii=False))}"'


def _data(hb: Handbook, monitoring: Monitoring) -> str:
    """The attributes the scripts read: where to store, the CSV format and its columns (from the one
    definition in model/monitoring_csv.py), the moments with their stage, measures and totals."""
    moments = [{"id": m.id, "label": m.label, "stage": m.stage} for m in monitoring.moments]
    measures = [{"id": m.id, "label": m.label, "kind": m.kind} for m in monitoring.measures]
    totals = [{"id": t.id, "label": t.label, "of": t.of} for t in monitoring.totals]
    columns = [{"id": c.id, "kind": c.kind} for c in csv_columns(monitoring)]
    formats = {str(number): list(fixed) for number, fixed in FIXED_COLUMNS.items()}
    return (f'data-site="{esc(store_namespace(hb))}" data-format="{monitoring.format}" '
            f'data-organisation="{esc(hb.site.organisation.name)}" '
            + " ".join([_json("moments", moments), _json("measures", measures), _json("totals", totals),
                        _json("columns", columns), _json("formats", formats)]))


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
        return "\n\n".join(["## Exporteren", _export_tool(hb, monitoring), _script(links, "trajectories.js"),
                             column_table(monitoring)])
    return (_results_tool(hb, monitoring, links) + "\n\n" + _script(links, CHART_LIBRARY) + "\n\n"
            + _script(links, "resultaten.js"))


def column_table(monitoring: Monitoring) -> str:
    """The CSV's columns as the page documents them, made from the definition the exporter uses."""
    rows = "\n".join(f"| `{c.id}` | {md_escape(c.meaning)} |" for c in csv_columns(monitoring))
    current = FIXED_COLUMNS[monitoring.format]
    older = [f"Formaat {number} had als vaste kolommen " + ", ".join(f"`{name}`" for name in fixed)
             + "; daarna dezelfde metingen." for number, fixed in sorted(FIXED_COLUMNS.items())
             if number != monitoring.format]
    return "\n\n".join([
        "## De kolommen van het bestand",
        f"Dit is formaat {monitoring.format}. De kolommen staan in deze volgorde (deze tabel is gemaakt "
        "uit dezelfde lijst als de export):",
        "| kolom | betekenis |\n|---|---|\n" + rows,
        " ".join(older + [f"De pagina met de resultaten leest formaat "
                          + " en ".join(str(n) for n in sorted(FIXED_COLUMNS)) + "."]),
        "Een leeg vakje betekent: niet ingevuld. Het bestand is UTF-8, met komma's, en de eerste regel "
        f"noemt de kolommen ({', '.join(current)} en de metingen)."])


def _button(action: str, label: str) -> str:
    return (f'<button type="button" class="md-button nc-button" data-action="{action}" disabled '
            f'{NOT_IN_SEARCH}>{esc(label)}</button>')


def _export_tool(hb: Handbook, monitoring: Monitoring) -> str:
    return (f'<div class="nc-trajectory-export" {_data(hb, monitoring)}>'
            '<p class="nc-option"><input type="checkbox" id="nc-export-text" class="nc-export-text">'
            '<label for="nc-export-text">ook vrije tekst opnemen</label></p>'
            f'{_button("export", "Exporteer CSV")}'
            '<p class="nc-status" role="status"></p></div>')


def _results_tool(hb: Handbook, monitoring: Monitoring, links: LinkResolver) -> str:
    # The browser's own file input speaks the browser's language ("Choose Files"): it stays hidden
    # and our Dutch button opens it, so the name and the status are ours.
    logo = (f'data-logo="{esc(links.to(logo_path(hb)))}" ' if hb.site.branding.logo else "")
    return (f'<div class="nc-results" {logo}{_data(hb, monitoring)}>'
            '<input type="file" id="nc-results-files" accept=".csv,text/csv" multiple hidden>'
            f'<p>{_button("choose", "Kies CSV-bestanden")} '
            '<span class="nc-results-chosen" aria-live="polite">Nog geen bestand gekozen.</span></p>'
            '<fieldset class="nc-results-range"><legend>Periode in de samenvatting (leeg: alles)</legend>'
            '<label for="nc-results-from">van (jjjj-mm)</label> '
            '<input type="month" id="nc-results-from"> '
            '<label for="nc-results-to">tot en met (jjjj-mm)</label> '
            '<input type="month" id="nc-results-to"></fieldset>'
            f'<p>{_button("sample", "Laad het voorbeeld")} {_button("print", "Afdrukken")}</p>'
            '<div class="nc-status nc-results-status" role="status" aria-live="polite"></div>'
            '<div class="nc-results-summary"></div></div>')
