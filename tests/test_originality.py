"""Our text is our own: no run of 8 words or more is shared with the source documents.

Facts carry over from ../shared/seeds/, sentences do not. The seeds are compared through
fingerprints (tests/fixtures/seed-fingerprints.txt, made by scripts/seed_fingerprints.py), so
this runs on any clone. Literature entries are references (facts) and are left out.
"""
from __future__ import annotations

import hashlib
import re

from conftest import FIXTURES, ROOT

RUN = 8
WORD = re.compile(r"[a-zà-ÿ0-9]+")


def words(text: str) -> list[str]:
    return WORD.findall(re.sub(r"\[\[[^\]]*\]\]", " ", text.lower()))


def fingerprint(run: list[str]) -> str:
    return hashlib.sha256(" ".join(run).encode("utf-8")).hexdigest()[:16]


def seed_fingerprints() -> set[str]:
    lines = (FIXTURES / "seed-fingerprints.txt").read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def copied_runs(text: str, prints: set[str]) -> list[str]:
    ours = words(text)
    return [" ".join(ours[i:i + RUN]) for i in range(len(ours) - RUN + 1) if fingerprint(ours[i:i + RUN]) in prints]


def test_no_sentence_is_copied_from_the_seeds() -> None:
    prints = seed_fingerprints()
    assert len(prints) > 5000
    sources = [p for folder in ("content", "worksheets") for p in (ROOT / folder).rglob("*")
               if p.is_file() and p.suffix in (".md", ".yml") and p.name != "literature.yml"]
    assert len(sources) > 50
    copied = [f"{path.relative_to(ROOT)}: {run}" for path in sources
              for run in copied_runs(path.read_text(encoding="utf-8"), prints)]
    assert copied == []


def test_a_copied_run_is_caught() -> None:
    # An invented source sentence (no seed text is kept in this repository).
    source = words("De kat van de buren slaapt elke middag op de warme vensterbank in de zon.")
    prints = {fingerprint(source[i:i + RUN]) for i in range(len(source) - RUN + 1)}
    assert copied_runs("Wist je dat de kat van de buren slaapt elke middag op de warme plek?", prints)
    assert not copied_runs("De buurkat ligt graag in de zon op de vensterbank.", prints)
