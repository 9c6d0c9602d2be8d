from __future__ import annotations

from datetime import time

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sigap.core.parsing import (
    AmbiguousValue,
    ParseError,
    RegionIndex,
    country_name,
    resolve_country,
)
from sigap.core.parsing._text import loose_key
from sigap.core.parsing.countries import ALIASES_OVER_CODES, COUNTRY_ALIASES
from tests.core.parsing.helpers import any_cell, rendered

ALPHA_2_CODES = sorted(country.alpha_2 for country in pycountry.countries)
# Codes that are read as what they mean in Indonesian instead ("AS" is Amerika Serikat).
CODES_READ_AS_CODES = [code for code in ALPHA_2_CODES if code not in ALIASES_OVER_CODES]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Arab Saudi", "SA"),
        ("Saudi Arabia", "SA"),
        ("KSA", "SA"),
        ("Kerajaan Arab Saudi", "SA"),
        ("Hongkong", "HK"),
        ("Hong Kong", "HK"),
        ("UEA", "AE"),
        ("UAE", "AE"),
        ("U.A.E.", "AE"),
        ("Uni Emirat Arab", "AE"),
        ("Dubai, UEA", "AE"),
        ("Dubai", "AE"),
        ("Abu Dhabi", "AE"),
        ("Riyadh", "SA"),
        ("Jeddah", "SA"),
        ("Jedah", "SA"),
        ("Makkah", "SA"),
        ("Mekah", "SA"),
        ("Madinah", "SA"),
        ("Jeddah, Arab Saudi", "SA"),
        ("Kuala Lumpur", "MY"),
        ("Sabah", "MY"),
        ("Sarawak", "MY"),
        ("Johor", "MY"),
        ("Penang", "MY"),
        ("Malaysia (Sabah)", "MY"),
        ("Tawau, Sabah, Malaysia", "MY"),
        ("Taipei", "TW"),
        ("Taiwan", "TW"),
        ("Phnom Penh", "KH"),
        ("Sihanoukville", "KH"),
        ("Myawaddy", "MM"),
        ("Bangkok", "TH"),
        ("Korsel", "KR"),
        ("Korea Selatan", "KR"),
        ("South Korea", "KR"),
        ("Korea, Seoul", "KR"),
        ("Brunei", "BN"),
        ("Brunei Darussalam", "BN"),
        ("Turki", "TR"),
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("TURKIYE", "TR"),
        ("Jepang", "JP"),
        ("Singapura", "SG"),
        ("Kamboja", "KH"),
        ("Cambodia", "KH"),
        ("Myanmar", "MM"),
        ("Laos", "LA"),
        ("Filipina", "PH"),
        ("Thailand", "TH"),
        ("Italia", "IT"),
        ("Belanda", "NL"),
        ("the Netherlands", "NL"),
        ("Amerika Serikat", "US"),
        ("Amerika Serikat (AS)", "US"),
        ("AS", "US"),
        ("as", "US"),
        ("A.S.", "US"),
        ("USA", "US"),
        ("American Samoa", "AS"),
        ("ASM", "AS"),
        ("Republic of Korea", "KR"),
        ("Republik Korea", "KR"),
        ("Korea, Republic of", "KR"),
        ("Hongkong SAR", "HK"),
        ("Hong Kong SAR", "HK"),
        ("Hong Kong (SAR)", "HK"),
        ("Malaysia Timur", "MY"),
        ("Malaysia Barat", "MY"),
        ("Sabah, Malaysia Timur", "MY"),
        ("Taiwan ROC", "TW"),
        ("Taiwan (ROC)", "TW"),
        ("Taipei, Taiwan (ROC)", "TW"),
        ("Republic of China (Taiwan)", "TW"),
        ("People's Republic of China", "CN"),
        ("Kowloon, Hong Kong (SAR)", "HK"),
        ("Macau SAR", "MO"),
        ("Batam, Indonesia", "ID"),
        ("Inggris", "GB"),
        ("UK", "GB"),
        ("Tiongkok", "CN"),
        ("Côte d'Ivoire", "CI"),
        ("COTE D\u2019IVOIRE", "CI"),
        ("SA", "SA"),
        ("sa", "SA"),
        ("SAU", "SA"),
        ("MY", "MY"),
        ("ID", "ID"),
        ("Indonesia", "ID"),
        ("  malaysia  ", "MY"),
    ],
)
def test_it_resolves_country_names_as_officers_write_them(text: str, expected: str) -> None:
    assert resolve_country(text) == expected


def test_korea_alone_is_ambiguous() -> None:
    with pytest.raises(AmbiguousValue) as excinfo:
        resolve_country("Korea")

    assert [code for code, _label in excinfo.value.candidates] == ["KP", "KR"]
    assert [str(label) for _code, label in excinfo.value.candidates] == [
        "North Korea",
        "South Korea",
    ]
    assert rendered(excinfo.value) == (
        "'Korea' could be more than one country: North Korea (KP), South Korea (KR)."
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (None, "empty"),
        ("", "empty"),
        ("  ", "empty"),
        ("Atlantis", "country_not_found"),
        ("-", "country_not_found"),
        ("XX", "country_not_found"),
        ("Dubai, Malaysia", "country_conflict"),
        ("Korea", "country_ambiguous"),
        ("SAR", "country_ambiguous"),
        ("Batam / Johor", "country_indonesian_place"),
        ("Batam", "country_indonesian_place"),
        ("Kota Batam, Kepri", "country_indonesian_place"),
        ("Nunukan - Tawau", "country_indonesian_place"),
        ("Kab. Banjar", "country_indonesian_place"),
        ("Jakarta, Dubai", "country_indonesian_place"),
        ("Gotham, Malaysia", "country_part_not_found"),
        ("Martapura / Dubai", "country_part_not_found"),  # a district name: not a known place
        (63, "unsupported_value"),
        (True, "unsupported_value"),
        (time(10, 0), "unsupported_value"),
    ],
)
def test_it_rejects_what_is_not_a_country_with_a_reason(text: object, code: str) -> None:
    with pytest.raises(ParseError) as excinfo:
        resolve_country(text)

    assert excinfo.value.code == code
    rendered(excinfo.value)


def test_it_says_which_part_is_a_place_in_indonesia() -> None:
    with pytest.raises(ParseError) as excinfo:
        resolve_country("Batam / Johor")

    assert rendered(excinfo.value) == "'Batam' is a place in Indonesia, not a destination country."


def test_it_says_which_part_it_does_not_know() -> None:
    with pytest.raises(ParseError) as excinfo:
        resolve_country("Gotham, Malaysia")

    assert rendered(excinfo.value) == (
        "'Gotham' in 'Gotham, Malaysia' is neither a country nor a known place abroad."
    )


def test_it_tells_indonesian_places_by_the_given_region_index() -> None:
    index = RegionIndex([("21", "Kepulauan Riau", "province", None)])

    with pytest.raises(ParseError) as excinfo:
        resolve_country("Kepulauan Riau / Johor", index=index)
    assert excinfo.value.code == "country_indonesian_place"
    with pytest.raises(ParseError) as excinfo:
        resolve_country("Batam / Johor", index=index)
    assert excinfo.value.code == "country_part_not_found"


def test_no_alias_shadows_an_iso_code_unless_it_is_meant_to() -> None:
    codes = {loose_key(code) for country in pycountry.countries
             for code in (country.alpha_2, country.alpha_3)}  # fmt: skip
    colliding = {alias for alias in COUNTRY_ALIASES if loose_key(alias) in codes}

    assert colliding - {"USA"} == set(ALIASES_OVER_CODES)  # "USA" is the code of US itself


def test_it_says_which_country_was_not_recognised() -> None:
    with pytest.raises(ParseError) as excinfo:
        resolve_country("Atlantis")

    assert rendered(excinfo.value) == "Country 'Atlantis' was not recognised."


@pytest.mark.parametrize("alpha_2", ALPHA_2_CODES)
def test_every_country_resolves_from_its_codes_and_names(alpha_2: str) -> None:
    country = pycountry.countries.get(alpha_2=alpha_2)
    assert country is not None
    codes = [alpha_2, alpha_2.lower()] if alpha_2 in CODES_READ_AS_CODES else []
    forms = [
        *codes,
        country.alpha_3,
        country.name,
        country.name.upper(),
        country_name(alpha_2, "en"),
        country_name(alpha_2, "id"),
    ]
    forms += [
        getattr(country, attr)
        for attr in ("common_name", "official_name")
        if hasattr(country, attr)
    ]

    assert {form: resolve_country(form) for form in forms} == dict.fromkeys(forms, alpha_2)


@pytest.mark.parametrize(
    ("code", "language", "expected"),
    [
        ("SA", "en", "Saudi Arabia"),
        ("SA", "id", "Arab Saudi"),
        ("KR", "en", "South Korea"),
        ("KR", "id", "Korea Selatan"),
        ("TW", "en", "Taiwan"),
        ("AE", "id", "Uni Emirat Arab"),
        ("MY", "id", "Malaysia"),
        ("JP", "id", "Jepang"),
        ("CN", "id", "Tiongkok"),
        ("TL", "id", "Timor Leste"),
        ("ID", "id-ID", "Indonesia"),
        ("US", "en-us", "United States"),
        ("sau", "id", "Arab Saudi"),
    ],
)
def test_it_names_countries_in_english_and_indonesian(
    code: str, language: str, expected: str
) -> None:
    assert country_name(code, language) == expected


def test_naming_an_unknown_country_code_is_a_lookup_error() -> None:
    with pytest.raises(KeyError):
        country_name("XX", "en")


@given(st.one_of(st.text(max_size=30), any_cell))
def test_any_cell_value_gives_a_country_code_or_a_parse_error(value: object) -> None:
    try:
        code = resolve_country(value)
    except ParseError as error:
        rendered(error)
    else:
        assert code in ALPHA_2_CODES


@given(st.sampled_from(CODES_READ_AS_CODES), st.sampled_from(["", " ", ".", "  "]))
def test_padding_and_dots_around_a_code_do_not_matter(alpha_2: str, padding: str) -> None:
    assert resolve_country(f"{padding}{alpha_2}{padding}") == alpha_2
