"""Print HTML for worksheets, steps and packs, from Jinja2 templates in theme/print/."""
from __future__ import annotations

import base64
import math
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from generator.markup.text import esc, number_word
from generator.model.handbook import Handbook, Phase, Step
from generator.model.paths import fillable_worksheet_pdf, pack_pdf, step_label, step_pdf, worksheet_pdf
from generator.model.schema.method import NetworkMap
from generator.model.schema.site import Pack
from generator.model.schema.worksheet import Instruction, Worksheet
from generator.print.documents import Part, PrintDoc, Section, markdown_for_print
from generator.print.form_fields import field_labels
from generator.print.training_print import training_documents, training_parts


def kaart_svg(network: NetworkMap | None) -> str:
    """An empty network map as the method draws it: labelled rings, a wedge per group, 'Ik' in the
    middle, set in the print font and with room around it, so no label is cut off."""
    if network is None:
        return ""
    rings, groups = len(network.rings), len(network.groups)
    title = f"Lege kaart met {number_word(rings)} cirkels en {number_word(groups)} groepen"
    parts = ['<svg viewBox="-270 -190 540 380" xmlns="http://www.w3.org/2000/svg" role="img" '
             f'font-family="Atkinson Hyperlegible" aria-label="{esc(title)}"><title>{esc(title)}</title>']
    bounds = [round(MAP_RADIUS * n / rings) for n in range(rings + 1)]
    parts += [f'<circle r="{radius}" fill="none" stroke="#666" stroke-width="1"/>' for radius in reversed(bounds[1:])]
    for ring, inner, outer in zip(network.rings, bounds, bounds[1:]):
        y = -(inner + outer) / 2 + 4 if inner else 22
        parts.append(f'<text x="4" y="{y:.0f}" text-anchor="start" font-size="10" fill="#555">'
                     f'{esc(ring.label.lower())}</text>')
    parts += [_map_group(index, groups, group.label) for index, group in enumerate(network.groups)]
    parts.append('<text x="0" y="5" text-anchor="middle" font-size="14" font-weight="700">Ik</text></svg>')
    return "".join(parts)


MAP_RADIUS = 170


def _map_group(index: int, count: int, name: str) -> str:
    """A group's dividing line and its name outside the rings."""
    step = 360 / count
    angle = math.radians(index * step - 90)
    line = (f'<line x1="0" y1="0" x2="{MAP_RADIUS * math.cos(angle):.1f}" y2="{MAP_RADIUS * math.sin(angle):.1f}" '
            'stroke="#999" stroke-width="0.8" stroke-dasharray="3 3"/>')
    mid = math.radians((index + 0.5) * step - 90)
    x, y = 180 * math.cos(mid), 180 * math.sin(mid) + (8 if math.sin(mid) > 0.5 else 0)
    anchor = "middle" if abs(x) < 40 else "start" if x > 0 else "end"
    lines = name.split(", ")
    spans = "".join(f'<tspan x="{x:.1f}" dy="{-6 * (len(lines) - 1) if n == 0 else 13}">'
                    f'{esc(text)}{"," if n < len(lines) - 1 else ""}</tspan>' for n, text in enumerate(lines))
    return line + f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="12">{spans}</text>'


# Print HTML per A4 page, measured on the bundled trainer pack (300 kB for 166 pages). Only used to
# estimate where a long pack is split into volumes.
HTML_CHARS_PER_PAGE = 1800


class PrintRenderer:
    """Builds print HTML; one instance per build (the template environment is reused)."""

    def __init__(self, hb: Handbook, templates: Path) -> None:
        self.hb = hb
        self.env = Environment(loader=FileSystemLoader(str(templates)), autoescape=select_autoescape(["j2", "html"]),
                               undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self._markdown: dict[tuple[str, int], Markup] = {}
        self._worksheet_parts: dict[str, Part] = {}
        self.instructions = self._instructions()
        self.kaart = kaart_svg(hb.method.network_map)  # the same empty map in every document

    def documents(self) -> list[PrintDoc]:
        """Every PDF of a build: each worksheet, each step, each pack (or its volumes)."""
        docs = [self.worksheet(sheet) for sheet in self.hb.worksheets.values()]
        docs += [self.fillable_worksheet(sheet) for sheet in self.hb.worksheets.values()]
        docs += [self.step(step) for step in self.hb.steps]
        return docs + training_documents(self) + self.packs(self.hb.site.packs)

    def _context(self, title: str, description: str, page_numbers: bool = False) -> dict[str, object]:
        hb = self.hb
        edition = hb.meta.edition
        return {"title": title, "description": description, "organisation": hb.site.organisation.name,
                "handbook_title": hb.meta.title, "handbook_id": hb.meta.id, "edition_name": edition.name,
                "edition_version": edition.version, "date": edition.date, "brand": hb.site.branding.primary,
                "kaart_svg": self.kaart, "network_map": hb.method.network_map,
                "action_fields": [(field.id, field.label) for field in hb.method.action_plan],
                "instructions": self.instructions, "fillable": False, "page_numbers": page_numbers,
                "footer": f"{hb.site.organisation.name} · {edition.name} (versie {edition.version})"}

    def markdown(self, text: str, shift: int = 0) -> Markup:
        """Markdown as print HTML, converted once per build: a step's text is in several packs."""
        key = (text, shift)
        if key not in self._markdown:
            self._markdown[key] = markdown_for_print(self.hb, text, shift)
        return self._markdown[key]

    def _instructions(self) -> dict[str, Markup]:
        texts = {block.text for sheet in self.hb.worksheets.values() for block in sheet.blocks
                 if isinstance(block, Instruction)}
        return {text: self.markdown(text) for text in texts}

    def _sheet_label(self, sheet: Worksheet) -> str:
        return step_label(self.hb, sheet.step) if sheet.step else ""

    def worksheet_part(self, sheet: Worksheet) -> Part:
        """A worksheet as it is in its own PDF, its step's PDF and every pack: one part (made once)."""
        if sheet.id not in self._worksheet_parts:
            self._worksheet_parts[sheet.id] = Part(self.env.get_template("worksheet.html.j2").render(
                **self._context(sheet.title, sheet.intro), sheet=sheet, step_label=self._sheet_label(sheet)))
        return self._worksheet_parts[sheet.id]

    def worksheet(self, sheet: Worksheet) -> PrintDoc:
        return PrintDoc(worksheet_pdf(sheet.id), sheet.title, (Section(self.worksheet_part(sheet)),),
                        (f"werkblad:{sheet.id}",))

    def fillable_worksheet(self, sheet: Worksheet) -> PrintDoc:
        """The same sheet with form fields, to fill in on a computer; each field named for screen readers."""
        context = {**self._context(f"{sheet.title} (invulbaar)", sheet.intro, page_numbers=True), "fillable": True}
        html = self.env.get_template("worksheet.html.j2").render(
            **context, sheet=sheet, step_label=self._sheet_label(sheet))
        part = Part(html, field_labels(sheet, self.hb.method.action_plan))
        return PrintDoc(fillable_worksheet_pdf(sheet.id), f"{sheet.title} (invulbaar)", (Section(part),),
                        (f"werkblad:{sheet.id}",), "Om op de computer in te vullen en te bewaren.", composed=False)

    def _audiences(self, pack: Pack) -> list[str]:
        return pack.audiences or [audience.id for audience in self.hb.method.audiences]

    def _step_part(self, step: Step, audiences: list[str]) -> dict[str, object]:
        sheets = [self.hb.worksheets[s] for s in step.meta.worksheets
                  if self.hb.worksheets[s].audience in audiences]
        return {"kind": "step", "step": step, "step_label": step_label(self.hb, step.meta.number),
                "anchor": f"stap-{step.meta.number}", "phase_title": self.hb.phase_of(step).meta.title,
                "facets": self.hb.step_facets(step), "sheets": sheets,
                "parts": [(part.title, self.markdown(step.parts[part.id].text, 1))
                          for part in self.hb.method.file_parts if part.in_print and part.id in step.parts]}

    def _step_body(self, part: dict[str, object]) -> Part:
        """A step's explanation and theory, without its worksheets (they are parts of their own)."""
        step = part["step"]
        return Part(self.env.get_template("step.html.j2").render(
            **self._context(str(part["step_label"]), step.meta.summary),
            **{k: v for k, v in part.items() if k not in ("kind", "anchor", "sheets")}, step_anchor=part["anchor"]))

    def step(self, step: Step) -> PrintDoc:
        part = self._step_part(step, [audience.id for audience in self.hb.method.audiences])
        sections = (Section(self._step_body(part)),) + tuple(
            Section(self.worksheet_part(sheet), right_page=True, depth=1) for sheet in part["sheets"])
        members = (f"stap:{step.meta.number}",) + tuple(f"werkblad:{s.id}" for s in part["sheets"])
        return PrintDoc(step_pdf(step.meta.number, step.meta.slug), str(part["step_label"]), sections, members,
                        step.meta.summary)

    def packs(self, packs: list[Pack]) -> list[PrintDoc]:
        docs = []
        for pack in packs:
            phases = [p for p in self.hb.phases if p.meta.id == pack.phase] if pack.phase else [None]
            if pack.each_phase:
                phases = list(self.hb.phases)
            for phase in phases:
                docs += self.pack(pack, phase)
        return docs

    def pack(self, pack: Pack, phase: Phase | None) -> list[PrintDoc]:
        """One PDF per volume: a pack longer than `volume_pages` is split between whole parts."""
        title = f"{pack.title}: {phase.meta.title}" if phase and pack.each_phase else pack.title
        budget = pack.volume_pages * HTML_CHARS_PER_PAGE
        parts = self._pack_parts(pack, phase, budget)
        nested = any(p["kind"] == "phase" for p in parts)
        sections = [self._pack_sections(part, nested) for part in parts]
        volumes = split_volumes(parts, [sum(_body_size(s.part) for s in group) for group in sections], budget)
        phase_id = phase.meta.id if phase and pack.each_phase else None
        docs = []
        for number, (start, end) in enumerate(volumes, 1):
            label = f"Deel {number} van {len(volumes)}" if len(volumes) > 1 else ""
            volume_title = f"{title} ({label.lower()})" if label else title
            description = f"{pack.description} {label}." if label else pack.description
            members = tuple(sorted({f"stap:{p['step'].meta.number}" for p in parts[start:end] if p["kind"] == "step"} |
                                   {f"werkblad:{s.id}" for p in parts[start:end] for s in _sheets_of(p)}))
            placed = tuple(section for group in sections[start:end] for section in group)
            front = _PackFront(self, volume_title, description,
                               {"pack_title": title, "volume": label, "pack_description": pack.description,
                                "logo": self._logo_data_uri()}, [s for s in placed if s.toc_title])
            docs.append(PrintDoc(pack_pdf(pack.id, phase_id, number if label else None), volume_title,
                                 placed, members, description, front))
        return docs

    def _pack_sections(self, part: dict[str, object], nested: bool) -> list[Section]:
        """One entry of a pack as the sections it is made of: a step is its body and its worksheets."""
        if part["kind"] == "step":
            depth = 1 if nested else 0
            body = Section(self._step_body(part), False, depth, str(part["anchor"]), str(part["step_label"]),
                           2 if nested else 1)
            return [body] + [Section(self.worksheet_part(sheet), True, depth + 1) for sheet in part["sheets"]]
        if part["kind"] == "worksheet":
            sheet = part["sheet"]
            label = f"{part['step_label']} · " if part["step_label"] else ""
            return [Section(self.worksheet_part(sheet), True, 0, f"werkblad-{sheet.id}", f"{label}{sheet.title}")]
        html = self.env.get_template("part_doc.html.j2").render(**self._context(str(part["title"]), ""), part=part)
        return [Section(Part(html), False, 0, str(part["anchor"]), str(part["title"]))]

    def _pack_parts(self, pack: Pack, phase: Phase | None, budget: int) -> list[dict[str, object]]:
        hb = self.hb
        parts: list[dict[str, object]] = []
        if "inleiding" in pack.parts:
            parts.append({"kind": "page", "anchor": "inleiding", "title": "Over deze training",
                          "html": self.markdown(hb.meta.description)})
        steps_in_pack: list[Step] = []
        if "stappen" in pack.parts:
            for current in [phase] if phase else hb.phases:
                parts.append({"kind": "phase", "anchor": f"fase-{current.meta.id}",
                              "title": f"Fase {current.meta.number}: {current.meta.title}",
                              "html": self.markdown(current.meta.description)})
                for step in hb.steps_of(current):
                    parts.append(self._step_part(step, self._audiences(pack)))
                    steps_in_pack.append(step)
        if "paginas" in pack.parts:
            for section in hb.meta.sections:
                for page in hb.pages_in(section.id):
                    parts.append({"kind": "page", "anchor": f"pagina-{page.slug}", "title": page.meta.title,
                                  "html": self.markdown(page.body.text, 1)})
        if "werkbladen" in pack.parts:
            done = {s for step in steps_in_pack for s in step.meta.worksheets}
            for sheet in hb.worksheets_in_order():
                if sheet.audience in self._audiences(pack) and sheet.id not in done and \
                        (phase is None or (sheet.step and hb.phase_of(hb.step_by_number(sheet.step)) is phase)):
                    parts.append({"kind": "worksheet", "anchor": f"werkblad-{sheet.id}", "sheet": sheet,
                                  "step_label": self._sheet_label(sheet)})
        if "training" in pack.parts:
            parts += training_parts(self)
        if "begrippen" in pack.parts and hb.glossary:
            parts.append({"kind": "page", "anchor": "begrippen", "title": "Begrippenlijst",
                          "html": self._glossary_html()})
        if "antwoorden" in pack.parts and hb.quizzes:
            blocks = self.answer_key_blocks()
            for index, (start, end) in enumerate(size_ranges([len(b) for b in blocks], budget // 2)):
                parts.append({"kind": "page", "anchor": "antwoorden" if index == 0 else f"antwoorden-{index + 1}",
                              "title": "Antwoorden bij de toetsen" + (" (vervolg)" if index else ""),
                              "html": Markup("".join(blocks[start:end]))})
        return parts

    def _logo_data_uri(self) -> str:
        """The logo inlined, so the PDF cache key changes when the logo does."""
        logo = self.hb.site.branding.logo
        if not logo:
            return ""
        path = self.hb.root / "site_config" / logo
        kind = {".svg": "image/svg+xml", ".png": "image/png"}.get(path.suffix.lower(), "image/jpeg")
        return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"

    def _glossary_html(self) -> Markup:
        items = "".join(f"<dt><strong>{esc(g.term)}</strong></dt><dd>{esc(g.definition)}</dd>"
                        for g in sorted(self.hb.glossary, key=lambda g: g.term.casefold()))
        return Markup(f"<dl>{items}</dl>")

    def answer_key_blocks(self) -> list[str]:
        """The answers of every quiz, one HTML block per quiz."""
        blocks = []
        for quiz in self.hb.quizzes_in_order():
            rows = []
            for number, question in enumerate(quiz.questions, 1):
                situation = f"<p><em>{esc(question.situation)}</em></p>" if question.situation else ""
                if question.type == "order":
                    answer = "<ol>" + "".join(f"<li>{esc(item)}</li>" for item in question.items) + "</ol>"
                    answer += f"<p>{esc(question.feedback)}</p>"
                else:
                    answer = "<ul>" + "".join(
                        f"<li>{'<strong>Goed:</strong> ' if o.correct else 'Niet goed: '}{esc(o.text)}"
                        f"<br><small>{esc(o.feedback)}</small></li>" for o in question.options) + "</ul>"
                rows.append(f"<h3>Vraag {number}</h3>{situation}<p>{esc(question.prompt)}</p>{answer}")
            blocks.append(f"<h2>{esc(quiz.title)}</h2><p>Geslaagd vanaf {esc(quiz.pass_text)}.</p>"
                          + "".join(rows))
        return blocks


def _body_size(part: Part) -> int:
    """What a part holds, for the page estimate: its body, not the head every part repeats."""
    return len(part.html.partition("<body>")[2])


def _sheets_of(part: dict[str, object]) -> list[Worksheet]:
    return list(part["sheets"]) if part["kind"] == "step" else [part["sheet"]] if part["kind"] == "worksheet" else []


class _PackFront:
    """A pack volume's cover and contents, for the page numbers the composition found."""

    def __init__(self, renderer: PrintRenderer, title: str, description: str, cover: dict[str, object],
                 listed: list[Section]) -> None:
        self.renderer, self.title, self.description = renderer, title, description
        self.cover, self.listed = cover, listed

    def __call__(self, toc_pages: list[int]) -> Part:
        toc = [{"level": s.toc_level, "anchor": s.anchor, "title": s.toc_title, "page": page}
               for s, page in zip(self.listed, toc_pages)]
        context = {**self.renderer._context(self.title, self.description), **self.cover, "toc": toc}
        return Part(self.renderer.env.get_template("pack.html.j2").render(**context))


def split_volumes(parts: list[dict[str, object]], sizes: list[int], budget: int) -> list[tuple[int, int]]:
    """(start, end) ranges of parts, each at most `budget` characters unless one part is larger.

    A volume never ends on a phase title page: that page goes with the steps it introduces.
    """
    return size_ranges(sizes, budget, lambda index: parts[index]["kind"] == "phase")


def size_ranges(sizes: list[int], budget: int, keep_with_next=lambda index: False) -> list[tuple[int, int]]:
    """Consecutive (start, end) ranges of at most `budget` in total (a larger item stands alone);
    an item for which `keep_with_next` holds does not end a range."""
    ranges: list[tuple[int, int]] = []
    start, size = 0, 0
    for index, item_size in enumerate(sizes):
        if index > start and size + item_size > budget:
            if keep_with_next(index - 1) and index - 1 == start:
                size += item_size  # nothing before it to end on: it stays with the item after it
                continue
            end = index - 1 if keep_with_next(index - 1) else index
            ranges.append((start, end))
            start, size = end, sum(sizes[end:index])
        size += item_size
    ranges.append((start, len(sizes)))
    return ranges
