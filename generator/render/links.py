"""Where every generated page lives, and how `[[kind:id]]` references become links."""
from __future__ import annotations

from pathlib import Path

from generator.markdown_refs import Reference, replace_references
from generator.model import Handbook
from generator.render.text import md_escape, rel_link, short_authors

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


def term_in_text(term: str, sentence_start: bool) -> str:
    """'Netwerkkaart' reads 'netwerkkaart' in the middle of a sentence; acronyms stay as they are."""
    if sentence_start or len(term) < 2 or not term[1].islower():
        return term
    return term[0].lower() + term[1:]


def step_label(hb: Handbook, number: int) -> str:
    step = hb.step_by_number(number)
    return f"Stap {number}: {step.meta.title}" if step else f"Stap {number}"


class LinkResolver:
    """Resolves references as seen from one page, so links stay relative."""

    def __init__(self, hb: Handbook, page: str) -> None:
        self.hb = hb
        self.page = page

    def to(self, target_page: str, anchor: str = "") -> str:
        return rel_link(self.page, target_page, anchor)

    def expand(self, markdown_text: str) -> str:
        return replace_references(markdown_text, self.resolve)

    def resolve(self, ref: Reference) -> str:
        target, label = self._target(ref)
        if ref.kind == "bron":
            return f"([{md_escape(label)}]({target}))" if ref.text is None else \
                f"[{md_escape(ref.text)}]({target})"
        return f"[{md_escape(ref.text or label)}]({target})"

    def _target(self, ref: Reference) -> tuple[str, str]:
        hb = self.hb
        if ref.kind == "stap":
            step = hb.step_by_number(int(ref.target))
            return self.to(step.page_path), step_label(hb, step.meta.number)
        if ref.kind == "fase":
            phase = hb.memo("phases", lambda: {p.meta.id: p for p in hb.phases})[ref.target]
            return self.to(phase.page_path), phase.meta.title
        if ref.kind == "pagina":
            page = hb.page_by_slug(ref.target)
            return self.to(page.page_path), page.meta.title
        if ref.kind == "begrip":
            entry = hb.glossary_entry(ref.target)
            return self.to(GLOSSARY_PAGE, f"begrip-{entry.id}"), term_in_text(entry.term, ref.sentence_start)
        if ref.kind == "werkblad":
            return self.to(worksheet_page(ref.target)), hb.worksheets[ref.target].title
        entry = hb.literature_entry(ref.target)
        return self.to(LITERATURE_PAGE, f"bron-{entry.id}"), f"{short_authors(entry.authors)}, {entry.year}"


def logo_path(hb: Handbook) -> str:
    """Where the organisation's logo lives in the docs tree."""
    return "assets/logo" + Path(hb.site.branding.logo).suffix.lower()
