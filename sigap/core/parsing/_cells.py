"""What spreadsheet readers hand the parsers besides text: numbers as int, float or Decimal.

openpyxl gives ``int`` or ``float``, other readers and databases ``Decimal``; all three must
read the same, and ``bool`` (an ``int`` to Python) is never a number in a file.
"""

from __future__ import annotations

import math
from decimal import Decimal
from typing import TypeGuard

# More digits than any code, phone number or NIK has: longer numbers are refused as they are,
# without turning them into text (Python will not write an int of more than 4300 digits).
MAX_NUMBER_DIGITS = 40


def is_number(value: object) -> TypeGuard[int | float | Decimal]:
    """True for an int, float or Decimal cell, and False for ``True``/``False``."""
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def number_text(value: int | float | Decimal) -> str | None:
    """The number as it would be typed: plain digits, no exponent and no trailing zeros
    (``81234567890`` for 81234567890.0, ``63.1`` for 63.10, ``-5`` for -5). None for NaN,
    infinity and numbers too long to be anything the parsers read."""
    if isinstance(value, int):
        return str(value) if abs(value) < 10**MAX_NUMBER_DIGITS else None
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        value = Decimal(repr(value))  # the shortest text that gives this float back
    if not value.is_finite() or value.adjusted() >= MAX_NUMBER_DIGITS:
        return None
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
