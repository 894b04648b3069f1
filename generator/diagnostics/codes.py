"""The registry of diagnostic codes: every code the generator reports, its severity and meaning.

A code means one thing, and keeps its number: authors learn them. The table in doc/authoring.md
is made from this list (`python -m generator.diagnostics`). Groups: NC00x files, NC01x YAML,
NC02x schema, NC03x safe content, NC04x references, NC05x structure, NC06x quizzes, NC07x
colours, NC08x advice, NC09x output (PDF, site engine, LMS export).
NC10x the method definition (content/method.yml), NC11x the training (content/training/).
"""
from __future__ import annotations

from dataclasses import dataclass

ERROR = "fout"  # fails the build; the values are what Diagnostic.severity holds
WARNING = "waarschuwing"  # is reported, does not fail the build


@dataclass(frozen=True)
class Code:
    code: str
    severity: str
    meaning: str  # one line in English, for doc/authoring.md


class CodeError(LookupError):
    """A programming error: a diagnostic with a code the registry lacks, or the wrong severity."""


def _codes(*entries: tuple[str, str, str]) -> dict[str, Code]:
    return {code: Code(code, severity, meaning) for code, severity, meaning in entries}


CODES = _codes(
    ("NC001", ERROR, "file is not UTF-8"),
    ("NC002", ERROR, "file too large (over 2 MB)"),
    ("NC003", ERROR, "file or link points outside the project (or outside `site_config/`)"),
    ("NC004", ERROR, "file cannot be read (dangling link, no permission)"),
    ("NC010", ERROR, "YAML syntax error"),
    ("NC011", ERROR, "duplicate key"),
    ("NC012", ERROR, "front matter missing or not closed"),
    ("NC013", ERROR, "YAML anchor or alias (`&naam`, `*naam`)"),
    ("NC014", ERROR, "YAML tag that is not plain data (`!!python/...`, `!eigen`)"),
    ("NC015", ERROR, "YAML nested too deep"),
    ("NC020", ERROR, "unknown key"),
    ("NC021", ERROR, "required key missing"),
    ("NC022", ERROR, "value of the wrong type (text where a number is expected, a list where text is expected)"),
    ("NC023", ERROR, "empty text or list, or a file with only comments"),
    ("NC024", ERROR, "unknown worksheet block type"),
    ("NC025", ERROR, "value is not one of the allowed choices"),
    ("NC026", ERROR, "value does not have the required form (slug, date, year, version label)"),
    ("NC027", ERROR, "number out of range, or a list with too many items"),
    ("NC028", ERROR, "a table's `check_columns` names a column the table does not have"),
    ("NC029", ERROR, "two questions of one quiz or two blocks of one worksheet share an id"),
    ("NC030", ERROR, "raw HTML in content"),
    ("NC031", ERROR, "link to a script or data address"),
    ("NC032", ERROR, "image in Markdown (not supported; it could load from another server)"),
    ("NC033", ERROR, "link to a file instead of a web address or `[[...]]` reference"),
    ("NC034", ERROR, "not a web address or mail address (`url`, `website`, `site_url`, `email`)"),
    ("NC035", ERROR, "SVG logo holds a script, a link or a reference to another file"),
    ("NC036", ERROR, "Markdown lists or quotes nested too deep"),
    ("NC037", ERROR, "logo in an unknown file format (not .svg, .png or .jpg)"),
    ("NC040", ERROR, "reference to something that does not exist"),
    ("NC041", ERROR, "unknown kind of `[[...]]` reference"),
    ("NC042", ERROR, "link to `#kopje` on the same page, but that heading is not there"),
    ("NC043", ERROR, "page file name reserved for a generated page (`index`, `begrippen`, ...)"),
    ("NC050", ERROR, "duplicate phase or step number"),
    ("NC051", ERROR, "duplicate id, slug or page name (phases, steps, sections, pages, terms, sources, competences)"),
    ("NC052", ERROR, "phase without steps"),
    ("NC053", ERROR, "step names a phase that does not exist"),
    ("NC054", ERROR, "unknown worksheet, or worksheet/quiz for a missing step"),
    ("NC055", ERROR, "unknown quiz"),
    ("NC056", ERROR, "page names a section that does not exist"),
    ("NC057", ERROR, "required file missing"),
    ("NC058", ERROR, "id does not match the file name"),
    ("NC059", ERROR, "worksheet names a step that does not list it"),
    ("NC060", ERROR, "quiz question without (exactly one) correct option"),
    ("NC061", ERROR, "quiz question incomplete for its type (options, items, feedback or situation)"),
    ("NC070", ERROR, "colour is not a hex colour"),
    ("NC071", ERROR, "colour has too little contrast with white text (WCAG AA)"),
    ("NC080", WARNING, "sentence too long for B1 on a client worksheet"),
    ("NC081", WARNING, "client worksheet too hard for B1 (Flesch-Douma)"),
    ("NC083", WARNING, "loaded content that no page shows (competences without `show: competenties`)"),
    ("NC084", WARNING, "a quiz's correct options are mostly in one position, or mostly the longest"),
    ("NC090", ERROR, "the PDF maker reports a problem with a PDF (an image or font that cannot be loaded)"),
    ("NC091", WARNING, "this computer lacks something for fast PDFs; the PDFs are still right"),
    ("NC092", ERROR, "the site engine (MkDocs) reports a problem with a generated page"),
    ("NC093", ERROR, "the GIFT export, read back, differs from the quizzes (a generator bug)"),
    ("NC094", ERROR, "the QTI export is not a valid package or differs from the quizzes (a generator bug)"),
    ("NC100", ERROR, "question kind the method does not have (`questions`, `question_kind`; see content/method.yml)"),
    ("NC101", ERROR, "facet or facet value the method does not have (`facets` of a step)"),
    ("NC102", ERROR, "audience the method does not have (worksheet `audience`, pack `audiences`)"),
    ("NC103", ERROR, "worksheet block the method gives no words for (a netwerkkaart without `network_map`, "
                     "an actieplan without `action_plan`)"),
    ("NC104", ERROR, "step parts: more than one part without a file, or a part id or title twice"),
    ("NC105", ERROR, "a step without worksheets, though the method's worksheet part is not optional"),
    ("NC106", ERROR, "quiz pass mark: both `pass_mark` and `pass_questions`, or more questions than the quiz has"),
    ("NC110", ERROR, "a meeting names an e-learning module that does not exist (`before.modules`)"),
    ("NC111", ERROR, "a meeting names a quiz that does not exist (`before.quizzes`)"),
    ("NC112", ERROR, "an agenda block names a card, exercise or worksheet that does not exist"),
    ("NC113", ERROR, "a meeting's agenda blocks do not add up to its `duration_minutes`"),
    ("NC115", ERROR, "a role-play card names a step that does not exist"),
    ("NC116", ERROR, "two meetings with one number, or two cards or exercises with one id"),
    ("NC117", ERROR, "a section id that is the name of a folder the generator writes its own pages into"),
    ("NC118", ERROR, "an evaluation form names a moment the method's `monitoring` does not have"),
    ("NC119", ERROR, "an evaluation form's block has a measure's id but not the block type of that measure"),
    ("NC120", ERROR, "the method's `monitoring` has a total of measures that are not counts, or two start moments"),
)


def registered(code: str, severity: str) -> Code:
    """The registry entry for `code`; raises CodeError when it is unknown or used with another severity."""
    entry = CODES.get(code)
    if entry is None:
        raise CodeError(f"diagnostic code {code!r} is not in generator/diagnostics/codes.py")
    if entry.severity != severity:
        raise CodeError(f"diagnostic code {code} is registered as {entry.severity!r}, used as {severity!r}")
    return entry
