"""Which column holds what: the header row found among the first rows of a list, and its
labels recognised in their common Indonesian and English spellings.

A header may span two rows (a merged "TANGGAL" above "BERANGKAT" and "PULANG"): the labels of
both rows are read together. What is found here is a proposal; the officer confirms or
corrects it in the mapping step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

from sigap.core.parsing._text import words

# How far down the header may be (title rows, a logo, the period above it).
HEADER_SEARCH_ROWS = 30

FIELDS: dict[str, Any] = {
    "number": _("Running number"),
    "name": _("Name"),
    "nik": _("NIK"),
    "sex": _("Sex"),
    "birth_date": _("Birth date"),
    "regency": _("Home regency or address"),
    "country": _("Destination country"),
    "departure_date": _("Departure date"),
    "return_date": _("Return date"),
    "reason": _("Return reason"),
    "company": _("Placement company (P3MI)"),
    "job": _("Job"),
    "procedural": _("Procedural or not"),
}

# Labels as lists name them (folded words joined by spaces): recognised exactly.
EXACT: dict[str, str] = {
    **dict.fromkeys(["no", "no urut", "nomor", "nomor urut", "urut", "nmr"], "number"),
    **dict.fromkeys(
        [
            "nama",
            "nama lengkap",
            "nama pmi",
            "nama tki",
            "nama cpmi",
            "name",
            "full name",
            "nama pekerja migran",
        ],
        "name",
    ),
    **dict.fromkeys(
        [
            "nik",
            "no ktp",
            "no ktp nik",
            "nik ktp",
            "no nik",
            "nomor nik",
            "ktp",
            "nomor induk kependudukan",
            "no identitas",
            "id number",
        ],
        "nik",
    ),
    **dict.fromkeys(["jk", "l p", "lp", "jenis kelamin", "kelamin", "sex", "gender"], "sex"),
    **dict.fromkeys(
        [
            "tgl lahir",
            "tanggal lahir",
            "tgl lhr",
            "ttl",
            "tempat tanggal lahir",
            "tempat tgl lahir",
            "date of birth",
            "dob",
            "birth date",
            "lahir",
        ],
        "birth_date",
    ),
    **dict.fromkeys(
        [
            "kab kota asal",
            "kabupaten kota asal",
            "kab kota",
            "kabupaten kota",
            "daerah asal",
            "asal",
            "alamat",
            "alamat asal",
            "domisili",
            "kabupaten",
            "kota",
            "asal daerah",
            "origin",
            "address",
            "home regency",
        ],
        "regency",
    ),
    **dict.fromkeys(
        [
            "negara penempatan",
            "negara tujuan",
            "negara",
            "country",
            "destination",
            "destination country",
            "negara penempatan tujuan",
            "tujuan",
            "penempatan",
        ],
        "country",
    ),
    **dict.fromkeys(
        [
            "tgl berangkat",
            "tanggal berangkat",
            "tgl keberangkatan",
            "tanggal keberangkatan",
            "departure date",
            "berangkat",
        ],
        "departure_date",
    ),
    **dict.fromkeys(
        [
            "tgl kepulangan",
            "tanggal kepulangan",
            "tgl pulang",
            "tanggal pulang",
            "tgl tiba",
            "tanggal tiba",
            "tanggal kedatangan",
            "tgl kedatangan",
            "return date",
            "arrival date",
            "kepulangan",
            "pulang",
            "tiba",
            "tanggal",
        ],
        "return_date",
    ),
    **dict.fromkeys(
        [
            "keterangan",
            "ket",
            "alasan kepulangan",
            "alasan",
            "alasan pulang",
            "masalah",
            "permasalahan",
            "kasus",
            "jenis kasus",
            "reason",
            "remarks",
            "return reason",
        ],
        "reason",
    ),
    **dict.fromkeys(
        [
            "p3mi",
            "perusahaan",
            "pt",
            "nama p3mi",
            "nama perusahaan",
            "pptkis",
            "agency",
            "company",
            "perusahaan penempatan",
            "p3mi pptkis",
            "placement company",
        ],
        "company",
    ),
    **dict.fromkeys(
        [
            "jabatan",
            "pekerjaan",
            "jenis pekerjaan",
            "sektor",
            "job",
            "occupation",
            "position",
            "profesi",
            "sektor pekerjaan",
        ],
        "job",
    ),
    **dict.fromkeys(
        [
            "prosedural",
            "status prosedural",
            "jalur",
            "jalur keberangkatan",
            "status keberangkatan",
            "prosedural non prosedural",
            "procedural",
        ],
        "procedural",
    ),
}

DATE_WORDS = frozenset({"tgl", "tanggal", "date", "waktu", "tmt"})


def _guess(tokens: list[str]) -> str | None:
    """A field for a label not known exactly, from the words in it (order matters: "ALASAN
    KEPULANGAN" is a reason, "NAMA P3MI" a company, "TGL PULANG KE INDONESIA" a date)."""
    have = set(tokens)
    rules: list[tuple[bool, str]] = [
        ("nik" in have or "ktp" in have, "nik"),
        ("kelamin" in have, "sex"),
        ("lahir" in have or "birth" in have, "birth_date"),
        (bool(have & {"p3mi", "pptkis", "perusahaan", "company", "agency", "pt"}), "company"),
        (
            bool(have & {"alasan", "keterangan", "masalah", "permasalahan", "reason", "kasus"}),
            "reason",
        ),
        (bool(have & {"berangkat", "keberangkatan", "departure"}), "departure_date"),
        (
            bool(have & {"pulang", "kepulangan", "tiba", "kedatangan", "return", "arrival"}),
            "return_date",
        ),
        (bool(have & {"negara", "country"}), "country"),
        (bool(have & {"kab", "kabupaten", "kota", "alamat", "asal", "domisili"}), "regency"),
        (bool(have & {"jabatan", "pekerjaan", "sektor", "job", "occupation"}), "job"),
        ("prosedural" in have, "procedural"),
        ("nama" in have or "name" in have, "name"),
    ]
    return next((name for matched, name in rules if matched), None)


def recognise(label: object) -> tuple[str | None, int]:
    """The field a header label names and how sure that is (2 exact, 1 guessed, 0 none)."""
    tokens = words(str(label)) if label not in (None, "") else []
    if not tokens:
        return None, 0
    key = " ".join(tokens)
    if key in EXACT:
        return EXACT[key], 2
    guessed = _guess(tokens)
    return (guessed, 1) if guessed else (None, 0)


@dataclass
class Header:
    """Where the header is (0-based index among the rows read), how many rows it spans, its
    labels, and the proposed {field: column}."""

    index: int
    span: int
    labels: list[str]
    mapping: dict[str, int] = field(default_factory=dict)

    @property
    def data_start(self) -> int:
        return self.index + self.span


def _label(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return " ".join(str(cell).replace("\x00", " ").split())


# Labels that name the regency only loosely: a KAB/KOTA column beside them is the regency.
LOOSE = frozenset({"alamat", "alamat asal", "domisili", "address", "asal", "origin"})


def _map(labels: Sequence[str]) -> dict[str, int]:
    best: dict[str, tuple[int, int]] = {}  # field: (rank, column)
    for column, label in enumerate(labels):
        name, certainty = recognise(label)
        rank = certainty * 2 - (" ".join(words(label)) in LOOSE)
        if name and (name not in best or rank > best[name][0]):
            best[name] = (rank, column)
    return {name: column for name, (_rank, column) in best.items()}


def _numbering(cells: Sequence[Any]) -> bool:
    """Whether a row only numbers the columns above it ("1 2 3 ..." or "(1) (2) (3) ..."),
    as many official forms do under their header."""
    texts = [_label(cell).strip("()") for cell in cells if _label(cell)]
    return len(texts) >= 3 and texts == [str(number) for number in range(1, len(texts) + 1)]


def _joined(upper: Sequence[Any], lower: Sequence[Any]) -> list[str]:
    width = max(len(upper), len(lower))
    labels = []
    for column in range(width):
        top = _label(upper[column]) if column < len(upper) else ""
        bottom = _label(lower[column]) if column < len(lower) else ""
        labels.append(top if bottom in ("", top) else f"{top} {bottom}".strip())
    return labels


def _sub_header(cells: Sequence[Any]) -> bool:
    """Whether a row may be the second row of a header: text only, with a known label."""
    texts = [cell for cell in cells if cell not in (None, "")]
    return all(isinstance(cell, str) for cell in texts) and any(
        recognise(cell)[1] == 2 for cell in texts
    )


def _score(mapping: dict[str, int]) -> int:
    # A header names a person: without a name column it is not the header of a list.
    return len(mapping) + (2 if "name" in mapping else -10)


def find_header(rows: Sequence[Sequence[Any]]) -> Header | None:
    """The header among the first rows, or None when no row names at least a name and one
    other field."""
    best: Header | None = None
    best_score = 0
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        labels = [_label(cell) for cell in cells]
        candidates = [Header(index, 1, labels, _map(labels))]
        if index + 1 < len(rows) and _sub_header(rows[index + 1]):
            joined = _joined(cells, rows[index + 1])
            candidates.append(Header(index, 2, joined, _map(joined)))
        for candidate in candidates:
            score = _score(candidate.mapping)
            if len(candidate.mapping) >= 2 and score > best_score:
                best, best_score = candidate, score
    if best is not None and best.data_start < len(rows) and _numbering(rows[best.data_start]):
        best.span += 1
    return best
