"""Small pure functions that read the values officers type and spreadsheets contain: NIKs,
phone numbers, dates, regions, countries and sex. Each raises ``ParseError`` (or its subclass
``AmbiguousValue``) with a code and a translatable message instead of guessing."""

from sigap.core.parsing.countries import country_name, resolve_country
from sigap.core.parsing.dates import parse_date
from sigap.core.parsing.errors import AmbiguousValue, ParseError
from sigap.core.parsing.nik import Nik, parse_nik
from sigap.core.parsing.phone import parse_phone
from sigap.core.parsing.regions import (
    RegionIndex,
    RegionRef,
    default_index,
    is_kota_code,
    region_name,
    region_parent,
    resolve_region,
)
from sigap.core.parsing.sex import Sex, parse_sex

__all__ = [
    "AmbiguousValue",
    "Nik",
    "ParseError",
    "RegionIndex",
    "RegionRef",
    "Sex",
    "country_name",
    "default_index",
    "is_kota_code",
    "parse_date",
    "parse_nik",
    "parse_phone",
    "parse_sex",
    "region_name",
    "region_parent",
    "resolve_country",
    "resolve_region",
]
