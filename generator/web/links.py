"""How `[[kind:id]]` references become links, as seen from one page."""
from __future__ import annotations

from generator.markup.reference_kinds import Target, reference_markdown
from generator.markup.references import Reference, replace_references
from generator.markup.text import rel_link
from generator.model.handbook import Handbook
from generator.model.route import Module


class LinkResolver:
    """Resolves references as seen from one page, so links stay relative."""

    def __init__(self, hb: Handbook, page: str) -> None:
        self.hb = hb
        self.page = page

    def to(self, target_page: str, anchor: str = "") -> str:
        return rel_link(self.page, target_page, anchor)

    def expand(self, markdown_text: str) -> str:
        """The Markdown with every reference in prose made a link; code stays as written."""
        return replace_references(markdown_text, self.resolve)

    def resolve(self, ref: Reference) -> str:
        return reference_markdown(self.hb, ref, self._href)

    def _href(self, target: Target) -> str:
        return self.to(target.page, target.anchor)


def module_href(links: LinkResolver, module: Module) -> str:
    """The built page of a route module: scripts and tables link to HTML, not Markdown."""
    return links.to(module.page).replace(".md", ".html")
