"""QTI 2.1 items and tests checked against the official XSD, the manifest against IMS CP 1.1.

The schemas are vendored in schemas/qti21/ (see its README). Nothing is fetched: the parsers may
not use the network, and an import by web address is mapped to the local copy. Compiling the QTI
schema takes a second or more, so it is compiled once per process.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).resolve().parent / "schemas" / "qti21"
QTI_XSD = SCHEMAS / "qtiv2p1" / "imsqti_v2p1.xsd"
CP_XSD = SCHEMAS / "imscp_v1p1.xsd"
# Web addresses a schema may import by, and the copy that stands in for each.
LOCAL_COPIES = {"http://www.w3.org/2001/xml.xsd": "w3/xml.xsd",
                "http://www.w3.org/2009/01/xml.xsd": "w3/xml.xsd",
                "http://www.w3.org/1999/xlink.xsd": "w3/xlink.xsd",
                "http://www.w3.org/2001/XInclude.xsd": "w3/XInclude.xsd",
                # IMS's copy declares the xml: namespace as its default, which libxml2 refuses;
                # the W3C's schema of that namespace stands in (same xml:lang attribute).
                str(SCHEMAS.parent / "scorm12" / "ims_xml.xsd"): "w3/xml.xsd"}
POSITION = re.compile(r", line \d+, column \d+$")
NAMESPACE = re.compile(r"\{[^}]*\}")
NOT_EXPECTED = re.compile(r"Element '([^']+)': This element is not expected\.(?: Expected is (?:one of )?\((.*)\))?")
MISSING_ATTRIBUTE = re.compile(r"Element '([^']+)': The attribute '([^']+)' is required but missing")
NOT_ALLOWED_ATTRIBUTE = re.compile(r"Element '([^']+)', attribute '([^']+)': The attribute '[^']+' is not allowed")


class _LocalCopies(etree.Resolver):
    def resolve(self, url: str, pubid: str, context: object) -> object:  # type: ignore[override]
        local = LOCAL_COPIES.get(url)
        return self.resolve_filename(str(SCHEMAS / local), context) if local else None


def _parser() -> etree.XMLParser:
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    parser.resolvers.add(_LocalCopies())
    return parser


@lru_cache(maxsize=None)
def compiled(xsd: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(xsd), _parser()))


def _dutch(message: str) -> str:
    """libxml2's message, in Dutch for the cases an export can run into; else quoted as it is."""
    message = NAMESPACE.sub("", message)
    if match := NOT_EXPECTED.match(message):
        expected = match.group(2).strip().replace(", ", " of ") if match.group(2) else "een ander element"
        return f"element <{match.group(1)}> hoort hier niet; verwacht: {expected}"
    if match := MISSING_ATTRIBUTE.match(message):
        return f"element <{match.group(1)}> mist het attribuut {match.group(2)}; verwacht: {match.group(2)}=\"...\""
    if match := NOT_ALLOWED_ATTRIBUTE.match(message):
        return f"attribuut {match.group(2)} is niet toegestaan op <{match.group(1)}>; verwacht: alleen attributen uit het schema"
    return f"voldoet niet aan het schema (melding van de controle: {message.strip()})"


def schema_problems(name: str, data: bytes, xsd: Path) -> list[str]:
    """Dutch messages, `name:line:col: ...`, for what the schema refuses in one file ([] = valid)."""
    try:
        document = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        detail = POSITION.sub("", error.msg)  # the position leads the message already
        return [f"{name}:{error.lineno}:{error.offset}: geen geldige XML ({detail}); verwacht: goedgevormde XML"]
    schema = compiled(xsd)
    if schema.validate(document):
        return []
    return [f"{name}:{e.line}:{e.column + 1}: {_dutch(e.message)} (schema {xsd.name})" for e in schema.error_log]
