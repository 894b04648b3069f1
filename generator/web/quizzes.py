"""A quiz as an accessible form with feedback per option; checked in the browser by quiz.js.

The markup is in theme/web/quiz.html.j2; this module gives it the data.
"""
from __future__ import annotations

from generator.markup.text import count_questions
from generator.model.schema.quiz import Quiz
from generator.web.templates import render


def render_quiz(quiz: Quiz, site_id: str, module_id: str, module_href: str,
                next_module: tuple[str, str] | None = None) -> str:
    """One line per element so Markdown passes the whole form through as one HTML block.

    `module_href` is the (relative) page of the route module the quiz completes;
    `next_module` the (title, page) of the module after it, if any.
    """
    onward = {"title": next_module[0], "href": next_module[1]} if next_module else None
    return render("quiz.html.j2", quiz=quiz, site_id=site_id, module_id=module_id, module_href=module_href,
                  next_module=onward, question_count=count_questions(len(quiz.questions)))
