"""Read dates as Indonesian officers and spreadsheets write them: day first, month names in
Indonesian or English, or Excel serial numbers.

Only ISO dates (``2024-03-12``) are read year first, and "March 12, 2024" month first (the month
is a word there, so it cannot be mistaken for the day); everything else is day first, so
``12/03/2024`` is 12 March. A two-digit year is read as the latest year ending in those digits
that is at most 20 years ahead (a contract or passport may end in the future); for birth dates
(``past_only``, and the NIK) it is the latest one that is not in the future.
"""

from __future__ import annotations

import calendar
import math
import re
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.translation import gettext_lazy as _

from sigap.core.parsing._cells import is_number
from sigap.core.parsing._text import fold
from sigap.core.parsing.errors import ParseError, empty_value, unsupported_value

# Indonesian and English month names and the abbreviations seen in files, folded to lower case.
MONTH_NAMES: dict[str, int] = {
    "januari": 1, "january": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "february": 2, "feb": 2, "peb": 2,
    "maret": 3, "march": 3, "mar": 3, "mrt": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "agustus": 8, "august": 8, "agu": 8, "agt": 8, "ags": 8, "agust": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "december": 12, "des": 12, "dec": 12,
}  # fmt: skip

# Day names that may precede a date ("Selasa, 12 Maret 2024"); Monday is 0 as in date.weekday().
WEEKDAY_NAMES: dict[str, int] = {
    "senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "sabtu": 5, "minggu": 6,
    "ahad": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
    "sat": 5, "sun": 6,
}  # fmt: skip

# Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 is the non-existent 1900-02-29
# (kept for compatibility with Lotus 1-2-3), so serials from 61 on are counted from 1899-12-30.
EXCEL_SERIAL_MIN = 1
EXCEL_SERIAL_MAX = 2958465  # 9999-12-31
EXCEL_FAKE_LEAP_DAY = 60
EXCEL_EPOCH = date(1899, 12, 30)  # serial 0, for serials from 61 (1900-03-01) on
# Digits typed as text are read as an Excel day number only for dates from 1950 to 2100: other
# digit strings ("1203", "120324") are far more often a date typed without separators.
TEXT_SERIAL_FIRST = (date(1950, 1, 1) - EXCEL_EPOCH).days  # 18264
TEXT_SERIAL_LAST = (date(2100, 12, 31) - EXCEL_EPOCH).days  # 73415
# Whole numbers in this range are far more likely a year typed alone than a day in 1905.
YEAR_LIKE = range(1900, 2101)
YEAR_MIN = 1900
# How far ahead of today a two-digit year may reach when dates in the future are allowed.
TWO_DIGIT_YEAR_AHEAD = 20

# A time of day after the date, dropped: "10:30", "10.30.15", "T10:00:00+08:00",
# "pukul 10.00 WITA", "10:00 AM". An offset is ignored: the date is taken as written.
_TIME = (
    r"(?:(?:\s*,\s*|\s+|t)(?:(?:pukul|pkl|jam)\.?\s*)?"
    r"\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?"
    r"(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*(?:z|utc|gmt|wib|wita|wit|[+-]\d{2}(?::?\d{2})?))?)?"
)
_ISO = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})" + _TIME)
_NUMERIC = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})" + _TIME)
_NAMED = re.compile(r"(\d{1,2})[\s./-]*([a-z]+)\.?[\s.,/-]*(\d{4}|\d{2})" + _TIME)
# Month first only with the month as a word ("March 12, 2024"), and a four-digit year.
_MONTH_FIRST = re.compile(r"([a-z]+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4})" + _TIME)
# DDMMYYYY without separators; six digits (DDMMYY, or YYMMDD?) are refused instead.
_COMPACT = re.compile(r"(\d{2})(\d{2})(\d{4})")
_COMPACT_SHORT = re.compile(r"\d{6}")
_SERIAL = re.compile(r"(\d{3,7})(?:[.,]\d+)?")
_WEEKDAY_PREFIX = re.compile(r"([a-z']+)\s*,?\s*")


def today_() -> date:
    """Today's date on this server; a day's difference around midnight never changes a century."""
    return date.today()  # noqa: DTZ011


def expand_two_digit_year(
    yy: int, month: int, day: int, today: date | None = None, *, past_only: bool = False
) -> int:
    """The four-digit year for ``yy``: the latest year ending in ``yy`` whose date is at most
    20 years ahead of today (``/45`` is 2045 and ``/46`` 1946 in 2025), or, with ``past_only``,
    not after today (a birth date, as in a NIK: ``/26`` is 1926 in 2025).

    One rule with two horizons, counted from today rather than from a fixed century, so that it
    keeps working after 2079 without a change.
    """
    today = today or today_()
    if past_only:
        latest = (today.year, today.month, today.day)
    else:
        latest = (today.year + TWO_DIGIT_YEAR_AHEAD, 12, 31)
    year = latest[0] - (latest[0] - yy) % 100
    if (year, month, day) > latest:
        year -= 100
    return year


def _no_such_day(day: int, month: int, year: int) -> ParseError:
    return ParseError(
        "date_no_such_day",
        _("There is no day %(day)d in %(month)s %(year)d."),
        {"day": day, "month": MONTHS[month], "year": year},
    )


def build_date(year: int, month: int, day: int) -> date:
    """``date(year, month, day)`` with an error that names the part that is wrong."""
    if not YEAR_MIN <= year <= date.max.year:
        raise ParseError(
            "date_year_range",
            _("The year %(year)d is out of range (1900 to 9999)."),
            {"year": year},
        )
    if not 1 <= month <= 12:
        raise ParseError("date_month", _("There is no month %(month)d."), {"month": month})
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise _no_such_day(day, month, year)
    return date(year, month, day)


def from_excel_serial(serial: float) -> date:
    """The date of an Excel serial number (1900 date system); a time of day is dropped."""
    # NaN fails both comparisons; no float() here, which overflows on a huge int.
    if not EXCEL_SERIAL_MIN <= serial < EXCEL_SERIAL_MAX + 1:
        raise ParseError(
            "date_serial_range",
            _("%(value)s is outside the range of Excel date numbers (1 to 2958465)."),
            {"value": serial},
        )
    whole = math.floor(serial)
    if whole in YEAR_LIKE:
        raise ParseError(
            "date_year_only", _("%(value)s looks like a year, not a full date."), {"value": whole}
        )
    if whole == EXCEL_FAKE_LEAP_DAY:
        raise ParseError(
            "date_excel_1900_leap",
            _("Excel day number 60 is 29 February 1900, a day that never existed."),
        )
    start = date(1899, 12, 31) if whole < EXCEL_FAKE_LEAP_DAY else EXCEL_EPOCH
    return start + timedelta(days=whole)


def _serial_of_number(value: int | float | Decimal) -> float:
    """An int, float or Decimal cell as a serial; Decimal NaNs cannot become floats directly."""
    if isinstance(value, Decimal):
        return math.nan if value.is_nan() else float(value)
    return value


def _serial_text(text: str, whole: int) -> date:
    """A day number typed as text: read only in the plausible range (1950 to 2100), because
    other digit strings are usually a date typed without separators ("1203" for 12 March),
    which as a day number would give a wrong date (1903-04-17) without any error."""
    if whole not in YEAR_LIKE and not TEXT_SERIAL_FIRST <= whole <= TEXT_SERIAL_LAST:
        raise ParseError(
            "date_serial_text",
            _(
                "'%(value)s' is not a date SIGAP can read: numbers are read as Excel day "
                "numbers only for dates from 1950 to 2100. Write the date like 12/03/2024."
            ),
            {"value": text},
        )
    return from_excel_serial(float(text.replace(",", ".")))


def _month_number(name: str) -> int:
    month = MONTH_NAMES.get(name)
    if month is None:
        raise ParseError("date_month_name", _("'%(name)s' is not a month name."), {"name": name})
    return month


def _year(text: str, month: int, day: int, today: date | None, past_only: bool) -> int:
    number = int(text)
    if len(text) == 2:
        return expand_two_digit_year(number, month, day, today, past_only=past_only)
    return number


def _day_first(
    day: int, month: int, year_text: str, today: date | None, past_only: bool = False
) -> date:
    if not 1 <= month <= 12:
        raise ParseError(
            "date_month",
            _("There is no month %(month)d; dates are read day first, as in 31/12/2024."),
            {"month": month},
        )
    return build_date(_year(year_text, month, day, today, past_only), month, day)


def _parse_text(text: str, today: date | None, past_only: bool) -> date:
    folded = " ".join(fold(text).split())
    weekday: int | None = None
    prefix = _WEEKDAY_PREFIX.match(folded)
    if prefix and prefix.group(1).replace("'", "") in WEEKDAY_NAMES:
        weekday = WEEKDAY_NAMES[prefix.group(1).replace("'", "")]
        folded = folded[prefix.end() :]

    if match := _ISO.fullmatch(folded):
        result = build_date(int(match[1]), int(match[3]), int(match[4]))
    elif match := _NUMERIC.fullmatch(folded):
        result = _day_first(int(match[1]), int(match[3]), match[4], today, past_only)
    elif match := _NAMED.fullmatch(folded):
        result = _day_first(int(match[1]), _month_number(match[2]), match[3], today, past_only)
    elif match := _MONTH_FIRST.fullmatch(folded):
        result = build_date(int(match[3]), _month_number(match[1]), int(match[2]))
    elif match := _COMPACT.fullmatch(folded):
        result = _day_first(int(match[1]), int(match[2]), match[3], today)
    elif _COMPACT_SHORT.fullmatch(folded):
        raise ParseError(
            "date_compact",
            _(
                "'%(value)s' can be read as more than one date; write it with separators "
                "and a four-digit year, like 12/03/2024."
            ),
            {"value": folded},
        )
    elif weekday is None and (match := _SERIAL.fullmatch(folded)):
        return _serial_text(folded, int(match[1]))
    else:
        raise ParseError(
            "date_format",
            _("This is not a date SIGAP can read; write it like 12/03/2024 or 12 Maret 2024."),
        )

    if weekday is not None and result.weekday() != weekday:
        raise ParseError(
            "date_weekday",
            _("%(day)d %(month)s %(year)d was a %(weekday)s, not a %(given)s."),
            {
                "day": result.day,
                "month": MONTHS[result.month],
                "year": result.year,
                "weekday": WEEKDAYS[result.weekday()],
                "given": WEEKDAYS[weekday],
            },
        )
    return result


def parse_date(value: object, *, today: date | None = None, past_only: bool = False) -> date:
    """Read a date from a form field or spreadsheet cell.

    Accepts ``date``/``datetime`` objects (typed cells), Excel serial numbers (int, float or
    Decimal cells, and digit strings for dates from 1950 to 2100), ``12/03/2024``,
    ``12-03-2024``, ``12.03.2024``, ``12032024``, ``2024-03-12``, ``12 Maret 2024``,
    ``12 Mar 2024``, ``12-Mar-24``, ``March 12, 2024`` and the same with an optional day name in
    front or a time of day after (dropped, with any offset: the date is taken as written).
    Other kinds of value (a time of day, a duration) are refused with ``unsupported_value``.

    ``past_only`` is for birth dates: a two-digit year is then never in the future. ``today``
    decides the century of two-digit years (for tests).
    """
    if value is None:
        raise empty_value()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if is_number(value):
        return from_excel_serial(_serial_of_number(value))
    if not isinstance(value, str):
        raise unsupported_value(value)
    if not value.strip():
        raise empty_value()
    return _parse_text(value, today, past_only)
