"""One PDF composed from rendered parts, with pikepdf: pages, one structure tree, bookmarks,
destinations, page labels, metadata and page numbers.

Every part was rendered on its own by WeasyPrint as a tagged PDF (PDF/UA-1). Composing keeps what
each part says about itself (its structure, its bookmarks, its named destinations) and renumbers
what must be unique in one file: the keys of the structure parent tree. A part that must start on a
right-hand page gets a blank page before it when needed. Page numbers are drawn last, marked as
pagination artifacts, so a screen reader skips them (PDF/UA 7.8).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from generator.print.page_numbers import PageNumbers
from generator.print.shared_fonts import share_fonts


@dataclass(frozen=True)
class Placement:
    """One rendered part in a composed PDF."""

    pdf: Path
    right_page: bool = False  # starts on an odd page: a blank page before it when needed
    depth: int = 0            # its bookmarks nest this deep under the parts before it
    unnumbered: int = 0       # its first pages that carry no page number (a cover)
    placeholder_anchors: bool = False  # its named destinations yield to the other parts' (a contents page)


@dataclass
class Composition:
    placements: list[Placement]
    numbered: bool = True
    metadata_from: int = 0   # the placement whose title, description and XMP the PDF carries
    fonts: Path | None = None  # the print fonts: one of each face serves every part (shared_fonts.py)
    font_cache: Path | None = None  # where they are kept as TrueType (font_files.py)
    starts: list[int] = field(default_factory=list)  # filled in: each placement's first page (0-based)


def page_layout(page_counts: list[int], right_pages: list[bool]) -> tuple[list[int], int]:
    """Where each part starts (0-based page index) and the total, blank pages included."""
    starts, total = [], 0
    for count, right in zip(page_counts, right_pages):
        if right and total % 2 == 1:
            total += 1
        starts.append(total)
        total += count
    return starts, total


def compose(composition: Composition, target: Path, numbers: PageNumbers | None) -> int:
    """Write the composed PDF; returns its number of pages."""
    out = pikepdf.new()
    document = out.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document, K=pikepdf.Array()))
    tree = _Tree(out, document)
    outline: list[tuple[int, pikepdf.OutlineItem]] = []
    dests: dict[str, pikepdf.Array] = {}
    placeholders: dict[str, pikepdf.Array] = {}
    unnumbered: set[int] = set()
    sources = [pikepdf.open(p.pdf) for p in composition.placements]
    try:
        for placement, source in zip(composition.placements, sources):
            if placement.right_page and len(out.pages) % 2 == 1:
                unnumbered.add(len(out.pages))
                out.add_blank_page(page_size=_size(source.pages[0]))
            first = len(out.pages)
            composition.starts.append(first)
            unnumbered.update(range(first, first + placement.unnumbered))
            for page in source.pages:
                out.pages.append(page)
            pages = {source.pages[i].objgen: out.pages[first + i].obj for i in range(len(source.pages))}
            tree.add(source, out.pages[first:])
            outline += [(placement.depth + level, item) for level, item in _outline(source, pages)]
            for name, dest in _destinations(source, pages).items():
                (placeholders if placement.placeholder_anchors else dests).setdefault(name, dest)
        for name, dest in placeholders.items():
            dests.setdefault(name, dest)
        tree.finish()
        _finish_catalog(out, sources[composition.metadata_from], outline, dests)
        if composition.numbered and numbers is not None:
            numbers.stamp(out, [i for i in range(len(out.pages)) if i not in unnumbered])
        share_fonts(out, composition.fonts, composition.font_cache)
        total = len(out.pages)
        out.save(target, deterministic_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
    finally:
        for source in sources:
            source.close()
    return total


def _size(page: pikepdf.Page) -> tuple[float, float]:
    box = [float(v) for v in page.mediabox]
    return box[2] - box[0], box[3] - box[1]


class _Tree:
    """The composed structure tree: one Document element holding every part's elements, and one
    parent tree whose keys are renumbered part by part."""

    def __init__(self, out: pikepdf.Pdf, document: pikepdf.Dictionary) -> None:
        self.out, self.document = out, document
        self.nums: list[tuple[int, pikepdf.Object]] = []
        self.next_key = 0

    def add(self, source: pikepdf.Pdf, pages: list[pikepdf.Page]) -> None:
        root = source.Root.get("/StructTreeRoot")
        offset = self.next_key
        if root is None:
            return
        copied = self.out.copy_foreign(root)
        for kid in _kids(copied.get("/K")):
            for element in (_kids(kid.get("/K")) if kid.get("/S") == "/Document" else [kid]):
                element.P = self.document
                self.document.K.append(element)
        highest = -1
        for key, value in pikepdf.NumberTree(copied.ParentTree).items():
            self.nums.append((key + offset, value))
            highest = max(highest, key)
        for page in pages:
            highest = max(highest, self._shift(page.obj, "/StructParents", offset))
            for annotation in page.obj.get("/Annots", []):
                highest = max(highest, self._shift(annotation, "/StructParent", offset))
        self.next_key = offset + highest + 1

    @staticmethod
    def _shift(holder: pikepdf.Dictionary, key: str, offset: int) -> int:
        if key not in holder:
            return -1
        old = int(holder[key])
        holder[key] = old + offset
        return old

    def finish(self) -> None:
        nums = pikepdf.Array()
        for key, value in sorted(self.nums, key=lambda item: item[0]):
            nums.append(key)
            nums.append(value)
        root = self.out.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.StructTreeRoot, K=pikepdf.Array([self.document]),
            ParentTree=self.out.make_indirect(pikepdf.Dictionary(Nums=nums)), ParentTreeNextKey=self.next_key))
        self.document.P = root
        self.out.Root.StructTreeRoot = root


def _kids(value: pikepdf.Object | None) -> list[pikepdf.Dictionary]:
    if isinstance(value, pikepdf.Dictionary):
        return [value]
    if isinstance(value, pikepdf.Array):
        return [kid for kid in value if isinstance(kid, pikepdf.Dictionary)]
    return []


Pages = dict[tuple[int, int], pikepdf.Dictionary]  # a part's page -> its copy in the composed PDF


def _mapped(destination: pikepdf.Object, pages: Pages) -> pikepdf.Array | None:
    """A part's explicit destination, its page now the composed PDF's copy of that page."""
    if not isinstance(destination, pikepdf.Array) or len(destination) == 0:
        return None
    target = pages.get(destination[0].objgen)
    return None if target is None else pikepdf.Array([target, *list(destination)[1:]])


def _outline(source: pikepdf.Pdf, pages: Pages) -> list[tuple[int, pikepdf.OutlineItem]]:
    """The part's bookmarks, flattened to (level, item) in reading order."""
    items: list[tuple[int, pikepdf.OutlineItem]] = []

    def walk(children, level: int) -> None:
        for child in children:
            items.append((level, pikepdf.OutlineItem(child.title, _mapped(child.destination, pages))))
            walk(child.children, level + 1)

    with source.open_outline() as outline:
        walk(outline.root, 0)
    return items


def _destinations(source: pikepdf.Pdf, pages: Pages) -> dict[str, pikepdf.Array]:
    names = source.Root.get("/Names")
    if names is None or "/Dests" not in names:
        return {}
    found = {}
    for name, dest in pikepdf.NameTree(names.Dests).items():
        mapped = _mapped(dest, pages)
        if mapped is not None:
            found[name] = mapped
    return found


def _finish_catalog(out: pikepdf.Pdf, first: pikepdf.Pdf, outline: list[tuple[int, pikepdf.OutlineItem]],
                    dests: dict[str, pikepdf.Array]) -> None:
    root = out.Root
    root.Lang = first.Root.get("/Lang", pikepdf.String("nl"))
    root.MarkInfo = pikepdf.Dictionary(Marked=True)
    root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    root.PageLabels = pikepdf.Dictionary(Nums=pikepdf.Array([0, pikepdf.Dictionary(S=pikepdf.Name.D)]))
    if "/Metadata" in first.Root:
        root.Metadata = out.copy_foreign(first.Root.Metadata)
    for key, value in first.docinfo.items():
        out.docinfo[key] = value
    if dests:
        flat = pikepdf.Array()
        for name in sorted(dests, key=lambda n: n.encode("utf-8")):
            flat.append(pikepdf.String(name))
            flat.append(dests[name])
        root.Names = pikepdf.Dictionary(Dests=out.make_indirect(pikepdf.Dictionary(Names=flat)))
    with out.open_outline() as tree:
        parents: list[pikepdf.OutlineItem] = []
        for level, item in outline:
            level = min(level, len(parents))
            del parents[level:]
            (parents[-1].children if parents else tree.root).append(item)
            parents.append(item)
