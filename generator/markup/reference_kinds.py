"""The one registry of `[[kind:id]]` reference kinds, and the one resolver web and print share.

A kind knows its valid ids in a handbook and what a reference points at: a page of the docs tree
(with an anchor) and the label a reader sees. A renderer only says how a target becomes an href:
the site links to it, a PDF prints the label.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from generator.markup.references import Reference
from generator.markup.text import md_escape, short_authors, term_in_text
from generator.model.handbook import Handbook
from generator.model.paths import GLOSSARY_PAGE, LITERATURE_PAGE, step_label, worksheet_page


@dataclass(frozen=True)
class Target:
    """Where a reference points: a docs-tree page, a place on it, and what a reader sees."""

    page: str
    anchor: str
    label: str


@dataclass(frozen=True)
class ReferenceKind:
    name: str
    ids: Callable[[Handbook], set[str]]
    target: Callable[[Handbook, Reference], Target]
    citation: bool = False  # without the author's own text it reads "(Auteur, jaar)"


def _phase(hb: Handbook, ref: Reference) -> Target:
    phase = hb.memo("phases", lambda: {p.meta.id: p for p in hb.phases})[ref.target]
    return Target(phase.page_path, "", phase.meta.title)


def _step(hb: Handbook, ref: Reference) -> Target:
    step = hb.step_by_number(int(ref.target))
    return Target(step.page_path, "", step_label(hb, step.meta.number))


def _page(hb: Handbook, ref: Reference) -> Target:
    page = hb.page_by_slug(ref.target)
    return Target(page.page_path, "", page.meta.title)


def _term(hb: Handbook, ref: Reference) -> Target:
    entry = hb.glossary_entry(ref.target)
    return Target(GLOSSARY_PAGE, f"begrip-{entry.id}", term_in_text(entry.term, ref.sentence_start))


def _source(hb: Handbook, ref: Reference) -> Target:
    entry = hb.literature_entry(ref.target)
    return Target(LITERATURE_PAGE, f"bron-{entry.id}", f"{short_authors(entry.authors)}, {entry.year}")


_ALL = (
    ReferenceKind("stap", lambda hb: {str(s.meta.number) for s in hb.steps}, _step),
    ReferenceKind("fase", lambda hb: {p.meta.id for p in hb.phases}, _phase),
    ReferenceKind("pagina", lambda hb: {p.slug for p in hb.pages}, _page),
    ReferenceKind("begrip", lambda hb: {g.id for g in hb.glossary}, _term),
    ReferenceKind("werkblad", lambda hb: set(hb.worksheets),
                  lambda hb, ref: Target(worksheet_page(ref.target), "", hb.worksheets[ref.target].title)),
    ReferenceKind("bron", lambda hb: {e.id for e in hb.literature}, _source, citation=True),
)
KINDS: dict[str, ReferenceKind] = {kind.name: kind for kind in _ALL}


def resolve(hb: Handbook, ref: Reference) -> Target:
    """What a checked reference points at (the checker made sure its kind and target exist)."""
    return KINDS[ref.kind].target(hb, ref)


def reference_markdown(hb: Handbook, ref: Reference, href: Callable[[Target], str] | None) -> str:
    """The Markdown a reference becomes: a link when `href` is given, else its label as text."""
    target = resolve(hb, ref)
    text = md_escape(ref.text or target.label)
    if href is not None:
        text = f"[{text}]({href(target)})"
    return f"({text})" if KINDS[ref.kind].citation and ref.text is None else text
