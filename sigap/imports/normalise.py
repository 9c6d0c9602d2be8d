"""One source row read into the values of a migrant worker's return, with the reasons a value
could not be read. Pure functions over the foundation parsers; nothing here touches the
database, so the same reading serves the preview, the import and the dry run.

Rules (issue 7): an empty row, or one holding only a running number, is blank; a JUMLAH /
TOTAL row is skipped; a row is rejected only when it cannot be a return record (no name, or
neither a readable return date nor a readable destination country); an invalid NIK never
rejects a row, it is left empty with a warning.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from sigap.core.parsing import (
    ParseError,
    RegionIndex,
    default_index,
    parse_date,
    parse_nik,
    parse_sex,
    resolve_country,
    resolve_region,
)
from sigap.core.parsing._cells import is_number
from sigap.core.parsing._text import words
from sigap.imports.models import Job, ReturnReason

TOTAL_WORDS = ("jumlah", "total", "jml", "sub total", "subtotal", "grand total")
TOTAL_INITIALS = frozenset(word[0] for word in TOTAL_WORDS)
# How the row report names a column whose value was not read (translated when it is used).
LABELS = {
    "sex": gettext_lazy("sex"), "birth_date": gettext_lazy("birth date"),
    "departure_date": gettext_lazy("departure date"), "return_date": gettext_lazy("return date"),
    "regency": gettext_lazy("regency"), "country": gettext_lazy("country"),
}  # fmt: skip

# Words in a return reason, strongest first: "deportasi, korban TPPO" is trafficking.
REASON_WORDS: list[tuple[ReturnReason, tuple[str, ...]]] = [
    (ReturnReason.TRAFFICKING, ("tppo", "trafficking", "perdagangan orang", "korban perdagangan")),
    (ReturnReason.DEATH, ("meninggal", "wafat", "jenazah", "md", "death", "died", "deceased")),
    (
        ReturnReason.VIOLENCE,
        (
            "kekerasan",
            "penganiayaan",
            "dianiaya",
            "disiksa",
            "pelecehan",
            "pemerkosaan",
            "abuse",
            "violence",
            "tortured",
        ),
    ),
    (
        ReturnReason.WAGES_UNPAID,
        (
            "gaji tidak dibayar",
            "gaji belum dibayar",
            "upah tidak dibayar",
            "gaji tidak dibayarkan",
            "unpaid",
            "tidak digaji",
        ),
    ),
    (
        ReturnReason.NON_PROCEDURAL,
        (
            "non prosedural",
            "nonprosedural",
            "unprosedural",
            "ilegal",
            "illegal",
            "tidak prosedural",
            "undocumented",
        ),
    ),
    (ReturnReason.DEPORTED, ("deportasi", "dideportasi", "deportan", "deported", "deportation")),
    (
        ReturnReason.FAILED_DEPARTURE,
        (
            "gagal berangkat",
            "gagal penempatan",
            "dicegah",
            "penundaan keberangkatan",
            "batal berangkat",
            "ditunda",
        ),
    ),
    (ReturnReason.ILLNESS, ("sakit", "dirawat", "ill", "sick", "illness", "stroke", "depresi")),
    (
        ReturnReason.COMPLETED,
        (
            "selesai kontrak",
            "habis kontrak",
            "finish kontrak",
            "kontrak selesai",
            "end of contract",
            "completed",
            "cuti",
            "purna",
        ),
    ),
]
JOB_WORDS: list[tuple[Job, tuple[str, ...]]] = [
    (
        Job.FISHING_CREW,
        ("abk", "anak buah kapal", "nelayan", "fisherman", "crew kapal", "kapal ikan", "fishing"),
    ),
    (
        Job.CAREGIVER,
        (
            "caregiver",
            "perawat lansia",
            "pengasuh",
            "careworker",
            "care worker",
            "perawat jompo",
            "nursing",
        ),
    ),
    (
        Job.DOMESTIC_WORKER,
        (
            "prt",
            "penata laksana rumah tangga",
            "plrt",
            "art",
            "housemaid",
            "domestic",
            "pembantu",
            "asisten rumah tangga",
            "informal",
            "house keeper",
            "housekeeper",
        ),
    ),
    (
        Job.PLANTATION,
        (
            "perkebunan",
            "kebun",
            "ladang",
            "sawit",
            "plantation",
            "pertanian",
            "buruh tani",
            "farm",
            "petani",
        ),
    ),
    (Job.FACTORY, ("pabrik", "operator", "factory", "manufaktur", "produksi")),
    (Job.CONSTRUCTION, ("konstruksi", "bangunan", "construction", "tukang")),
    (
        Job.HOSPITALITY,
        (
            "restoran",
            "hotel",
            "pelayan",
            "waiter",
            "waitress",
            "koki",
            "cook",
            "cleaning service",
            "spa",
        ),
    ),
    (Job.DRIVER, ("sopir", "supir", "driver", "pengemudi")),
]
PROCEDURAL_NO = ("non prosedural", "nonprosedural", "unprosedural", "tidak prosedural",
                 "ilegal", "illegal", "non procedural", "unprocedural")  # fmt: skip
PROCEDURAL_YES = ("prosedural", "procedural", "resmi", "legal")


@dataclass
class Values:
    """The normalised values of a row (the row report's columns and what is stored)."""

    name: str = ""
    nik: str = ""
    nik_valid: bool | None = None
    sex: str = ""
    birth_date: datetime.date | None = None
    regency_code: str = ""
    country_code: str = ""
    departure_date: datetime.date | None = None
    return_date: datetime.date | None = None
    reason: str = ""  # a ReturnReason once the row is read as a record
    reason_text: str = ""
    job: str = ""
    job_text: str = ""
    company: str = ""
    procedural: bool | None = None
    # Keyed hashes, set by the import: of the row (to find it again) and of its NIK.
    fingerprint: str = ""
    nik_index: str = ""

    def key(self) -> tuple[Any, ...]:
        """Everything that makes two rows the same row (the running number aside)."""
        return (
            " ".join(self.name.casefold().split()), self.nik, self.sex, self.birth_date,
            self.regency_code, self.country_code, self.departure_date, self.return_date,
            self.reason, " ".join(self.reason_text.casefold().split()), self.job,
            " ".join(self.job_text.casefold().split()),
            " ".join(self.company.casefold().split()), self.procedural,
        )  # fmt: skip

    def report(self) -> dict[str, str]:
        return {
            "nik": self.nik,
            "nik_valid": "" if self.nik_valid is None else str(self.nik_valid).lower(),
            "name": self.name,
            "sex": self.sex,
            "birth_date": self.birth_date.isoformat() if self.birth_date else "",
            "return_date": self.return_date.isoformat() if self.return_date else "",
            "regency_code": self.regency_code,
            "country_code": self.country_code,
            "return_reason": self.reason,
        }


@dataclass
class Reading:
    """A row read: blank (not reported), skipped, rejected or readable, with its reasons."""

    kind: str  # "blank", "skipped", "rejected" or "record"
    values: Values = field(default_factory=Values)
    reasons: list[str] = field(default_factory=list)
    total: bool = False
    texts: list[str] = field(default_factory=list)  # the cells as text, as the list showed


def text_of(cell: Any) -> str:
    """A cell as text, the way the list showed it (1.0 is "1")."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime.datetime):
        return cell.isoformat(sep=" ")
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    return " ".join(str(cell).replace("\x00", " ").split())


def _contains(text: str, phrases: tuple[str, ...]) -> bool:
    folded = f" {' '.join(words(text))} "
    return any(f" {phrase} " in folded for phrase in phrases)


@lru_cache(maxsize=4096)
def reason_of(text: str) -> str:
    return next(
        (reason for reason, phrases in REASON_WORDS if _contains(text, phrases)),
        ReturnReason.OTHER,
    )


@lru_cache(maxsize=4096)
def job_of(text: str) -> str:
    if not text:
        return Job.UNKNOWN
    return next((job for job, phrases in JOB_WORDS if _contains(text, phrases)), Job.OTHER)


@lru_cache(maxsize=4096)
def procedural_of(*texts: str) -> bool | None:
    for text in texts:
        if _contains(text, PROCEDURAL_NO):
            return False
    for text in texts:
        if _contains(text, PROCEDURAL_YES):
            return True
    return None


def _is_running_number(cell: Any) -> bool:
    if is_number(cell):
        return True
    return isinstance(cell, str) and re.fullmatch(r"\d{1,6}\.?", cell.strip()) is not None


def _is_total(texts: list[str]) -> bool:
    first = next((text for text in texts if text and not _is_running_number(text)), "")
    initial = next((char for char in first if char.isalnum()), "")  # "(Jumlah)", "*Total*"
    if initial.casefold() not in TOTAL_INITIALS:
        return False
    folded = " ".join(words(first))
    return any(folded == word or folded.startswith(word + " ") for word in TOTAL_WORDS)


PAST_DATE = partial(parse_date, past_only=True)


class Reader:
    """Reads rows with one mapping; parsed values are remembered (lists repeat the same
    dates, regencies and countries thousands of times)."""

    def __init__(
        self,
        mapping: dict[str, int],
        *,
        home_region: str,
        index: RegionIndex | None = None,
    ) -> None:
        self.mapping = mapping
        self.home_region = home_region
        self.index = index or default_index()
        self.after_total = False
        self._cache: dict[tuple[str, Any], tuple[Any, str]] = {}

    def cell(self, cells: list[Any], name: str) -> Any:
        column = self.mapping.get(name)
        if column is None or column >= len(cells):
            return None
        value = cells[column]
        return None if isinstance(value, str) and not value.strip() else value

    def _parsed(self, kind: str, value: Any, parse: Any) -> tuple[Any, str]:
        """(value, "") or (None, the parser's message); cached by kind and cell value."""
        key = (kind, value if not isinstance(value, list) else tuple(value))
        found = self._cache.get(key)
        if found is None:
            try:
                found = (parse(value), "")
            except ParseError as error:
                found = (None, str(error))
            if len(self._cache) < 200_000:
                self._cache[key] = found
        return found

    def read(self, cells: list[Any]) -> Reading:
        texts = [text_of(cell) for cell in cells]
        reading = self._read(cells, texts)
        reading.texts = texts
        return reading

    def _read(self, cells: list[Any], texts: list[str]) -> Reading:
        filled = [cell for cell, text in zip(cells, texts, strict=True) if text]
        if not filled:
            return Reading("blank")
        number_column = self.mapping.get("number")
        if (
            len(filled) == 1
            and _is_running_number(filled[0])
            and (number_column is None or self.cell(cells, "number") is not None)
        ):
            return Reading("skipped", reasons=[_("Blank row: only a running number.")])
        if _is_total(texts):
            self.after_total = True
            return Reading(
                "skipped", reasons=[_("Total row (JUMLAH/TOTAL): a sum, not a person.")],
                total=True,
            )  # fmt: skip
        reading = self._record(cells, texts)
        if reading.kind == "rejected" and self.after_total:
            reading.values.reason = ""
            return Reading("skipped", reading.values, [
                _("Below the total row: a note, not a record."), *reading.reasons
            ])  # fmt: skip
        return reading

    def _text(self, texts: list[str], name: str) -> str:
        """A column's cell as text (its `text_of`, made once per row by `read`)."""
        column = self.mapping.get(name)
        return texts[column] if column is not None and column < len(texts) else ""

    def _record(self, cells: list[Any], texts: list[str]) -> Reading:
        values, reasons = Values(), list[str]()
        values.name = self._text(texts, "name")
        self._nik(cells, values, reasons)
        sex = self._field(cells, "sex", parse_sex, reasons)
        values.sex = "" if sex in (None, "U") else str(sex)
        values.birth_date = self._field(cells, "birth_date", PAST_DATE, reasons)
        values.departure_date = self._field(cells, "departure_date", parse_date, reasons)
        values.return_date = self._field(cells, "return_date", parse_date, reasons)
        regency = self._field(cells, "regency", self._regency_code, reasons)
        values.regency_code = regency or ""
        country = self._field(cells, "country", resolve_country, reasons)
        values.country_code = country or ""
        values.reason_text = self._text(texts, "reason")
        values.reason = reason_of(values.reason_text)
        values.job_text = self._text(texts, "job")[:200]
        values.job = job_of(values.job_text)
        values.company = self._text(texts, "company")[:255]
        procedural_text = self._text(texts, "procedural")
        values.procedural = procedural_of(procedural_text, values.reason_text)
        if values.reason == ReturnReason.OTHER and values.procedural is False:
            values.reason = ReturnReason.NON_PROCEDURAL
        problems = []
        if not values.name:
            problems.append(_("No name."))
        if values.return_date is None and not values.country_code:
            problems.append(_("Neither a readable return date nor a readable destination country."))
        if problems:
            return Reading("rejected", values, problems + reasons)
        return Reading("record", values, reasons)

    def _nik(self, cells: list[Any], values: Values, reasons: list[str]) -> None:
        raw = self.cell(cells, "nik")
        if raw is None:
            return
        try:  # not remembered: every NIK is another (memory stays flat as a list grows)
            nik, problem = parse_nik(raw, index=self.index), ""
        except ParseError as error:
            nik, problem = None, str(error)
        if nik is None:
            values.nik_valid = False
            reasons.append(
                _("NIK %(value)s is not valid (%(problem)s); it is left empty.")
                % {"value": text_of(raw), "problem": problem}
            )
        else:
            values.nik, values.nik_valid = nik.value, True

    def _field(self, cells: list[Any], name: str, parse: Any, reasons: list[str]) -> Any:
        """The parsed value of a column, or None with the reason it was not read."""
        raw = self.cell(cells, name)
        if raw is None:
            return None
        if name == "birth_date" and isinstance(raw, str) and "," in raw:
            raw = raw.rsplit(",", 1)[1]  # "Banjarmasin, 12-03-1990" (tempat, tanggal lahir)
        value, problem = self._parsed(name, raw, parse)
        if value is None:
            reasons.append(
                _("The %(what)s %(value)s is not read: %(problem)s")
                % {"what": LABELS[name], "value": text_of(raw), "problem": problem}
            )
        return value

    def _regency_code(self, value: Any) -> str:
        """A regency (a district or village gives its regency), inside the home province
        first; an address ("Jl. ..., Martapura, Kab. Banjar") is read from its end."""
        text = text_of(value)
        parts = [part for part in re.split(r"[,;/]", text) if part.strip()]
        attempts = [text] + [", ".join(parts[-n:]) for n in (2, 1) if len(parts) > n]
        error: ParseError | None = None
        for attempt in attempts:
            try:
                region = resolve_region(attempt, self.home_region, index=self.index)
            except ParseError as problem:
                error = error or problem
                continue
            code = ".".join(region.code.split(".")[:2])
            if "." not in code:
                raise ParseError("province_only", _("Only a province, not a regency."))
            return code
        raise error or ParseError("not_found", _("Not found."))
