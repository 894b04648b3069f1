"""Located problems found in the content, reported all at once."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from generator.diagnostics.codes import ERROR, WARNING, registered


@dataclass(frozen=True, order=True)
class Location:
    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True, order=True)
class Diagnostic:
    location: Location
    code: str
    message: str
    severity: str = ERROR  # ERROR fails the build, WARNING does not

    def __post_init__(self) -> None:
        registered(self.code, self.severity)  # a code outside the registry is a programming error

    def __str__(self) -> str:
        label = "" if self.severity == ERROR else f"{WARNING}: "
        return f"{self.location}: {self.code} {label}{self.message}"


@dataclass
class Diagnostics:
    """Collects problems; paths are shown relative to the project root."""

    root: Path
    items: list[Diagnostic] = field(default_factory=list)

    def relative(self, path: Path | str) -> str:
        # Absolute but not resolved: a symlink is named where it stands, not where it points.
        path, root = Path(os.path.abspath(path)), Path(os.path.abspath(self.root))
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return path.as_posix()

    def at(self, path: Path | str, line: int = 1, col: int = 1) -> Location:
        return Location(self.relative(path), line, col)

    def error(self, location: Location, code: str, message: str) -> None:
        self.items.append(Diagnostic(location, code, message))

    def warning(self, location: Location, code: str, message: str) -> None:
        self.items.append(Diagnostic(location, code, message, WARNING))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity != ERROR]

    def sorted(self) -> list[Diagnostic]:
        return sorted(set(self.items))

    def print_all(self, stream: TextIO) -> None:
        for diagnostic in self.sorted():
            print(diagnostic, file=stream)

    def summary(self) -> str:
        errors, warnings = len(self.errors), len(self.warnings)
        if not errors and not warnings:
            return "Geen problemen gevonden."
        parts = [f"{errors} {'fout' if errors == 1 else 'fouten'}"]
        parts.append(f"{warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}")
        return " en ".join(parts) + " gevonden."
