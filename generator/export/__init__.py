"""Export the question bank to formats that learning-management systems import (GIFT, QTI 2.1)."""
from __future__ import annotations

from generator.export.gift import export_gift
from generator.export.qti import export_qti
from generator.export.validate import check_gift, check_qti

__all__ = ["export_gift", "export_qti", "check_gift", "check_qti"]
