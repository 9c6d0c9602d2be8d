from __future__ import annotations

from datetime import time
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sigap.core.parsing import ParseError, parse_sex
from sigap.core.parsing.sex import SEX_WORDS
from tests.core.parsing.helpers import any_cell, rendered


@pytest.mark.parametrize(
    "text",
    ["L", "l", "LK", "Lk.", "Laki-laki", "LAKI-LAKI", "Laki Laki", "laki laki", "Lakilaki", "Laki2",
     "Lelaki", "Pria", "M", "Male", "male", " L "],
)  # fmt: skip
def test_it_reads_the_ways_of_writing_male(text: str) -> None:
    assert parse_sex(text) == "M"


@pytest.mark.parametrize(
    "text",
    [
        "P",
        "p",
        "PR",
        "Pr.",
        "Perempuan",
        "PEREMPUAN",
        "Wanita",
        "W",
        "F",
        "Female",
        "female",
        " P ",
    ],
)
def test_it_reads_the_ways_of_writing_female(text: str) -> None:
    assert parse_sex(text) == "F"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (None, "empty"),
        ("", "empty"),
        ("  ", "empty"),
        ("L/P", "sex_ambiguous"),
        ("Laki-laki / Perempuan", "sex_ambiguous"),
        ("M/F", "sex_ambiguous"),
        ("X", "sex_unknown"),
        ("-", "sex_unknown"),
        ("1", "sex_unknown"),
        ("Lain-lain", "sex_unknown"),
        ("Pria?wanita", "sex_ambiguous"),
        ("Laki-laki dewasa", "sex_unknown"),
        (1, "sex_unknown"),
        (2.0, "sex_unknown"),
        (Decimal("1"), "sex_unknown"),
        (float("nan"), "sex_unknown"),
        (True, "unsupported_value"),
        (time(10, 0), "unsupported_value"),
    ],
)
def test_it_rejects_anything_else_rather_than_guess(text: object, code: str) -> None:
    with pytest.raises(ParseError) as excinfo:
        parse_sex(text)

    assert excinfo.value.code == code
    rendered(excinfo.value)


def test_it_says_a_header_value_names_both_sexes() -> None:
    with pytest.raises(ParseError) as excinfo:
        parse_sex("L/P")

    assert rendered(excinfo.value) == "'L/P' names both sexes; write L or P."


def test_it_does_not_guess_what_a_number_code_means() -> None:
    # Files that code sex as 1 and 2 do not agree which is which.
    with pytest.raises(ParseError) as excinfo:
        parse_sex(1.0)

    assert rendered(excinfo.value) == (
        "Sex '1' was not recognised; write L (laki-laki) or P (perempuan)."
    )


@given(
    st.sampled_from(sorted(SEX_WORDS)),
    st.sampled_from([str.lower, str.upper, str.title]),
    st.sampled_from(["", ".", " ", ":"]),
)
def test_case_and_punctuation_do_not_change_the_result(word: str, case: object, extra: str) -> None:
    assert callable(case)

    assert parse_sex(f"{extra}{case(word)}{extra}") == SEX_WORDS[word]


@given(st.one_of(st.text(max_size=20), any_cell))
def test_any_cell_value_gives_m_or_f_or_a_parse_error(value: object) -> None:
    try:
        result = parse_sex(value)
    except ParseError as error:
        rendered(error)
    else:
        assert result in ("M", "F")
