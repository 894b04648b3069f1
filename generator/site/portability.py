"""Engine portability: compare the sites MkDocs and Zensical built from the same generated tree
(`engine.py` runs both engines; this module only compares their results).

Material for MkDocs is in maintenance mode; Zensical (its successor) reads mkdocs.yml but runs
no MkDocs plugins. This check shows how far the same generated tree is from moving engines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

OWN_SCRIPTS = ("assets/js/progress.js", "assets/js/worksheets.js", "assets/js/quiz.js")
TITLE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
TAG = re.compile(r"<[^>]+>")


@dataclass
class Comparison:
    only_mkdocs: list[str] = field(default_factory=list)
    only_zensical: list[str] = field(default_factory=list)
    title_differences: list[str] = field(default_factory=list)
    missing_scripts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def pages_match(self) -> bool:
        return not (self.only_mkdocs or self.only_zensical or self.title_differences or self.missing_scripts)


def _pages(site: Path) -> dict[str, str]:
    """HTML page -> its h1 as text (generated pages only; engine extras such as 404 excluded)."""
    pages = {}
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        if rel == "404.html":
            continue
        match = TITLE.search(path.read_text(encoding="utf-8"))
        pages[rel] = TAG.sub("", match.group(1)).replace("¶", "").strip() if match else ""
    return pages


def compare_sites(mkdocs_site: Path, zensical_site: Path) -> Comparison:
    result = Comparison()
    ours, theirs = _pages(mkdocs_site), _pages(zensical_site)
    result.only_mkdocs = sorted(set(ours) - set(theirs))
    result.only_zensical = sorted(set(theirs) - set(ours))
    result.title_differences = sorted(f"{page}: '{ours[page]}' / '{theirs[page]}'"
                                      for page in set(ours) & set(theirs) if ours[page] != theirs[page])
    for script in OWN_SCRIPTS:
        users = [p for p in mkdocs_site.rglob("*.html") if script.rsplit("/", 1)[1] in p.read_text("utf-8")]
        for page in users:
            twin = zensical_site / page.relative_to(mkdocs_site)
            if twin.is_file() and script.rsplit("/", 1)[1] not in twin.read_text("utf-8"):
                result.missing_scripts.append(f"{page.relative_to(mkdocs_site).as_posix()}: {script}")
    if (mkdocs_site / "search" / "search_index.json").is_file() and not (zensical_site / "search" /
                                                                        "search_index.json").is_file():
        result.notes.append("zoekindex: MkDocs schrijft search/search_index.json, Zensical een eigen "
                            "index (" + ", ".join(sorted(p.name for p in zensical_site.glob("search*"))) + ")")
    return result


def report(comparison: Comparison) -> str:
    lines = ["# Engine-check: MkDocs + Material tegenover Zensical", ""]
    lines.append("Pagina's en titels gelijk: " + ("ja" if comparison.pages_match else "nee"))
    for label, items in (("Alleen in MkDocs", comparison.only_mkdocs),
                         ("Alleen in Zensical", comparison.only_zensical),
                         ("Andere titel", comparison.title_differences),
                         ("Eigen script ontbreekt", comparison.missing_scripts),
                         ("Opmerkingen", comparison.notes)):
        if items:
            lines += ["", f"## {label}", *[f"- {item}" for item in items]]
    return "\n".join(lines) + "\n"
