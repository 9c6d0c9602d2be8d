from __future__ import annotations

from datetime import time
from decimal import Decimal

import phonenumbers
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from sigap.core.parsing import ParseError, parse_phone
from tests.core.parsing.helpers import any_cell, rendered


@pytest.mark.parametrize(
    "text",
    [
        "0812-3456-7890",
        "081234567890",
        "0812 3456 7890",
        "0812.3456.7890",
        "+62 812 3456 7890",
        "+6281234567890",
        "+62-812-3456-7890",
        "(+62) 812-3456-7890",
        "+62 (812) 3456 7890",
        "6281234567890",
        "62 812 3456 7890",
        "0062 812 3456 7890",
        "+62 0812 3456 7890",
        "  0812-3456-7890  ",
    ],
)
def test_it_writes_an_indonesian_mobile_number_in_e164(text: str) -> None:
    assert parse_phone(text) == "+6281234567890"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(0511) 3271234", "+625113271234"),
        ("0511-3271234", "+625113271234"),
        ("0511 327 1234", "+625113271234"),
        ("+62 511 3271234", "+625113271234"),
        ("021-5551234", "+62215551234"),
        ("62 21 5551234", "+62215551234"),
    ],
)
def test_it_reads_landline_numbers_with_their_area_code(text: str, expected: str) -> None:
    assert parse_phone(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (81234567890, "+6281234567890"),  # Excel dropped the leading 0
        (6281234567890, "+6281234567890"),
        (81234567890.0, "+6281234567890"),
        (Decimal("81234567890"), "+6281234567890"),
        (5113271234, "+625113271234"),
        ("81234567890", "+6281234567890"),  # the same digits typed as text
    ],
)
def test_a_number_cell_is_read_as_its_digits(value: object, expected: str) -> None:
    assert parse_phone(value) == expected


def test_62_without_a_plus_is_read_as_the_country_code() -> None:
    assert parse_phone("6285212345678") == "+6285212345678"


def test_it_reads_numbers_of_other_countries_with_their_country_code() -> None:
    assert parse_phone("+60 12-345 6789") == "+60123456789"
    assert parse_phone("+966 50 123 4567") == "+966501234567"


def test_it_reads_national_numbers_of_another_region_when_told() -> None:
    assert parse_phone("012-345 6789", region="MY") == "+60123456789"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (None, "empty"),
        ("", "empty"),
        ("  ", "empty"),
        ("0811", "phone_too_short"),
        ("08123456789012345678", "phone_too_long"),
        ("+999 1234 5678", "phone_country_code"),
        ("0812 3456 7890 12", "phone_invalid"),
        ("0812-3456-7890 / 0813-1234-5678", "phone_several"),
        ("0812-3456-7890, 0813-1234-5678", "phone_several"),
        ("0812 3456 7890 atau 0813 1234 5678", "phone_several"),
        ("tidak ada", "phone_characters"),
        ("0812-3456-789O", "phone_characters"),
        ("6.28123E+12", "phone_characters"),
        ("0812+3456", "phone_characters"),
        ("()", "phone_invalid"),
        ("0000000000", "phone_country_code"),
        (-81234567890, "phone_invalid"),
        (812345678.5, "phone_invalid"),
        (float("nan"), "phone_invalid"),
        (Decimal("sNaN"), "phone_invalid"),
        (10**400, "phone_invalid"),
        (811, "phone_too_short"),
        (True, "unsupported_value"),
        (time(10, 0), "unsupported_value"),
    ],
)
def test_it_rejects_an_invalid_phone_number_with_a_reason(text: object, code: str) -> None:
    with pytest.raises(ParseError) as excinfo:
        parse_phone(text)

    assert excinfo.value.code == code
    rendered(excinfo.value)


separators = st.sampled_from(["", "", "", " ", "-", ".", "  "])


@given(
    operator_digit=st.sampled_from("12356789"),
    rest=st.text(alphabet="0123456789", min_size=7, max_size=10),
    form=st.sampled_from(["0", "+62", "62", "+62 ", "(+62) ", "0062"]),
    noise=st.lists(separators, min_size=11, max_size=11),
)
def test_any_valid_mobile_number_gives_the_same_e164_however_it_is_written(
    operator_digit: str, rest: str, form: str, noise: list[str]
) -> None:
    national = "8" + operator_digit + rest  # 08 + 8-11 digits, without the trunk 0
    number = phonenumbers.parse("0" + national, "ID")
    assume(phonenumbers.is_valid_number(number))
    spaced = "".join(
        digit + extra for digit, extra in zip(national, [*noise, *noise], strict=False)
    )

    assert parse_phone(form + spaced) == "+62" + national


def test_it_names_the_kind_of_value_it_cannot_read() -> None:
    with pytest.raises(ParseError) as excinfo:
        parse_phone(time(10, 0))

    assert rendered(excinfo.value) == "This kind of value (time of day) cannot be read here."


@given(
    operator_digit=st.sampled_from("12356789"),
    rest=st.text(alphabet="0123456789", min_size=7, max_size=10),
)
def test_a_mobile_number_cell_without_its_leading_zero_gives_the_same_e164(
    operator_digit: str, rest: str
) -> None:
    national = "8" + operator_digit + rest
    assume(phonenumbers.is_valid_number(phonenumbers.parse("0" + national, "ID")))

    assert parse_phone(int(national)) == parse_phone("0" + national) == "+62" + national


@given(st.one_of(st.text(max_size=25), any_cell))
def test_any_cell_value_gives_an_e164_number_or_a_parse_error(value: object) -> None:
    try:
        result = parse_phone(value)
    except ParseError as error:
        rendered(error)
    else:
        assert result.startswith("+")
        assert result[1:].isdigit()
