"""'Wat is er nieuw': what changed between two editions, computed from two content trees."""
from __future__ import annotations

import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from generator.model.handbook import Handbook

SOURCE_FOLDERS = ("content", "worksheets", "site_config")


@dataclass
class Change:
    kind: str          # stap | werkblad | toets | pagina
    title: str
    status: str        # nieuw | veranderd | weg
    details: list[str] = field(default_factory=list)


def compare(old: Handbook, new: Handbook) -> list[Change]:
    return _steps(old, new) + _worksheets(old, new) + _quizzes(old, new) + _pages(old, new)


def _matched(old: dict, new: dict, kind: str, title_of, details_of) -> list[Change]:
    changes = [Change(kind, title_of(new[key]), "nieuw") for key in new if key not in old]
    for key in new:
        if key in old:
            details = details_of(old[key], new[key])
            if details:
                changes.append(Change(kind, title_of(new[key]), "veranderd", details))
    changes += [Change(kind, title_of(old[key]), "weg") for key in old if key not in new]
    return changes


def _differs(pairs: list[tuple[str, object, object]]) -> list[str]:
    return [label for label, before, after in pairs if before != after]


def _steps(old: Handbook, new: Handbook) -> list[Change]:
    def text_of(step, part_id: str) -> str | None:
        doc = step.parts.get(part_id)
        return doc.text if doc else None

    def details(a, b) -> list[str]:
        parts = [(part.title.lower(), text_of(a, part.id), text_of(b, part.id)) for part in new.method.file_parts]
        return _differs([("nummer", a.meta.number, b.meta.number), ("titel", a.meta.title, b.meta.title),
                         ("samenvatting", a.meta.summary, b.meta.summary), *parts,
                         ("werkbladen", a.meta.worksheets, b.meta.worksheets), ("toets", a.meta.quiz, b.meta.quiz)])
    return _matched({s.meta.slug: s for s in old.steps}, {s.meta.slug: s for s in new.steps}, "stap",
                    lambda s: f"Stap {s.meta.number}: {s.meta.title}", details)


def _worksheets(old: Handbook, new: Handbook) -> list[Change]:
    def details(a, b) -> list[str]:
        ids_a = {getattr(x, "id", None) for x in a.blocks} - {None}
        ids_b = {getattr(x, "id", None) for x in b.blocks} - {None}
        found = _differs([("titel", a.title, b.title), ("inleiding", a.intro, b.intro)])
        found += [f"nieuwe vraag '{i}'" for i in sorted(ids_b - ids_a)]
        found += [f"vraag '{i}' is weg" for i in sorted(ids_a - ids_b)]
        if a.blocks != b.blocks and not (ids_b ^ ids_a):
            found.append("vragen of teksten aangepast")
        return found
    return _matched(old.worksheets, new.worksheets, "werkblad", lambda w: w.title, details)


def _quizzes(old: Handbook, new: Handbook) -> list[Change]:
    def details(a, b) -> list[str]:
        qa, qb = {q.id: q for q in a.questions}, {q.id: q for q in b.questions}
        found = _differs([("titel", a.title, b.title), ("slaaggrens", a.pass_text, b.pass_text)])
        found += [f"nieuwe vraag {i}" for i in qb if i not in qa]
        found += [f"vraag {i} is weg" for i in qa if i not in qb]
        found += [f"vraag {i} aangepast" for i in qb if i in qa and qa[i] != qb[i]]
        return found
    return _matched(old.quizzes, new.quizzes, "toets", lambda q: q.title, details)


def _pages(old: Handbook, new: Handbook) -> list[Change]:
    def details(a, b) -> list[str]:
        return _differs([("titel", a.meta.title, b.meta.title), ("tekst", a.body.text, b.body.text)])
    return _matched({p.slug: p for p in old.pages}, {p.slug: p for p in new.pages}, "pagina",
                    lambda p: p.meta.title, details)


def checkout_revision(repo: Path, revision: str) -> Path:
    """The source folders as they were at a git revision, in a temporary folder."""
    target = Path(tempfile.mkdtemp(prefix="editie-"))
    archive = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", revision, *SOURCE_FOLDERS],
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target
