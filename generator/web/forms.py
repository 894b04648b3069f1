"""A worksheet as an accessible HTML form: one definition, also the base for print."""
from __future__ import annotations

from generator.markup.text import NOT_IN_SEARCH, esc, markdown_to_html
from generator.model.schema.worksheet import (
    Actieplan,
    Block,
    Checklist,
    Choice,
    Instruction,
    Netwerkkaart,
    OpenQuestion,
    Scale,
    Table,
    TextField,
    Worksheet,
)

ACTION_FIELDS = (("wat", "Wat ga je doen?"), ("met-wie", "Met wie?"), ("wanneer", "Wanneer?"),
                 ("eerste-stap", "Wat is je eerste stap?"), ("wat-helpt", "Wat helpt je daarbij?"),
                 ("gelukt", "Hoe weet je dat het gelukt is?"))
CIRCLES = (("dichtbij", "Dichtbij"), ("verder-weg", "Verder weg"), ("op-afstand", "Op afstand"))
SECTORS = (("familie", "Familie"), ("vrienden", "Vrienden"), ("buurt", "Buren en buurt"),
           ("werk-school-club", "Werk, school of club"), ("hulpverleners", "Hulpverleners"))
KAART_ROWS = 8


def render_form(sheet: Worksheet, site_id: str) -> str:
    """The whole form; one line per element so Markdown passes it through as one HTML block."""
    parts = [f'<form class="nc-worksheet" data-worksheet="{esc(sheet.id)}" data-site="{esc(site_id)}" '
             f'data-version="{sheet.version}" aria-label="{esc(sheet.title)}">']
    parts += [render_block(sheet.id, block) for block in sheet.blocks]
    parts.append("</form>")
    return "\n".join(parts)


def _field_id(sheet_id: str, block_id: str, *more: object) -> str:
    return "-".join(["ws", sheet_id, block_id, *(str(m) for m in more)])


def _help(block: Block, field_id: str) -> tuple[str, str]:
    help_text = getattr(block, "help", "")
    if not help_text:
        return "", ""
    return f'<p class="nc-help" id="{field_id}-help">{esc(help_text)}</p>', f' aria-describedby="{field_id}-help"'


def _example(block: Block) -> str:
    example = getattr(block, "example", "")
    return f'<p class="nc-example"><span>Voorbeeld:</span> {esc(example)}</p>' if example else ""


def render_block(sheet_id: str, block: Block) -> str:
    if isinstance(block, Instruction):
        return f'<div class="nc-instruction">{markdown_to_html(block.text)}</div>'
    renderer = RENDERERS[type(block)]
    return renderer(sheet_id, block)


def _open_question(sheet_id: str, block: OpenQuestion) -> str:
    fid = _field_id(sheet_id, block.id)
    help_html, described = _help(block, fid)
    return (f'<div class="nc-field nc-open"><label for="{fid}">{esc(block.label)}</label>{help_html}'
            f'<textarea id="{fid}" name="{esc(block.id)}" rows="{block.lines}"{described}></textarea>'
            f'{_example(block)}</div>')


def _text_field(sheet_id: str, block: TextField) -> str:
    fid = _field_id(sheet_id, block.id)
    help_html, described = _help(block, fid)
    return (f'<div class="nc-field nc-text"><label for="{fid}">{esc(block.label)}</label>{help_html}'
            f'<input type="text" id="{fid}" name="{esc(block.id)}"{described}>{_example(block)}</div>')


def _options(sheet_id: str, block_id: str, kind: str, labels: list[str], name: str) -> str:
    rows = []
    for index, label in enumerate(labels):
        fid = _field_id(sheet_id, block_id, index)
        rows.append(f'<div class="nc-option"><input type="{kind}" id="{fid}" name="{esc(name)}" '
                    f'value="{index}"><label for="{fid}">{esc(label)}</label></div>')
    return "".join(rows)


def _fieldset(css: str, legend: str, inner: str, help_html: str = "") -> str:
    return (f'<fieldset class="nc-field {css}"><legend>{esc(legend)}</legend>{help_html}'
            f'{inner}</fieldset>')


def _checklist(sheet_id: str, block: Checklist) -> str:
    help_html, _ = _help(block, _field_id(sheet_id, block.id))
    return _fieldset("nc-checklist", block.label,
                     _options(sheet_id, block.id, "checkbox", block.items, block.id), help_html)


def _choice(sheet_id: str, block: Choice) -> str:
    help_html, _ = _help(block, _field_id(sheet_id, block.id))
    return _fieldset("nc-choice", block.label,
                     _options(sheet_id, block.id, "radio", block.options, block.id), help_html)


def _scale(sheet_id: str, block: Scale) -> str:
    help_html, _ = _help(block, _field_id(sheet_id, block.id))
    steps = _options(sheet_id, block.id, "radio", [str(n) for n in range(11)], block.id)
    ends = (f'<p class="nc-scale-ends"><span>0 = {esc(block.min_label)}</span>'
            f'<span>10 = {esc(block.max_label)}</span></p>')
    return _fieldset("nc-scale", block.label, f'{ends}<div class="nc-scale-steps">{steps}</div>', help_html)


CHECK_HEAD = ' class="nc-check-head"'


def _table_cell(sheet_id: str, block: Table, row: int, col: int, name: str) -> str:
    fid, label = _field_id(sheet_id, block.id, row, col), f"{esc(name)}, regel {row}"
    if name in block.check_columns:
        return (f'<td class="nc-check-cell" data-label="{esc(name)}"><input type="checkbox" id="{fid}" '
                f'name="{esc(block.id)}.{row}.{col}" value="ja" aria-label="{label}"></td>')
    return (f'<td data-label="{esc(name)}"><input type="text" id="{fid}" name="{esc(block.id)}.{row}.{col}" '
            f'aria-label="{label}"></td>')


def _table(sheet_id: str, block: Table) -> str:
    head = "".join(f'<th scope="col"{CHECK_HEAD if c in block.check_columns else ""}>{esc(c)}</th>'
                   for c in block.columns)
    rows = []
    for row in range(1, block.rows + 1):
        cells = "".join(_table_cell(sheet_id, block, row, col, name) for col, name in enumerate(block.columns))
        rows.append(f"<tr>{cells}</tr>")
    help_html, _ = _help(block, _field_id(sheet_id, block.id))
    return (f'<div class="nc-field nc-table">{help_html}<div class="nc-table-scroll"><table class="nc-table">'
            f'<caption>{esc(block.label)}</caption><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div></div>')


def _select(fid: str, name: str, label: str, choices: tuple[tuple[str, str], ...]) -> str:
    options = '<option value="">Kies…</option>' + "".join(
        f'<option value="{value}">{esc(text)}</option>' for value, text in choices)
    return f'<select id="{fid}" name="{esc(name)}" aria-label="{esc(label)}" {NOT_IN_SEARCH}>{options}</select>'


def _netwerkkaart(sheet_id: str, block: Netwerkkaart) -> str:
    head = "".join(f'<th scope="col">{h}</th>' for h in ("Naam", "Wie is het voor je?", "Cirkel", "Groep"))
    rows = []
    for row in range(1, KAART_ROWS + 1):
        fid = _field_id(sheet_id, block.id, row)
        rows.append(
            f'<tr><td data-label="Naam"><input type="text" id="{fid}-naam" name="{esc(block.id)}.{row}.naam" '
            f'aria-label="Naam, persoon {row}"></td>'
            f'<td data-label="Wie is het voor je?"><input type="text" id="{fid}-relatie" '
            f'name="{esc(block.id)}.{row}.relatie" aria-label="Wie is het voor je, persoon {row}"></td>'
            f'<td data-label="Cirkel">{_select(fid + "-cirkel", f"{block.id}.{row}.cirkel", f"Cirkel, persoon {row}", CIRCLES)}</td>'
            f'<td data-label="Groep">{_select(fid + "-sector", f"{block.id}.{row}.sector", f"Groep, persoon {row}", SECTORS)}</td></tr>')
    help_html, _ = _help(block, _field_id(sheet_id, block.id))
    return (f'<div class="nc-field nc-netwerkkaart" data-block="{esc(block.id)}">'
            f'<p class="nc-label">{esc(block.label)}</p>{help_html}'
            f'<div class="nc-kaart-svg" aria-hidden="true"></div>'
            f'<div class="nc-table-scroll"><table class="nc-table"><caption>Mensen op je netwerkkaart</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div></div>')


def _actieplan(sheet_id: str, block: Actieplan) -> str:
    actions = []
    for number in range(1, block.actions + 1):
        fields = "".join(
            f'<div class="nc-field nc-open"><label for="{_field_id(sheet_id, block.id, number, key)}">'
            f'{label}</label><textarea id="{_field_id(sheet_id, block.id, number, key)}" '
            f'name="{esc(block.id)}.{number}.{key}" rows="2"></textarea></div>'
            for key, label in ACTION_FIELDS)
        actions.append(f'<fieldset class="nc-action"><legend>Actie {number}</legend>{fields}</fieldset>')
    help_html, _ = _help(block, _field_id(sheet_id, block.id))
    return (f'<div class="nc-field nc-actieplan"><p class="nc-label">{esc(block.label)}</p>'
            f'{help_html}{"".join(actions)}</div>')


RENDERERS = {OpenQuestion: _open_question, TextField: _text_field, Checklist: _checklist,
             Choice: _choice, Scale: _scale, Table: _table, Netwerkkaart: _netwerkkaart,
             Actieplan: _actieplan}
