"""Warnings for quizzes whose answers give themselves away: the correct option always in the same
place, or nearly always the longest. A learner who always picks the top (or the longest) option
should not pass. The site shuffles options, but the source, the answer key and the exports keep
the authored order."""
from __future__ import annotations

from collections import Counter

from generator.diagnostics import Diagnostics, Location
from generator.load.loader import Loaded
from generator.model.handbook import Handbook
from generator.model.schema.quiz import Question, Quiz

MIN_ITEMS = 4          # fewer single-answer items say nothing about a pattern
MAX_SAME_PLACE = 0.6   # share of items with the key in one position
MAX_LONGEST = 0.5      # share of items with the key the longest option (ties count)


def _choice_items(quiz: Quiz) -> list[Question]:
    return [q for q in quiz.questions if q.type in ("single", "casus") and len(q.options) >= 3]


def _key_position(question: Question) -> int:
    return next(i for i, option in enumerate(question.options) if option.correct)


def _key_is_longest(question: Question) -> bool:
    key = len(question.options[_key_position(question)].text)
    return all(key >= len(option.text) for option in question.options)


def check_quiz_balance(hb: Handbook, loaded: Loaded, diags: Diagnostics) -> None:
    for quiz in hb.quizzes.values():
        items = _choice_items(quiz)
        if len(items) < MIN_ITEMS:
            continue
        def where() -> Location:  # the round-trip parse for a position only when there is a message
            return loaded.sources[id(quiz)].locate(diags, ("questions",))
        place, count = Counter(_key_position(q) for q in items).most_common(1)[0]
        if count / len(items) > MAX_SAME_PLACE:
            diags.warning(where(), "NC084", f"in {count} van de {len(items)} vragen staat het goede antwoord op "
                          f"plaats {place + 1}; verwacht: het goede antwoord op wisselende plaatsen")
        longest = sum(_key_is_longest(q) for q in items)
        if longest / len(items) > MAX_LONGEST:
            diags.warning(where(), "NC084", f"in {longest} van de {len(items)} vragen is het goede antwoord het "
                          "langste; verwacht: foute antwoorden die even lang en even geloofwaardig zijn")
