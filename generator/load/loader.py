"""Phase one: read every source file of a project into a validated `Handbook`.

Nothing is written here. Every problem is recorded in `Diagnostics`; a file with
problems is skipped so that the rest can still be checked in the same run.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, RootModel

from generator.diagnostics import Diagnostics
from generator.load.sources import read_text
from generator.load.validate import validate
from generator.load.yamlio import YamlDoc, load_yaml, parse_yaml
from generator.markup.reference_kinds import KINDS as REFERENCE_KINDS
from generator.model.handbook import Handbook, MarkdownDoc, Page, Phase, Step
from generator.model.schema.method import MethodDef
from generator.model.schema.handbook import HandbookMeta, PageMeta, PhaseMeta, StepMeta
from generator.model.schema.quiz import Quiz
from generator.model.schema.reference import Competence, GlossaryEntry, LiteratureEntry
from generator.model.schema.site import SiteConfig
from generator.model.schema.worksheet import Worksheet

M = TypeVar("M", bound=BaseModel)
FRONT_MATTER = "---"
UNKNOWN_PHASE = "*"  # a step that could not be read may belong to any phase


class AnyId(set):
    """The ids of a file that could not be read: unknown, so every id may be among them."""

    def __contains__(self, item: object) -> bool:
        return True

    def __or__(self, other: object) -> "AnyId":  # a union with anything is still "any id"
        return self

    __ror__ = __or__


class Loaded:
    """Validated items with the YAML they came from, and what invalid files were meant to be.

    A file that fails validation is still known by its id (or step number and phase), so
    that references to it do not cause a second, misleading error.
    """

    def __init__(self) -> None:
        self.sources: dict[int, YamlDoc] = {}
        self.invalid: dict[str, set[str]] = {kind: set() for kind in
                                             (*REFERENCE_KINDS, "toets", "competentie", "kaart", "oefening")}
        self.invalid_step_phases: set[str] = set()

    def note_unreadable(self, kind: str) -> None:
        """A whole list file could not be read: any id of its kind counts as found, so one
        broken file gives one error, not one per reference to it."""
        self.invalid[kind] = AnyId()

    def remember(self, item: object, doc: YamlDoc) -> None:
        self.sources[id(item)] = doc

    def note_invalid(self, kind: str, value: object) -> None:
        if value is not None:
            self.invalid[kind].add(str(value))


def _raw(doc: YamlDoc | None, key: str) -> object:
    data = doc.data if doc is not None else None
    return data.get(key) if isinstance(data, dict) else None


def load_model(path: Path, model: type[M], diags: Diagnostics, loaded: Loaded) -> M | None:
    item, _ = load_model_and_doc(path, model, diags, loaded)
    return item


def load_model_and_doc(path: Path, model: type[M], diags: Diagnostics,
                       loaded: Loaded) -> tuple[M | None, YamlDoc | None]:
    doc = load_yaml(path, diags)
    if doc is None:
        return None, None
    item = validate(model, doc, diags)
    if item is not None:
        loaded.remember(item, doc)
    return item, doc


def load_list(path: Path, model: type[M], diags: Diagnostics, loaded: Loaded, kind: str) -> list[M]:
    if not path.exists():
        return []
    doc = load_yaml(path, diags)
    if doc is None or not isinstance(doc.data, list):
        loaded.note_unreadable(kind)
    if doc is None:
        return []
    if doc.data is None:
        diags.error(diags.at(path), "NC023", "het bestand is leeg (alleen commentaar of witruimte); "
                    "verwacht: een lijst met items, of haal het bestand weg")
        return []
    items = validate(RootModel[list[model]], doc, diags)  # type: ignore[valid-type]
    if items is None:
        for entry in doc.data if isinstance(doc.data, list) else []:
            loaded.note_invalid(kind, entry.get("id") if isinstance(entry, dict) else None)
        return []
    for item in items.root:
        loaded.remember(item, doc)
    return list(items.root)


def load_markdown(path: Path, diags: Diagnostics) -> MarkdownDoc | None:
    if not path.is_file():
        diags.error(diags.at(path.parent), "NC057",
                    f"bestand '{path.name}' ontbreekt; verwacht: {path.name} in deze map")
        return None
    text = read_text(path, diags)
    return None if text is None else MarkdownDoc(path, text)


def split_front_matter(path: Path, diags: Diagnostics) -> tuple[YamlDoc, MarkdownDoc] | None:
    text = read_text(path, diags)
    if text is None:
        return None
    lines = text.split("\n")
    if not lines or lines[0].strip() != FRONT_MATTER:
        diags.error(diags.at(path), "NC012", "front matter ontbreekt; verwacht: het bestand begint "
                    "met '---', dan title/section/order/summary, dan weer '---'")
        return None
    end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == FRONT_MATTER), None)
    if end is None:
        diags.error(diags.at(path), "NC012", "front matter wordt niet afgesloten; verwacht: een regel "
                    "'---' na de gegevens bovenaan")
        return None
    doc = parse_yaml("\n".join(lines[1:end]), path, diags, line_offset=1)
    if doc is None:
        return None
    return doc, MarkdownDoc(path, "\n".join(lines[end + 1:]), first_line=end + 2)


def _load_phases(content: Path, diags: Diagnostics, loaded: Loaded) -> list[Phase]:
    phases = []
    for path in sorted((content / "phases").glob("*.yml")):
        meta, doc = load_model_and_doc(path, PhaseMeta, diags, loaded)
        if meta is not None:
            phases.append(Phase(meta, loaded.sources[id(meta)]))
        else:
            loaded.note_invalid("fase", _raw(doc, "id"))
    return sorted(phases, key=lambda phase: phase.meta.number)


def _load_steps(content: Path, method: MethodDef | None, diags: Diagnostics, loaded: Loaded) -> list[Step]:
    steps = []
    for folder in sorted(p for p in (content / "steps").glob("*") if p.is_dir()):
        step_file = folder / "step.yml"
        if not step_file.is_file():
            diags.error(diags.at(folder), "NC057", "step.yml ontbreekt; verwacht: step.yml en de bestanden "
                        "van de delen van een stap (content/method.yml, step_parts) in elke stapmap")
            loaded.note_invalid("stap", _folder_number(folder))
            loaded.invalid_step_phases.add(UNKNOWN_PHASE)
            continue
        meta, doc = load_model_and_doc(step_file, StepMeta, diags, loaded)
        parts = _load_step_parts(folder, method, diags)
        if meta and parts is not None:
            steps.append(Step(meta, loaded.sources[id(meta)], parts))
        else:
            raw_number = _raw(doc, "number")
            number = meta.number if meta else raw_number if isinstance(raw_number, int) else None
            loaded.note_invalid("stap", number or _folder_number(folder))
            phase = meta.phase if meta else _raw(doc, "phase")
            loaded.invalid_step_phases.add(str(phase) if phase is not None else UNKNOWN_PHASE)
    return sorted(steps, key=lambda step: step.meta.number)


def _load_step_parts(folder: Path, method: MethodDef | None, diags: Diagnostics) -> dict[str, MarkdownDoc] | None:
    """The step's Markdown parts as the method declares them; None when a required one is missing."""
    if method is None:
        return None
    parts, complete = {}, True
    for part in method.file_parts:
        path = folder / part.file
        if part.optional and not path.exists() and not path.is_symlink():
            continue
        doc = load_markdown(path, diags)
        complete = complete and doc is not None
        if doc is not None:
            parts[part.id] = doc
    return parts if complete else None


def _folder_number(folder: Path) -> int | None:
    prefix = folder.name.split("-")[0]
    return int(prefix) if prefix.isdigit() else None


def _load_pages(content: Path, diags: Diagnostics, loaded: Loaded) -> list[Page]:
    pages = []
    for path in sorted((content / "pages").glob("*.md")):
        parts = split_front_matter(path, diags)
        if parts is None:
            loaded.note_invalid("pagina", path.stem)
            continue
        doc, body = parts
        meta = validate(PageMeta, doc, diags)
        if meta is None:
            loaded.note_invalid("pagina", path.stem)
        else:
            loaded.remember(meta, doc)
            pages.append(Page(path.stem, meta, body))
    return pages


def _load_by_id(folder: Path, model: type[M], diags: Diagnostics, loaded: Loaded,
                kind: str) -> dict[str, M]:
    items: dict[str, M] = {}
    for path in sorted(folder.glob("*.yml")):
        item = load_model(path, model, diags, loaded)
        if item is None:
            loaded.note_invalid(kind, path.stem)
            continue
        if item.id != path.stem:  # type: ignore[attr-defined]
            doc = loaded.sources[id(item)]
            diags.error(doc.locate(diags, ("id",)), "NC058",
                        f"id '{item.id}' past niet bij de bestandsnaam; "  # type: ignore[attr-defined]
                        f"verwacht: id: {path.stem}")
            loaded.note_invalid(kind, path.stem)
            continue
        items[item.id] = item  # type: ignore[attr-defined]
    return items


def _required_file(path: Path, diags: Diagnostics) -> bool:
    if path.is_file():
        return True
    diags.error(diags.at(path.parent), "NC057", f"'{path.name}' ontbreekt in deze map; "
                "verwacht: dit bestand (zie doc/authoring.md)")
    return False


def load_handbook(root: Path, org: str, diags: Diagnostics) -> tuple[Handbook | None, Loaded]:
    """Load and validate every source; None when a required part could not be read."""
    loaded = Loaded()
    content = root / "content"
    meta = load_model(content / "handbook.yml", HandbookMeta, diags, loaded) \
        if _required_file(content / "handbook.yml", diags) else None
    method = load_model(content / "method.yml", MethodDef, diags, loaded) \
        if _required_file(content / "method.yml", diags) else None
    site_path = root / "site_config" / f"{org}.yml"
    site = load_model(site_path, SiteConfig, diags, loaded) if _required_file(site_path, diags) else None
    handbook = Handbook(
        root=root, meta=meta, method=method, site=site,  # type: ignore[arg-type]
        phases=_load_phases(content, diags, loaded),
        steps=_load_steps(content, method, diags, loaded),
        pages=_load_pages(content, diags, loaded),
        glossary=load_list(content / "glossary.yml", GlossaryEntry, diags, loaded, "begrip"),
        literature=load_list(content / "literature.yml", LiteratureEntry, diags, loaded, "bron"),
        competences=load_list(content / "competences.yml", Competence, diags, loaded, "competentie"),
        worksheets=_load_by_id(root / "worksheets", Worksheet, diags, loaded, "werkblad"),
        quizzes=_load_by_id(content / "quizzes", Quiz, diags, loaded, "toets"),
    )
    if meta is None or site is None or method is None:
        return None, loaded
    _check_logo(site, root, diags, loaded)
    handbook.pages += _load_extra_pages(site, root, diags, loaded)
    return handbook, loaded


def _site_file(site: SiteConfig, root: Path, name: str, loc: tuple, diags: Diagnostics,
               loaded: Loaded) -> Path | None:
    """A file named in the site config: it must exist and stay inside site_config/."""
    folder = root / "site_config"
    path = folder / name
    where = loaded.sources[id(site)].locate(diags, loc)
    if not path.resolve().is_relative_to(folder.resolve()):
        diags.error(where, "NC003", f"'{name}' ligt buiten site_config/; verwacht: een bestand in site_config/")
        return None
    if not path.is_file():
        diags.error(where, "NC057", f"bestand '{name}' bestaat niet; verwacht: site_config/{name}")
        return None
    return path


# An SVG logo is a document that can hold scripts and load other files; the site serves it from
# its own address, where a script in it would run. Only drawing is allowed.
SVG_UNSAFE = re.compile(r"<\s*(script|foreignObject|iframe|embed|object)\b|\bon[a-z]+\s*=|<!ENTITY|<!DOCTYPE"
                        r"|javascript:|\b(?:xlink:)?href\s*=\s*[\"'](?!#)", re.IGNORECASE)


def _check_logo(site: SiteConfig, root: Path, diags: Diagnostics, loaded: Loaded) -> None:
    logo = site.branding.logo
    path = _site_file(site, root, logo, ("branding", "logo"), diags, loaded) if logo else None
    if not path:
        return
    where = loaded.sources[id(site)].locate(diags, ("branding", "logo"))
    if path.suffix.lower() not in (".svg", ".png", ".jpg", ".jpeg"):
        diags.error(where, "NC037", f"logo '{logo}' heeft een onbekend formaat; verwacht: .svg, .png of .jpg")
    elif path.suffix.lower() == ".svg":
        text = read_text(path, diags)
        found = SVG_UNSAFE.search(text or "")
        if found:
            diags.error(where, "NC035", f"het SVG-logo '{logo}' bevat '{found.group()[:30]}' (een script, een "
                        "koppeling of een verwijzing naar een ander bestand); verwacht: alleen vormen en tekst")


def _load_extra_pages(site: SiteConfig, root: Path, diags: Diagnostics, loaded: Loaded) -> list[Page]:
    pages = []
    for index, name in enumerate(site.extra_pages):
        path = _site_file(site, root, name, ("extra_pages", index), diags, loaded)
        parts = split_front_matter(path, diags) if path else None
        if parts is None:
            continue
        doc, body = parts
        meta = validate(PageMeta, doc, diags)
        if meta is not None:
            loaded.remember(meta, doc)
            pages.append(Page(path.stem, meta, body))
    return pages
