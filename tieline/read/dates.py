"""Publication dates as given in front matter, JSON records or ``--published``."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from ..errors import InputError

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def parse_published(value: Any, where: str = "") -> date | None:
    """A date from ``2018-01-25``, ``2018-01``, ``2018``, an ISO datetime or a date.

    Example:
        >>> parse_published("2018-01")
        datetime.date(2018, 1, 1)
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int) and 1000 <= value <= 9999:
        return date(value, 1, 1)
    match = _ISO.match(str(value).strip())
    if match:
        try:
            return date(int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1))
        except ValueError:
            pass
    raise InputError(f"cannot read the publication date {value!r}", where=where or None,
                     remedy="write it as YYYY-MM-DD")
