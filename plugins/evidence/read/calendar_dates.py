"""Dates as editors write them, and the one form the site stores: YYYY-MM-DD.

UK editors write 02/12/2026 or 2 December 2026; telling them "not a date" is
wrong and unhelpful. ``iso_suggestion`` reads the common forms (day before
month, as in the UK) and says what to write instead, when only one date fits.
"""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MONTHS = {name: number for number, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
     ("december", "dec")], start=1) for name in names}
_DAY_FIRST = re.compile(r"([0-9]{1,2})[/.\-]([0-9]{1,2})[/.\-]([0-9]{4})")  # 02/12/2026: UK order
_YEAR_FIRST = re.compile(r"([0-9]{4})[/.\-]([0-9]{1,2})[/.\-]([0-9]{1,2})")  # 2026/12/2, 2026-12-2
_DAY_NAMED = re.compile(r"([0-9]{1,2})(?:st|nd|rd|th)? ([a-z]+),? ([0-9]{4})")  # 2 December 2026
_NAMED_DAY = re.compile(r"([a-z]+) ([0-9]{1,2})(?:st|nd|rd|th)?,? ([0-9]{4})")  # December 2, 2026


def is_real_date(value: object) -> bool:
    """YYYY-MM-DD and on the calendar. Year 0 and 99999 are refused: Python cannot hold them, so pages could not sort them."""
    if not isinstance(value, str):
        return True  # the schema's type check speaks for other values
    if not _ISO.fullmatch(value):
        return False
    return _date(value[:4], value[5:7], value[8:]) is not None


def iso_suggestion(text: str) -> str | None:
    """The YYYY-MM-DD form of a date written another common way, if exactly one date fits."""
    words = " ".join(text.lower().replace(",", " ").split())[:40]
    for pattern, order in ((_DAY_FIRST, "dmy"), (_YEAR_FIRST, "ymd"), (_DAY_NAMED, "dMy"), (_NAMED_DAY, "Mdy")):
        found = pattern.fullmatch(words)
        if found:
            parts = dict(zip(order, found.groups()))
            month = parts.get("m") or _MONTHS.get(parts.get("M", ""))
            day = _date(parts["y"], month, parts["d"]) if month else None
            return day.isoformat() if day else None
    return None


def _date(year, month, day) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None
