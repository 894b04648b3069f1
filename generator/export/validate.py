"""Read the exports back and report what does not match the question bank.

GIFT: a small parser for the subset of GIFT that ``export_gift`` writes (categories, comments,
titles, ``[format]`` markers, ``=``/``~`` answers with ``%weight%`` and ``#feedback``, matching
pairs and ``####`` general feedback, backslash escapes). ``check_gift`` re-parses the text and
compares every question with the bank: count, titles, stem, answer texts, which answers are
right, weights, per-answer feedback and order items.

QTI: ``check_qti`` validates every item and test against the official QTI 2.1 XSD and the manifest
against the IMS Content Packaging 1.1 XSD (vendored in schemas/qti21/, see schema_check), then
checks what a schema cannot: entries sorted, the manifest lists every file in the zip and every
href and dependency in it resolves, an interaction answers a declared response whose correct
values name existing choices, feedback uses a declared outcome, a test's item refs resolve. Given
the handbook, it also compares the correct responses with the bank. Messages are in Dutch.
"""
from __future__ import annotations

import io
import posixpath
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field

from generator.export.gift import POSITION_LABEL, category, question_text, question_title
from generator.export.qti import CP_NS, ITEM_TYPE, QTI_NS, TEST_TYPE, item_path
from generator.export.schema_check import CP_XSD, QTI_XSD, schema_problems
from generator.model.handbook import Handbook
from generator.model.schema.quiz import Question, Quiz



# --- GIFT ------------------------------------------------------------------------------------

@dataclass
class GiftAnswer:
    text: str
    weight: float  # percent: 100 for '=', 0 for a plain '~'
    feedback: str = ""


@dataclass
class GiftQuestion:
    category: str
    title: str
    text: str
    answers: list[GiftAnswer] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    general_feedback: str = ""


def unescape(text: str) -> str:
    out, index = [], 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            nxt = text[index + 1]
            out.append("\n" if nxt == "n" else nxt)
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


def _split_unescaped(text: str, separators: str) -> list[tuple[str, str]]:
    """Split at unescaped separator characters; each piece keeps the separator before it."""
    pieces: list[tuple[str, str]] = []
    marker, start, index = "", 0, 0
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text[index] in separators:
            pieces.append((marker, text[start:index]))
            marker, start = text[index], index + 1
        index += 1
    pieces.append((marker, text[start:]))
    return pieces


def _find_unescaped(text: str, target: str, start: int = 0) -> int:
    index = start
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text.startswith(target, index):
            return index
        index += 1
    return -1


def _blocks(gift: str) -> list[str]:
    lines = [line for line in gift.splitlines() if not line.lstrip().startswith("//")]
    return [block.strip() for block in "\n".join(lines).split("\n\n") if block.strip()]


def parse_gift(gift: str) -> list[GiftQuestion]:
    """Parse GIFT text into questions; raises ValueError on anything malformed."""
    category, questions = "", []
    for block in _blocks(gift):
        if block.startswith("$CATEGORY:"):
            category = block.removeprefix("$CATEGORY:").strip()
            continue
        questions.append(_parse_question(block, category))
    return questions


def _parse_question(block: str, category: str) -> GiftQuestion:
    if not block.startswith("::"):
        raise ValueError(f"vraag zonder titel: {block[:60]!r}")
    end_title = _find_unescaped(block, "::", 2)
    title = unescape(block[2:end_title])
    rest = block[end_title + 2:]
    if rest.startswith("["):
        rest = rest[rest.index("]") + 1:]
    open_at = _find_unescaped(rest, "{")
    close_at = _find_unescaped(rest, "}", open_at + 1)
    if open_at < 0 or close_at < 0 or rest[close_at + 1:].strip():
        raise ValueError(f"{title}: het antwoordblok ontbreekt of staat niet aan het eind")
    question = GiftQuestion(category, title, unescape(rest[:open_at].strip()))
    _parse_answers(question, rest[open_at + 1:close_at])
    return question


def _parse_answers(question: GiftQuestion, body: str) -> None:
    general_at = _find_unescaped(body, "####")
    if general_at >= 0:
        question.general_feedback = unescape(body[general_at + 4:].strip())
        body = body[:general_at]
    for marker, chunk in _split_unescaped(body, "=~"):
        if not marker:
            if chunk.strip():
                raise ValueError(f"{question.title}: tekst vóór het eerste antwoord")
            continue
        _add_answer(question, marker, chunk.strip())


def _add_answer(question: GiftQuestion, marker: str, chunk: str) -> None:
    arrow = chunk.find("->")
    if marker == "=" and arrow >= 0 and _find_unescaped(chunk, "#") < 0:
        question.pairs.append((unescape(chunk[:arrow].strip()), unescape(chunk[arrow + 2:].strip())))
        return
    weight = 100.0 if marker == "=" else 0.0
    if chunk.startswith("%"):
        end = chunk.index("%", 1)
        weight, chunk = float(chunk[1:end]), chunk[end + 1:]
    pieces = _split_unescaped(chunk, "#")
    text = unescape(pieces[0][1].strip())
    feedback = unescape(pieces[1][1].strip()) if len(pieces) > 1 else ""
    question.answers.append(GiftAnswer(text, weight, feedback))


def check_gift(handbook: Handbook, gift: str) -> list[str]:
    """Problems found when the GIFT text is read back and compared with the bank ([] = fine)."""
    try:
        parsed = parse_gift(gift)
    except ValueError as error:
        return [f"het GIFT-bestand is niet te lezen: {error}"]
    expected = [(quiz, question) for quiz_id in sorted(handbook.quizzes)
                for quiz in [handbook.quizzes[quiz_id]] for question in quiz.questions]
    problems = []
    if len(parsed) != len(expected):
        problems.append(f"{len(parsed)} vragen teruggelezen, {len(expected)} in de toetsen")
    for (quiz, question), got in zip(expected, parsed):
        problems += _compare_question(handbook, quiz, question, got)
    return problems


def _compare_question(handbook: Handbook, quiz: Quiz, question: Question, got: GiftQuestion) -> list[str]:
    title = question_title(quiz, question)
    checks = [(got.title, title, "titel"), (got.category, category(handbook, quiz), "categorie"),
              (got.text, question_text(question), "vraagtekst")]
    if question.type == "order":
        pairs = [(f"{POSITION_LABEL} {place}", item) for place, item in enumerate(question.items, 1)]
        checks += [(got.pairs, pairs, "volgorde-items"), (got.general_feedback, question.feedback, "feedback")]
    else:
        checks += [([a.text for a in got.answers], [o.text for o in question.options], "antwoordteksten"),
                   ([a.weight > 0 for a in got.answers], [o.correct for o in question.options],
                    "goede antwoorden"),
                   ([a.feedback for a in got.answers], [o.feedback for o in question.options], "feedback")]
        checks += _weight_checks(question, got)
    return [f"{title}: {what} verschillen: {actual!r} in plaats van {wanted!r}"
            for actual, wanted, what in checks if actual != wanted]


def _weight_checks(question: Question, got: GiftQuestion) -> list[tuple[object, object, str]]:
    if question.type != "multiple":
        return [([a.weight for a in got.answers],
                 [100.0 if o.correct else 0.0 for o in question.options], "gewichten")]
    right = round(sum(a.weight for a in got.answers if a.weight > 0), 2)
    wrong = round(sum(a.weight for a in got.answers if a.weight < 0), 2)
    has_wrong = any(not o.correct for o in question.options)
    return [(right, 100.0, "som van de goede gewichten"), (wrong, -100.0 if has_wrong else 0.0,
                                                     "som van de foute gewichten")]


# --- QTI -------------------------------------------------------------------------------------

def _q(tag: str) -> str:
    return f"{{{QTI_NS}}}{tag}"


def _cp(tag: str) -> str:
    return f"{{{CP_NS}}}{tag}"


def check_qti(package: bytes, handbook: Handbook | None = None) -> list[str]:
    """What is wrong with a QTI 2.1 package, in Dutch ([] = fine): schemas first, then references."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(package))
    except zipfile.BadZipFile as error:
        return [f"geen zip-bestand ({error}); verwacht: een QTI-pakket als zip"]
    names = archive.namelist()
    problems = [] if names == sorted(names) else ["de bestanden in de zip staan niet op volgorde; verwacht: gesorteerd"]
    trees: dict[str, ET.Element] = {}
    for name in names:
        data = archive.read(name)
        problems += schema_problems(name, data, CP_XSD if name == "imsmanifest.xml" else QTI_XSD)
        try:
            trees[name] = ET.fromstring(data)
        except ET.ParseError:
            pass  # the schema check has said so
    if "imsmanifest.xml" not in trees:
        return problems + ["imsmanifest.xml ontbreekt of is onleesbaar; verwacht: een manifest in de zip"]
    types: dict[str, str] = {}
    problems += _check_manifest(trees["imsmanifest.xml"], set(names), types)
    for name, root in trees.items():
        if types.get(name) == ITEM_TYPE and root.tag == _q("assessmentItem"):
            problems += _check_item(name, root)
        elif types.get(name) == TEST_TYPE:
            problems += _check_test(name, root, set(names))
    if handbook is not None:
        problems += _check_against_bank(trees, handbook)
    return problems


def _check_manifest(manifest: ET.Element, names: set[str], types: dict[str, str]) -> list[str]:
    resources = manifest.findall(f"{_cp('resources')}/{_cp('resource')}")
    ids = {resource.get("identifier") for resource in resources}
    listed = {"imsmanifest.xml"}
    problems = []
    for resource in resources:
        problems += _check_resource(resource, names, ids, types, listed)
    problems += [f"imsmanifest.xml: {name} staat in de zip maar niet in het manifest; verwacht: elk bestand vermeld"
                 for name in sorted(names - listed)]
    return problems


def _check_resource(resource: ET.Element, names: set[str], ids: set[str | None],
                    types: dict[str, str], listed: set[str]) -> list[str]:
    problems = []
    files = [file.get("href", "") for file in resource.findall(_cp("file"))]
    href = resource.get("href", "")
    if href not in files:
        problems.append(f"imsmanifest.xml: resource {href} heeft geen <file> voor zijn eigen href")
    for file in files:
        listed.add(file)
        types[file] = resource.get("type", "")
        if file not in names:
            problems.append(f"imsmanifest.xml: {file} staat in het manifest maar niet in de zip")
    for dependency in resource.findall(_cp("dependency")):
        if dependency.get("identifierref") not in ids:
            problems.append(f"imsmanifest.xml: afhankelijkheid {dependency.get('identifierref')} bestaat niet")
    return problems


def _check_item(name: str, item: ET.Element) -> list[str]:
    declared: dict[str | None, list[str | None]] = {}
    for decl in item.findall(_q("responseDeclaration")):
        values = decl.findall(f"{_q('correctResponse')}/{_q('value')}")
        declared[decl.get("identifier")] = [value.text for value in values]
    body = item.find(_q("itemBody"))
    interactions = [] if body is None else [
        *body.iter(_q("choiceInteraction")), *body.iter(_q("orderInteraction"))]
    if len(interactions) != 1:
        return [f"{name}: {len(interactions)} keuze- of volgorde-interacties; verwacht: precies één"]
    problems = _check_interaction(name, interactions[0], declared)
    outcomes = {decl.get("identifier") for decl in item.findall(_q("outcomeDeclaration"))}
    for feedback in item.findall(_q("modalFeedback")):
        if feedback.get("outcomeIdentifier") not in outcomes:
            problems.append(f"{name}: modalFeedback gebruikt {feedback.get('outcomeIdentifier')}, "
                            "maar die uitkomst is niet gedeclareerd")
    return problems


def _check_interaction(name: str, interaction: ET.Element, declared: dict[str | None, list[str | None]]) -> list[str]:
    response = interaction.get("responseIdentifier")
    if response not in declared:
        return [f"{name}: de interactie antwoordt op {response}, maar dat antwoord is niet gedeclareerd"]
    problems = []
    choices = [choice.get("identifier") for choice in interaction.findall(_q("simpleChoice"))]
    if len(set(choices)) != len(choices):
        problems.append(f"{name}: keuzes hebben dezelfde identifier; verwacht: elke identifier één keer")
    if not declared[response] or not set(declared[response]) <= set(choices):
        problems.append(f"{name}: correctResponse {declared[response]} noemt niet de keuzes {choices}")
    return problems


def _check_test(name: str, test: ET.Element, names: set[str]) -> list[str]:
    problems = []
    for ref in test.iter(_q("assessmentItemRef")):
        target = posixpath.normpath(posixpath.join(posixpath.dirname(name), ref.get("href", "")))
        if target not in names:
            problems.append(f"{name}: assessmentItemRef {ref.get('href')} wijst naar geen bestand in de zip")
    return problems


def _check_against_bank(trees: dict[str, ET.Element], handbook: Handbook) -> list[str]:
    problems = []
    for quiz in handbook.quizzes.values():
        for question in quiz.questions:
            path = item_path(quiz, question)
            if path not in trees:
                problems.append(f"{path}: ontbreekt voor vraag {quiz.id}/{question.id}")
                continue
            problems += _compare_correct(path, trees[path], question)
    items = sum(len(quiz.questions) for quiz in handbook.quizzes.values())
    found = sum(1 for name in trees if name.startswith("items/"))
    if found != items:
        problems.append(f"{found} vragen in het pakket, maar {items} in de vragenbank")
    return problems


def _compare_correct(path: str, item: ET.Element, question: Question) -> list[str]:
    values = [v.text for v in item.iter(_q("value")) if _is_correct_value(item, v)]
    texts = {choice.get("identifier"): choice.text for choice in item.iter(_q("simpleChoice"))}
    got = [texts.get(value) for value in values]
    wanted = list(question.items) if question.type == "order" else [
        option.text for option in question.options if option.correct]
    return [] if got == wanted else [f"{path}: goede antwoorden {got!r}; verwacht: {wanted!r}"]


def _is_correct_value(item: ET.Element, value: ET.Element) -> bool:
    correct = item.find(f"{_q('responseDeclaration')}/{_q('correctResponse')}")
    return correct is not None and value in list(correct)
