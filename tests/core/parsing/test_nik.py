from __future__ import annotations

import random
from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sigap.core.parsing import Nik, ParseError, RegionIndex, parse_date, parse_nik
from sigap.core.synthetic import districts_of, synthetic_nik
from tests.core.parsing.helpers import any_cell, rendered

TODAY = date(2025, 6, 1)
# Aluh Aluh, Kabupaten Banjar; a woman born 12 March 1990 (day 12 + 40 = 52); serial 0001.
VALID = "6303015203900001"

KALSEL_DISTRICTS = districts_of("63")
LAST_CENTURY = st.dates(
    min_value=TODAY - timedelta(days=36524) + timedelta(days=1), max_value=TODAY
)


def test_it_reads_the_region_birth_date_sex_and_serial_of_a_nik() -> None:
    nik = parse_nik(VALID, today=TODAY)

    assert nik == Nik(
        value=VALID,
        province_code="63",
        regency_code="63.03",
        district_code="63.03.01",
        birth_date=date(1990, 3, 12),
        sex="F",
        serial="0001",
    )


def test_a_birth_day_below_41_means_a_man() -> None:
    nik = parse_nik("6371031208850123", today=TODAY)

    assert (nik.sex, nik.birth_date, nik.regency_code) == ("M", date(1985, 8, 12), "63.71")


@pytest.mark.parametrize(
    "text",
    [
        "6303 0152 0390 0001",
        "630301 520390 0001",
        "63.03.01.520390.0001",
        "6303-0152-0390-0001",
        "'6303015203900001",
        "  6303015203900001\t",
        "\u20186303015203900001",
        "6303\u00a00152\u00a00390\u00a00001",
    ],
)
def test_it_ignores_spaces_dots_dashes_and_excels_text_marker(text: str) -> None:
    assert parse_nik(text, today=TODAY).value == VALID


@pytest.mark.parametrize(
    "value",
    [
        6303015203900001,
        6303015203900000,
        6.303015203900001e15,
        "6.30301E+15",
        "6,30301E+15",
        "6.30301e15",
        "6.30302E + 15",
        "6303015203900001.0",
        "6303015203900000,00",
        Decimal("6303015203900001"),
        Decimal("6.303015203900001E+15"),
        Decimal("NaN"),
    ],
)
def test_it_rejects_a_nik_mangled_by_excel(value: str | int | float | Decimal) -> None:
    with pytest.raises(ParseError) as excinfo:
        parse_nik(value, today=TODAY)

    assert excinfo.value.code == "nik_excel_number"
    assert "re-enter it as text" in rendered(excinfo.value)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (None, "empty"),
        ("", "empty"),
        ("   ", "empty"),
        ("'", "empty"),
        ("63O3015203900001", "nik_characters"),
        ("6303015203900001a", "nik_characters"),
        ("NIK 6303015203900001", "nik_characters"),
        ("630301520390000", "nik_length"),
        ("63030152039000011", "nik_length"),
        ("9903015203900001", "nik_province"),
        ("0003015203900001", "nik_province"),
        ("6399015203900001", "nik_regency"),
        ("6300015203900001", "nik_regency"),
        ("6303000103900001", "nik_district"),
        ("6303010003900001", "nik_birth_day"),
        ("6303013203900001", "nik_birth_day"),
        ("6303014003900001", "nik_birth_day"),
        ("6303017203900001", "nik_birth_day"),
        ("6303011200900001", "nik_birth_month"),
        ("6303011213900001", "nik_birth_month"),
        ("6303013102900001", "nik_birth_date"),
        ("6303017104900001", "nik_birth_date"),
        ("6303012902010001", "nik_birth_date"),
        ("6303015203900000", "nik_serial"),
        (True, "unsupported_value"),
        (time(10, 0), "unsupported_value"),
        (date(1990, 3, 12), "unsupported_value"),
    ],
)
def test_it_rejects_an_invalid_nik_with_a_reason(text: object, code: str) -> None:
    with pytest.raises(ParseError) as excinfo:
        parse_nik(text, today=TODAY)

    assert excinfo.value.code == code
    rendered(excinfo.value)


def test_it_says_how_many_digits_a_short_nik_has() -> None:
    with pytest.raises(ParseError) as excinfo:
        parse_nik("630301520390000", today=TODAY)

    assert rendered(excinfo.value) == "A NIK has 16 digits; this value has 15."


def test_it_names_the_missing_day_of_an_impossible_birth_date() -> None:
    with pytest.raises(ParseError) as excinfo:
        parse_nik("6303013102900001", today=TODAY)

    assert "there is no day 31 in February 1990" in rendered(excinfo.value)


def test_it_does_not_put_the_nik_in_its_messages() -> None:
    with pytest.raises(ParseError) as excinfo:
        parse_nik("6399015203900001", today=TODAY)

    assert "6399015203900001" not in rendered(excinfo.value)


def test_it_accepts_a_district_that_is_not_in_the_region_data() -> None:
    # A NIK keeps the district where it was issued; that district may since have been split.
    assert parse_nik("6303995203900001", today=TODAY).district_code == "63.03.99"


@pytest.mark.parametrize(
    ("yymmdd_part", "expected"),
    [
        ("120330", date(1930, 3, 12)),
        ("120325", date(2025, 3, 12)),
        ("010625", date(2025, 6, 1)),
        ("020625", date(1925, 6, 2)),
        ("120300", date(2000, 3, 12)),
        ("290200", date(2000, 2, 29)),
        ("311299", date(1999, 12, 31)),
    ],
)
def test_it_puts_the_birth_year_in_this_century_unless_that_is_in_the_future(
    yymmdd_part: str, expected: date
) -> None:
    assert parse_nik(f"630301{yymmdd_part}0001", today=TODAY).birth_date == expected


def test_its_repr_hides_the_number_birth_date_and_sex() -> None:
    text = repr(parse_nik(VALID, today=TODAY))

    assert VALID not in text
    assert "1990" not in text
    assert "63.03.01" in text


def test_it_checks_the_province_and_regency_against_the_given_region_index() -> None:
    index = RegionIndex(
        [
            ("63", "Kalimantan Selatan", "province", ""),
            ("63.03", "Kabupaten Banjar", "regency", "63"),
        ]
    )

    assert parse_nik(VALID, today=TODAY, index=index).regency_code == "63.03"
    with pytest.raises(ParseError) as excinfo:
        parse_nik("6371031208850123", today=TODAY, index=index)
    assert excinfo.value.code == "nik_regency"


@given(
    district=st.sampled_from(KALSEL_DISTRICTS),
    birth_date=LAST_CENTURY,
    sex=st.sampled_from(["M", "F"]),
    rng=st.randoms(use_true_random=False),
)
def test_any_well_formed_nik_parses_back_to_its_parts(
    district: str, birth_date: date, sex: str, rng: random.Random
) -> None:
    text = synthetic_nik(rng, district, birth_date, sex)

    nik = parse_nik(text, today=TODAY)

    assert nik.value == text
    assert nik.district_code == district
    assert nik.regency_code == district[:5]
    assert nik.province_code == "63"
    assert nik.birth_date == birth_date
    assert nik.sex == sex
    assert nik.serial == text[12:] != "0000"


@given(
    birth_date=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    today=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    rng=st.randoms(use_true_random=False),
)
def test_the_nik_places_its_birth_year_like_a_two_digit_birth_date_column(
    birth_date: date, today: date, rng: random.Random
) -> None:
    # One century rule for both: what an officer types in a birth-date column as 12/03/90
    # must give the same year as the birth date in the NIK.
    nik = parse_nik(synthetic_nik(rng, "63.03.01", birth_date, "M"), today=today)

    assert nik.birth_date == parse_date(f"{birth_date:%d/%m/%y}", today=today, past_only=True)
    assert nik.birth_date <= today


@given(
    noise=st.lists(st.sampled_from(["", "", " ", ".", "-", "  "]), min_size=16, max_size=16),
    apostrophe=st.booleans(),
    padding=st.sampled_from(["", " ", "\t", "  "]),
)
def test_formatting_noise_does_not_change_the_result(
    noise: list[str], apostrophe: bool, padding: str
) -> None:
    text = "".join(digit + extra for digit, extra in zip(VALID, noise, strict=True))
    text = padding + ("'" if apostrophe else "") + text + padding

    assert parse_nik(text, today=TODAY) == parse_nik(VALID, today=TODAY)


@given(st.one_of(st.text(max_size=40), any_cell))
def test_any_cell_value_gives_a_nik_or_a_parse_error(value: object) -> None:
    try:
        nik = parse_nik(value, today=TODAY)
    except ParseError as error:
        rendered(error)
    else:
        assert len(nik.value) == 16
