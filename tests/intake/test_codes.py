"""Tracking codes: at least 50 bits, readable, typed loosely, every single typo and swap of
neighbours caught by the check symbol."""

import math
import re

from hypothesis import given
from hypothesis import strategies as st

from sigap.intake import codes

BODY = st.text(
    alphabet=codes.ALPHABET, min_size=codes.RANDOM_SYMBOLS, max_size=codes.RANDOM_SYMBOLS
)


def test_a_code_has_more_than_50_random_bits_and_reads_in_groups_of_four():
    assert codes.RANDOM_SYMBOLS * math.log2(len(codes.ALPHABET)) >= 50
    code = codes.new_code()
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{12}", code)
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", codes.display(code))
    assert codes.normalise(code) == code
    assert len({codes.new_code() for _ in range(1000)}) == 1000


def test_typed_loosely_it_is_still_the_code():
    code = codes.new_code()
    shown = codes.display(code)
    assert codes.normalise(shown.lower()) == code
    assert codes.normalise(" " + shown.replace("-", " ") + " ") == code
    zero = "0" + code[1:-1]
    zero += codes.check_symbol(zero)
    assert codes.normalise("O" + zero[1:]) == zero  # the letter O is read as zero
    assert codes.normalise("") is None and codes.normalise("ABC") is None
    assert codes.normalise(code + "0") is None


@given(BODY, st.integers(0, codes.LENGTH - 1), st.sampled_from(codes.ALPHABET))
def test_every_single_wrong_symbol_is_caught(body, position, symbol):
    code = body + codes.check_symbol(body)
    typo = code[:position] + symbol + code[position + 1 :]
    if typo != code:
        assert codes.normalise(typo) is None


def test_no_swap_of_two_different_symbols_in_any_neighbouring_places_goes_unseen():
    """Exhaustively, for every pair of symbols in every pair of places (the check too)."""
    for position in range(codes.LENGTH - 1):
        for a in codes.ALPHABET:
            for b in codes.ALPHABET:
                body = list("0" * codes.RANDOM_SYMBOLS)
                if position + 1 < codes.RANDOM_SYMBOLS:
                    body[position], body[position + 1] = a, b
                    code = "".join(body) + codes.check_symbol("".join(body))
                else:  # the last random symbol and the check symbol
                    body[position] = a
                    code = "".join(body) + codes.check_symbol("".join(body))
                    a, b = code[position], code[position + 1]
                swapped = (
                    code[:position] + code[position + 1] + code[position] + code[position + 2 :]
                )
                if a != b:
                    assert codes.normalise(swapped) is None, (code, swapped)


@given(BODY, st.integers(0, codes.LENGTH - 2))
def test_every_swap_of_two_different_neighbours_is_caught(body, position):
    code = body + codes.check_symbol(body)
    a, b = code[position], code[position + 1]
    swapped = code[:position] + b + a + code[position + 2 :]
    if a != b:
        assert codes.normalise(swapped) is None
