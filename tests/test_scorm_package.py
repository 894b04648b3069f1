"""The SCORM 1.2 package as an LMS reads it: imsmanifest.xml at the root, valid against the
SCORM 1.2 schemas, one SCO launching index.html that lists every file of the package."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree
from ruamel.yaml import YAML

from generator.export.scorm import manifest_problems
from tests.conftest import ROOT
from tests.scorm_runtime import build_package

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_package(tmp_path_factory.mktemp("scorm"))


def test_manifest_at_the_root_is_valid_scorm_12(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        data = archive.read("imsmanifest.xml")
    assert manifest_problems(data) == []


def test_one_sco_launches_index_and_lists_every_file(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    resources = manifest.findall(f"{CP}resources/{CP}resource")
    assert len(resources) == 1 and resources[0].get(f"{ADLCP}scormtype") == "sco"
    assert resources[0].get("href") == "index.html"
    listed = {f.get("href") for f in resources[0].findall(f"{CP}file")}
    assert listed == names - {"imsmanifest.xml"}
    assert "assets/js/scorm.js" in listed and "assets/js/scorm-route.js" in listed


def test_mastery_score_is_the_final_tests_pass_mark(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    final = YAML(typ="safe").load((ROOT / "content" / "quizzes" / "eindtoets.yml").read_text(encoding="utf-8"))
    mastery = manifest.find(f"{CP}organizations/{CP}organization/{CP}item/{ADLCP}masteryscore")
    assert mastery is not None and int(mastery.text) == final.get("pass_mark", 75)


def test_the_package_is_byte_reproducible(package: Path, tmp_path: Path) -> None:
    again = build_package(tmp_path, fresh=True)  # a second real build, not the session's copy
    assert again.read_bytes() == package.read_bytes()


def test_a_broken_manifest_fails_in_dutch(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        data = archive.read("imsmanifest.xml")
    broken = data.replace(b'adlcp:scormtype="sco"', b'adlcp:scormtype="les"', 1)
    problems = manifest_problems(broken)
    assert problems and all(p.startswith("imsmanifest.xml:") for p in problems), problems
    assert "verwacht" in problems[0] or "schema" in problems[0]
    missing = data.replace(b"<organizations", b"<organisaties", 1).replace(b"</organizations>", b"</organisaties>", 1)
    assert "hoort hier niet" in manifest_problems(missing)[0]
