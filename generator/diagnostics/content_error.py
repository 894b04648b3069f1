"""The error a schema validator raises: a registered code and a whole message, never a coded string."""
from __future__ import annotations

from typing import Any

from generator.diagnostics.codes import ERROR, registered


class ContentError(ValueError):
    """Raised inside a pydantic validator; `load.validate` reads it back from the error's context.

    `at` is a key path below the validated value (("questions", 2, "id")) for a message that
    belongs to a part of it."""

    def __init__(self, code: str, message: str, at: tuple[Any, ...] = ()) -> None:
        registered(code, ERROR)
        super().__init__(message)
        self.code, self.message, self.at = code, message, at
