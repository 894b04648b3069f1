"""IMS QTI 2.1 content package (zip) of every quiz in the handbook.

Layout: ``imsmanifest.xml``, ``items/<quiz>-<question>.xml`` (one assessmentItem per question)
and ``tests/<quiz>.xml`` (one assessmentTest per quiz). Per-option feedback is modalFeedback,
shown for the chosen option(s) through a FEEDBACK outcome. Multiple-answer questions score by
a mapping (+1/right share, -1/wrong share, clamped to 0..1), the same shares as the GIFT export.
Output is deterministic: sorted entries, fixed timestamps (the edition date) and permissions.
"""
from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from generator.model.handbook import Handbook
from generator.model.schema.quiz import Question, Quiz
from generator.zipfiles import DateTime, write_zip

QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
LOM_NS = "http://ltsc.ieee.org/xsd/LOM"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
ITEM_TYPE = "imsqti_item_xmlv2p1"
TEST_TYPE = "imsqti_test_xmlv2p1"
FIXED_TIME = (1980, 1, 1, 0, 0, 0)



def item_id(quiz: Quiz, question: Question) -> str:
    # Identifiers must be NCNames; slugs may start with a digit, so prefix them.
    return f"item-{quiz.id}-{question.id}"


def item_path(quiz: Quiz, question: Question) -> str:
    return f"items/{quiz.id}-{question.id}.xml"


def test_path(quiz: Quiz) -> str:
    return f"tests/{quiz.id}.xml"


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    child = ET.SubElement(parent, tag, attrs)
    if text is not None:
        child.text = text
    return child


def _qti_root(tag: str, **attrs: str) -> ET.Element:
    # Plain tag names plus an xmlns attribute keep the default namespace without ns0: prefixes.
    return ET.Element(tag, {"xmlns": QTI_NS, "xmlns:xsi": XSI_NS,
                            "xsi:schemaLocation": f"{QTI_NS} {QTI_XSD}", **attrs})


def _serialize(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def _number(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


# --- items -----------------------------------------------------------------------------------

def _choice_ids(question: Question) -> list[str]:
    count = len(question.items) if question.type == "order" else len(question.options)
    return [f"choice-{index}" for index in range(1, count + 1)]


def _response_declaration(item: ET.Element, question: Question) -> None:
    ids = _choice_ids(question)
    cardinality = {"order": "ordered", "multiple": "multiple"}.get(question.type, "single")
    decl = _el(item, "responseDeclaration", identifier="RESPONSE", cardinality=cardinality,
               baseType="identifier")
    correct = _el(decl, "correctResponse")
    if question.type == "order":
        right = ids  # items are stored in the correct order
    else:
        right = [cid for cid, option in zip(ids, question.options) if option.correct]
    for cid in right:
        _el(correct, "value", cid)
    if question.type == "multiple":
        _mapping(decl, question, ids)


def _mapping(decl: ET.Element, question: Question, ids: list[str]) -> None:
    right = sum(option.correct for option in question.options)
    wrong = len(question.options) - right
    mapping = _el(decl, "mapping", lowerBound="0", upperBound="1", defaultValue="0")
    for cid, option in zip(ids, question.options):
        value = 1 / right if option.correct else -1 / wrong
        _el(mapping, "mapEntry", mapKey=cid, mappedValue=_number(value))


def _outcomes(item: ET.Element) -> None:
    score = _el(item, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    _el(_el(score, "defaultValue"), "value", "0")
    _el(item, "outcomeDeclaration", identifier="MAXSCORE", cardinality="single",
        baseType="float").append(_default("1"))
    _el(item, "outcomeDeclaration", identifier="FEEDBACK", cardinality="multiple", baseType="identifier")


def _default(value: str) -> ET.Element:
    default = ET.Element("defaultValue")
    _el(default, "value", value)
    return default


def _item_body(item: ET.Element, question: Question) -> None:
    body = _el(item, "itemBody")
    if question.type == "casus" and question.situation:
        _el(body, "p", question.situation)
    ids = _choice_ids(question)
    if question.type == "order":
        interaction = _el(body, "orderInteraction", responseIdentifier="RESPONSE", shuffle="true")
        texts = list(question.items)
    else:
        max_choices = "0" if question.type == "multiple" else "1"
        # Options are shuffled for the learner, as on the site; true/false keeps its fixed pair.
        interaction = _el(body, "choiceInteraction", responseIdentifier="RESPONSE",
                          shuffle="false" if question.type == "truefalse" else "true", maxChoices=max_choices)
        texts = [option.text for option in question.options]
    _el(interaction, "prompt", question.prompt)
    for cid, text in zip(ids, texts):
        _el(interaction, "simpleChoice", text, identifier=cid)


def _response_processing(item: ET.Element, question: Question) -> None:
    rp = _el(item, "responseProcessing")
    if question.type == "multiple":
        set_score = _el(rp, "setOutcomeValue", identifier="SCORE")
        _el(set_score, "mapResponse", identifier="RESPONSE")
    else:
        condition = _el(rp, "responseCondition")
        if_ = _el(condition, "responseIf")
        match = _el(if_, "match")
        _el(match, "variable", identifier="RESPONSE")
        _el(match, "correct", identifier="RESPONSE")
        _el(_el(if_, "setOutcomeValue", identifier="SCORE"), "baseValue", "1", baseType="float")
        else_ = _el(condition, "responseElse")
        _el(_el(else_, "setOutcomeValue", identifier="SCORE"), "baseValue", "0", baseType="float")
    # FEEDBACK lists what to show: the chosen options, or "general" for an order question.
    feedback = _el(_el(rp, "setOutcomeValue", identifier="FEEDBACK"), "multiple")
    if question.type == "order":
        _el(feedback, "baseValue", "general", baseType="identifier")
    else:
        _el(feedback, "variable", identifier="RESPONSE")


def _modal_feedback(item: ET.Element, question: Question) -> None:
    if question.type == "order":
        entries = [("general", question.feedback)]
    else:
        entries = [(cid, option.feedback) for cid, option in zip(_choice_ids(question), question.options)]
    for identifier, text in entries:
        modal = _el(item, "modalFeedback", outcomeIdentifier="FEEDBACK", identifier=identifier,
                    showHide="show")
        _el(modal, "p", text)


def item_xml(quiz: Quiz, question: Question) -> bytes:
    item = _qti_root("assessmentItem", identifier=item_id(quiz, question), title=question.prompt,
                     adaptive="false", timeDependent="false", **{"xml:lang": "nl"})
    _response_declaration(item, question)
    _outcomes(item)
    _item_body(item, question)
    _response_processing(item, question)
    _modal_feedback(item, question)
    return _serialize(item)


# --- tests -----------------------------------------------------------------------------------

def test_xml(quiz: Quiz) -> bytes:
    test = _qti_root("assessmentTest", identifier=f"test-{quiz.id}", title=quiz.title)
    _el(test, "outcomeDeclaration", identifier="SCORE", cardinality="single", baseType="float")
    _el(test, "outcomeDeclaration", identifier="PASS", cardinality="single", baseType="boolean")
    part = _el(test, "testPart", identifier="part-1", navigationMode="nonlinear",
               submissionMode="individual")
    section = _el(part, "assessmentSection", identifier="section-1", title=quiz.title, visible="true")
    if quiz.intro:
        _el(_el(section, "rubricBlock", view="candidate"), "p", quiz.intro)
    for question in quiz.questions:
        _el(section, "assessmentItemRef", identifier=item_id(quiz, question),
            href="../" + item_path(quiz, question))
    _test_outcome_processing(test, quiz)
    return _serialize(test)


def _test_outcome_processing(test: ET.Element, quiz: Quiz) -> None:
    processing = _el(test, "outcomeProcessing")
    total = _el(_el(processing, "setOutcomeValue", identifier="SCORE"), "sum")
    _el(total, "testVariables", variableIdentifier="SCORE")
    # Pass mark is a percentage of the questions; every item scores at most 1.
    threshold = quiz.needed
    gte = _el(_el(processing, "setOutcomeValue", identifier="PASS"), "gte")
    _el(gte, "variable", identifier="SCORE")
    _el(gte, "baseValue", _number(threshold), baseType="float")


# --- manifest and package --------------------------------------------------------------------

def manifest_xml(handbook: Handbook) -> bytes:
    manifest = ET.Element("manifest", {
        "xmlns": CP_NS, "xmlns:imsmd": LOM_NS, "xmlns:xsi": XSI_NS,
        "xsi:schemaLocation": f"{CP_NS} {CP_XSD}", "identifier": f"manifest-{handbook.meta.id}"})
    metadata = _el(manifest, "metadata")
    _el(metadata, "schema", "QTIv2.1 Package")
    _el(metadata, "schemaversion", "1.0.0")
    _lom_title(metadata, handbook)
    _el(manifest, "organizations")
    resources = _el(manifest, "resources")
    for quiz_id in sorted(handbook.quizzes):
        _quiz_resources(resources, handbook.quizzes[quiz_id])
    return _serialize(manifest)


def _lom_title(metadata: ET.Element, handbook: Handbook) -> None:
    meta = getattr(handbook, "meta", None)
    if meta is None:
        return
    title = f"{meta.title}, {meta.edition.name} {meta.edition.version}"
    general = _el(_el(metadata, "imsmd:lom"), "imsmd:general")
    _el(_el(general, "imsmd:title"), "imsmd:string", title, language="nl")


def _quiz_resources(resources: ET.Element, quiz: Quiz) -> None:
    test = _el(resources, "resource", identifier=f"res-test-{quiz.id}", type=TEST_TYPE,
               href=test_path(quiz))
    _el(test, "file", href=test_path(quiz))
    for question in quiz.questions:
        _el(test, "dependency", identifierref=f"res-{item_id(quiz, question)}")
    for question in quiz.questions:
        item = _el(resources, "resource", identifier=f"res-{item_id(quiz, question)}",
                   type=ITEM_TYPE, href=item_path(quiz, question))
        _el(item, "file", href=item_path(quiz, question))


def package_files(handbook: Handbook) -> dict[str, bytes]:
    files = {"imsmanifest.xml": manifest_xml(handbook)}
    for quiz in handbook.quizzes.values():
        files[test_path(quiz)] = test_xml(quiz)
        for question in quiz.questions:
            files[item_path(quiz, question)] = item_xml(quiz, question)
    return files


def _zip_time(handbook: Handbook) -> DateTime:
    # The edition date keeps rebuilds identical yet tells an LMS admin which edition this is.
    meta = getattr(handbook, "meta", None)
    try:
        year, month, day = (int(part) for part in meta.edition.date.split("-"))  # type: ignore[union-attr]
    except (AttributeError, ValueError):
        return FIXED_TIME
    return (year, month, day, 0, 0, 0) if year >= 1980 else FIXED_TIME


def export_qti(handbook: Handbook) -> bytes:
    """The question bank as a QTI 2.1 content package (zip bytes), byte-identical across runs."""
    buffer = io.BytesIO()
    write_zip(buffer, package_files(handbook), _zip_time(handbook))
    return buffer.getvalue()
