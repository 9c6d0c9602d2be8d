"""Resolve country names as written in Indonesian and English case files to ISO 3166-1 codes.

Destinations are written "Arab Saudi", "KSA", "UEA", "Hongkong", "Korsel", "Malaysia (Sabah)"
or just the city, "Dubai". Names come from pycountry (English names and its Indonesian
translations) plus a table of informal names and a table of destination cities and states.
Every part of a value must name a country or a known place abroad: a part that is an Indonesian
province or regency ("Batam / Johor") is refused, as it usually means the place of departure or
transit was typed into the destination column.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable
from functools import lru_cache

import pycountry
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sigap.core.parsing._text import loose_key
from sigap.core.parsing.errors import (
    AmbiguousValue,
    Message,
    ParseError,
    empty_value,
    unsupported_value,
)
from sigap.core.parsing.regions import RegionIndex, default_index

# Informal names and abbreviations. A name that really means several countries lists them all,
# so that it raises AmbiguousValue instead of being guessed.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "Indonesia": ("ID",), "RI": ("ID",), "NKRI": ("ID",),
    "Saudi": ("SA",), "Saudi Arabia": ("SA",), "Arab Saudi": ("SA",), "KSA": ("SA",),
    "UEA": ("AE",), "UAE": ("AE",), "Emirates": ("AE",), "Emirat Arab": ("AE",),
    "Uni Emirat Arab": ("AE",), "Persatuan Emirat Arab": ("AE",),
    "Hongkong": ("HK",), "Macau": ("MO",), "Makau": ("MO",),
    "Korsel": ("KR",), "Korea Selatan": ("KR",), "South Korea": ("KR",), "ROK": ("KR",),
    "Republic of Korea": ("KR",), "Republik Korea": ("KR",),
    "Hongkong SAR": ("HK",), "Hong Kong SAR": ("HK",), "Macau SAR": ("MO",),
    "Macao SAR": ("MO",), "SAR": ("HK", "MO"),
    "Malaysia Timur": ("MY",), "Malaysia Barat": ("MY",),
    "Taiwan ROC": ("TW",), "ROC": ("TW",), "Republic of China": ("TW",),
    "Korut": ("KP",), "Korea Utara": ("KP",), "North Korea": ("KP",),
    "Korea": ("KR", "KP"),
    "Taiwan": ("TW",), "Brunei": ("BN",), "Turki": ("TR",), "Turkey": ("TR",),
    "Jepang": ("JP",), "Singapura": ("SG",), "Kamboja": ("KH",), "Cambodia": ("KH",),
    "Burma": ("MM",), "Laos": ("LA",), "Filipina": ("PH",), "Philipina": ("PH",),
    "Thailand": ("TH",), "Muangthai": ("TH",), "Vietnam": ("VN",),
    "Timor Leste": ("TL",), "Timor Timur": ("TL",),
    "Tiongkok": ("CN",), "Cina": ("CN",), "China": ("CN",), "RRT": ("CN",), "RRC": ("CN",),
    "PRC": ("CN",),
    "Italia": ("IT",), "Belanda": ("NL",), "Holland": ("NL",), "The Netherlands": ("NL",),
    "Amerika Serikat": ("US",), "AS": ("US",), "USA": ("US",),
    "United States of America": ("US",),
    "Inggris": ("GB",), "UK": ("GB",), "England": ("GB",), "Britain": ("GB",),
    "Great Britain": ("GB",), "Britania Raya": ("GB",),
    "Rusia": ("RU",), "Russia": ("RU",), "Mesir": ("EG",), "Yordania": ("JO",),
    "Irak": ("IQ",), "Suriah": ("SY",), "Syria": ("SY",), "Iran": ("IR",),
    "Papua Nugini": ("PG",), "Selandia Baru": ("NZ",), "Jerman": ("DE",), "Perancis": ("FR",),
    "Prancis": ("FR",), "Spanyol": ("ES",), "Swiss": ("CH",), "Yunani": ("GR",),
    "Afrika Selatan": ("ZA",), "Maroko": ("MA",), "Aljazair": ("DZ",), "Tunisia": ("TN",),
    "Libia": ("LY",), "Sudan": ("SD",), "Kuwait": ("KW",), "Qatar": ("QA",), "Katar": ("QA",),
    "Oman": ("OM",), "Bahrain": ("BH",), "Yaman": ("YE",), "Palestina": ("PS",),
}  # fmt: skip

# Destination cities, states and regions named instead of the country.
DESTINATION_PLACES: dict[str, str] = {
    "Dubai": "AE", "Abu Dhabi": "AE", "Abudhabi": "AE", "Sharjah": "AE", "Ajman": "AE",
    "Al Ain": "AE", "Fujairah": "AE", "Ras Al Khaimah": "AE",
    "Riyadh": "SA", "Riyad": "SA", "Riyadh City": "SA", "Jeddah": "SA", "Jedah": "SA",
    "Jiddah": "SA", "Jeddha": "SA", "Makkah": "SA", "Mekah": "SA", "Mekkah": "SA", "Mecca": "SA",
    "Madinah": "SA", "Medina": "SA", "Dammam": "SA", "Thaif": "SA", "Taif": "SA",
    "Tabuk": "SA", "Abha": "SA", "Khobar": "SA", "Al Khobar": "SA", "Qassim": "SA",
    "Doha": "QA", "Muscat": "OM", "Manama": "BH", "Amman": "JO", "Kairo": "EG", "Cairo": "EG",
    "Istanbul": "TR", "Ankara": "TR",
    "Kuala Lumpur": "MY", "KL": "MY", "Sabah": "MY", "Sarawak": "MY", "Johor": "MY",
    "Johor Bahru": "MY", "Johor Baru": "MY", "Penang": "MY", "Pulau Pinang": "MY",
    "Selangor": "MY", "Melaka": "MY", "Malaka": "MY", "Perak": "MY", "Pahang": "MY",
    "Kedah": "MY", "Kelantan": "MY", "Terengganu": "MY", "Negeri Sembilan": "MY",
    "Kota Kinabalu": "MY", "Tawau": "MY", "Sandakan": "MY", "Lahad Datu": "MY",
    "Keningau": "MY", "Kuching": "MY", "Miri": "MY", "Sibu": "MY", "Bintulu": "MY",
    "Labuan": "MY", "Putrajaya": "MY", "Ipoh": "MY",
    "Taipei": "TW", "Taipe": "TW", "Kaohsiung": "TW", "Taichung": "TW", "Tainan": "TW",
    "Taoyuan": "TW", "Hsinchu": "TW",
    "Phnom Penh": "KH", "Sihanoukville": "KH", "Preah Sihanouk": "KH", "Bavet": "KH",
    "Poipet": "KH", "Siem Reap": "KH",
    "Myawaddy": "MM", "Myawadi": "MM", "Shwe Kokko": "MM", "KK Park": "MM", "Yangon": "MM",
    "Tachileik": "MM",
    "Bangkok": "TH", "Mae Sot": "TH", "Pattaya": "TH",
    "Vientiane": "LA", "Golden Triangle": "LA", "Manila": "PH", "Pampanga": "PH",
    "Bandar Seri Begawan": "BN", "Dili": "TL",
    "Seoul": "KR", "Busan": "KR", "Tokyo": "JP", "Osaka": "JP",
    "Beijing": "CN", "Guangzhou": "CN", "Shanghai": "CN", "Shenzhen": "CN",
    "Kowloon": "HK",
}  # fmt: skip

# Aliases that are also ISO codes and win over them: in Indonesian "AS" is Amerika Serikat, not
# American Samoa (which stays reachable as "ASM" or by name). Any other alias that collides
# with a code is a mistake, and a test says so.
ALIASES_OVER_CODES = frozenset({"AS"})

# Indonesian names SIGAP shows instead of pycountry's: the ones in official use.
_INDONESIAN_NAMES = {"CN": "Tiongkok", "TL": "Timor Leste"}

_PART_SEPARATORS = re.compile(r"[,;/()\[\]]|\s-\s")
_LEADING_ARTICLE = re.compile(r"^\s*the\s+", re.IGNORECASE)


def _names(entry: object) -> list[str]:
    return [
        value
        for attr in ("name", "common_name", "official_name")
        if (value := getattr(entry, attr, None))
    ]


@lru_cache(maxsize=8)
def _translation(language: str) -> gettext.NullTranslations:
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


class _Lookup:
    """Loose name keys to country codes, in order of trust: codes, aliases, names, places;
    only the aliases in ``ALIASES_OVER_CODES`` come before the codes."""

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}
        names: dict[str, set[str]] = {}
        indonesian = _translation("id")
        for entry in pycountry.countries:
            alpha_2: str = entry.alpha_2
            self.codes[alpha_2.lower()] = alpha_2
            self.codes[entry.alpha_3.lower()] = alpha_2
            for name in _names(entry):
                for form in (name, indonesian.gettext(name)):
                    names.setdefault(loose_key(form), set()).add(alpha_2)
        self.aliases = {loose_key(alias): codes for alias, codes in COUNTRY_ALIASES.items()}
        self.names = {key: tuple(sorted(codes)) for key, codes in names.items()}
        self.places = {loose_key(place): code for place, code in DESTINATION_PLACES.items()}

        self.aliases_first = {loose_key(alias) for alias in ALIASES_OVER_CODES}

    def find(self, text: str) -> tuple[str, ...]:
        key = loose_key(text)
        if not key:
            return ()
        if key in self.aliases_first:
            return self.aliases[key]
        if key in self.codes:
            return (self.codes[key],)
        for table in (self.aliases, self.names):
            if key in table:
                return table[key]
        if key in self.places:
            return (self.places[key],)
        return ()


@lru_cache(maxsize=1)
def _lookup() -> _Lookup:
    return _Lookup()


def _country_label(code: str) -> str:
    return country_name(code, get_language() or "en")


def _country_choices(codes: tuple[str, ...]) -> str:
    return ", ".join(f"{_country_label(code)} ({code})" for code in codes)


_lazy_label = lazy(_country_label, str)
_lazy_choices = lazy(_country_choices, str)


def _ambiguous(text: str, codes: Iterable[str]) -> AmbiguousValue:
    ordered = tuple(sorted(codes))
    candidates: list[tuple[str, Message]] = [(code, _lazy_label(code)) for code in ordered]
    return AmbiguousValue(
        "country_ambiguous",
        _("'%(text)s' could be more than one country: %(choices)s."),
        {"text": text.strip(), "choices": _lazy_choices(ordered)},
        candidates=candidates,
    )


def _find(lookup: _Lookup, text: str) -> tuple[str, ...]:
    return lookup.find(text) or lookup.find(_LEADING_ARTICLE.sub("", text))


def _from_parts(text: str, parts: list[str], index: RegionIndex | None) -> tuple[str, ...]:
    """The countries all parts agree on. A part that names no country or place abroad is not
    skipped: if it is an Indonesian province or regency, that is said (unless the other parts
    say Indonesia), and otherwise the part is reported as not recognised."""
    lookup = _lookup()
    matches: list[set[str]] = []
    unknown: list[str] = []
    for part in parts:
        if codes := _find(lookup, part):
            matches.append(set(codes))
        else:
            unknown.append(part.strip())
    if unknown:
        regions = default_index() if index is None else index
        indonesian = [part for part in unknown if regions.named_at(part)]
        if indonesian and not (matches and all("ID" in codes for codes in matches)):
            raise ParseError(
                "country_indonesian_place",
                _("'%(part)s' is a place in Indonesia, not a destination country."),
                {"part": indonesian[0]},
            )
        strangers = [part for part in unknown if part not in indonesian]
        if strangers and len(parts) == 1:
            raise ParseError(
                "country_not_found",
                _("Country '%(text)s' was not recognised."),
                {"text": text.strip()},
            )
        if strangers:
            raise ParseError(
                "country_part_not_found",
                _("'%(part)s' in '%(text)s' is neither a country nor a known place abroad."),
                {"part": strangers[0], "text": text.strip()},
            )
    common = set.intersection(*matches)
    if not common:
        raise ParseError(
            "country_conflict", _("'%(text)s' names different countries."), {"text": text.strip()}
        )
    return tuple(sorted(common))


def resolve_country(text: object, *, index: RegionIndex | None = None) -> str:
    """The ISO 3166-1 alpha-2 code of the country meant by ``text``.

    Accepts alpha-2 and alpha-3 codes ("ID" is Indonesia, but "AS" is Amerika Serikat),
    English and Indonesian names, informal names ("KSA", "UEA", "Korsel") and common
    destination cities and states ("Dubai", "Sabah"). Case, accents and punctuation do not
    matter. A value with several parts ("Dubai, UEA", "Malaysia (Sabah)") is read part by
    part, and the parts must agree; a part that names neither a country nor a known place
    abroad is an error, with its own message when it is a place in Indonesia ("Batam / Johor").
    ``index`` is the Indonesian region data used for that message (for tests).
    """
    if text is None:
        raise empty_value()
    if not isinstance(text, str):
        raise unsupported_value(text)
    if not text.strip():
        raise empty_value()
    found = _find(_lookup(), text)
    if not found:
        parts = [part for part in _PART_SEPARATORS.split(text) if loose_key(part)]
        found = _from_parts(text, parts if len(parts) > 1 else [text], index)
    if len(found) > 1:
        raise _ambiguous(text, found)
    return found[0]


def country_name(code: str, language: str = "en") -> str:
    """The name of a country (alpha-2 or alpha-3 code) for the UI, in ``language``
    ("en", "id", or any language pycountry has names for; English otherwise). Uses the short
    common name where there is one ("Taiwan", "South Korea"). ``KeyError`` for an unknown code.
    """
    upper = code.strip().upper()
    entry = pycountry.countries.get(alpha_2=upper) if len(upper) == 2 else None
    if entry is None and len(upper) == 3:
        entry = pycountry.countries.get(alpha_3=upper)
    if entry is None:
        raise KeyError(code)
    name: str = getattr(entry, "common_name", None) or entry.name
    lang = language.replace("_", "-").split("-")[0].lower()
    if lang == "en":
        return name
    if lang == "id" and entry.alpha_2 in _INDONESIAN_NAMES:
        return _INDONESIAN_NAMES[entry.alpha_2]
    return _translation(lang).gettext(name)
