"""The one date of a build: every date and timestamp the build writes (pages, PDFs, zips) uses it."""
from __future__ import annotations

import datetime as dt
import os


def source_date_epoch(edition_date: str) -> int:
    """SOURCE_DATE_EPOCH if set, else the edition date: the same input gives the same bytes."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    day = dt.datetime.strptime(edition_date, "%Y-%m-%d").replace(tzinfo=dt.timezone.utc)
    return int(day.timestamp())
