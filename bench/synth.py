"""Make a synthetic handbook N times the bundled one: copies of every step, page, worksheet and step quiz.

Copies get new step numbers (n + 10·k style offsets), slugs and ids with a `-x<k>` suffix and titles
with "(kopie k)"; every step's worksheet and quiz references point at the copies of the same copy
round, so ids stay unique and referenced and `netwerkcoach check` passes. Phases, glossary,
literature, competences and the final quiz are not multiplied (they are shared by all copies).

    .venv/bin/python bench/synth.py DEST --factor 10 [--src PROJECT]
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, copy_project  # noqa: E402


def _sub(text: str, key: str, replace, required: bool = True) -> str:
    """Replace the value of a top-level `key:` line (the first one) using `replace(old) -> new`."""
    pattern = re.compile(rf"^{key}: (.*)$", re.M)
    new, count = pattern.subn(lambda m: f"{key}: {replace(m.group(1).strip())}", text, count=1)
    if required and count != 1:
        raise ValueError(f"no top-level '{key}:'")
    return new


def _title(k: int):
    def replace(old: str) -> str:
        if old.startswith('"') and old.endswith('"'):
            return f'{old[:-1]} (kopie {k})"'
        return f'"{old} (kopie {k})"'
    return replace


def _id_list(k: int):
    def replace(old: str) -> str:
        ids = [item.strip() for item in old.strip("[]").split(",") if item.strip()]
        return "[" + ", ".join(f"{item}-x{k}" for item in ids) + "]"
    return replace


def synthesize(dest: Path, factor: int, src: Path = REPO) -> Path:
    copy_project(dest, src)
    content = dest / "content"
    steps = sorted(p for p in (content / "steps").iterdir() if p.is_dir())
    offset = max(int(re.search(r"^number: (\d+)", (p / "step.yml").read_text(), re.M).group(1))
                 for p in steps)
    renumber = lambda n, k: n + offset * k  # noqa: E731 - a tiny helper
    sheets = sorted((dest / "worksheets").glob("*.yml"))
    quizzes = [p for p in sorted((content / "quizzes").glob("*.yml"))
               if re.search(r"^step: \d+", p.read_text(), re.M)]
    pages = sorted((content / "pages").glob("*.md"))
    for k in range(1, factor):
        for folder in steps:
            text = (folder / "step.yml").read_text(encoding="utf-8")
            number = renumber(int(re.search(r"^number: (\d+)", text, re.M).group(1)), k)
            slug = re.search(r"^slug: (\S+)", text, re.M).group(1) + f"-x{k}"
            text = _sub(text, "number", lambda _: str(number))
            text = _sub(text, "slug", lambda _: slug)
            text = _sub(text, "title", _title(k))
            text = _sub(text, "worksheets", _id_list(k), required=False)
            text = _sub(text, "quiz", lambda old: f"{old}-x{k}", required=False)
            target = content / "steps" / f"{number:04d}-{slug}"
            target.mkdir()
            (target / "step.yml").write_text(text, encoding="utf-8")
            for name in ("uitleg.md", "theorie.md"):
                (target / name).write_bytes((folder / name).read_bytes())
        for path in sheets + quizzes:
            text = path.read_text(encoding="utf-8")
            text = _sub(text, "id", lambda old: f"{old}-x{k}")
            text = _sub(text, "title", _title(k))
            text = _sub(text, "step", lambda old: str(renumber(int(old), k)), required=False)
            (path.parent / f"{path.stem}-x{k}.yml").write_text(text, encoding="utf-8")
        for path in pages:
            text = path.read_text(encoding="utf-8")
            text = _sub(text, "title", _title(k))  # the first title: line is the front matter's
            (path.parent / f"{path.stem}-x{k}.md").write_text(text, encoding="utf-8")
    return dest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dest", type=Path)
    parser.add_argument("--factor", type=int, default=10)
    parser.add_argument("--src", type=Path, default=REPO)
    args = parser.parse_args()
    synthesize(args.dest, args.factor, args.src)
    print(args.dest)


if __name__ == "__main__":
    main()
