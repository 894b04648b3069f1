"""A Dutch readability check (Flesch-Douma) for worksheets whose audience needs plain language (B1)."""
from __future__ import annotations

import re

from generator.diagnostics import Diagnostics
from generator.load.loader import Loaded
from generator.model.handbook import Handbook
from generator.model.schema.worksheet import Worksheet

MIN_DOUMA = 60.0            # below this a text is 'moeilijk' for B1 readers
MAX_WORDS_PER_SENTENCE = 15.0
MAX_SENTENCE_WORDS = 22     # one sentence longer than this is flagged on its own
VOWEL_GROUP = re.compile(r"[aeiouyáéíóúàèäëïöüâêîôû]+")
WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:['-][A-Za-zÀ-ÿ]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+|\n+")


def syllables(word: str) -> int:
    # A diaeresis starts a new syllable (ideeën, geïnteresseerd).
    parts = re.split(r"(?=[ëïöü])", word.lower())
    return max(1, sum(len(VOWEL_GROUP.findall(part)) for part in parts))


def sentences(text: str) -> list[list[str]]:
    result = []
    for chunk in SENTENCE_END.split(text):
        words = WORD.findall(chunk)
        if words:
            result.append(words)
    return result


def douma(text: str) -> tuple[float, float]:
    """(Flesch-Douma score, average words per sentence) of a text."""
    parts = sentences(text)
    words = [word for sentence in parts for word in sentence]
    if not words:
        return 100.0, 0.0
    per_sentence = len(words) / len(parts)
    per_hundred = 100 * sum(syllables(w) for w in words) / len(words)
    return 206.84 - 0.77 * per_hundred - 0.93 * per_sentence, per_sentence


def client_texts(sheet: Worksheet) -> list[tuple[tuple, str]]:
    """(yaml location, text) of everything a client reads on a worksheet."""
    texts = [(("intro",), sheet.intro)]
    for index, block in enumerate(sheet.blocks):
        for key in ("text", "label", "help", "example"):
            value = getattr(block, key, "")
            if value:
                texts.append((("blocks", index, key), value))
    return texts


def check_readability(hb: Handbook, loaded: Loaded, diags: Diagnostics) -> None:
    plain = {audience.id for audience in hb.method.audiences if audience.plain_language}
    for sheet in hb.worksheets.values():
        if sheet.audience not in plain:
            continue
        doc = loaded.sources[id(sheet)]
        texts = client_texts(sheet)
        for loc, text in texts:
            for sentence in sentences(text):
                if len(sentence) > MAX_SENTENCE_WORDS:
                    diags.warning(doc.locate(diags, loc), "NC080",
                                  f"zin van {len(sentence)} woorden is te lang voor taalniveau B1 "
                                  f"('{' '.join(sentence[:6])} …'); verwacht: hoogstens "
                                  f"{MAX_SENTENCE_WORDS} woorden")
        score, per_sentence = douma(" \n".join(text for _, text in texts))
        if score < MIN_DOUMA or per_sentence > MAX_WORDS_PER_SENTENCE:
            diags.warning(doc.locate(diags, ("title",)), "NC081",
                          f"werkblad is te moeilijk voor taalniveau B1 (Flesch-Douma {score:.0f}, "
                          f"{per_sentence:.1f} woorden per zin); verwacht: score {MIN_DOUMA:.0f} of "
                          f"hoger en hoogstens {MAX_WORDS_PER_SENTENCE:.0f} woorden per zin")
