"""Moodle GIFT export of every quiz in the handbook.

Choices made here (see also generator/lms/validate.py, which reads the output back):
- one ``$CATEGORY: <handbook id>/<quiz id>`` per quiz, quizzes sorted by id;
- texts are marked ``[markdown]`` because the content is plain text or Markdown;
- single, casus and truefalse become multiple choice with one ``=`` answer; truefalse keeps
  its own option texts (GIFT's T/F type has no per-option texts);
- multiple becomes multiple-answer: correct options share +100 %, wrong ones share -100 %,
  so ticking everything scores 0; both shares are valid Moodle grades for up to 10 options;
- order becomes a matching question "Positie n -> item" with the explanation as general
  feedback (``####``): a matching question keeps every item visible and scores each place,
  which a multiple-choice rewrite of the orders could not do without inventing wrong orders.
"""
from __future__ import annotations


from generator.model.handbook import Handbook
from generator.model.schema.quiz import Option, Question, Quiz

SPECIAL = "\\~=#{}:"
POSITION_LABEL = "Positie"



def escape(text: str) -> str:
    """Backslash GIFT's special characters; newlines become ``\\n`` since a blank line ends a question."""
    out = "".join("\\" + char if char in SPECIAL else char for char in text)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def question_title(quiz: Quiz, question: Question) -> str:
    return f"{quiz.id}-{question.id}"


def question_text(question: Question) -> str:
    """The stem: a casus shows its situation before the prompt."""
    if question.type == "casus" and question.situation:
        return f"{question.situation}\n\n{question.prompt}"
    return question.prompt


def percentage(share: float) -> str:
    # Moodle matches grades to its list with 5 decimals (33.33333, 14.28571, ...).
    return f"{share:.5f}".rstrip("0").rstrip(".")


def _answer(marker: str, option: Option) -> str:
    # GIFT cannot escape '%': a text that starts with it would be read as a weight, so give one.
    if option.text.startswith("%") and marker in "=~":
        marker += "%100%" if marker == "=" else "%0%"
    return f"\t{marker}{escape(option.text)}#{escape(option.feedback)}"


def _choice_answers(question: Question) -> list[str]:
    return [_answer("=" if option.correct else "~", option) for option in question.options]


def _multiple_answers(question: Question) -> list[str]:
    right = sum(option.correct for option in question.options)
    wrong = len(question.options) - right
    lines = []
    for option in question.options:
        share = 100 / right if option.correct else -100 / wrong
        lines.append(_answer(f"~%{percentage(share)}%", option))
    return lines


def _order_answers(question: Question) -> list[str]:
    lines = [f"\t={POSITION_LABEL} {place} -> {escape(item)}"
             for place, item in enumerate(question.items, start=1)]
    return lines + [f"\t####{escape(question.feedback)}"]


def export_question(quiz: Quiz, question: Question) -> str:
    if question.type == "multiple":
        answers = _multiple_answers(question)
    elif question.type == "order":
        answers = _order_answers(question)
    else:
        answers = _choice_answers(question)
    head = f"::{escape(question_title(quiz, question))}::[markdown]{escape(question_text(question))} {{"
    return "\n".join([head, *answers, "}"])


def category(handbook: Handbook, quiz: Quiz) -> str:
    """The question bank's category of a quiz: under the handbook's own id, never the product's."""
    return f"{handbook.meta.id}/{quiz.id}"


def export_quiz(handbook: Handbook, quiz: Quiz) -> str:
    parts = [f"// {quiz.title} (slagingsgrens {quiz.pass_text})".replace("\n", " "),
             f"$CATEGORY: {category(handbook, quiz)}"]
    parts += [export_question(quiz, question) for question in quiz.questions]
    return "\n\n".join(parts)


def export_gift(handbook: Handbook) -> str:
    """The whole question bank as one UTF-8 GIFT text (encode with ``.encode("utf-8")``)."""
    header = _header(handbook)
    quizzes = [export_quiz(handbook, handbook.quizzes[quiz_id]) for quiz_id in sorted(handbook.quizzes)]
    return "\n\n".join([header, *quizzes]) + "\n"


def _header(handbook: Handbook) -> str:
    meta = handbook.meta
    edition = meta.edition
    return f"// {meta.title}, {edition.name} {edition.version} ({edition.date})".replace("\n", " ")
