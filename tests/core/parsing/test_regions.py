from __future__ import annotations

import csv
from collections import Counter
from datetime import time
from decimal import Decimal
from typing import cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sigap.core.parsing import (
    AmbiguousValue,
    ParseError,
    RegionIndex,
    RegionRef,
    default_index,
    is_kota_code,
    region_name,
    region_parent,
    resolve_region,
)
from sigap.core.parsing.regions import WILAYAH_CSV, Level, name_key
from tests.core.parsing.helpers import any_cell, rendered

INDEX = default_index()


Row = tuple[str, str, Level]


def read_rows() -> list[Row]:
    with WILAYAH_CSV.open(encoding="utf-8", newline="") as handle:
        return [
            (row[0], row[1].strip(), cast(Level, row[2])) for row in list(csv.reader(handle))[1:]
        ]


def outcome(text: str, within: str | None) -> RegionRef | AmbiguousValue:
    try:
        return resolve_region(text, within=within)
    except AmbiguousValue as error:
        return error


ROWS = read_rows()
NAMED_ROWS = [row for row in ROWS if row[2] != "village"]
KALSEL_ROWS = [row for row in NAMED_ROWS if row[0].startswith("63.")]
KALSEL_KEY_COUNTS = Counter(name_key(name, level) for _code, name, level in KALSEL_ROWS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kab. Banjar", "63.03"),
        ("KABUPATEN BANJAR", "63.03"),
        ("Kabupaten Banjar", "63.03"),
        ("Kab Banjar", "63.03"),
        ("kab.banjar", "63.03"),
        ("Banjar", "63.03"),
        ("Banjarmasin", "63.71"),
        ("Kota Banjarmasin", "63.71"),
        ("Bjm", "63.71"),
        ("Kota Banjarbaru", "63.72"),
        ("Banjarbaru", "63.72"),
        ("Banjar Baru", "63.72"),
        ("Bjb", "63.72"),
        ("Batola", "63.04"),
        ("Barito Kuala", "63.04"),
        ("HSS", "63.06"),
        ("HST", "63.07"),
        ("HSU", "63.08"),
        ("Hulu Sungai Utara", "63.08"),
        ("Tanbu", "63.10"),
        ("Tanah Bumbu", "63.10"),
        ("TanahBumbu", "63.10"),
        ("Tala", "63.01"),
        ("Kab. Tanah Laut", "63.01"),
        ("Kota Baru", "63.02"),
        ("Kotabaru", "63.02"),
        ("Kec. Martapura", "63.03.05"),
        ("Kecamatan Martapura", "63.03.05"),
        ("Martapura", "63.03.05"),
        ("Martapura, Kab. Banjar", "63.03.05"),
        ("Kec. Martapura, Kab. Banjar", "63.03.05"),
        ("Kec. Martapura, Kab. Banjar, Kalimantan Selatan", "63.03.05"),
        ("Martapura (Kab. Banjar)", "63.03.05"),
        ("Sei Tabuk", "63.03.04"),
        ("Bati-Bati", "63.01.05"),
        ("Kalsel", "63"),
        ("Kalimantan Selatan", "63"),
        ("Provinsi Kalimantan Selatan", "63"),
        ("Prov. Kalsel", "63"),
        ("Banjarmasin, Kalsel, Indonesia", "63.71"),
    ],
)
def test_it_resolves_kalsel_names_as_officers_write_them(text: str, expected: str) -> None:
    assert resolve_region(text, within="63").code == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kab. Banjar", "63.03"),
        ("Banjarmasin", "63.71"),
        ("Kota Banjarbaru", "63.72"),
        ("Batola", "63.04"),
        ("HSU", "63.08"),
        ("HST", "63.07"),
        ("HSS", "63.06"),
        ("Tanbu", "63.10"),
        ("Tala", "63.01"),
        ("Bjm", "63.71"),
        ("Bjb", "63.72"),
        ("Kab Banjar", "63.03"),
        ("Kab. Tanah Laut", "63.01"),
        ("Martapura, Kab. Banjar", "63.03.05"),
        ("Kec. Martapura, Kab. Banjar", "63.03.05"),
        ("Kota Banjar", "32.79"),
        ("Jakarta", "31"),
        ("DKI Jakarta", "31"),
        ("Kalsel", "63"),
        ("Kalimantan Selatan", "63"),
        ("Jatim", "35"),
        ("Jabar", "32"),
        ("Jateng", "33"),
        ("NTB", "52"),
        ("NTT", "53"),
        ("Kaltim", "64"),
        ("Kalteng", "62"),
        ("Kalbar", "61"),
        ("Kaltara", "65"),
        ("Sulsel", "73"),
        ("DIY", "34"),
        ("Jogja", "34"),
        ("Yogyakarta", "34"),
        ("Kota Yogyakarta", "34.71"),
        ("Sleman", "34.04"),
        ("Kec. Sleman", "34.04.13"),
        ("Kab. Adm. Kep. Seribu", "31.01"),
        ("Kepulauan Seribu", "31.01"),
        ("Jakarta Utara", "31.72"),
        ("Kota Administrasi Jakarta Utara", "31.72"),
    ],
)
def test_it_resolves_names_anywhere_in_indonesia_without_a_home_region(
    text: str, expected: str
) -> None:
    assert resolve_region(text).code == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("63", "63"),
        ("63.03", "63.03"),
        ("6303", "63.03"),
        ("630301", "63.03.01"),
        ("63.03.01", "63.03.01"),
        ("6303012001", "63.03.01.2001"),
        ("63.03.01.2001", "63.03.01.2001"),
        (" 63 03 ", "63.03"),
    ],
)
def test_it_resolves_codes_dotted_or_not(text: str, expected: str) -> None:
    assert resolve_region(text) == INDEX.get(expected)
    assert resolve_region(text).code == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (63, "63"),
        (6303, "63.03"),
        (630301, "63.03.01"),
        (6303012001, "63.03.01.2001"),
        (63.03, "63.03"),
        (63.1, "63.10"),  # Excel shows 63.10 typed as a number as 63.1
        (63.0, "63"),
        (6303.0, "63.03"),
        (Decimal("63.03"), "63.03"),
        (Decimal("63.030"), "63.03"),
        (Decimal("63.1"), "63.10"),
    ],
)
def test_a_number_cell_is_read_as_a_code(value: object, expected: str) -> None:
    assert resolve_region(value).code == expected


def test_it_returns_the_code_formal_name_and_level() -> None:
    assert resolve_region("Bjm") == RegionRef("63.71", "Kota Banjarmasin", "regency")


def test_a_bare_name_shared_by_a_kabupaten_and_a_kota_is_ambiguous() -> None:
    with pytest.raises(AmbiguousValue) as excinfo:
        resolve_region("Banjar")

    codes = [code for code, _label in excinfo.value.candidates]
    assert "63.03" in codes
    assert "32.79" in codes
    assert excinfo.value.code == "region_ambiguous"
    assert dict(excinfo.value.candidates)["63.03"] == "Kabupaten Banjar, Kalimantan Selatan"
    assert str(excinfo.value).startswith("'Banjar' matches more than one region: ")


def test_the_home_region_decides_between_regions_of_the_same_name() -> None:
    assert resolve_region("Banjar", within="63").code == "63.03"
    assert resolve_region("Banjar", within="6303").code == "63.03"


def test_an_explicit_prefix_is_not_ambiguous() -> None:
    assert resolve_region("Kab. Banjar").code == "63.03"
    assert resolve_region("Kota Banjar", within="63").code == "32.79"


def test_names_outside_the_home_region_are_still_found() -> None:
    assert resolve_region("Sleman", within="63").code == "34.04"


def test_a_name_shared_inside_the_home_region_is_ambiguous() -> None:
    with pytest.raises(AmbiguousValue) as excinfo:
        resolve_region("Simpang Empat", within="63")

    assert excinfo.value.candidates == [
        ("63.03.08", "Kec. Simpang Empat, Kabupaten Banjar, Kalimantan Selatan"),
        ("63.10.06", "Kec. Simpang Empat, Kabupaten Tanah Bumbu, Kalimantan Selatan"),
    ]


def test_the_regency_after_a_comma_decides_between_districts_of_the_same_name() -> None:
    assert resolve_region("Simpang Empat, Tanbu").code == "63.10.06"


def test_a_regency_is_preferred_to_a_district_of_the_same_name_inside_it() -> None:
    assert resolve_region("Sleman").level == "regency"
    assert resolve_region("Kecamatan Sleman").level == "district"


@pytest.mark.parametrize(
    ("text", "within", "code"),
    [
        ("", None, "empty"),
        ("  ", None, "empty"),
        (",", None, "region_not_found"),
        ("Gotham", None, "region_not_found"),
        ("Gotham", "63", "region_not_found"),
        ("Kabupaten", None, "region_not_found"),
        ("Martapura, Kab. Tapin", None, "region_not_in"),
        ("Kab. Banjar, Jatim", None, "region_not_in"),
        ("63.03.01, Kab. Tapin", None, "region_not_in"),
        ("Desa Bakambat", None, "region_village_name"),
        ("Kel. Landasan Ulin Timur", None, "region_village_name"),
        ("63.99", None, "region_code_unknown"),
        ("6399", None, "region_code_unknown"),
        ("633", None, "region_code_format"),
        ("63.3", None, "region_code_format"),
        ("63.03.01.201", None, "region_code_format"),
        ("Martapura", None, "region_ambiguous"),
        ("Kec. Banjar", "63", "region_ambiguous"),
        (None, None, "empty"),
        (63.031, None, "region_code_format"),
        (-6303, None, "region_code_format"),
        (float("nan"), None, "region_code_format"),
        (Decimal("sNaN"), None, "region_code_format"),
        (6399, None, "region_code_unknown"),
        (True, None, "unsupported_value"),
        (time(10, 0), None, "unsupported_value"),
    ],
)
def test_it_rejects_what_it_cannot_resolve_with_a_reason(
    text: object, within: str | None, code: str
) -> None:
    with pytest.raises(ParseError) as excinfo:
        resolve_region(text, within=within)

    assert excinfo.value.code == code
    text_of_error = str(excinfo.value)
    assert text_of_error
    assert "%(" not in text_of_error


def test_it_says_which_region_was_not_found() -> None:
    with pytest.raises(ParseError) as excinfo:
        resolve_region("Gotham")

    assert str(excinfo.value) == "Region 'Gotham' was not found."


def test_it_says_which_region_a_name_was_not_found_in() -> None:
    with pytest.raises(ParseError) as excinfo:
        resolve_region("Martapura, Kab. Tapin")

    assert str(excinfo.value) == "Region 'Martapura' was not found in Kabupaten Tapin."


def test_an_unknown_home_region_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="within"):
        resolve_region("Banjar", within="99")


@pytest.mark.parametrize(("code", "name", "level"), KALSEL_ROWS)
def test_every_kalsel_regency_and_district_resolves_from_its_own_name(
    code: str, name: str, level: Level
) -> None:
    if KALSEL_KEY_COUNTS[name_key(name, level)] == 1:
        assert resolve_region(name, within="63").code == code
    else:
        with pytest.raises(AmbiguousValue) as excinfo:
            resolve_region(name, within="63")
        assert code in [candidate for candidate, _label in excinfo.value.candidates]


def test_every_named_region_in_indonesia_resolves_within_its_parent_to_a_region_of_that_name() -> (
    None
):
    for code, name, level in NAMED_ROWS:
        found = outcome(name, code.rpartition(".")[0] or None)
        if isinstance(found, AmbiguousValue):
            assert code in [candidate for candidate, _label in found.candidates], name
        else:
            assert name_key(found.name, found.level) == name_key(name, level), (code, name)


def test_every_region_code_in_indonesia_resolves_to_itself_dotted_and_undotted() -> None:
    for code, name, level in ROWS:
        for form in (code, code.replace(".", "")):
            assert resolve_region(form) == RegionRef(code, name, level)


@given(st.sampled_from(ROWS), st.sampled_from(["", " ", "\t"]))
def test_any_code_with_surrounding_space_resolves_to_itself(row: Row, padding: str) -> None:
    assert resolve_region(padding + row[0].replace(".", "") + padding).code == row[0]


@given(
    st.sampled_from([row for row in KALSEL_ROWS if row[2] == "regency"]),
    st.sampled_from([str.lower, str.upper, str.title]),
    st.sampled_from(["", ".", " ", "  "]),
)
def test_case_and_punctuation_do_not_matter(row: Row, case: object, extra: str) -> None:
    assert callable(case)
    text = case(row[1]).replace(" ", " " + extra)

    assert resolve_region(text, within="63").code == row[0]


def test_a_small_index_can_be_built_for_tests_and_skips_aliases_it_cannot_serve() -> None:
    index = RegionIndex(
        [
            ("63", "Kalimantan Selatan", "province", None),
            ("63.03", "Kabupaten Banjar", "regency", "63"),
            ("63.03.05", "Martapura", "district", "63.03"),
            ("63.03.05.1001", "Jawa", "village", "63.03.05"),
        ]
    )

    assert len(index) == 4
    assert resolve_region("Kalsel", index=index).code == "63"
    assert resolve_region("martapura", index=index).code == "63.03.05"
    assert resolve_region("6303051001", index=index).name == "Jawa"
    with pytest.raises(ParseError):
        resolve_region("Jawa", index=index)  # villages are not looked up by name
    with pytest.raises(ParseError):
        resolve_region("HSU", index=index)


def test_region_name_and_parent_help_to_label_codes() -> None:
    assert region_name("6371") == "Kota Banjarmasin"
    assert region_parent("63.03.05") == RegionRef("63.03", "Kabupaten Banjar", "regency")
    assert region_parent("63") is None
    with pytest.raises(KeyError):
        region_name("63.99")


def test_the_default_index_holds_every_region_of_the_shipped_data() -> None:
    # How fast it is built and searched is measured by bench/parsing.py, not by a test.
    assert len(INDEX) == len(ROWS)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("63.71", True),
        ("6372", True),
        ("31.75", True),
        ("63.99", True),
        ("63.03", False),
        ("63.69", False),
        ("63.70", False),
        ("63", False),
        ("63.71.01", False),
        ("63.71.01.1001", False),
        ("", False),
        ("Banjarmasin", False),
    ],
)
def test_is_kota_code_says_whether_a_regency_code_is_a_city(code: str, expected: bool) -> None:
    assert is_kota_code(code) is expected


def test_every_regency_named_kota_has_a_kota_code_and_no_other() -> None:
    for code, name, level in ROWS:
        assert is_kota_code(code) is (level == "regency" and name.startswith("Kota ")), name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Batam", ["21.71"]),
        ("Kota Batam", ["21.71"]),
        ("Kalsel", ["63"]),
        ("Prov. Kalimantan Selatan", ["63"]),
        ("Kab. Adm. Kep. Seribu", ["31.01"]),
        ("Martapura", []),  # a district: not asked for
        ("Johor", []),
        ("", []),
    ],
)
def test_named_at_finds_provinces_and_regencies_by_name(text: str, expected: list[str]) -> None:
    assert [ref.code for ref in INDEX.named_at(text)] == expected


@given(any_cell)
def test_any_cell_value_gives_a_region_or_a_parse_error(value: object) -> None:
    try:
        ref = resolve_region(value)
    except ParseError as error:
        rendered(error)
    else:
        assert ref.code in INDEX


@given(st.integers(min_value=0, max_value=10**12))
def test_a_number_cell_resolves_like_the_same_digits_typed_as_text(number: int) -> None:
    def result(value: object) -> str:
        try:
            return resolve_region(value).code
        except ParseError as error:
            return error.code

    assert result(number) == result(str(number))


@pytest.mark.parametrize("text", ["Misool (Misool Utara)", "Misool", "Misool Utara"])
def test_a_name_with_an_alternative_in_brackets_is_found_by_either(text: str) -> None:
    assert resolve_region(text).code == "96.03.01"
