"""PDFs checked as PDFs: pages, outline, fonts, text, metadata, right-hand pages, determinism."""
from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest
from conftest import copy_fixture, run_cli, share_pdf_cache
from pdf_checks import assert_good_pdf, outline_titles, page_texts, pdfua_findings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_fixture("minimal", tmp_path_factory.mktemp("pdf") / "project")
    result = run_cli("build", "--root", str(project))
    assert result.returncode == 0, result.stderr
    return project


def pdf_dir(project: Path) -> Path:
    return project / "site" / "pdf"


def test_every_expected_pdf_exists(built: Path) -> None:
    names = sorted(p.relative_to(pdf_dir(built)).as_posix() for p in pdf_dir(built).rglob("*.pdf"))
    assert names == ["pakketten/alles.pdf", "pakketten/fase-begin.pdf", "pakketten/werkmap.pdf",
                     "stappen/stap-01-eerste-stap.pdf", "training/rollenspelkaarten.pdf",
                     "werkbladen/eerste-blad-invulbaar.pdf", "werkbladen/eerste-blad.pdf"]


def test_worksheet_pdf(built: Path) -> None:
    path = pdf_dir(built) / "werkbladen" / "eerste-blad.pdf"
    pdf = assert_good_pdf(path, "Mijn eerste blad")
    assert str(pdf.docinfo["/Author"]) == "Proeforganisatie"
    texts = page_texts(path)
    assert len(texts) == 1
    first = texts[0]
    # header, title, questions and footer in reading order
    order = ["Stap 1: Eerste stap · Werkblad", "Mijn eerste blad", "Wat wil je graag?",
             "Voorbeeld: Ik wil vaker koffie", "Hoe tevreden ben je nu?",
             "Proeforganisatie · Proefeditie (versie 0.1)", "pagina 1 van 1"]
    positions = [first.index(text) for text in order]
    assert positions == sorted(positions)


def test_step_pdf_has_three_parts(built: Path) -> None:
    path = pdf_dir(built) / "stappen" / "stap-01-eerste-stap.pdf"
    pdf = assert_good_pdf(path, "Stap 1: Eerste stap")
    text = "".join(page_texts(path))
    for part in ("Uitleg voor de coach", "Theorie- en praktijkblad", "Mijn eerste blad"):
        assert part in text
    assert "[[begrip:" not in text and "[[bron:" not in text  # references became plain text
    for code in ("[[dit:is-code]]", "[[inline:code]]", "[[ingesprongen:code]]", "[[vier:backticks]]"):
        assert code in text, code  # code of every kind stays as written
    assert "WIE-vraag" in text and "(Jansen & Pietersen, 2020)" in text
    assert outline_titles(pdf)[0] == "Stap 1: Eerste stap"


def test_references_in_code_stay_code_on_the_site(built: Path) -> None:
    page = (built / "site" / "stappen" / "stap-01-eerste-stap.html").read_text(encoding="utf-8")
    codes = [html.unescape(c) for c in re.findall(r"<code[^>]*>(.*?)</code>", page, re.DOTALL)]
    for code in ("[[dit:is-code]]", "[[inline:code]]", "[[ingesprongen:code]]", "[[vier:backticks]]"):
        assert any(code in c for c in codes), code
    assert "```\n[[vier:backticks]]\n```" in "".join(codes)  # the inner fence is code, too
    assert 'href="../fasen/begin/index.html">Beginnen</a>' in page  # the reference in prose became a link


def test_pack_has_cover_contents_outline_and_right_hand_worksheets(built: Path) -> None:
    path = pdf_dir(built) / "pakketten" / "alles.pdf"
    pdf = assert_good_pdf(path, "Alles")
    texts = page_texts(path)
    assert "Alles" in texts[0] and "Proefeditie" in texts[0] and "pagina" not in texts[0]
    assert "Inhoud" in texts[1]
    titles = outline_titles(pdf)
    for wanted in ("Inhoud", "Over deze training", "Fase 1: Beginnen", "Stap 1: Eerste stap",
                   "Goed luisteren", "Begrippenlijst", "Antwoorden bij de toetsen"):
        assert wanted in titles, titles
    # contents page numbers point at the right pages
    for title in ("Stap 1: Eerste stap", "Goed luisteren", "Begrippenlijst"):
        match = re.search(rf"{re.escape(title)}\s*\.+\s*(\d+)", texts[1])
        assert match, (title, texts[1])
        page = int(match.group(1))
        assert title in texts[page - 1], (title, page)
    # continuous numbering and every worksheet on a right-hand (odd) page
    total = len(texts)
    for number, text in enumerate(texts[1:], 2):
        if text.strip():
            assert f"pagina {number} van {total}" in text
    sheet_pages = [n for n, text in enumerate(texts, 1) if "Werkblad\n" in text and "Mijn eerste blad" in text
                   and "Naam:" in text]
    assert sheet_pages and all(n % 2 == 1 for n in sheet_pages), sheet_pages
    assert "Goed: Je legt uit wat een netwerkcoach doet." in "".join(texts)


def test_client_map_holds_only_client_worksheets(built: Path) -> None:
    path = pdf_dir(built) / "pakketten" / "werkmap.pdf"
    assert_good_pdf(path, "Werkmap")
    text = "".join(page_texts(path))
    assert "Mijn eerste blad" in text and "Uitleg voor de coach" not in text


def test_same_input_gives_byte_identical_pdfs(built: Path, tmp_path: Path) -> None:
    again = copy_fixture("minimal", tmp_path / "again")
    assert run_cli("build", "--root", str(again)).returncode == 0
    for first in pdf_dir(built).rglob("*.pdf"):
        second = pdf_dir(again) / first.relative_to(pdf_dir(built))
        assert first.read_bytes() == second.read_bytes(), first.name


def test_print_fonts_are_converted_once_and_give_the_same_pdfs(built: Path, tmp_path: Path) -> None:
    """The theme's WOFF2 fonts are kept as TrueType in the PDF cache after the first build. A build
    that finds them there (and no parts) uses them as they are and makes the same PDFs, byte for byte."""
    kept = built / "build" / "pdf-cache" / "fonts"
    assert len(list(kept.glob("*.ttf"))) >= 4, "one TrueType per print face"
    again = copy_fixture("minimal", tmp_path / "again")
    shutil.copytree(kept, again / "build" / "pdf-cache" / "fonts")
    before = {p.name: p.stat().st_mtime_ns for p in (again / "build" / "pdf-cache" / "fonts").iterdir()}
    assert run_cli("build", "--root", str(again)).returncode == 0
    after = {p.name: p.stat().st_mtime_ns for p in (again / "build" / "pdf-cache" / "fonts").iterdir()}
    assert after == before, "the kept fonts were converted again"
    for first in pdf_dir(built).rglob("*.pdf"):
        assert first.read_bytes() == (pdf_dir(again) / first.relative_to(pdf_dir(built))).read_bytes(), first.name


def test_unchanged_build_renders_no_pdf_and_one_change_renders_only_its_pdfs(built: Path) -> None:
    result = run_cli("build", "--root", str(built))
    assert "PDF's: 0 gemaakt, 7 uit de cache; opnieuw gezet: 0 van 13 delen." in result.stderr
    page = built / "content" / "pages" / "luisteren.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    result = run_cli("build", "--root", str(built))
    # the page is only in the full pack: one part laid out again, one PDF composed again
    assert "PDF's: 1 gemaakt, 6 uit de cache; opnieuw gezet: 1 van 13 delen." in result.stderr
    sheet = built / "worksheets" / "eerste-blad.yml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("Het is kort.", "Het is heel kort."), "utf-8")
    result = run_cli("build", "--root", str(built))
    # worksheet, its fillable twin, its step, and the three packs that hold it; not the card sheet.
    # Only the sheet and its fillable twin are laid out again; the four others are composed anew.
    assert "PDF's: 6 gemaakt, 1 uit de cache; opnieuw gezet: 2 van 13 delen." in result.stderr


def test_site_links_to_the_pdfs(built: Path) -> None:
    site = built / "site"
    step = (site / "stappen" / "stap-01-eerste-stap.html").read_text(encoding="utf-8")
    assert 'href="../pdf/stappen/stap-01-eerste-stap.pdf"' in step
    assert 'href="../pdf/werkbladen/eerste-blad.pdf"' in step
    sheet = (site / "werkbladen" / "eerste-blad.html").read_text(encoding="utf-8")
    assert "Download als PDF" in sheet
    downloads = (site / "downloads.html").read_text(encoding="utf-8")
    assert 'href="pdf/pakketten/alles.pdf"' in downloads and "Het hele proefhandboek." in downloads


def test_build_without_pdf_links_to_none(tmp_path: Path) -> None:
    project = copy_fixture("minimal", tmp_path / "project")
    assert run_cli("build", "--root", str(project), "--no-pdf").returncode == 0
    step = (project / "site" / "stappen" / "stap-01-eerste-stap.html").read_text(encoding="utf-8")
    assert ".pdf" not in step and not (project / "site" / "pdf").exists()


def test_every_bundled_pdf_is_sound(bundled_site: Path) -> None:
    pdfs = sorted((bundled_site / "pdf").rglob("*.pdf"))
    assert len(pdfs) >= 25
    for path in pdfs:
        assert_good_pdf(path)
        assert page_texts(path)[0].strip(), path
        check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
        assert check.returncode == 0 and "No syntax or stream encoding errors" in check.stdout, path
    assert pdfua_findings(pdfs) == ""  # PDF/UA-1: no error and no warning in any PDF
    import pikepdf
    whole = outline_titles(pikepdf.open(bundled_site / "pdf" / "pakketten" / "handboek.pdf"))
    assert "Stap 10: Leren van ervaringen" in whole and "Antwoorden bij de toetsen" not in whole
    guide = outline_titles(pikepdf.open(bundled_site / "pdf" / "pakketten" / "trainershandleiding.pdf"))
    assert "Antwoorden bij de toetsen" in guide


def test_long_pack_is_split_into_volumes(tmp_path: Path, pdf_cache: Path) -> None:
    project = share_pdf_cache(copy_fixture("minimal", tmp_path / "project"), pdf_cache)
    config = project / "site_config" / "default.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        'description: "Het hele proefhandboek."', 'description: "Het hele proefhandboek."\n    volume_pages: 1'),
        encoding="utf-8")
    result = run_cli("build", "--root", str(project))
    assert result.returncode == 0, result.stderr
    volumes = sorted((pdf_dir(project) / "pakketten").glob("alles-deel-*.pdf"), key=lambda p: int(p.stem[11:]))
    assert len(volumes) >= 3 and not (pdf_dir(project) / "pakketten" / "alles.pdf").exists()
    total = len(volumes)
    seen: list[str] = []
    for number, path in enumerate(volumes, 1):
        pdf = assert_good_pdf(path, f"Alles (deel {number} van {total})")
        texts = page_texts(path)
        assert f"Deel {number} van {total}" in texts[0] and "Inhoud" in texts[1]
        assert f"pagina 2 van {len(texts)}" in texts[1]  # every volume numbers its own pages
        seen += outline_titles(pdf)
    # a phase title page stays with its first step, and nothing is lost or repeated
    assert any({"Fase 1: Beginnen", "Stap 1: Eerste stap"} <= set(outline_titles(pikepdf.open(p))) for p in volumes)
    for wanted in ("Over deze training", "Stap 1: Eerste stap", "Goed luisteren", "Begrippenlijst",
                   "Antwoorden bij de toetsen"):
        assert seen.count(wanted) == 1, (wanted, seen)
    downloads = (project / "site" / "downloads.html").read_text(encoding="utf-8")
    for number in range(1, total + 1):
        assert f'href="pdf/pakketten/alles-deel-{number}.pdf"' in downloads
    assert "Deel 1 van" in downloads


def test_memoised_page_references_give_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pydyf speed-up must not change a single byte of a tagged, multi-page PDF."""
    from weasyprint import HTML

    from generator.print import pydyf_speedup
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    items = "".join(f"<li><p>Punt {n}</p></li>" for n in range(40))
    html = "<html lang='nl'><title>T</title><body>" + "".join(
        f"<h1>Deel {k}</h1><ul>{items}</ul><p style='break-after: page'>Slot {k}</p>" for k in range(6)) + "</body></html>"

    def render() -> bytes:
        return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")

    pydyf_speedup.uninstall()
    plain = render()
    assert pydyf_speedup.install(), "pydyf changed: the page-reference speed-up no longer applies"
    try:
        memoised = render()
    finally:
        pydyf_speedup.uninstall()
    assert len(pikepdf.open(io.BytesIO(plain)).pages) > 6
    assert memoised == plain


def test_header_scopes_make_a_table_clean_for_pdfua(tmp_path: Path) -> None:
    """WeasyPrint alone leaves table headers without /Scope (pdfua warns); our step adds them."""
    from weasyprint import HTML

    from generator.print.tagging import complete_structure
    path = tmp_path / "table.pdf"
    HTML(string='<html lang="nl"><head><title>Tabel</title></head><body><table><thead><tr><th>Naam</th>'
         "<th>Cijfer</th></tr></thead><tbody><tr><th>Ria</th><td>7</td></tr></tbody></table></body></html>"
         ).write_pdf(path, pdf_variant="pdf/ua-1")
    assert "UA-15-003" in pdfua_findings([path])
    assert complete_structure(path) == (3, 0)
    assert pdfua_findings([path]) == ""
    pdf = pikepdf.open(path)
    scopes = [str(e.A.Scope) for e in pdf.objects if isinstance(e, pikepdf.Dictionary) and str(e.get("/S")) == "/TH"]
    assert sorted(scopes) == ["/Column", "/Column", "/Row"]


def test_the_print_renderer_fetches_nothing_outside_the_theme(tmp_path: Path) -> None:
    """An image address in print HTML that points at the network or at a local file outside the
    allowed folders is refused (a warning, so a build error), and never fetched."""
    import functools
    import http.server
    import logging
    import threading

    from weasyprint import HTML

    from generator.print.fetch import ProjectOnlyFetcher
    requests = []

    class Counting(http.server.SimpleHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the standard library's name
            requests.append(self.path)
            super().do_GET()

        def log_message(self, *args: object) -> None:
            pass

    (tmp_path / "p.png").write_bytes(b"not really")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Counting, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    secret = tmp_path / "geheim.svg"
    secret.write_text('<svg xmlns="http://www.w3.org/2000/svg"><text y="10">GEHEIM</text></svg>', encoding="utf-8")
    allowed = tmp_path / "theme"
    allowed.mkdir()
    messages = []
    handler = logging.Handler()
    handler.emit = lambda record: messages.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("weasyprint").addHandler(handler)
    try:
        html = (f'<html lang="nl"><body><img alt="a" src="http://127.0.0.1:{server.server_address[1]}/p.png">'
                f'<img alt="b" src="{secret.as_uri()}"><img alt="c" src="/etc/hostname"></body></html>')
        pdf = HTML(string=html, base_url=str(allowed) + "/", url_fetcher=ProjectOnlyFetcher((allowed,))).write_pdf()
    finally:
        logging.getLogger("weasyprint").removeHandler(handler)
        server.shutdown()
    assert requests == []
    assert sum("geweigerd" in m for m in messages) == 3, messages


def test_netwerkkaart_labels_fit_inside_the_drawing() -> None:
    """Every label of the empty map, measured in the print font, lies inside the SVG's viewBox
    (a label outside it is cut off on paper: "hool of club")."""
    import re as regex

    from conftest import ROOT
    from fontTools.ttLib import TTFont

    from generator.diagnostics import Diagnostics
    from generator.load.loader import load_handbook
    from generator.print.print_html import kaart_svg
    handbook, _ = load_handbook(ROOT, "default", Diagnostics(ROOT))
    font = TTFont(ROOT / "theme" / "assets" / "fonts" / "atkinson-hyperlegible-latin-400-normal.woff2")
    widths, cmap, per_em = font["hmtx"], font.getBestCmap(), font["head"].unitsPerEm
    svg = kaart_svg(handbook.method.network_map)
    left, top, width, height = (float(v) for v in regex.search(r'viewBox="([^"]+)"', svg).group(1).split())
    checked = 0
    for attrs, body in regex.findall(r"<text ([^>]*)>(.*?)</text>", svg):
        size = float(regex.search(r'font-size="([\d.]+)"', attrs).group(1))
        anchor = (regex.search(r'text-anchor="(\w+)"', attrs) or [None, "start"])[1]
        pieces = regex.findall(r'<tspan x="([-\d.]+)"[^>]*>([^<]*)</tspan>', body) or \
            [(regex.search(r'x="([-\d.]+)"', attrs).group(1), body)]
        for x, text in pieces:
            advance = sum(widths[cmap[ord(c)]][0] for c in text) * size / per_em
            start = float(x) - {"start": 0, "middle": advance / 2, "end": advance}[anchor]
            assert left <= start and start + advance <= left + width, (text, start, advance)
            checked += 1
    assert checked >= 9  # five groups (two lines for one), three rings, "Ik"


def test_no_pdf_falls_back_to_another_font(bundled_site: Path) -> None:
    from pdf_checks import fonts
    for path in sorted((bundled_site / "pdf").rglob("*.pdf")):
        names = {name for name, _ in fonts(pikepdf.open(path))}
        assert all("Atkinson-Hyperlegible" in name for name in names), (path, names)


def _form_fields(pdf: pikepdf.Pdf) -> dict[str, pikepdf.Dictionary]:
    """Every named form field, also those nested under another (radio groups)."""
    fields, stack = {}, list(pdf.Root.AcroForm.Fields)
    while stack:
        item = stack.pop()
        if "/T" in item:
            fields[str(item.T)] = item
        stack += list(item.get("/Kids", []))
    return fields


def test_every_worksheet_has_a_fillable_twin_with_named_fields(bundled_site: Path, tmp_path: Path) -> None:
    """Each field carries its label as tooltip (/TU, what screen readers announce), and a value
    filled in with pikepdf reads back from the saved file."""
    from conftest import ROOT

    from generator.diagnostics import Diagnostics
    from generator.load.loader import load_handbook
    from generator.print.form_fields import field_labels
    handbook, _ = load_handbook(ROOT, "default", Diagnostics(ROOT))
    for sheet in handbook.worksheets.values():
        path = bundled_site / "pdf" / "werkbladen" / f"{sheet.id}-invulbaar.pdf"
        pdf = pikepdf.open(path)
        fields = _form_fields(pdf)
        expected = dict(field_labels(sheet, handbook.method.action_plan))
        assert set(fields) == set(expected), (sheet.id, set(fields) ^ set(expected))
        assert {name: str(f.get("/TU", "")) for name, f in fields.items()} == expected, sheet.id
        texts = [name for name, f in fields.items() if f.get("/FT") == "/Tx"]
        for name in texts:
            fields[name].V = pikepdf.String(f"ingevuld {name}")
        filled = tmp_path / f"{sheet.id}.pdf"
        pdf.save(filled)
        again = pikepdf.open(filled)  # kept open while its fields are read
        values = {name: str(f.get("/V", "")) for name, f in _form_fields(again).items()}
        assert [name for name in texts if values[name] != f"ingevuld {name}"] == [], sheet.id
        assert texts, sheet.id


def test_worksheet_page_links_blank_and_fillable_pdf(bundled_site: Path) -> None:
    page = (bundled_site / "werkbladen" / "mijn-actieplan.html").read_text(encoding="utf-8")
    assert "../pdf/werkbladen/mijn-actieplan.pdf" in page and "../pdf/werkbladen/mijn-actieplan-invulbaar.pdf" in page
    downloads = (bundled_site / "downloads.html").read_text(encoding="utf-8")
    assert "mijn-actieplan-invulbaar.pdf" in downloads


def test_a_link_to_a_heading_of_the_same_page_prints_as_text(tmp_path: Path, pdf_cache: Path) -> None:
    """On the site `[zie hieronder](#luisteren)` jumps to the heading; in a pack the page is one
    part of many, so the text stays and the link goes (it used to fail the whole pack)."""
    project = share_pdf_cache(copy_fixture("minimal", tmp_path / "project"), pdf_cache)
    page = project / "content" / "pages" / "luisteren.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMeer daarover: [zie hierboven](#luisteren).\n",
                    encoding="utf-8")
    result = run_cli("build", "--root", str(project))
    assert result.returncode == 0, result.stdout + result.stderr
    text = "".join(page_texts(project / "site" / "pdf" / "pakketten" / "alles.pdf"))
    assert "zie hierboven" in text


# Composition: every part is rendered once and every PDF is put together from the parts.

def _content(page: pikepdf.Page) -> list[tuple[list, str]]:
    return [(list(operands), str(operator)) for operands, operator in pikepdf.parse_content_stream(page)]


def test_a_worksheet_is_laid_out_once_and_the_same_in_every_pdf(built: Path) -> None:
    """The worksheet's page in its own PDF, its step's PDF and a pack is the same rendered page."""
    def sheet_page(path: Path) -> list:
        pdf = pikepdf.open(path)
        pages = [p for p, text in zip(pdf.pages, page_texts(path)) if "Wat wil je graag?" in text]
        assert len(pages) == 1, path
        return [c for c in _content(pages[0]) if c[1] in ("Tj", "TJ")][:-1]  # less the page number
    own = sheet_page(pdf_dir(built) / "werkbladen" / "eerste-blad.pdf")
    assert own == sheet_page(pdf_dir(built) / "stappen" / "stap-01-eerste-stap.pdf")
    assert own == sheet_page(pdf_dir(built) / "pakketten" / "alles.pdf")


def test_a_composed_pdf_has_one_consistent_structure_tree(built: Path) -> None:
    pdf = pikepdf.open(pdf_dir(built) / "pakketten" / "alles.pdf")
    root = pdf.Root.StructTreeRoot
    assert len(root.K) == 1 and root.K[0].S == "/Document"
    document = root.K[0]
    parent_tree = dict(pikepdf.NumberTree(root.ParentTree).items())
    keys = [int(page.obj.StructParents) for page in pdf.pages if "/StructParents" in page.obj]
    assert len(keys) == len(set(keys)) and all(key in parent_tree for key in keys)
    assert int(root.ParentTreeNextKey) > max(parent_tree)
    for page in pdf.pages:
        if "/StructParents" not in page.obj:
            assert not any(operator == "BDC" and operands[0] != "/Artifact" for operands, operator in _content(page))
            continue
        marked = parent_tree[int(page.obj.StructParents)]
        for operands, operator in _content(page):
            if operator == "BDC" and operands[0] != "/Artifact":  # every marked text has its element
                mcid = int(operands[1].MCID)
                assert mcid < len(marked) and marked[mcid].P is not None
        for annotation in page.obj.get("/Annots", []):
            assert int(annotation.StructParent) in parent_tree
    # every element hangs from the one document element, up to the root
    for element in parent_tree.values():
        element = element[0] if isinstance(element, pikepdf.Array) else element
        while element.get("/S") != "/Document":
            element = element.P
        assert element == document


def test_page_numbers_are_artifacts_and_page_labels_match(built: Path) -> None:
    path = pdf_dir(built) / "pakketten" / "alles.pdf"
    pdf = pikepdf.open(path)
    assert list(pdf.Root.PageLabels.Nums) == [0, pikepdf.Dictionary(S=pikepdf.Name.D)]
    texts = page_texts(path)
    for number, (page, text) in enumerate(zip(pdf.pages, texts), 1):
        ops = _content(page)
        stamps = [i for i, (operands, operator) in enumerate(ops) if operator == "BDC"
                  and operands[0] == "/Artifact" and str(operands[1].get("/Type")) == "/Pagination"]
        assert len(stamps) == (1 if f"pagina {number} van {len(texts)}" in text else 0), number
        if stamps:  # the number is drawn inside the artifact, not as tagged content
            inside = ops[stamps[0]:]
            assert [op for _, op in inside][:inside.index(next(o for o in inside if o[1] == "EMC")) + 1].count("Tj") == 1


def test_contents_links_go_to_the_pages_they_name(built: Path) -> None:
    path = pdf_dir(built) / "pakketten" / "alles.pdf"
    pdf = pikepdf.open(path)
    dests = dict(pikepdf.NameTree(pdf.Root.Names.Dests).items())
    pages = {page.objgen: number for number, page in enumerate(pdf.pages, 1)}
    printed = [int(n) for n in re.findall(r"\.{3,}\s*(\d+)", page_texts(path)[1])]
    # WeasyPrint links each box of a line (title, leader, number): one entry, several annotations
    anchors = list(dict.fromkeys(str(link.Dest) for link in pdf.pages[1].obj.Annots))
    assert len(anchors) == len(printed) == 6
    for anchor, number in zip(anchors, printed):
        # the contents page's stand-in anchors gave way to the parts' own
        assert pages[dests[anchor][0].objgen] == number, anchor
    titles = outline_tree(pdf)
    assert ("Fase 1: Beginnen", [("Stap 1: Eerste stap", ["Uitleg voor de coach", "Theorie- en praktijkblad",
                                                           "Mijn eerste blad"])]) in titles


def outline_tree(pdf: pikepdf.Pdf) -> list:
    """Bookmarks two levels deep: (title, [(child, [grandchildren])])."""
    with pdf.open_outline() as outline:
        return [(item.title, [(child.title, [g.title for g in child.children]) for child in item.children])
                for item in outline.root]


def test_a_phase_page_stays_with_its_step_also_when_it_would_start_a_volume() -> None:
    from generator.print.print_html import size_ranges
    is_phase = [False, True, False, False, True, False]  # page, phase, step, step, phase, step
    ranges = size_ranges([3000] * 6, 1800, lambda index: is_phase[index])
    assert ranges == [(0, 1), (1, 3), (3, 4), (4, 6)]
    assert all(not is_phase[end - 1] for _, end in ranges)  # no volume ends on a phase page
    assert size_ranges([500] * 6, 1800, lambda index: is_phase[index]) == [(0, 3), (3, 6)]


def test_a_pack_embeds_each_print_font_once_and_reads_the_same(bundled_site: Path) -> None:
    """The parts' font subsets are replaced by one font per face: fewer bytes, the same text."""
    pack = bundled_site / "pdf" / "pakketten" / "handboek.pdf"
    pdf = pikepdf.open(pack)
    programs = set()
    for page in pdf.pages:
        for font in page.Resources.get("/Font", {}).values():
            descriptor = font.DescendantFonts[0].FontDescriptor if "/DescendantFonts" in font else font.FontDescriptor
            programs.add(descriptor.FontFile2.objgen)
            assert "+" not in str(font.BaseFont)  # whole fonts, no subset tag
    assert 1 < len(programs) <= 4, programs  # regular, bold, italic (and bold italic when used)
    sheet = bundled_site / "pdf" / "werkbladen" / "mijn-droomnetwerk.pdf"  # keeps its own small subsets
    own = [line for text in page_texts(sheet) for line in text.splitlines() if "pagina" not in line]
    packed = "\n".join(page_texts(pack))
    assert all(line in packed for line in own if line.strip()), "a line of the sheet reads otherwise in the pack"


SIZE_AFTER_LINK = re.compile(r'<a href="(pdf/[^"]+\.pdf)">[^<]*</a> \(([^)]*)\)')


def _sizes_on_downloads_page(site: Path) -> dict[str, str]:
    return dict(SIZE_AFTER_LINK.findall((site / "downloads.html").read_text(encoding="utf-8")))


def _size_text(count: int) -> str:
    """How a reader expects the size: kB below a megabyte, else MB with one decimal."""
    return f"{max(1, round(count / 1024))} kB" if count < 1024 * 1024 else f"{count / 1024 / 1024:.1f} MB"


def test_the_downloads_page_gives_each_served_pdf_its_size(bundled_site: Path) -> None:
    """The pages are built while the PDFs are made: the downloads page and the search index must
    still tell the size of the very file the site serves, and no stand-in may be left anywhere."""
    sizes = _sizes_on_downloads_page(bundled_site)
    listed_kinds = ("pdf/pakketten/", "pdf/stappen/", "pdf/werkbladen/")  # the training's are on its own pages
    served = sorted(p.relative_to(bundled_site).as_posix() for p in (bundled_site / "pdf").rglob("*.pdf"))
    assert sorted(sizes) == [path for path in served if path.startswith(listed_kinds)]
    for path, shown in sizes.items():
        assert shown == _size_text((bundled_site / path).stat().st_size), path
        assert (bundled_site / path).read_bytes().startswith(b"%PDF-1."), path
        assert b"De preview maakt" not in (bundled_site / path).read_bytes()[:200], path
    index = (bundled_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert all(f"({shown})" in index for shown in sizes.values())
    left = [p.name for p in bundled_site.rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".js")
            and b"NcPdfSize" in p.read_bytes()]
    assert left == []


def test_a_print_only_change_rebuilds_the_site_with_the_new_sizes(tmp_path: Path, pdf_cache: Path) -> None:
    """A change that only reaches the PDFs (the print stylesheet) leaves the pages' sources as they
    were, yet the downloads page must show the new sizes and the site serve the new PDFs."""
    project = share_pdf_cache(copy_fixture("minimal", tmp_path / "project"), pdf_cache)
    shutil.copytree(Path(__file__).resolve().parents[1] / "theme", project / "theme")
    assert run_cli("build", "--root", str(project)).returncode == 0
    before = _sizes_on_downloads_page(project / "site")
    css = project / "theme" / "print" / "print.css"
    css.write_text(css.read_text(encoding="utf-8") + "\nh1::after { content: ' (nieuwe druk met een langere kop)'; }\n",
                   encoding="utf-8")
    result = run_cli("build", "--root", str(project))
    assert result.returncode == 0, result.stderr
    after = _sizes_on_downloads_page(project / "site")
    assert after != before
    for path, shown in after.items():
        served = project / "site" / path
        assert shown == _size_text(served.stat().st_size), path
        assert "nieuwe druk" in " ".join(page_texts(served)), path


def test_an_author_who_writes_the_stand_in_word_gets_it_back_as_written(tmp_path: Path, pdf_cache: Path) -> None:
    """The pages are built with a stand-in word for each PDF size. An author who happens to type
    such a word (also one naming a PDF that does not exist) must see it as typed, and the sizes
    must still be right: no crash, no size in the author's text."""
    project = share_pdf_cache(copy_fixture("minimal", tmp_path / "project"), pdf_cache)
    page = project / "content" / "pages" / "luisteren.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nNcPdfSize0000Pending en NcPdfSize9999Pending.\n",
                    encoding="utf-8")
    sheet = project / "worksheets" / "eerste-blad.yml"
    sheet.write_text(re.sub(r'^title: "?([^"\n]*)"?', r'title: "\1 NcPdfSize0001Pending"', sheet.read_text("utf-8"),
                            count=1, flags=re.M), encoding="utf-8")
    result = run_cli("build", "--root", str(project))
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert "NcPdfSize0000Pending en NcPdfSize9999Pending" in (site / "houding" / "luisteren.html").read_text("utf-8")
    assert "NcPdfSize0001Pending" in (site / "downloads.html").read_text(encoding="utf-8")
    for path, shown in _sizes_on_downloads_page(site).items():
        assert shown == _size_text((site / path).stat().st_size), path
