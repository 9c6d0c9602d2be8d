from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sigap.core.parsing import Nik, ParseError, RegionIndex, default_index, parse_nik
from tests.core.parsing.helpers import rendered

TODAY = date(2025, 6, 1)
# Aluh Aluh, Kabupaten Banjar; a woman born 12 March 1990 (day 12 + 40 = 52); serial 0001.
VALID = "6303015203900001"

KALSEL_DISTRICTS = sorted(
    code
    for code in (f"63.{r:02d}.{d:02d}" for r in [*range(1, 12), 71, 72] for d in range(1, 30))
    if code in default_index()
)


def make_nik(district_code: str, birth_date: date, sex: str, serial: int) -> str:
    day = birth_date.day + (40 if sex == "F" else 0)
    yy = birth_date.year % 100
    return f"{district_code.replace('.', '')}{day:02d}{birth_date.month:02d}{yy:02d}{serial:04d}"


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
    ],
)
def test_it_rejects_a_nik_mangled_by_excel(value: str | int | float) -> None:
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
    ],
)
def test_it_rejects_an_invalid_nik_with_a_reason(text: str | None, code: str) -> None:
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
    birth_date=st.dates(
        min_value=TODAY - timedelta(days=36524) + timedelta(days=1), max_value=TODAY
    ),
    sex=st.sampled_from(["M", "F"]),
    serial=st.integers(min_value=1, max_value=9999),
)
def test_any_well_formed_nik_parses_back_to_its_parts(
    district: str, birth_date: date, sex: str, serial: int
) -> None:
    nik = parse_nik(make_nik(district, birth_date, sex, serial), today=TODAY)

    assert nik.district_code == district
    assert nik.regency_code == district[:5]
    assert nik.province_code == "63"
    assert nik.birth_date == birth_date
    assert nik.sex == sex
    assert nik.serial == f"{serial:04d}"


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


@given(st.text(max_size=40))
def test_any_text_gives_a_nik_or_a_parse_error(text: str) -> None:
    try:
        nik = parse_nik(text, today=TODAY)
    except ParseError as error:
        rendered(error)
    else:
        assert len(nik.value) == 16
