"""Write fingerprints of every 8-word run in the source documents (../shared/seeds/).

The originality test compares our content with these hashes, so it runs on any clone without
the source documents, and the repository holds no copy of their text.
Run again when the seeds change: `.venv/bin/python scripts/seed_fingerprints.py`.
"""
from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
OUT = ROOT / "tests" / "fixtures" / "seed-fingerprints.txt"
RUN = 8
WORD = re.compile(r"[a-zà-ÿ0-9]+")


def fingerprint(words: list[str]) -> str:
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()[:16]


def main() -> int:
    files = sorted(SEEDS.glob("*.txt"))
    if not files:
        print(f"geen brondocumenten gevonden in {SEEDS}", file=sys.stderr)
        return 1
    words = [w for path in files for w in WORD.findall(path.read_text(encoding="utf-8").lower())]
    prints = sorted({fingerprint(words[i:i + RUN]) for i in range(len(words) - RUN + 1)})
    OUT.write_text(f"# {RUN}-word runs of {len(files)} source documents, sha256[:16]\n" + "\n".join(prints) + "\n",
                   encoding="utf-8")
    print(f"{len(prints)} vingerafdrukken geschreven naar {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
