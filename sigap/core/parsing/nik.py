"""Read and check a NIK (Nomor Induk Kependudukan), the 16-digit national ID number.

Layout ``PPKKCC DDMMYY SSSS``: the province, regency and district where it was first issued,
the birth date (40 added to the day for women) and a serial from 0001. Checking the parts
catches typos and, above all, NIKs that Excel stored as numbers: Excel keeps 15 significant
digits, so such a NIK has lost its last digit and cannot be repaired, only re-entered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

from sigap.core.parsing._cells import is_number
from sigap.core.parsing.dates import expand_two_digit_year
from sigap.core.parsing.errors import ParseError, empty_value, unsupported_value
from sigap.core.parsing.regions import RegionIndex, default_index
from sigap.core.parsing.sex import Sex

NIK_LENGTH = 16
FEMALE_DAY_OFFSET = 40

_LEADING_TEXT_MARKS = "'\u2018\u2019`"
# "6.30301E+15" or "6,30301E+15" (decimal comma in an Indonesian Excel), "6303015203900001.0".
_SCIENTIFIC = re.compile(r"\d+(?:[.,]\d+)?\s*[eE]\s*\+?\s*\d+")
_DECIMAL = re.compile(r"\d+[.,]0+")
_NOISE = re.compile(r"[\s.\-]")
_DIGITS = re.compile(r"[0-9]+")


@dataclass(frozen=True, slots=True)
class Nik:
    """A checked NIK and what it says. The repr hides the number, birth date and sex: a NIK is
    a quasi-identifier and must not end up in logs."""

    value: str = field(repr=False)
    province_code: str
    regency_code: str
    district_code: str
    birth_date: date = field(repr=False)
    sex: Sex = field(repr=False)
    serial: str = field(repr=False)


def _excel_error() -> ParseError:
    return ParseError(
        "nik_excel_number",
        _(
            "This NIK was stored by Excel as a number, which loses its last digits; "
            "re-enter it as text."
        ),
    )


def parse_nik(
    text: object,
    *,
    today: date | None = None,
    index: RegionIndex | None = None,
) -> Nik:
    """Check a NIK and split it into its parts.

    Spaces, dots, dashes and Excel's leading apostrophe (its "this is text" marker) are
    ignored. Numbers (int, float or Decimal cells) and scientific notation are refused: they
    come from Excel, which has already destroyed the last digit. The birth year is never in the
    future (``past_only`` in ``expand_two_digit_year``). The province and regency must exist in
    the region data; the district is not checked against it, because a NIK keeps the code of
    the district where it was issued, which may since have been split or renumbered.
    ``today`` decides the century of the birth year (for tests); ``index`` the region data.
    """
    if is_number(text):
        raise _excel_error()
    if text is None:
        raise empty_value()
    if not isinstance(text, str):
        raise unsupported_value(text)
    raw = text.strip().lstrip(_LEADING_TEXT_MARKS).strip()
    if not raw:
        raise empty_value()
    if _SCIENTIFIC.fullmatch(raw) or _DECIMAL.fullmatch(raw):
        raise _excel_error()
    digits = _NOISE.sub("", raw)
    if not _DIGITS.fullmatch(digits):
        raise ParseError("nik_characters", _("A NIK contains only digits."))
    if len(digits) != NIK_LENGTH:
        raise ParseError(
            "nik_length",
            _("A NIK has 16 digits; this value has %(count)d."),
            {"count": len(digits)},
        )

    regions = default_index() if index is None else index
    province = digits[0:2]
    regency = f"{province}.{digits[2:4]}"
    district = f"{regency}.{digits[4:6]}"
    if regions.level(province) != "province":
        raise ParseError(
            "nik_province",
            _("A NIK starts with a province code; %(code)s is not one."),
            {"code": province},
        )
    if regions.level(regency) != "regency":
        raise ParseError(
            "nik_regency",
            _("The NIK's regency code %(code)s does not exist."),
            {"code": regency},
        )
    if digits[4:6] == "00":
        raise ParseError(
            "nik_district",
            _("The NIK's district code %(code)s is not valid."),
            {"code": district},
        )

    day_field, month, yy = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    sex: Sex = "F" if day_field > FEMALE_DAY_OFFSET else "M"
    day = day_field - FEMALE_DAY_OFFSET if sex == "F" else day_field
    if not 1 <= day <= 31:
        raise ParseError(
            "nik_birth_day",
            _("The NIK's birth day %(day)s is not valid: it is 01-31 for men, 41-71 for women."),
            {"day": digits[6:8]},
        )
    if not 1 <= month <= 12:
        raise ParseError(
            "nik_birth_month",
            _("The NIK's birth month %(month)s is not valid."),
            {"month": digits[8:10]},
        )
    year = expand_two_digit_year(yy, month, day, today, past_only=True)
    try:
        birth_date = date(year, month, day)
    except ValueError:
        raise ParseError(
            "nik_birth_date",
            _(
                "The NIK's birth date does not exist: "
                "there is no day %(day)d in %(month)s %(year)d."
            ),
            {"day": day, "month": MONTHS[month], "year": year},
        ) from None

    serial = digits[12:16]
    if serial == "0000":
        raise ParseError("nik_serial", _("A NIK's last four digits cannot be 0000."))
    return Nik(
        value=digits,
        province_code=province,
        regency_code=regency,
        district_code=district,
        birth_date=birth_date,
        sex=sex,
        serial=serial,
    )
