"""Where every generated page and PDF lives in the docs tree: one place for each path."""
from __future__ import annotations

from pathlib import Path

from generator.model.handbook import Handbook

GLOSSARY_PAGE = "naslag/begrippen.md"
LITERATURE_PAGE = "naslag/literatuur.md"
WORKSHEETS_INDEX = "werkbladen/index.md"


DOWNLOADS_PAGE = "downloads.md"
PROGRESS_PAGE = "voortgang.md"
QUIZZES_INDEX = "toetsen/index.md"
WHATS_NEW_PAGE = "naslag/nieuw.md"


def quiz_page(quiz_id: str) -> str:
    return f"toetsen/{quiz_id}.md"


def worksheet_page(sheet_id: str) -> str:
    return f"werkbladen/{sheet_id}.md"


def worksheet_pdf(sheet_id: str) -> str:
    return f"pdf/werkbladen/{sheet_id}.pdf"


def fillable_worksheet_pdf(sheet_id: str) -> str:
    return f"pdf/werkbladen/{sheet_id}-invulbaar.pdf"


def step_pdf(number: int, slug: str) -> str:
    return f"pdf/stappen/stap-{number:02d}-{slug}.pdf"


def pack_pdf(pack_id: str, phase_id: str | None, volume: int | None = None) -> str:
    return f"pdf/pakketten/{pack_id}{'-' + phase_id if phase_id else ''}{f'-deel-{volume}' if volume else ''}.pdf"


def step_label(hb: Handbook, number: int) -> str:
    step = hb.step_by_number(number)
    return f"Stap {number}: {step.meta.title}" if step else f"Stap {number}"


def logo_path(hb: Handbook) -> str:
    """Where the organisation's logo lives in the docs tree."""
    return "assets/logo" + Path(hb.site.branding.logo).suffix.lower()


def store_namespace(hb: Handbook) -> str:
    """Where a reader's answers and progress live in the browser: per handbook and organisation,
    so two handbooks (or two organisations) on one web address never share data."""
    return f"{hb.meta.id}:{hb.site.id}"


def earlier_store_namespace(hb: Handbook) -> str:
    """Where an earlier generator kept this organisation's data, if the method says so ("" if not)."""
    prefix = hb.method.earlier_storage_prefix
    return f"{prefix}:{hb.site.id}" if prefix and f"{prefix}:{hb.site.id}" != store_namespace(hb) else ""


TRAINING_INDEX = "training/index.md"
CARDS_PAGE = "training/rollenspelkaarten.md"
EXERCISES_PAGE = "training/oefeningen.md"
CARDS_PDF = "pdf/training/rollenspelkaarten.pdf"
POCKET_CARD_PDF = "pdf/training/zakkaart.pdf"


def meeting_page(number: int) -> str:
    return f"training/bijeenkomst-{number}.md"


def module_of_reference(hb: Handbook, reference: str) -> tuple[str, str]:
    """(title, page) of an e-learning module named as 'stap:3', 'fase:denken' or 'pagina:vac'
    (the training's `before.modules`; check/training.py has made sure it exists)."""
    kind, _, target = reference.partition(":")
    if kind == "stap":
        step = hb.step_by_number(int(target))
        return step_label(hb, step.meta.number), step.page_path
    if kind == "fase":
        phase = next(p for p in hb.phases if p.meta.id == target)
        return f"Fase {phase.meta.number}: {phase.meta.title}", phase.page_path
    page = hb.page_by_slug(target)
    return page.meta.title, page.page_path
