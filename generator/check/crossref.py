"""Checks across files: numbers, ids and references must fit together."""
from __future__ import annotations


from functools import cached_property
from pathlib import Path
from typing import Iterable

from ruamel.yaml.scalarstring import (DoubleQuotedScalarString, FoldedScalarString, LiteralScalarString,
                                      SingleQuotedScalarString)

from generator.diagnostics import Diagnostics, Location
from generator.load.loader import UNKNOWN_PHASE, Loaded
from generator.markup.reference_kinds import KINDS
from generator.markup.references import find_references, find_unsafe, heading_id, heading_ids, in_page_anchors
from generator.model.handbook import Handbook, MarkdownDoc, SourceDoc

RESERVED_PAGE_SLUGS = {"index", "begrippen", "literatuur", "voortgang", "downloads"}


def check_handbook(hb: Handbook, loaded: Loaded, diags: Diagnostics) -> None:
    _check_phases_and_steps(hb, loaded, diags)
    _check_sections_and_pages(hb, loaded, diags)
    _check_unique_ids(hb, loaded, diags)
    _check_step_links(hb, loaded, diags)
    _check_glossary_links(hb, loaded, diags)
    known = targets(hb, loaded)
    for doc in markdown_sources(hb, loaded, diags):
        check_markdown(doc, known, diags, frozenset(heading_id(part.title) for part in hb.method.step_parts))
    _check_everything_is_shown(hb, loaded, diags)


def _check_everything_is_shown(hb: Handbook, loaded: Loaded, diags: Diagnostics) -> None:
    """Loaded content that no page shows is a warning: an author believes it is on the site.
    (Glossary, literature, worksheets and quizzes always get their own pages; a generated list
    such as the competences appears only where a page asks for it with `show:`.)"""
    shown = {page.meta.show for page in hb.pages}
    if hb.competences and "competenties" not in shown and not loaded.invalid["pagina"]:
        diags.warning(diags.at(hb.root / "content" / "competences.yml"), "NC083",
                      f"de {len(hb.competences)} competenties staan op geen enkele pagina; verwacht: "
                      "een pagina met show: competenties in de front matter")


def _where(loaded: Loaded, item: object, diags: Diagnostics, *loc: object):
    return loaded.sources[id(item)].locate(diags, tuple(loc))


def _duplicates(items: Iterable[tuple[object, object]]) -> list[tuple[object, object]]:
    """Every (key, item) after the first one with the same key."""
    seen: dict[object, object] = {}
    later = []
    for key, item in items:
        if key in seen:
            later.append((key, item))
        else:
            seen[key] = item
    return later


def _check_phases_and_steps(hb: Handbook, loaded: Loaded, diags: Diagnostics) -> None:
    for number, phase in _duplicates((p.meta.number, p) for p in hb.phases):
        diags.error(phase.source.locate(diags, ("number",)), "NC050",
                    f"fasenummer {number} komt twee keer voor; verwacht: elk nummer één keer")
    for phase_id, phase in _duplicates((p.meta.id, p) for p in hb.phases):
        diags.error(phase.source.locate(diags, ("id",)), "NC051",
                    f"fase-id '{phase_id}' komt twee keer voor; verwacht: unieke id's")
    for number, step in _duplicates((s.meta.number, s) for s in hb.steps):
        diags.error(step.source.locate(diags, ("number",)), "NC050",
                    f"stapnummer {number} komt twee keer voor; verwacht: elk nummer één keer")
        # The folder (02-...) tells which number was meant: what refers to that number is not
        # reported again.
        meant = step.source.path.parent.name.split("-", 1)[0]
        if meant.isdigit():
            loaded.note_invalid("stap", int(meant))
    for slug, step in _duplicates((s.meta.slug, s) for s in hb.steps):
        diags.error(step.source.locate(diags, ("slug",)), "NC051",
                    f"slug '{slug}' komt twee keer voor; verwacht: unieke slugs")
    phase_ids = {p.meta.id for p in hb.phases} | loaded.invalid["fase"]
    for step in hb.steps:
        if step.meta.phase not in phase_ids:
            diags.error(step.source.locate(diags, ("phase",)), "NC053",
                        f"fase '{step.meta.phase}' bestaat niet; verwacht: een van "
                        f"{_choices(phase_ids)}")
    for phase in hb.phases:
        unreadable = loaded.invalid_step_phases & {phase.meta.id, UNKNOWN_PHASE}
        if not hb.steps_of(phase) and not unreadable:
            diags.error(phase.source.locate(diags, ("id",)), "NC052",
                        f"fase '{phase.meta.id}' heeft geen stappen; verwacht: minstens één stap "
                        "met phase: " + phase.meta.id)
    if not hb.phases and not loaded.invalid["fase"]:
        diags.error(diags.at(hb.root / "content" / "phases"), "NC052",
                    "geen fasen gevonden; verwacht: minstens één bestand in content/phases/")


def _check_sections_and_pages(hb: Handbook, loaded: Loaded, diags: Diagnostics) -> None:
    sections = {s.id for s in hb.meta.sections}
    for index, (section_id, _) in enumerate(_duplicates((s.id, s) for s in hb.meta.sections)):
        diags.error(_where(loaded, hb.meta, diags, "sections"), "NC051",
                    f"sectie-id '{section_id}' komt twee keer voor; verwacht: unieke id's")
    for slug, page in _duplicates((p.slug, p) for p in hb.pages):
        diags.error(diags.at(page.body.path), "NC051",
                    f"er is al een pagina met de naam '{slug}'; verwacht: unieke bestandsnamen voor pagina's")
    for page in hb.pages:
        if page.meta.section not in sections:
            diags.error(_where(loaded, page.meta, diags, "section"), "NC056",
                        f"sectie '{page.meta.section}' bestaat niet; verwacht: een van "
                        f"{_choices(sections)} (zie sections in content/handbook.yml)")
        if page.slug in RESERVED_PAGE_SLUGS:
            diags.error(diags.at(page.body.path), "NC043",
                        f"de naam '{page.slug}' is gereserveerd voor een gemaakte pagina; "
                        "verwacht: een andere bestandsnaam")


def _check_unique_ids(hb: Handbook, loaded: Loaded, diags: Diagnostics) -> None:
    for label, items in (("begrip", hb.glossary), ("bron", hb.literature),
                         ("competentie", hb.competences)):
        for item_id, item in _duplicates((item.id, item) for item in items):
            doc = loaded.sources[id(item)]
            index = [i for i, other in enumerate(items) if other is item][0]
            diags.error(doc.locate(diags, (index, "id")), "NC051",
                        f"{label}-id '{item_id}' komt twee keer voor; verwacht: unieke id's")


def _check_step_links(hb: Handbook, loaded: Loaded, diags: Diagnostics) -> None:
    numbers = {str(s.meta.number) for s in hb.steps} | loaded.invalid["stap"]
    for step in hb.steps:
        for index, sheet_id in enumerate(step.meta.worksheets):
            if sheet_id not in hb.worksheets and sheet_id not in loaded.invalid["werkblad"]:
                diags.error(step.source.locate(diags, ("worksheets", index)), "NC054",
                            f"werkblad '{sheet_id}' bestaat niet; verwacht: worksheets/{sheet_id}.yml")
        quiz = step.meta.quiz
        if quiz and quiz not in hb.quizzes and quiz not in loaded.invalid["toets"]:
            diags.error(step.source.locate(diags, ("quiz",)), "NC055",
                        f"toets '{step.meta.quiz}' bestaat niet; "
                        f"verwacht: content/quizzes/{step.meta.quiz}.yml")
    for kind, items in (("werkblad", hb.worksheets), ("toets", hb.quizzes)):
        for item in items.values():
            if item.step is not None and str(item.step) not in numbers:
                diags.error(_where(loaded, item, diags, "step"), "NC054",
                            f"{kind} hoort bij stap {item.step}, maar die stap bestaat niet; "
                            f"verwacht: een van {_choices(numbers)}")
    _check_worksheets_listed(hb, loaded, diags)


def _check_worksheets_listed(hb: Handbook, loaded: Loaded, diags: Diagnostics) -> None:
    """A worksheet that names its step must be among that step's worksheets, or the site says both
    'hoort bij stap 4' and 'geen apart werkblad'."""
    listed = {(s.meta.number, sheet) for s in hb.steps for sheet in s.meta.worksheets}
    numbers = {s.meta.number for s in hb.steps}
    for sheet in hb.worksheets.values():
        if sheet.step in numbers and (sheet.step, sheet.id) not in listed:
            diags.error(_where(loaded, sheet, diags, "step"), "NC059",
                        f"werkblad '{sheet.id}' hoort bij stap {sheet.step}, maar die stap noemt het niet; "
                        f"verwacht: '{sheet.id}' onder worksheets: in step.yml van stap {sheet.step}, "
                        "of haal step: weg")


def _check_glossary_links(hb: Handbook, loaded: Loaded, diags: Diagnostics) -> None:
    ids = {entry.id for entry in hb.glossary} | loaded.invalid["begrip"]
    for index, entry in enumerate(hb.glossary):
        for see_index, other in enumerate(entry.see):
            if other not in ids:
                doc = loaded.sources[id(entry)]
                diags.error(doc.locate(diags, (index, "see", see_index)), "NC040",
                            f"begrip '{other}' bestaat niet; verwacht: een id uit content/glossary.yml")


def markdown_sources(hb: Handbook, loaded: Loaded, diags: Diagnostics) -> list[MarkdownDoc | YamlMarkdownDoc]:
    """Every Markdown text that may hold references: body files and description fields."""
    docs = [doc for step in hb.steps for doc in step.parts.values()]
    docs += [page.body for page in hb.pages]
    docs += [_yaml_markdown(phase.source, "description", phase.meta.description, diags)
             for phase in hb.phases]
    docs.append(_yaml_markdown(loaded.sources[id(hb.meta)], "description", hb.meta.description, diags))
    return docs


def _yaml_markdown(doc: SourceDoc, key: str, text: str, diags: Diagnostics) -> YamlMarkdownDoc:
    """A Markdown field of a YAML file, placed so its lines map back to the file."""
    return yaml_markdown_at(doc, (key,), diags)


def yaml_markdown_at(doc: SourceDoc, loc: tuple, diags: Diagnostics) -> YamlMarkdownDoc:
    """The Markdown field at `loc` (keys and list indexes) of a YAML file, placed so its lines map back.
    Where it starts is only worked out when a message needs it: that takes the slow round-trip parse."""
    return YamlMarkdownDoc(doc.path, str(_value_at(doc.data, loc)), source=doc, loc=loc, diags=diags)


def _value_at(data: object, loc: tuple) -> object:
    for key in loc:
        data = data[key]  # type: ignore[index]
    return data


class YamlMarkdownDoc:
    """A Markdown field inside a YAML file; its first line and column are found on first use."""

    def __init__(self, path: Path, text: str, source: SourceDoc, loc: tuple, diags: Diagnostics) -> None:
        self.path, self.text, self.source, self.loc, self.diags = path, text, source, loc, diags

    @cached_property
    def _start(self) -> tuple[int, int]:
        where = self.source.locate(self.diags, self.loc)
        raw = self.source.node_at(self.loc)
        if isinstance(raw, (LiteralScalarString, FoldedScalarString)):
            # The text starts on the next line, indented (we assume the usual two spaces).
            return where.line + 1, where.col + 2
        quote = 1 if isinstance(raw, (DoubleQuotedScalarString, SingleQuotedScalarString)) else 0
        return where.line, where.col + len(str(self.loc[-1])) + 2 + quote

    @property
    def first_line(self) -> int:
        return self._start[0]

    @property
    def first_col(self) -> int:
        return self._start[1]


def targets(hb: Handbook, loaded: Loaded) -> dict[str, set[str]]:
    """Valid reference targets per kind; invalid-but-present ones count as found."""
    return {kind.name: kind.ids(hb) | loaded.invalid[kind.name] for kind in KINDS.values()}


def check_markdown(doc: MarkdownDoc | YamlMarkdownDoc, known: dict[str, set[str]], diags: Diagnostics,
                   generated: frozenset[str] = frozenset()) -> None:
    """`generated`: heading ids the page gets besides the author's own (a step's part headings)."""
    def at(line: int, col: int) -> Location:  # where the text starts is only looked up for a message
        return diags.at(doc.path, line + doc.first_line - 1, col + doc.first_col - 1)

    for line, col, code, message in find_unsafe(doc.text):
        diags.error(at(line, col), code, message)
    anchors = list(in_page_anchors(doc.text))
    ids = heading_ids(doc.text) | generated if anchors else set()
    for line, col, anchor in anchors:
        if anchor not in ids:
            diags.error(at(line, col), "NC042",
                        f"link naar '#{anchor}', maar dat kopje staat niet op deze pagina; "
                        f"verwacht: een van {_choices('#' + i for i in ids)}")
    for ref in find_references(doc.text):
        if ref.kind not in KINDS:
            diags.error(at(ref.line, ref.col), "NC041", f"onbekende soort verwijzing '{ref.kind}' in {ref.raw}; "
                        f"verwacht: {', '.join(KINDS)}")
        elif ref.target not in known[ref.kind]:
            diags.error(at(ref.line, ref.col), "NC040", f"{ref.kind} '{ref.target}' bestaat niet ({ref.raw}); "
                        f"verwacht: een van {_choices(known[ref.kind])}")


def _choices(values: Iterable[object]) -> str:
    items = sorted(str(v) for v in values)
    if not items:
        return "(er is nog niets gedefinieerd)"
    shown = ", ".join(items[:12])
    return shown + (f" (en {len(items) - 12} meer)" if len(items) > 12 else "")
