"""Resolve Indonesian region names and Kemendagri codes, as they appear in files, to regions.

Officers write "Kab. Banjar", "KABUPATEN BANJAR", "Batola", "HSU", "Bjm", "Kec. Martapura" or
"Martapura, Kab. Banjar"; the region data (``sigap/core/data/wilayah.csv``) has formal names
and dotted codes (``63``, ``63.03``, ``63.03.01``, ``63.03.01.2001``). Names are looked up in a
dictionary keyed by a loose form of the name (no case, punctuation, spaces or "Kab."/"Kota"
prefix), so resolving is a dictionary lookup, not a scan. Villages are resolved by code only:
their names repeat too often to be useful on their own.

A name that fits several regions is never guessed: ``AmbiguousValue`` lists them. Passing
``within`` (the deployment's home region, e.g. ``"63"``) makes names inside it win, which is
how "Banjar" means Kabupaten Banjar in Kalimantan Selatan rather than Kota Banjar in Jawa Barat.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Literal, cast

from django.utils.translation import gettext_lazy as _

from sigap.core.parsing._cells import is_number, number_text
from sigap.core.parsing._text import words
from sigap.core.parsing.errors import AmbiguousValue, ParseError, empty_value, unsupported_value
from sigap.core.reference import WILAYAH_CSV

Level = Literal["province", "regency", "district", "village"]
Kind = Literal["kabupaten", "kota"]

# Informal names and abbreviations, mapped to the code they mean. They are added to the name
# index like any other name, so an alias that is also the real name of another region makes
# that name ambiguous rather than silently winning.
REGION_ALIASES: dict[str, str] = {
    # Kalimantan Selatan
    "Kalsel": "63",
    "Tala": "63.01",
    "Batola": "63.04",
    "HSS": "63.06",
    "HST": "63.07",
    "HSU": "63.08",
    "Tanbu": "63.10",
    "Bjm": "63.71",
    "Bjb": "63.72",
    # Provinces, as they are usually called
    "NAD": "11",
    "Sumut": "12",
    "Sumbar": "13",
    "Sumsel": "16",
    "Babel": "19",
    "Kepri": "21",
    "Jakarta": "31",
    "DKI": "31",
    "DKI Jakarta": "31",
    "Jabar": "32",
    "Jateng": "33",
    "DIY": "34",
    "Jogja": "34",
    "Jogjakarta": "34",
    "Yogya": "34",
    "Yogyakarta": "34",
    "Jatim": "35",
    "NTB": "52",
    "NTT": "53",
    "Kalbar": "61",
    "Kalteng": "62",
    "Kaltim": "64",
    "Kaltara": "65",
    "Sulut": "71",
    "Sulteng": "72",
    "Sulsel": "73",
    "Sultra": "74",
    "Sulbar": "76",
    "Malut": "82",
}

# Abbreviations inside names, expanded on both sides so "Kep. Seribu" == "Kepulauan Seribu".
_WORD_EXPANSIONS = {"kep": "kepulauan", "gn": "gunung", "sei": "sungai", "tj": "tanjung"}

# Words that say which level a name is at: (level, kind of regency).
_PREFIXES: dict[str, tuple[Level, Kind | None]] = {
    "provinsi": ("province", None),
    "propinsi": ("province", None),
    "prov": ("province", None),
    "prop": ("province", None),
    "kabupaten": ("regency", "kabupaten"),
    "kab": ("regency", "kabupaten"),
    "kota": ("regency", "kota"),
    "kotamadya": ("regency", "kota"),
    "kodya": ("regency", "kota"),
    "kecamatan": ("district", None),
    "kec": ("district", None),
    "distrik": ("district", None),
    "kelurahan": ("village", None),
    "kel": ("village", None),
    "desa": ("village", None),
    "ds": ("village", None),
}
_ADMINISTRASI = {"administrasi", "adm"}
_COUNTRY_WORDS = {"indonesia", "ri", "nkri"}
FIRST_KOTA_NUMBER = 71  # regency codes 01-69 are kabupaten, 71-99 kota

_CODE_LIKE = re.compile(r"[\d.\s]+")
_DOTTED_CODE = re.compile(r"\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?")
_PLAIN_CODE = re.compile(r"\d{2}|\d{4}|\d{6}|\d{10}")
_PART_SEPARATORS = re.compile(r"[,;()\[\]]")


@dataclass(frozen=True, slots=True)
class RegionRef:
    """A region from the Kemendagri data: dotted ``code``, formal ``name`` and ``level``."""

    code: str
    name: str
    level: Level

    @property
    def parent_code(self) -> str | None:
        return self.code.rpartition(".")[0] or None

    def is_within(self, code: str) -> bool:
        """True if this region is ``code`` or lies inside it."""
        return self.code == code or self.code.startswith(code + ".")


def normalise_code(text: str) -> str | None:
    """The dotted code for ``63.03``, ``6303``, ``630301`` or ``6303012001``; None if ``text``
    does not have the shape of a region code."""
    compact = "".join(text.split())
    if _DOTTED_CODE.fullmatch(compact):
        return compact
    if _PLAIN_CODE.fullmatch(compact):
        parts = [compact[0:2], compact[2:4], compact[4:6], compact[6:10]]
        return ".".join(part for part in parts if part)
    return None


def _expanded_words(text: str) -> list[str]:
    return [_WORD_EXPANSIONS.get(word, word) for word in words(text)]


def _strip_regency_prefix(tokens: list[str]) -> list[str]:
    if tokens and tokens[0] in ("kabupaten", "kota"):
        tokens = tokens[1:]
        if tokens and tokens[0] in _ADMINISTRASI:
            tokens = tokens[1:]
    return tokens


def name_key(name: str, level: Level) -> str:
    """The index key of a formal name: regencies without their "Kabupaten"/"Kota" prefix."""
    tokens = _expanded_words(name)
    if level == "regency":
        tokens = _strip_regency_prefix(tokens)
    return "".join(tokens)


def is_kota_code(code: str) -> bool:
    """True if ``code`` (dotted or not) is a regency code numbered 71-99, which Kemendagri gives
    to cities (kota); 01-69 are kabupaten. False for any other code, and for provinces,
    districts and villages. The one place this rule is written, for the parsers and the models.
    """
    dotted = normalise_code(code)
    if dotted is None:
        return False
    segments = dotted.split(".")
    return len(segments) == 2 and int(segments[1]) >= FIRST_KOTA_NUMBER


def _kind(code: str) -> Kind | None:
    if code.count(".") != 1:
        return None
    return "kota" if is_kota_code(code) else "kabupaten"


def _not_found(text: str) -> ParseError:
    return ParseError(
        "region_not_found", _("Region '%(text)s' was not found."), {"text": text.strip()}
    )


def _code_format_error(text: str) -> ParseError:
    return ParseError(
        "region_code_format",
        _("'%(text)s' is not a region code; codes look like 63, 63.03, 63.03.01 or 63.03.01.2001."),
        {"text": text.strip()},
    )


def code_from_number(value: int | float | Decimal) -> str:
    """The code text in a number cell: 6303 is ``6303``, and 63.1 is ``63.10``, because Excel
    drops the trailing zero of 63.10 (63.01 stays 63.01, so nothing else can be meant)."""
    text = number_text(value)
    if text is None or text.startswith("-"):
        raise _code_format_error(str(value))
    whole, dot, fraction = text.partition(".")
    return f"{whole}.{fraction.ljust(2, '0')}" if dot else whole


class RegionIndex:
    """Regions by code and by loose name, built once from ``(code, name, level, parent_code)``
    rows. Names are indexed for provinces, regencies and districts; villages by code only."""

    def __init__(
        self,
        rows: Iterable[Sequence[str | None]],
        aliases: Mapping[str, str] = REGION_ALIASES,
    ) -> None:
        self._regions: dict[str, tuple[str, Level]] = {}
        by_key: dict[str, list[str]] = {}
        for row in rows:
            code, name, level = cast(str, row[0]), cast(str, row[1]).strip(), cast(Level, row[2])
            self._regions[code] = (name, level)
            if level != "village":
                # "Misool (Misool Utara)" is also found as "Misool" and as "Misool Utara".
                forms = {name, *(p for p in _PART_SEPARATORS.split(name) if p.strip())}
                for key in {name_key(form, level) for form in forms}:
                    by_key.setdefault(key, []).append(code)
        for alias, code in aliases.items():
            codes = by_key.setdefault("".join(_expanded_words(alias)), [])
            if code in self._regions and code not in codes:
                codes.append(code)
        self._by_key: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in by_key.items() if v}

    @classmethod
    def from_csv(cls, path: Path = WILAYAH_CSV) -> RegionIndex:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.reader(handle)
            next(reader)  # header: code,name,level,parent_code
            return cls(reader)

    def __len__(self) -> int:
        return len(self._regions)

    def __contains__(self, code: object) -> bool:
        return code in self._regions

    def get(self, code: str) -> RegionRef | None:
        """The region with this code (dotted or not), or None."""
        dotted = normalise_code(code)
        entry = self._regions.get(dotted) if dotted else None
        return RegionRef(cast(str, dotted), entry[0], entry[1]) if entry else None

    def level(self, dotted_code: str) -> Level | None:
        """The level of the region with this dotted code, or None if there is none."""
        entry = self._regions.get(dotted_code)
        return entry[1] if entry else None

    def named(self, key: str) -> list[RegionRef]:
        """Regions whose loose name key (see ``name_key``) is ``key``."""
        return [self._ref(code) for code in self._by_key.get(key, ())]

    def label(self, code: str) -> str:
        """A name to show when several regions match: the region and those it lies in."""
        parts = []
        current: str | None = code
        while current is not None and current in self._regions:
            ref = self._ref(current)
            parts.append(f"Kec. {ref.name}" if ref.level == "district" else ref.name)
            current = ref.parent_code
        return ", ".join(parts)

    def _ref(self, code: str) -> RegionRef:
        name, level = self._regions[code]
        return RegionRef(code, name, level)

    def _code_like(self, text: str, within: str | None, strict: bool) -> RegionRef:
        dotted = normalise_code(text)
        if dotted is None:
            raise _code_format_error(text)
        if dotted not in self._regions:
            raise ParseError(
                "region_code_unknown",
                _("There is no region with code %(code)s."),
                {"code": dotted},
            )
        ref = self._ref(dotted)
        if strict and within and not ref.is_within(within):
            raise self._not_in(text, within)
        return ref

    def _not_in(self, text: str, within: str) -> ParseError:
        return ParseError(
            "region_not_in",
            _("Region '%(text)s' was not found in %(parent)s."),
            {"text": text.strip(), "parent": self._regions[within][0]},
        )

    def resolve_part(self, text: str, within: str | None = None, strict: bool = False) -> RegionRef:
        """Resolve one name or code. With ``within``, regions inside it win; with ``strict``
        too, a region outside it is an error rather than a fallback."""
        if _CODE_LIKE.fullmatch(text):
            return self._code_like(text, within, strict)
        tokens = _expanded_words(text)
        if not tokens:
            raise _not_found(text)

        # Readings in order of preference: with the prefix as a level ("Kota Banjar"), then
        # with the prefix as part of the name ("Kota Baru" is Kabupaten Kotabaru).
        readings: list[list[RegionRef]] = []
        hint = _PREFIXES.get(tokens[0])
        if hint is not None:
            level, kind = hint
            rest = tokens[1:]
            if kind and rest and rest[0] in _ADMINISTRASI:
                rest = rest[1:]
            if level == "village":
                raise ParseError(
                    "region_village_name",
                    _("Villages can only be given by code, not by name ('%(text)s')."),
                    {"text": text.strip()},
                )
            readings.append(
                [
                    ref
                    for ref in self.named("".join(rest))
                    if ref.level == level and (kind is None or _kind(ref.code) == kind)
                ]
            )
        readings.append(self.named("".join(tokens)))
        readings = [reading for reading in readings if reading]
        if not readings:
            raise _not_found(text)

        candidates = readings[0]
        if within:
            insides = [[r for r in reading if r.is_within(within)] for reading in readings]
            inside = next((reading for reading in insides if reading), None)
            if inside:
                candidates = inside
            elif strict:
                raise self._not_in(text, within)
        # A regency and a district inside it with the same name: the regency is meant.
        codes = {ref.code for ref in candidates}
        candidates = [
            ref
            for ref in candidates
            if not any(ref.code.startswith(other + ".") for other in codes)
        ]
        if len(candidates) == 1:
            return candidates[0]
        candidates.sort(key=lambda ref: ref.code)
        labels = [self.label(ref.code) for ref in candidates]
        shown = "; ".join(labels[:6]) + ("; ..." if len(labels) > 6 else "")
        raise AmbiguousValue(
            "region_ambiguous",
            _("'%(text)s' matches more than one region: %(choices)s."),
            {"text": text.strip(), "choices": shown},
            candidates=[(ref.code, label) for ref, label in zip(candidates, labels, strict=True)],
        )

    def named_at(
        self, text: str, levels: Collection[Level] = ("province", "regency")
    ) -> list[RegionRef]:
        """Regions at ``levels`` that ``text`` names, with or without its prefix ("Kota Batam",
        "Batam", "Kalsel"): whether a name is a place in Indonesia at all, without the
        ambiguity and context rules of ``resolve``."""
        tokens = _expanded_words(text)
        keys = {"".join(tokens)}
        if tokens and tokens[0] in _PREFIXES:
            rest = tokens[1:]
            if rest and rest[0] in _ADMINISTRASI:
                rest = rest[1:]
            keys.add("".join(rest))
        return [
            ref for key in sorted(keys) if key for ref in self.named(key) if ref.level in levels
        ]

    def _named_as_a_whole(self, text: str) -> bool:
        """True if a text with commas or brackets is itself a region's name."""
        return bool(self._by_key.get("".join(_expanded_words(text))))

    def resolve(self, text: object, within: str | None = None) -> RegionRef:
        """See ``resolve_region``."""
        if is_number(text):
            text = code_from_number(text)
        if text is None:
            raise empty_value()
        if not isinstance(text, str):
            raise unsupported_value(text)
        if not text.strip():
            raise empty_value()
        context = None
        if within is not None:
            context = normalise_code(within)
            if context is None or context not in self._regions:
                raise ValueError(f"Unknown region code for 'within': {within!r}")
        parts = [part for part in _PART_SEPARATORS.split(text) if part.strip()]
        if len(parts) > 1 and self._named_as_a_whole(text):
            parts = [text]
        if len(parts) > 1:
            parts = [part for part in parts if "".join(words(part)) not in _COUNTRY_WORDS] or parts
        if not parts:
            raise _not_found(text)
        ref: RegionRef | None = None
        for position, part in enumerate(reversed(parts)):
            ref = self.resolve_part(part, context, strict=position > 0)
            context = ref.code
        return cast(RegionRef, ref)


@lru_cache(maxsize=1)
def default_index() -> RegionIndex:
    """The index of the shipped region data, read on first use and kept for the process."""
    return RegionIndex.from_csv()


def _or_default(index: RegionIndex | None) -> RegionIndex:
    return default_index() if index is None else index


def resolve_region(
    text: object, within: str | None = None, *, index: RegionIndex | None = None
) -> RegionRef:
    """The region meant by a name or code as officers write it.

    Codes may be dotted or not (``63.03``, ``6303``, ``6303012001``). Names are matched without
    regard to case, punctuation, spaces and the "Kab."/"Kota"/"Kec."/"Provinsi" prefix; a
    prefix also restricts the level ("Kota Banjar" is the city in Jawa Barat). A name that is
    both a regency and a district inside it means the regency. In "Martapura, Kab. Banjar" each
    part is resolved inside the part to its right. ``within`` (a region code) makes regions
    inside it win over others of the same name. Raises ``AmbiguousValue`` when several regions
    still fit, and ``ParseError`` when none does. A number cell is read as a code (6303 is
    63.03, 63.1 is 63.10); other kinds of value are refused with ``unsupported_value``.
    """
    return _or_default(index).resolve(text, within)


def region_name(code: str, *, index: RegionIndex | None = None) -> str:
    """The formal name of the region with this code; ``KeyError`` if there is none."""
    ref = _or_default(index).get(code)
    if ref is None:
        raise KeyError(code)
    return ref.name


def region_parent(code: str, *, index: RegionIndex | None = None) -> RegionRef | None:
    """The region that the region with this code lies in (None for a province)."""
    regions = _or_default(index)
    ref = regions.get(code)
    if ref is None:
        raise KeyError(code)
    return regions.get(ref.parent_code) if ref.parent_code else None
