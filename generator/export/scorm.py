"""The e-learning as a SCORM 1.2 package: its imsmanifest.xml, checked against the SCORM 1.2 XSDs,
and the route data the package's scorm.js reads on every page.

The whole site is ONE SCO: progress and quiz results are one record for the whole route (the
record progress.js keeps), and the learning platform sees one course with one status and one score.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from urllib.parse import quote

from lxml import etree

from generator.export.schema_check import schema_problems
from generator.model.handbook import Handbook
from generator.model.paths import store_namespace
from generator.model.route import Module, learning_route

# ADL's schema imports IMS content packaging; the metadata schema (imsmd) is left out: libxml2
# refuses its annotationType as not deterministic, and the manifest holds no metadata of it.
SCORM_XSD = Path(__file__).resolve().parent / "schemas" / "scorm12" / "adlcp_rootv1p2.xsd"
MANIFEST = "imsmanifest.xml"
LAUNCH = "index.html"
ROUTE_SCRIPT = "assets/js/scorm-route.js"  # in the docs tree of the SCORM build only
CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATIONS = f"{CP} imscp_rootv1p1p2.xsd {ADLCP} adlcp_rootv1p2.xsd"


def score_module(route: list[Module]) -> Module | None:
    """The module whose quiz gives the score: the (last) final test, so the trainer sees one mark."""
    finals = [m for m in route if m.quiz and m.id.startswith("toets-")]
    return finals[-1] if finals else None


def mastery_score(hb: Handbook) -> int | None:
    """The final test's pass mark as a percentage (as scorm.js computes the score); without a final
    test the score is the share of passed quizzes, and mastery is all of them."""
    route = learning_route(hb)
    module = score_module(route)
    if module is None:
        return 100 if any(m.quiz for m in route) else None
    quiz = hb.quizzes[module.quiz or ""]
    return math.floor(100 * quiz.needed / len(quiz.questions) + 0.5)


def route_script(hb: Handbook) -> str:
    """window.ncScormRoute: the route's modules in order (index = position in suspend_data)."""
    route = learning_route(hb)
    scored = score_module(route)
    data = {"site": store_namespace(hb), "scoreModule": scored.id if scored else "",
            "modules": [{"id": m.id, "quiz": m.quiz or "", "page": m.page.replace(".md", ".html")} for m in route]}
    return "/* Made by the generator for the SCORM package: the learning route, for scorm.js. */\n" \
        f"window.ncScormRoute = {json.dumps(data, ensure_ascii=False)};\n"


def manifest(hb: Handbook, files: list[str]) -> bytes:
    """imsmanifest.xml: one organization with one item, one SCO resource listing every file."""
    nsmap = {None: CP, "adlcp": ADLCP, "xsi": XSI}
    ident = f"{hb.meta.id}-{hb.site.id}"
    root = etree.Element(f"{{{CP}}}manifest", nsmap=nsmap, identifier=f"manifest-{ident}",
                         version=hb.meta.edition.version)
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATIONS)
    meta = etree.SubElement(root, f"{{{CP}}}metadata")
    etree.SubElement(meta, f"{{{CP}}}schema").text = "ADL SCORM"
    etree.SubElement(meta, f"{{{CP}}}schemaversion").text = "1.2"
    orgs = etree.SubElement(root, f"{{{CP}}}organizations", default=f"org-{ident}")
    org = etree.SubElement(orgs, f"{{{CP}}}organization", identifier=f"org-{ident}")
    etree.SubElement(org, f"{{{CP}}}title").text = hb.meta.title
    item = etree.SubElement(org, f"{{{CP}}}item", identifier=f"item-{ident}", identifierref=f"sco-{ident}")
    etree.SubElement(item, f"{{{CP}}}title").text = hb.meta.title
    mastery = mastery_score(hb)
    if mastery is not None:
        etree.SubElement(item, f"{{{ADLCP}}}masteryscore").text = str(mastery)
    resources = etree.SubElement(root, f"{{{CP}}}resources")
    resource = etree.SubElement(resources, f"{{{CP}}}resource", identifier=f"sco-{ident}", type="webcontent",
                                href=LAUNCH)
    resource.set(f"{{{ADLCP}}}scormtype", "sco")
    for name in sorted(files):
        etree.SubElement(resource, f"{{{CP}}}file", href=quote(name))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def manifest_problems(data: bytes) -> list[str]:
    """Dutch messages for what the SCORM 1.2 schemas refuse in a manifest ([] = valid)."""
    return schema_problems(MANIFEST, data, SCORM_XSD)
