from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sigap.core.parsing import ParseError, parse_date
from sigap.core.parsing.dates import MONTH_NAMES, YEAR_LIKE
from tests.core.parsing.helpers import rendered

TODAY = date(2025, 6, 1)
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
    ("yy_text", "expected_year"),
    [
        ("12/03/24", 2024),
        ("12/03/25", 2025),
        ("01/06/25", 2025),
        ("02/06/25", 1925),
        ("12/03/99", 1999),
    ],
)
def test_a_two_digit_year_is_in_this_century_unless_that_is_in_the_future(
    yy_text: str, expected_year: int
) -> None:
    assert parse_date(yy_text, today=TODAY).year == expected_year


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
        ("12032024", "date_format"),
        ("2024", "date_year_only"),
        (2024, "date_year_only"),
        (1999.0, "date_year_only"),
        (60, "date_excel_1900_leap"),
        (0, "date_serial_range"),
        (-5, "date_serial_range"),
        (2958466, "date_serial_range"),
        (float("nan"), "date_serial_range"),
        (float("inf"), "date_serial_range"),
        (True, "date_format"),
    ],
)
def test_it_rejects_what_is_not_a_date_with_a_reason(
    value: str | int | float | None, code: str
) -> None:
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
    if serial >= 100:  # one- and two-digit text is too short to be read as a serial
        assert parse_date(str(serial)) == day


@given(day=st.dates(min_value=TODAY - timedelta(days=36524) + timedelta(days=1), max_value=TODAY))
def test_any_date_in_the_last_century_round_trips_through_a_two_digit_year(day: date) -> None:
    assert parse_date(f"{day:%d/%m/%y}", today=TODAY) == day


@given(st.text(max_size=30))
def test_any_text_gives_a_date_or_a_parse_error(text: str) -> None:
    try:
        parse_date(text, today=TODAY)
    except ParseError as error:
        rendered(error)
