"""The training checked against the handbook: every module, quiz, card, exercise and worksheet a
meeting names exists, agendas add up, cards and exercises use the method's question kinds."""
from __future__ import annotations

from collections import Counter

from generator.check.crossref import YamlMarkdownDoc, check_markdown, targets, yaml_markdown_at
from generator.diagnostics import Diagnostics
from generator.load.loader import Loaded
from generator.model.handbook import Handbook
from generator.model.schema.training import Meeting
from generator.model.training import Training

MODULE_KINDS = ("stap", "fase", "pagina")


# Folders the generator writes its own pages into: a section of the same name would mix with them.
GENERATED_FOLDERS = {"fasen", "stappen", "werkbladen", "toetsen", "naslag", "training", "pdf", "assets", "search"}


def check_training(hb: Handbook, loaded: Loaded, diags: Diagnostics) -> None:
    _check_section_names(hb, loaded, diags)
    training = hb.training
    if training is None:
        return
    known = targets(hb, loaded)  # what exists, and what could not be read: no second error for it
    _check_unique(training, loaded, diags)
    for meeting in training.meetings:
        _check_before(hb, meeting, known, loaded, diags)
        _check_agenda(hb, meeting, known, loaded, diags)
    _check_cards_and_exercises(hb, training, known, loaded, diags)
    for doc in _markdown_fields(training, loaded, diags):
        check_markdown(doc, known, diags)


def _markdown_fields(training: Training, loaded: Loaded, diags: Diagnostics) -> list[YamlMarkdownDoc]:
    """The programme's intro and every agenda block's description: Markdown that may hold references."""
    docs = [yaml_markdown_at(loaded.sources[id(training.programme)], ("intro",), diags)]
    for meeting in training.meetings:
        source = loaded.sources[id(meeting)]
        docs += [yaml_markdown_at(source, ("agenda", index, "description"), diags)
                 for index in range(len(meeting.agenda))]
    return docs


def _check_section_names(hb: Handbook, loaded: Loaded, diags: Diagnostics) -> None:
    doc = loaded.sources[id(hb.meta)]
    for index, section in enumerate(hb.meta.sections):
        if section.id in GENERATED_FOLDERS:
            diags.error(doc.locate(diags, ("sections", index, "id")), "NC117",
                        f"sectie-id '{section.id}' is de naam van een map die de generator zelf maakt; "
                        f"verwacht: een andere id dan {', '.join(sorted(GENERATED_FOLDERS))}")


def _module_exists(known: dict[str, set[str]], reference: str) -> bool:
    """A module that exists, or one whose file could not be read (that file has its own error)."""
    kind, _, target = reference.partition(":")
    return kind in MODULE_KINDS and target in known[kind]


def _check_unique(training: Training, loaded: Loaded, diags: Diagnostics) -> None:
    numbers = Counter(meeting.number for meeting in training.meetings)
    for meeting in training.meetings:
        if numbers[meeting.number] > 1:
            diags.error(loaded.sources[id(meeting)].locate(diags, ("number",)), "NC116",
                        f"bijeenkomst {meeting.number} komt twee keer voor; verwacht: elk nummer één keer")
    for items in (training.cards, training.exercises):
        counts = Counter(item.id for item in items)
        for index, item in enumerate(items):
            if counts[item.id] > 1:
                diags.error(loaded.sources[id(item)].locate(diags, (index, "id")), "NC116",
                            f"id '{item.id}' komt twee keer voor; verwacht: unieke id's")


def _check_before(hb: Handbook, meeting: Meeting, known: dict[str, set[str]], loaded: Loaded,
                  diags: Diagnostics) -> None:
    doc = loaded.sources[id(meeting)]
    for index, reference in enumerate(meeting.before.modules):
        if not _module_exists(known, reference):
            diags.error(doc.locate(diags, ("before", "modules", index)), "NC110",
                        f"'{reference}' is geen onderdeel van de e-learning; verwacht: stap:<nummer>, "
                        "fase:<id> of pagina:<naam> van iets dat bestaat")
    for index, quiz in enumerate(meeting.before.quizzes):
        if quiz not in hb.quizzes and quiz not in loaded.invalid["toets"]:
            diags.error(doc.locate(diags, ("before", "quizzes", index)), "NC111",
                        f"toets '{quiz}' bestaat niet; verwacht: content/quizzes/{quiz}.yml")


def _check_agenda(hb: Handbook, meeting: Meeting, targets_known: dict[str, set[str]], loaded: Loaded,
                  diags: Diagnostics) -> None:
    doc = loaded.sources[id(meeting)]
    training = hb.training
    known = {"cards": {c.id for c in training.cards} | loaded.invalid["kaart"],
             "exercises": {e.id for e in training.exercises} | loaded.invalid["oefening"],
             "worksheets": targets_known["werkblad"]}
    for block_index, block in enumerate(meeting.agenda):
        for key, ids in known.items():
            for index, item in enumerate(getattr(block, key)):
                if item not in ids:
                    diags.error(doc.locate(diags, ("agenda", block_index, key, index)), "NC112",
                                f"'{item}' bestaat niet ({key}); verwacht: een id uit {_source_of(key)}")
    total = sum(block.minutes for block in meeting.agenda)
    if total != meeting.duration_minutes:
        diags.error(doc.locate(diags, ("duration_minutes",)), "NC113",
                    f"de agenda duurt {total} minuten, de bijeenkomst {meeting.duration_minutes}; "
                    "verwacht: de minuten van de blokken samen even lang als duration_minutes")


def _source_of(key: str) -> str:
    return {"cards": "content/training/cards.yml", "exercises": "content/training/exercises.yml",
            "worksheets": "worksheets/"}[key]


def _check_cards_and_exercises(hb: Handbook, training: Training, known: dict[str, set[str]], loaded: Loaded,
                               diags: Diagnostics) -> None:
    kinds = {kind.id for kind in hb.method.question_kinds}
    for index, card in enumerate(training.cards):
        doc = loaded.sources[id(card)]
        if str(card.step) not in known["stap"]:
            diags.error(doc.locate(diags, (index, "step")), "NC115",
                        f"stap {card.step} bestaat niet; verwacht: het nummer van een stap")
        if card.question_kind not in kinds:
            diags.error(doc.locate(diags, (index, "question_kind")), "NC100",
                        f"vraagsoort '{card.question_kind}' kent de methode niet; verwacht: {', '.join(sorted(kinds))}")
    for index, exercise in enumerate(training.exercises):
        if exercise.question_kind not in kinds:
            diags.error(loaded.sources[id(exercise)].locate(diags, (index, "question_kind")), "NC100",
                        f"vraagsoort '{exercise.question_kind}' kent de methode niet; "
                        f"verwacht: {', '.join(sorted(kinds))}")
