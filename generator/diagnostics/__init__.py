"""Located problems found in the content, with codes from one registry (codes.py)."""
from __future__ import annotations

from generator.diagnostics.codes import CODES, ERROR, WARNING, Code, CodeError
from generator.diagnostics.content_error import ContentError
from generator.diagnostics.report import Diagnostic, Diagnostics, Location

__all__ = ["CODES", "ERROR", "WARNING", "Code", "CodeError", "ContentError", "Diagnostic", "Diagnostics",
           "Location"]
