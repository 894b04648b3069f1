"""Our text is our own: no run of 8 words or more is shared with the source documents.

Facts carry over from ../shared/seeds/, sentences do not. Literature entries are references
(facts) and are left out; `[[...]]` references are not words of the text.
"""
from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT

RUN = 8
SEEDS = ROOT.parent / "shared" / "seeds"
WORD = re.compile(r"[a-zà-ÿ0-9]+")


def words(text: str) -> list[str]:
    return WORD.findall(re.sub(r"\[\[[^\]]*\]\]", " ", text.lower()))


def test_no_sentence_is_copied_from_the_seeds() -> None:
    seed_files = sorted(SEEDS.glob("*.txt"))
    assert seed_files, f"the source documents are expected in {SEEDS}"
    seed_words = [w for path in seed_files for w in words(path.read_text(encoding="utf-8"))]
    runs = {tuple(seed_words[i:i + RUN]) for i in range(len(seed_words) - RUN + 1)}
    sources = [p for folder in ("content", "worksheets") for p in (ROOT / folder).rglob("*")
               if p.is_file() and p.suffix in (".md", ".yml") and p.name != "literature.yml"]
    assert len(sources) > 50
    copied = []
    for path in sources:
        ours = words(path.read_text(encoding="utf-8"))
        copied += [f"{path.relative_to(ROOT)}: {' '.join(ours[i:i + RUN])}"
                   for i in range(len(ours) - RUN + 1) if tuple(ours[i:i + RUN]) in runs]
    assert copied == []
