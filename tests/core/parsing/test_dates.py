from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sigap.core.parsing import ParseError, parse_date
from sigap.core.parsing.dates import (
    MONTH_NAMES,
    TEXT_SERIAL_FIRST,
    TEXT_SERIAL_LAST,
    YEAR_LIKE,
    expand_two_digit_year,
)
from tests.core.parsing.helpers import any_cell, rendered

TODAY = date(2025, 6, 1)
LATE_2025 = date(2025, 11, 27)
MARCH_12 = date(2024, 3, 12)
EXCEL_EPOCH = date(1899, 12, 30)  # serial 0, counting from 1900-03-01 on

INDONESIAN_MONTHS = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]  # fmt: skip
ENGLISH_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
NAMES_BY_MONTH = {
    month: sorted(name for name, number in MONTH_NAMES.items() if number == month)
    for month in range(1, 13)
}


def excel_serial(day: date) -> int:
    return (day - EXCEL_EPOCH).days


@pytest.mark.parametrize(
    "text",
    [
        "12/03/2024",
        "12-03-2024",
        "12.03.2024",
        "2024-03-12",
        "2024/03/12",
        "12 Maret 2024",
        "12 Mar 2024",
        "12 March 2024",
        "12-Mar-2024",
        "12-Mar-24",
        "12 MARET 2024",
        "12 maret 2024",
        "12 Mar. 2024",
        "12 Mrt 2024",
        "12/03/24",
        "12/3/2024",
        "  12/03/2024  ",
        "45363",
        "45363.75",
        "45363,75",
        "Selasa, 12 Maret 2024",
        "Selasa 12/03/2024",
        "Tuesday, 12 March 2024",
        "2024-03-12 10:30:00",
        "2024-03-12T10:30:00",
        "12/03/2024 00:00",
        "12032024",
        "Selasa, 12032024",
        "March 12, 2024",
        "Mar 12, 2024",
        "Mar. 12, 2024",
        "MARCH 12 2024",
        "March 12th, 2024",
        "Maret 12, 2024",
        "Tuesday, March 12, 2024",
        "March 12, 2024 10:00 AM",
        "2024-03-12T10:00:00+08:00",
        "2024-03-12T23:30:00-05:00",
        "2024-03-12T10:00:00Z",
        "2024-03-12T10:00:00.123456+0800",
        "2024-03-12 10:00:00 +07",
        "12 Maret 2024 pukul 10.00",
        "12 Maret 2024, pukul 10.00 WITA",
        "Selasa, 12 Maret 2024 pukul 10.00 WIB",
        "12/03/2024 pkl. 09.30",
        "12/03/2024 jam 9:30",
        "12-03-2024 10.00.00",
    ],
)
def test_it_reads_12_march_2024_written_in_any_supported_way(text: str) -> None:
    assert parse_date(text, today=TODAY) == MARCH_12


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 Januari 2024", date(2024, 1, 1)),
        ("1 Jan 2024", date(2024, 1, 1)),
        ("1 Februari 2024", date(2024, 2, 1)),
        ("1 Peb 2024", date(2024, 2, 1)),
        ("1 Pebruari 2024", date(2024, 2, 1)),
        ("1 Apr 2024", date(2024, 4, 1)),
        ("1 Mei 2024", date(2024, 5, 1)),
        ("1 May 2024", date(2024, 5, 1)),
        ("1 Juni 2024", date(2024, 6, 1)),
        ("1 Jun 2024", date(2024, 6, 1)),
        ("1 Juli 2024", date(2024, 7, 1)),
        ("1 Jul 2024", date(2024, 7, 1)),
        ("17 Agustus 1945", date(1945, 8, 17)),
        ("17 Agu 1945", date(1945, 8, 17)),
        ("17 Agt 1945", date(1945, 8, 17)),
        ("17 Ags 1945", date(1945, 8, 17)),
        ("17 Aug 1945", date(1945, 8, 17)),
        ("1 Sep 2024", date(2024, 9, 1)),
        ("1 Sept 2024", date(2024, 9, 1)),
        ("1 Okt 2024", date(2024, 10, 1)),
        ("1 Oct 2024", date(2024, 10, 1)),
        ("1 Nop 2024", date(2024, 11, 1)),
        ("1 Nopember 2024", date(2024, 11, 1)),
        ("1 Nov 2024", date(2024, 11, 1)),
        ("25 Des 2024", date(2024, 12, 25)),
        ("25 Dec 2024", date(2024, 12, 25)),
        ("25 Desember 2024", date(2024, 12, 25)),
        ("Jum'at, 15 Maret 2024", date(2024, 3, 15)),
        ("Minggu, 17 Maret 2024", date(2024, 3, 17)),
        ("29/02/2024", date(2024, 2, 29)),
        ("29/02/00", date(2000, 2, 29)),
    ],
)
def test_it_reads_indonesian_and_english_month_names(text: str, expected: date) -> None:
    assert parse_date(text, today=TODAY) == expected


def test_it_reads_dates_day_first() -> None:
    assert parse_date("01/02/2024", today=TODAY) == date(2024, 2, 1)


def test_it_passes_date_cells_through() -> None:
    assert parse_date(MARCH_12) == MARCH_12


def test_it_takes_the_date_of_a_datetime_cell() -> None:
    assert parse_date(datetime(2024, 3, 12, 23, 59)) == MARCH_12  # noqa: DTZ001


@pytest.mark.parametrize(
    ("serial", "expected"),
    [
        (1, date(1900, 1, 1)),
        (59, date(1900, 2, 28)),
        (61, date(1900, 3, 1)),
        (45363, MARCH_12),
        (45363.99, MARCH_12),
        (2958465, date(9999, 12, 31)),
    ],
)
def test_it_reads_excel_serial_numbers(serial: float, expected: date) -> None:
    assert parse_date(serial) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("45363"), MARCH_12),
        (Decimal("45363.75"), MARCH_12),
        (Decimal("4.5363E+4"), MARCH_12),
        (1203, date(1903, 4, 17)),  # a number cell keeps the full range of Excel
        (120324.0, date(2229, 6, 7)),
    ],
)
def test_number_cells_of_any_kind_are_excel_serial_numbers(
    value: int | float | Decimal, expected: date
) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (str(TEXT_SERIAL_FIRST), date(1950, 1, 1)),
        (str(TEXT_SERIAL_LAST), date(2100, 12, 31)),
        ("45363", MARCH_12),
    ],
)
def test_digits_typed_as_text_are_a_day_number_only_from_1950_to_2100(
    text: str, expected: date
) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15/01/26", date(2026, 1, 15)),
        ("15-Jan-26", date(2026, 1, 15)),
        ("12/03/24", date(2024, 3, 12)),
        ("31/12/45", date(2045, 12, 31)),
        ("01/01/46", date(1946, 1, 1)),
        ("12/03/99", date(1999, 3, 12)),
        ("12/03/00", date(2000, 3, 12)),
    ],
)
def test_a_two_digit_year_may_be_up_to_20_years_ahead(text: str, expected: date) -> None:
    assert parse_date(text, today=LATE_2025) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15/01/26", date(1926, 1, 15)),
        ("27/11/25", date(2025, 11, 27)),
        ("28/11/25", date(1925, 11, 28)),
        ("28 Nov 25", date(1925, 11, 28)),
        ("12/03/24", date(2024, 3, 12)),
        ("12/03/2026", date(2026, 3, 12)),  # only two-digit years are placed
    ],
)
def test_a_two_digit_birth_year_is_never_in_the_future(text: str, expected: date) -> None:
    assert parse_date(text, today=LATE_2025, past_only=True) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (None, "empty"),
        ("", "empty"),
        ("   ", "empty"),
        ("31/02/2024", "date_no_such_day"),
        ("29/02/2023", "date_no_such_day"),
        ("31 April 2024", "date_no_such_day"),
        ("00/03/2024", "date_no_such_day"),
        ("2024-02-30", "date_no_such_day"),
        ("12/13/2024", "date_month"),
        ("12/00/2024", "date_month"),
        ("2024-13-01", "date_month"),
        ("12 Foo 2024", "date_month_name"),
        ("12/03/1899", "date_year_range"),
        ("Senin, 12 Maret 2024", "date_weekday"),
        ("12.03", "date_format"),
        ("12/03", "date_format"),
        ("Maret 2024", "date_format"),
        ("kemarin", "date_format"),
        ("12/03-2024", "date_format"),
        ("31022024", "date_no_such_day"),
        ("20240312", "date_month"),
        ("120324", "date_compact"),
        ("Selasa, 120324", "date_compact"),
        ("1203", "date_serial_text"),
        ("120", "date_serial_text"),
        ("1232024", "date_serial_text"),
        (str(TEXT_SERIAL_FIRST - 1), "date_serial_text"),
        (str(TEXT_SERIAL_LAST + 1), "date_serial_text"),
        ("12345.5", "date_serial_text"),
        ("2024", "date_year_only"),
        (2024, "date_year_only"),
        (1999.0, "date_year_only"),
        (Decimal(2024), "date_year_only"),
        (60, "date_excel_1900_leap"),
        (0, "date_serial_range"),
        (-5, "date_serial_range"),
        (2958466, "date_serial_range"),
        (10**400, "date_serial_range"),
        (float("nan"), "date_serial_range"),
        (float("inf"), "date_serial_range"),
        (Decimal("NaN"), "date_serial_range"),
        (Decimal("sNaN"), "date_serial_range"),
        (Decimal("-Infinity"), "date_serial_range"),
        (Decimal("1E+999999"), "date_serial_range"),
        ("Foo 12, 2024", "date_month_name"),
        ("February 30, 2024", "date_no_such_day"),
        ("March 12, 24", "date_format"),
        ("March 2024", "date_format"),
        ("12 Maret 2024 pukul", "date_format"),
        ("12/03/2024 25", "date_format"),
        (True, "unsupported_value"),
        (time(10, 0), "unsupported_value"),
        (timedelta(days=3), "unsupported_value"),
        (b"12/03/2024", "unsupported_value"),
        (object(), "unsupported_value"),
    ],
)
def test_it_rejects_what_is_not_a_date_with_a_reason(value: object, code: str) -> None:
    with pytest.raises(ParseError) as excinfo:
        parse_date(value, today=TODAY)

    assert excinfo.value.code == code
    rendered(excinfo.value)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31/02/2024", "There is no day 31 in February 2024."),
        ("12/13/2024", "There is no month 13; dates are read day first, as in 31/12/2024."),
        ("Senin, 12 Maret 2024", "12 March 2024 was a Tuesday, not a Monday."),
        ("12 Foo 2024", "'foo' is not a month name."),
        (
            "120324",
            "'120324' can be read as more than one date; write it with separators and a "
            "four-digit year, like 12/03/2024.",
        ),
        (
            "1203",
            "'1203' is not a date SIGAP can read: numbers are read as Excel day numbers only "
            "for dates from 1950 to 2100. Write the date like 12/03/2024.",
        ),
    ],
)
def test_it_says_what_is_wrong_with_an_impossible_date(text: str, message: str) -> None:
    with pytest.raises(ParseError) as excinfo:
        parse_date(text, today=TODAY)

    assert rendered(excinfo.value) == message


all_dates = st.dates(min_value=date(1900, 1, 1), max_value=date(9999, 12, 31))


@given(day=all_dates, separator=st.sampled_from(["/", "-", "."]), padded=st.booleans())
def test_any_date_round_trips_through_day_month_year(
    day: date, separator: str, padded: bool
) -> None:
    parts = [f"{day.day:02d}", f"{day.month:02d}"] if padded else [str(day.day), str(day.month)]
    text = separator.join([*parts, str(day.year)])

    assert parse_date(text, today=TODAY) == day


@given(day=all_dates)
def test_any_date_round_trips_through_iso(day: date) -> None:
    assert parse_date(day.isoformat(), today=TODAY) == day


@given(
    day=all_dates,
    names=st.sampled_from([INDONESIAN_MONTHS, ENGLISH_MONTHS]),
    case=st.sampled_from([str.lower, str.upper, str.title]),
    separator=st.sampled_from([" ", "-"]),
)
def test_any_date_round_trips_through_a_month_name(
    day: date, names: list[str], case: object, separator: str
) -> None:
    assert callable(case)
    text = separator.join([str(day.day), case(names[day.month - 1]), str(day.year)])

    assert parse_date(text, today=TODAY) == day


@given(day=all_dates, data=st.data())
def test_any_date_round_trips_through_any_month_abbreviation(
    day: date, data: st.DataObject
) -> None:
    name = data.draw(st.sampled_from(NAMES_BY_MONTH[day.month]))

    assert parse_date(f"{day.day} {name} {day.year}", today=TODAY) == day


@given(
    day=st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)).filter(
        lambda d: excel_serial(d) not in YEAR_LIKE
    ),
    time_of_day=st.floats(min_value=0, max_value=0.999),
)
def test_any_date_round_trips_through_an_excel_serial(day: date, time_of_day: float) -> None:
    serial = excel_serial(day)

    assert parse_date(serial) == day
    assert parse_date(serial + time_of_day) == day
    if TEXT_SERIAL_FIRST <= serial <= TEXT_SERIAL_LAST:
        assert parse_date(str(serial)) == day


@given(
    st.integers(min_value=0, max_value=9_999_999).filter(
        lambda n: not TEXT_SERIAL_FIRST <= n <= TEXT_SERIAL_LAST
    )
)
def test_digits_outside_the_plausible_range_are_never_read_as_a_day_number(number: int) -> None:
    try:
        result = parse_date(str(number), today=TODAY)
    except ParseError as error:
        rendered(error)
    else:  # only eight digits are a date: DDMMYYYY
        assert f"{result:%d%m%Y}" == str(number)


@given(
    day=st.dates(
        min_value=date(LATE_2025.year - 79, 1, 1), max_value=date(LATE_2025.year + 20, 12, 31)
    )
)
def test_any_date_from_79_years_ago_to_20_years_ahead_round_trips_through_a_two_digit_year(
    day: date,
) -> None:
    assert parse_date(f"{day:%d/%m/%y}", today=LATE_2025) == day


@given(
    day=st.dates(
        min_value=LATE_2025 - timedelta(days=36524) + timedelta(days=1), max_value=LATE_2025
    )
)
def test_any_birth_date_in_the_last_century_round_trips_through_a_two_digit_year(
    day: date,
) -> None:
    assert parse_date(f"{day:%d/%m/%y}", today=LATE_2025, past_only=True) == day


@given(
    yy=st.integers(min_value=0, max_value=99),
    day=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    today=st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31)),
)
def test_a_two_digit_year_ends_in_its_digits_and_stays_within_its_horizon(
    yy: int, day: date, today: date
) -> None:
    ahead = expand_two_digit_year(yy, day.month, day.day, today)
    past = expand_two_digit_year(yy, day.month, day.day, today, past_only=True)

    assert ahead % 100 == past % 100 == yy
    assert today.year - 80 < ahead <= today.year + 20
    assert (past, day.month, day.day) <= (today.year, today.month, today.day)
    assert (past + 100, day.month, day.day) > (today.year, today.month, today.day)


@given(
    day=all_dates,
    names=st.sampled_from([INDONESIAN_MONTHS, ENGLISH_MONTHS]),
    comma=st.sampled_from([",", ""]),
)
def test_any_date_round_trips_through_month_first_with_a_month_name(
    day: date, names: list[str], comma: str
) -> None:
    text = f"{names[day.month - 1]} {day.day}{comma} {day.year}"

    assert parse_date(text, today=TODAY) == day


@given(
    moment=st.datetimes(min_value=datetime.combine(date(1900, 1, 1), time())),
    offset_minutes=st.integers(min_value=-12 * 60, max_value=14 * 60),
    zone=st.sampled_from(["offset", "Z", ""]),
)
def test_an_iso_timestamp_gives_the_date_as_written_whatever_its_offset(
    moment: datetime, offset_minutes: int, zone: str
) -> None:
    sign = "-" if offset_minutes < 0 else "+"
    hours, minutes = divmod(abs(offset_minutes), 60)
    suffix = {"offset": f"{sign}{hours:02d}:{minutes:02d}", "Z": "Z", "": ""}[zone]

    assert parse_date(moment.isoformat() + suffix, today=TODAY) == moment.date()


@given(any_cell)
def test_any_cell_value_gives_a_date_or_a_parse_error(value: object) -> None:
    try:
        result = parse_date(value, today=TODAY)
    except ParseError as error:
        rendered(error)
    else:
        assert isinstance(result, date)


@given(st.text(max_size=30), st.booleans())
def test_any_text_gives_a_date_or_a_parse_error(text: str, past_only: bool) -> None:
    try:
        parse_date(text, today=TODAY, past_only=past_only)
    except ParseError as error:
        rendered(error)
