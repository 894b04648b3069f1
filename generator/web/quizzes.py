"""A quiz as an accessible form with feedback per option; checked in the browser by quiz.js."""
from __future__ import annotations

from generator.markup.text import NOT_IN_SEARCH, count_questions, esc
from generator.model.schema.quiz import Question, Quiz


def render_quiz(quiz: Quiz, site_id: str, module_id: str, module_href: str,
                next_module: tuple[str, str] | None = None) -> str:
    """One line per element so Markdown passes the whole form through as one HTML block.

    `module_href` is the (relative) page of the route module the quiz completes.
    """
    total = len(quiz.questions)
    parts = [f'<form class="nc-quiz" data-quiz="{esc(quiz.id)}" data-site="{esc(site_id)}" '
             f'data-module="{esc(module_id)}" data-module-href="{esc(module_href)}" '
             f'data-pass-needed="{quiz.needed}" data-pass-text="{esc(quiz.pass_text)}" aria-label="{esc(quiz.title)}">',
             f'<p class="nc-quiz-intro">{count_questions(total)}. Je bent geslaagd bij {esc(quiz.pass_text)}. '
             "Na elke vraag zie je meteen of je antwoord klopt, en waarom.</p>"]
    parts += [_question(quiz, question, number, total) for number, question in enumerate(quiz.questions, 1)]
    parts.append('<div class="nc-quiz-result" role="status" aria-live="polite"></div>')
    onward = (f'<a class="md-button md-button--primary nc-onward" href="{esc(next_module[1])}" hidden>'
              f"Verder met {esc(next_module[0])}</a>") if next_module else ""
    parts.append('<p class="nc-quiz-actions"><button type="button" class="md-button nc-button nc-retry">'
                 f"Opnieuw beginnen</button>{onward}</p>")
    parts.append("</form>")
    return "\n".join(parts)


def _question(quiz: Quiz, question: Question, number: int, total: int) -> str:
    qid = f"{quiz.id}-{question.id}"
    situation = (f'<p class="nc-situation"><span class="nc-tag">Situatie</span> {esc(question.situation)}</p>'
                 if question.situation else "")
    body = _order(qid, question) if question.type == "order" else _choices(qid, question)
    hint = {"multiple": " (meer antwoorden kunnen goed zijn)", "order": ""}.get(question.type, "")
    return (f'<fieldset class="nc-question" data-question="{esc(question.id)}" data-type="{question.type}" '
            f'aria-describedby="{qid}-prompt">'
            f'<legend>Vraag {number} van {total}</legend>{situation}'
            f'<p class="nc-prompt" id="{qid}-prompt">{esc(question.prompt)}{hint}</p>{body}'
            f'<p><button type="button" class="md-button nc-button nc-check" {NOT_IN_SEARCH}>Controleer je antwoord</button></p>'
            f'<div class="nc-feedback" role="status" aria-live="polite"></div></fieldset>')


def _choices(qid: str, question: Question) -> str:
    kind = "checkbox" if question.type == "multiple" else "radio"
    rows = []
    for index, option in enumerate(question.options):
        fid = f"{qid}-{index}"
        rows.append(f'<div class="nc-option" data-correct="{"ja" if option.correct else "nee"}">'
                    f'<input type="{kind}" id="{fid}" name="{qid}" value="{index}">'
                    f'<label for="{fid}">{esc(option.text)}</label>'
                    f'<p class="nc-option-feedback" hidden {NOT_IN_SEARCH}>{esc(option.feedback)}</p></div>')
    return "".join(rows)


def _order(qid: str, question: Question) -> str:
    """Each item gets a position picker; items are shown rotated so they start out of order."""
    count = len(question.items)
    shown = list(range(count))[1:] + [0]
    choices = "".join(f'<option value="{n}">{n}</option>' for n in range(1, count + 1))
    rows = []
    for item_index in shown:
        fid = f"{qid}-{item_index}"
        rows.append(f'<div class="nc-order-item" data-position="{item_index + 1}">'
                    f'<select id="{fid}" name="{qid}-{item_index}" {NOT_IN_SEARCH}><option value="">Plek…</option>{choices}</select>'
                    f'<label for="{fid}">{esc(question.items[item_index])}</label></div>')
    correct = "".join(f"<li>{esc(item)}</li>" for item in question.items)
    return (f'<p class="nc-help">Kies bij elk onderdeel de plek: 1 is de eerste.</p>{"".join(rows)}'
            f'<div class="nc-order-answer" hidden {NOT_IN_SEARCH}><p>De goede volgorde:</p><ol>{correct}</ol>'
            f"<p>{esc(question.feedback)}</p></div>")
