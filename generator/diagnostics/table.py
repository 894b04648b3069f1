"""The code table in doc/authoring.md, made from the registry and kept between two markers."""
from __future__ import annotations

from pathlib import Path

from generator.diagnostics.codes import CODES, ERROR

START = "<!-- diagnostic codes: made by `python -m generator.diagnostics` from generator/diagnostics/codes.py -->"
END = "<!-- end of diagnostic codes -->"
AUTHORING = Path(__file__).resolve().parents[2] / "doc" / "authoring.md"


def markdown_table() -> str:
    rows = [f"| {c.code} | {'error' if c.severity == ERROR else 'warning'} | {c.meaning} |"
            for c in CODES.values()]
    return "\n".join(["| code | severity | meaning |", "|---|---|---|", *rows])


def with_table(text: str) -> str:
    """`text` with the part between the markers replaced by the table from the registry."""
    before, start, rest = text.partition(START)
    _, end, after = rest.partition(END)
    if not start or not end:
        raise ValueError(f"the markers {START!r} and {END!r} are missing")
    return f"{before}{START}\n{markdown_table()}\n{END}{after}"


def update(path: Path = AUTHORING) -> bool:
    """Write the table into `path`; True when the file changed."""
    text = path.read_text(encoding="utf-8")
    new = with_table(text)
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text
