"""How `[[kind:id]]` references become links, as seen from one page."""
from __future__ import annotations

from generator.markup.references import Reference, replace_references
from generator.markup.text import md_escape, rel_link, short_authors, term_in_text
from generator.model.handbook import Handbook
from generator.model.route import Module
from generator.model.paths import GLOSSARY_PAGE, LITERATURE_PAGE, step_label, worksheet_page


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


def module_href(links: LinkResolver, module: Module) -> str:
    """The built page of a route module: scripts and tables link to HTML, not Markdown."""
    return links.to(module.page).replace(".md", ".html")
