"""Tracking codes of public reports: unguessable, easy to read aloud and type, and checked.

A code is 11 random symbols of Crockford's base-32 alphabet (55 bits from the system's secure
random source) and one check symbol, shown in groups of four: `7K2Q-M9XD-4TRB`. The check is a
weighted sum in the field of 32 elements with a distinct non-zero weight per position (powers
of a primitive element), so it catches every single wrong symbol and every swap of two
different neighbours, the check symbol included (Luhn mod 32 misses the swap of 0 and Z).
The alphabet has no I, L, O or U; when typed, those are read as 1, 1, 0 and V, and spaces,
dashes and case do not matter. Only a keyed hash of the code is stored (see intake.models).
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RANDOM_SYMBOLS = 11  # 55 bits
LENGTH = RANDOM_SYMBOLS + 1
_VALUE = {symbol: index for index, symbol in enumerate(ALPHABET)}
_LOOKALIKES = str.maketrans({"I": "1", "L": "1", "O": "0", "U": "V"})


_MODULUS = 0b100101  # x^5 + x^2 + 1, primitive over GF(2)


def _times(a: int, b: int) -> int:
    """Multiplication in GF(32)."""
    product = 0
    while b:
        if b & 1:
            product ^= a
        b >>= 1
        a <<= 1
        if a & 0b100000:
            a ^= _MODULUS
    return product


_WEIGHTS = [1]
for _ in range(LENGTH - 1):
    _WEIGHTS.append(_times(_WEIGHTS[-1], 2))
_CHECK_INVERSE = next(x for x in range(1, 32) if _times(x, _WEIGHTS[LENGTH - 1]) == 1)


def check_symbol(body: str) -> str:
    """The symbol that makes the weighted sum of the whole code zero."""
    total = 0
    for weight, symbol in zip(_WEIGHTS, body, strict=False):
        total ^= _times(weight, _VALUE[symbol])
    return ALPHABET[_times(total, _CHECK_INVERSE)]


def new_code() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_SYMBOLS))
    return body + check_symbol(body)


def normalise(typed: str) -> str | None:
    """The code as stored (12 symbols, no dashes), or None when it cannot be a code: wrong
    length, a symbol outside the alphabet, or a check symbol that does not match (a typo)."""
    text = "".join(typed.split()).replace("-", "").upper().translate(_LOOKALIKES)
    if len(text) != LENGTH or any(symbol not in _VALUE for symbol in text):
        return None
    body, check = text[:-1], text[-1]
    return text if check_symbol(body) == check else None


def display(code: str) -> str:
    """In groups of four, for reading aloud and writing down."""
    return "-".join(code[start : start + 4] for start in range(0, len(code), 4))
