"""Assemble the docs tree, its navigation and the engine config as files in memory."""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ruamel.yaml import YAML

from generator.markup.text import theme_text
from generator.model.handbook import Handbook, Step
from generator.model.paths import (
    DOWNLOADS_PAGE,
    GLOSSARY_PAGE,
    LITERATURE_PAGE,
    PROGRESS_PAGE,
    QUIZZES_INDEX,
    WHATS_NEW_PAGE,
    WORKSHEETS_INDEX,
    earlier_store_namespace,
    logo_path,
    quiz_page,
    step_label,
    store_namespace,
    worksheet_page,
)
from generator.model.schema.site import SiteConfig
from generator.web import learning_pages, pages
from generator.web.training_pages import add_training_pages, training_nav
from generator.web.templates import WEB_TEMPLATES, templates_from

NavItem = Any  # str | dict[str, list[NavItem] | str], as mkdocs.yml spells it


@dataclass(frozen=True)
class Download:
    """A file offered for download (a PDF), placed in the docs tree as it is."""

    path: str
    title: str
    description: str
    source: Path | None  # the rendered PDF, copied into the docs tree as it is; None: made on demand
    size_stand_in: str = ""  # with no source yet: printed where the size goes, filled in later

    @property
    def size(self) -> int | None:
        return self.source.stat().st_size if self.source else None


# What the live preview puts where a PDF will be: the links stay checked, and the preview's front
# door answers the PDF's address with the real PDF, made when it is opened.
PDF_ON_DEMAND = b"%PDF-1.7\n% De preview maakt deze PDF pas als je hem opent.\n"


@dataclass
class SiteTree:
    """Everything the engine needs: page sources, assets and the config (as text)."""

    files: dict[str, bytes | Path] = field(default_factory=dict)
    nav: list[NavItem] = field(default_factory=list)

    def add_text(self, path: str, text: str) -> None:
        self.files[path] = text.encode("utf-8")


@dataclass(frozen=True)
class WhatsNew:
    old_edition: str
    changes: list


def build_tree(hb: Handbook, theme_assets: Path, downloads: list[Download] | None = None,
               whats_new: WhatsNew | None = None, web_templates: Path = WEB_TEMPLATES) -> SiteTree:
    """The docs tree; pages link to a PDF only when it is among `downloads`. Forms, quizzes and
    the route come from the templates in `web_templates` (the project's theme/web)."""
    tree = SiteTree()
    if whats_new:
        tree.add_text(WHATS_NEW_PAGE, pages.render_whats_new(hb, whats_new.old_edition, whats_new.changes))
    downloads = downloads or []
    pdfs = {d.path for d in downloads}
    with templates_from(web_templates):
        _add_pages(hb, tree, pdfs)
    if downloads:
        tree.add_text(DOWNLOADS_PAGE, pages.render_downloads(hb, downloads))
        for download in downloads:
            tree.files[download.path] = download.source or PDF_ON_DEMAND
    _add_assets(theme_assets, tree)
    tree.add_text(STYLESHEET, site_stylesheet(theme_assets, hb.site))
    logo = logo_file(hb)
    if logo:
        tree.files[logo_path(hb)] = logo.read_bytes()
    tree.nav = build_nav(hb, bool(downloads), bool(whats_new))
    return tree


def _add_pages(hb: Handbook, tree: SiteTree, pdfs: set[str]) -> None:
    tree.add_text("index.md", pages.render_home(hb))
    for phase in hb.phases:
        tree.add_text(phase.page_path, pages.render_phase(hb, phase))
    for step in hb.steps:
        tree.add_text(step.page_path, pages.render_step(hb, step, pdfs))
    for page in hb.pages:
        tree.add_text(page.page_path, pages.render_page(hb, page))
    tree.add_text(WORKSHEETS_INDEX, pages.render_worksheets_index(hb))
    for sheet in hb.worksheets.values():
        tree.add_text(worksheet_page(sheet.id), pages.render_worksheet(hb, sheet, pdfs))
    add_training_pages(hb, tree.add_text, pdfs)
    tree.add_text(QUIZZES_INDEX, learning_pages.render_quizzes_index(hb))
    for quiz in hb.quizzes.values():
        tree.add_text(quiz_page(quiz.id), learning_pages.render_quiz_page(hb, quiz))
    tree.add_text(PROGRESS_PAGE, learning_pages.render_progress(hb))
    if hb.glossary:  # a handbook without a glossary or literature list gets no empty page
        tree.add_text(GLOSSARY_PAGE, pages.render_glossary(hb))
    if hb.literature:
        tree.add_text(LITERATURE_PAGE, pages.render_literature(hb))


STYLESHEET = "assets/css/site.css"
PREVIEW_RELOAD = "assets/js/preview-reload.js"  # the preview's reload, allowed by the policy
SCORM_SCRIPTS = ["assets/js/scorm-route.js", "assets/js/scorm.js"]  # the SCORM package only
STYLESHEET_PARTS = ("css/fonts.css", "css/site.css")  # joined with the brand colours


def _add_assets(theme_assets: Path, tree: SiteTree) -> None:
    for path in sorted(theme_assets.rglob("*")):
        rel = path.relative_to(theme_assets).as_posix()
        if path.is_file() and rel not in STYLESHEET_PARTS:
            tree.files["assets/" + rel] = path.read_bytes()


def site_stylesheet(theme_assets: Path, site: SiteConfig) -> str:
    """One stylesheet instead of three: each extra render-blocking request costs a round trip."""
    fonts, ours = (theme_assets / part for part in STYLESHEET_PARTS)
    return "\n".join([fonts.read_text(encoding="utf-8"), brand_css(site), ours.read_text(encoding="utf-8")])


# A menu level with more entries than this is split into groups: a list of hundreds of steps
# helps nobody on a phone, and every page carries its open menu level, so without groups a
# site would grow with n² (each of n pages holding n entries).
MENU_LIMIT = 15
GROUP_SIZE = 10


def bounded(entries: list[NavItem], name: Callable[[int, int], str]) -> list[NavItem]:
    """Group a long menu level, again and again, until no level holds more than MENU_LIMIT entries.

    `name(first, last)` labels a group by the positions of the first and last entry it holds.
    """
    level, spans = list(entries), [(i, i) for i in range(len(entries))]
    while len(level) > MENU_LIMIT:
        count = -(-len(level) // GROUP_SIZE)
        bounds = [len(level) * k // count for k in range(count + 1)]  # sizes differ by one at most
        groups = [(level[a:b], (spans[a][0], spans[b - 1][1])) for a, b in zip(bounds, bounds[1:])]
        level = [{name(*span): chunk} for chunk, span in groups]
        spans = [span for _, span in groups]
    return level


def numbered(noun: str) -> Callable[[int, int], str]:
    """Group labels by position: "Werkbladen 1 t/m 10"."""
    return lambda first, last: f"{noun} {first + 1} t/m {last + 1}"


def by_step_number(steps: list[Step]) -> Callable[[int, int], str]:
    """Group labels by step number: "Stappen 11 t/m 20"."""
    return lambda first, last: f"Stappen {steps[first].meta.number} t/m {steps[last].meta.number}"


def build_nav(hb: Handbook, with_downloads: bool = False, with_whats_new: bool = False) -> list[NavItem]:
    """The menu in the order of the learning route, so the footer's 'Vorige' and 'Volgende' walk
    the route: the pages read before the steps, the phases with their steps, the pages read after
    them; then what is not on the route. 'Mijn voortgang' comes right after the start."""
    nav: list[NavItem] = [{"Start": "index.md"}, {"Mijn voortgang": PROGRESS_PAGE}]
    nav += _section_nav(hb, "voor")
    for phase in hb.phases:
        steps = hb.steps_of(phase)
        entries = [{step_label(hb, s.meta.number): s.page_path} for s in steps]
        nav.append({f"Fase {phase.meta.number}: {phase.meta.title}":
                    [phase.page_path] + bounded(entries, by_step_number(steps))})
    nav += _section_nav(hb, "na") + _section_nav(hb, "geen")
    nav += training_nav(hb) if hb.training else []
    quizzes = hb.quizzes_in_order()
    quiz_entries = [{q.title: quiz_page(q.id)} for q in quizzes]
    nav.append({"Toetsen": [QUIZZES_INDEX] + bounded(quiz_entries, numbered("Toetsen"))})
    nav.append({"Werkbladen": [WORKSHEETS_INDEX] + _worksheet_nav(hb)})
    reference = ([{"Begrippenlijst": GLOSSARY_PAGE}] if hb.glossary else []) + \
        ([{"Literatuur": LITERATURE_PAGE}] if hb.literature else [])
    if with_downloads:
        reference.append({"Downloads (PDF)": DOWNLOADS_PAGE})
    if with_whats_new:
        reference.append({"Wat is er nieuw": WHATS_NEW_PAGE})
    if reference:
        nav.append({"Naslag": reference})
    return nav


def _worksheet_nav(hb: Handbook) -> list[NavItem]:
    """Worksheets grouped by audience, as on the worksheets page (one group: no extra level)."""
    groups = [(audience.title, [s for s in hb.worksheets_in_order() if s.audience == audience.id])
              for audience in hb.method.audiences]
    groups = [(title, sheets) for title, sheets in groups if sheets]

    def entries(sheets: list) -> list[NavItem]:
        return bounded([{s.title: worksheet_page(s.id)} for s in sheets], numbered("Werkbladen"))
    if len(groups) == 1:
        return entries(groups[0][1])
    return [{title: entries(sheets)} for title, sheets in groups]


def theme_nav(nav: list[NavItem]) -> list[NavItem]:
    """The menu with every title made safe for the theme's templates (paths stay as they are)."""
    return [{theme_text(title): theme_nav(value) if isinstance(value, list) else value
             for title, value in item.items()} if isinstance(item, dict) else item for item in nav]


def _section_nav(hb: Handbook, route: str) -> list[NavItem]:
    """The menu entries of the sections with this place on the route ('voor', 'na' or 'geen')."""
    nav: list[NavItem] = []
    for section in hb.meta.sections:
        section_pages = hb.pages_in(section.id)
        if section.route == route and section_pages:
            entries = [{p.meta.title: p.page_path} for p in section_pages]
            nav.append({section.title: bounded(entries, numbered("Pagina's"))})
    return nav


def logo_file(hb: Handbook) -> Path | None:
    return hb.root / "site_config" / hb.site.branding.logo if hb.site.branding.logo else None


def brand_css(site: SiteConfig) -> str:
    primary, accent = site.branding.primary, site.branding.accent
    return (":root, [data-md-color-scheme=default] {\n"
            f"  --md-primary-fg-color: {primary};\n"
            f"  --md-primary-fg-color--light: {primary};\n"
            f"  --md-primary-fg-color--dark: {primary};\n"
            f"  --md-accent-fg-color: {accent};\n"
            f"  --nc-brand: {primary};\n"
            f"  --nc-accent: {accent};\n"
            "}\n")


def engine_config(base_config: Path, hb: Handbook, nav: list[NavItem], docs_dir: str,
                  theme_dir: str, csp: str, offline: bool = False, version_switcher: bool = False,
                  preview: bool = False, scorm: bool = False) -> str:
    """The base mkdocs.yml plus what comes from the content, as YAML text.

    Paths are relative to the config file: both MkDocs and Zensical read them that way.
    """
    yaml = YAML(typ="rt")
    yaml.width = 100_000  # never fold a long menu title: a folded key is no longer valid YAML
    config = yaml.load(base_config.read_text(encoding="utf-8"))
    config["site_name"] = theme_text(hb.meta.title)
    config["site_description"] = theme_text(hb.meta.tagline)
    if hb.site.site_url:
        config["site_url"] = hb.site.site_url
    config["docs_dir"] = docs_dir
    config["theme"]["custom_dir"] = theme_dir
    if hb.site.branding.logo:
        config["theme"]["logo"] = logo_path(hb)
        config["theme"]["favicon"] = logo_path(hb)
    config["copyright"] = theme_text(f"{hb.site.organisation.name} · {hb.meta.edition.name}")
    config["extra"] = {
        "edition": {"name": theme_text(hb.meta.edition.name), "version": theme_text(hb.meta.edition.version),
                    "date": hb.meta.edition.date},
        "organisation": theme_text(hb.site.organisation.name),
        "site_id": store_namespace(hb),
        "earlier_store": earlier_store_namespace(hb),
        "generator": False,
        "csp": csp,  # written first into every page's head by theme/overrides/main.html
    }
    config["nav"] = theme_nav(nav)
    if version_switcher:
        # Reads ../versions.json as written by `publiceer` (mike's layout).
        config["extra"]["version"] = {"provider": "mike", "default": "nieuwste"}
    if preview:
        config["extra_javascript"].append(PREVIEW_RELOAD)
    if scorm:  # before progress.js: scorm.js restores the record from the LMS before it is read
        config["extra_javascript"][:0] = SCORM_SCRIPTS
    if offline:
        # The theme's offline plugin inlines the search index so search works from file://.
        # Its worker shim would come from a CDN; we ship that file (iframe-worker 1.0.4, MIT).
        config["plugins"].append("offline")
        config["extra"]["polyfills"] = ["assets/js/vendor/iframe-worker-shim.js"]
    out = io.StringIO()
    yaml.dump(config, out)
    return out.getvalue()
