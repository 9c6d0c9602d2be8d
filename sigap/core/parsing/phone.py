"""Normalise phone numbers to E.164 (``+6281234567890``) with the ``phonenumbers`` library.

Indonesian numbers are written ``0812-3456-7890`` nationally, ``+62 812 3456 7890``
internationally, often ``62812...`` without the plus, and landlines as ``(0511) 3271234``.
Storing one form lets SIGAP find the same person's number however it was written. A number
cell from Excel has lost its leading 0 (``81234567890``): read as a national number without its
trunk prefix, which ``phonenumbers`` accepts, it gives the same result as ``081234567890``.
"""

from __future__ import annotations

import re
from decimal import Decimal

import phonenumbers
from django.utils.translation import gettext_lazy as _
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberFormat, ValidationResult

from sigap.core.parsing._cells import is_number, number_text
from sigap.core.parsing.errors import ParseError, empty_value, unsupported_value

_ALLOWED = re.compile(r"\(?\+?[\d\s().\-]+")
_SEVERAL = re.compile(r"\d.*[/,;&].*\d|\d.*\b(?:dan|atau|and|or)\b.*\d", re.IGNORECASE)
_NON_DIGIT = re.compile(r"\D")


def _parse(candidate: str, region: str) -> PhoneNumber | NumberParseException:
    try:
        return phonenumbers.parse(candidate, region)
    except NumberParseException as error:
        return error


def _reason(attempt: PhoneNumber | NumberParseException) -> int:
    """Why a number is not valid, as a ``ValidationResult`` (INVALID_LENGTH if it is unclear)."""
    if isinstance(attempt, NumberParseException):
        return {
            NumberParseException.TOO_LONG: ValidationResult.TOO_LONG,
            NumberParseException.TOO_SHORT_NSN: ValidationResult.TOO_SHORT,
            NumberParseException.TOO_SHORT_AFTER_IDD: ValidationResult.TOO_SHORT,
            NumberParseException.INVALID_COUNTRY_CODE: ValidationResult.INVALID_COUNTRY_CODE,
        }.get(attempt.error_type, ValidationResult.INVALID_LENGTH)
    reason: int = phonenumbers.is_possible_number_with_reason(attempt)
    return reason


def _not_a_number() -> ParseError:
    return ParseError("phone_invalid", _("This is not a valid phone number."))


def _number_digits(value: int | float | Decimal) -> str:
    """The digits of a number cell; a fraction or a minus sign cannot be part of a phone."""
    digits = number_text(value)
    if digits is None or not digits.isdigit():
        raise _not_a_number()
    return digits


def _invalid(attempt: PhoneNumber | NumberParseException) -> ParseError:
    reason = _reason(attempt)
    if reason == ValidationResult.TOO_SHORT:
        return ParseError("phone_too_short", _("This phone number is too short."))
    if reason == ValidationResult.TOO_LONG:
        return ParseError("phone_too_long", _("This phone number is too long."))
    if reason == ValidationResult.INVALID_COUNTRY_CODE:
        return ParseError(
            "phone_country_code", _("This phone number starts with an unknown country code.")
        )
    return _not_a_number()


def parse_phone(text: object, region: str = "ID") -> str:
    """The E.164 form of a phone number written in any usual way.

    Spaces, dashes, dots and brackets are ignored; ``00`` before a country code counts as
    ``+``. A number without ``+`` that starts with the country code of ``region`` (``62...``)
    is read as international, otherwise as national. The result must be a valid number by the
    ``phonenumbers`` metadata; a cell holding two numbers is refused rather than cut short.
    A number cell (int, or a float or Decimal without a fraction) is read as its digits.
    """
    if is_number(text):
        text = _number_digits(text)
    if text is None:
        raise empty_value()
    if not isinstance(text, str):
        raise unsupported_value(text)
    if not text.strip():
        raise empty_value()
    raw = text.strip()
    if not _ALLOWED.fullmatch(raw):
        if _SEVERAL.search(raw):
            raise ParseError(
                "phone_several", _("This field holds more than one phone number; give one.")
            )
        raise ParseError(
            "phone_characters",
            _("A phone number can only contain digits, spaces, dashes, dots, brackets and +."),
        )
    digits = _NON_DIGIT.sub("", raw)
    if not digits:
        raise _not_a_number()

    country_code = str(phonenumbers.country_code_for_region(region))
    if raw.lstrip("( ").startswith("+"):
        candidates = ["+" + digits]
    elif digits.startswith("00"):
        candidates = ["+" + digits[2:]]
    elif country_code != "0" and digits.startswith(country_code):
        candidates = ["+" + digits, digits]
    else:
        candidates = [digits]

    attempts = [_parse(candidate, region) for candidate in candidates]
    for attempt in attempts:
        if isinstance(attempt, PhoneNumber) and phonenumbers.is_valid_number(attempt):
            return phonenumbers.format_number(attempt, PhoneNumberFormat.E164)
    # Explain the first reading: the one the number was most likely meant in.
    raise _invalid(attempts[0])
