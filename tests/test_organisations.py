"""Organisations, editions and publishing: branded builds, determinism, offline copy."""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES, copy_fixture, run_cli, share_pdf_cache
from pdf_checks import page_texts

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def orgs(tmp_path_factory: pytest.TempPathFactory, pdf_cache: Path) -> Path:
    project = share_pdf_cache(copy_fixture("minimal", tmp_path_factory.mktemp("orgs") / "project"), pdf_cache)
    shutil.copytree(FIXTURES / "orgs" / "overlay", project, dirs_exist_ok=True)
    result = run_cli("build", "--root", str(project), "--all")
    assert result.returncode == 0, result.stderr
    return project


def test_all_builds_every_organisation(orgs: Path) -> None:
    assert sorted(p.name for p in (orgs / "site").iterdir()) == ["default", "welzijn-noord", "zorgpunt-zuid"]


def test_branding_in_the_site(orgs: Path) -> None:
    north = orgs / "site" / "welzijn-noord"
    css = (north / "assets" / "css" / "site.css").read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #0b4f8a;" in css
    home = (north / "index.html").read_text(encoding="utf-8")
    assert "Welzijn Noord" in home and "Fatima Bakker" in home and "050 123 45 67" in home
    assert 'src="assets/logo.svg"' in home and (north / "assets" / "logo.svg").is_file()
    assert "Noorderlicht" in (north / "houding" / "welzijn-noord-aanmelden.html").read_text(encoding="utf-8")
    south = (orgs / "site" / "zorgpunt-zuid" / "assets" / "css" / "site.css").read_text(encoding="utf-8")
    assert "#8a1c1c" in south and "Noorderlicht" not in (orgs / "site" / "zorgpunt-zuid" / "index.html").read_text()


def test_branding_in_the_pdfs(orgs: Path) -> None:
    sheet = orgs / "site" / "welzijn-noord" / "pdf" / "werkbladen" / "eerste-blad.pdf"
    assert "Welzijn Noord · Proefeditie" in page_texts(sheet)[0]
    pack = orgs / "site" / "welzijn-noord" / "pdf" / "pakketten" / "werkmap.pdf"
    cover = page_texts(pack)[0]
    assert "Werkmap Welzijn Noord" in cover
    assert "WN" in cover  # the SVG logo (with its letters) is drawn on the cover
    south = orgs / "site" / "zorgpunt-zuid" / "pdf" / "werkbladen" / "eerste-blad.pdf"
    assert "Zorgpunt Zuid · Proefeditie" in page_texts(south)[0]


def test_organisation_errors_are_located(tmp_path: Path) -> None:
    project = copy_fixture("minimal", tmp_path / "project")
    shutil.copytree(FIXTURES / "orgs" / "overlay", project, dirs_exist_ok=True)
    (project / "site_config" / "welzijn-noord-logo.svg").unlink()
    config = project / "site_config" / "zorgpunt-zuid.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("#8a1c1c", "#f0c0c0"), encoding="utf-8")
    north = run_cli("check", "--root", str(project), "--org", "welzijn-noord")
    assert north.returncode == 1
    assert ("site_config/welzijn-noord.yml:12:3: NC057 bestand 'welzijn-noord-logo.svg' bestaat niet; "
            "verwacht: site_config/welzijn-noord-logo.svg") in north.stdout
    south = run_cli("check", "--root", str(project), "--org", "zorgpunt-zuid")
    assert "site_config/zorgpunt-zuid.yml:5:3: NC071 kleur #f0c0c0 geeft te weinig contrast" in south.stdout


def test_two_builds_give_identical_bytes(tmp_path: Path) -> None:
    sites = []
    for name in ("a", "b"):
        project = copy_fixture("minimal", tmp_path / name)
        assert run_cli("build", "--root", str(project)).returncode == 0
        site = project / "site"
        sites.append({p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()})
    assert sites[0].keys() == sites[1].keys()
    different = [path for path in sites[0] if sites[0][path] != sites[1][path]]
    assert different == []


def test_offline_zip_is_reproducible(tmp_path: Path) -> None:
    zips = []
    for name in ("a", "b"):
        project = copy_fixture("minimal", tmp_path / name)
        result = run_cli("build", "--root", str(project), "--offline")
        assert result.returncode == 0, result.stderr
        zips.append((project / "dist" / "proefhandboek-default-0.1-offline.zip").read_bytes())
    assert zips[0] == zips[1]
    names = zipfile.ZipFile(tmp_path / "a" / "dist" / "proefhandboek-default-0.1-offline.zip").namelist()
    assert "proefhandboek-default/index.html" in names
    assert "proefhandboek-default/search/search_index.js" in names  # search without a server
