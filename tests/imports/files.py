"""Messy lists of returned migrant workers, built the way offices send them (all synthetic):
title rows above the header, merged cells, dates in every form, NIKs mangled by Excel, a
JUMLAH row, CSVs from an Indonesian Excel (`;`, Windows-1252)."""

from __future__ import annotations

import datetime
from pathlib import Path

from openpyxl import Workbook

HEADER = ["NO", "NAMA PMI", "NIK", "L/P", "TGL LAHIR", "KAB/KOTA ASAL", "NEGARA PENEMPATAN",
          "TGL KEPULANGAN", "KETERANGAN"]  # fmt: skip
# (name, NIK, sex, birth date, regency, country, return date, reason): every date form.
PEOPLE = [
    (
        "Siti Aminah",
        "6303015203900001",
        "P",
        "12/03/1990",
        "Martapura, Kab. Banjar",
        "Malaysia",
        "05/01/2024",
        "Deportasi",
    ),
    (
        "Budi Santoso",
        "6,30301E+15",
        "L",
        "1 Mei 1985",
        "Banjarmasin",
        "Arab Saudi",
        "15-02-2024",
        "Selesai kontrak",
    ),
    ("Rina Wati", "", "P", "", "HSU", "Taiwan", "", "Gaji tidak dibayar"),
    (
        "Ahmad Fauzi",
        "6303011505880002",
        "L",
        "15.05.1988",
        "Kab. Tapin",
        "",
        "20 Maret 2024",
        "sakit",
    ),
    (
        "Dewi Lestari",
        "'6371045708950003",
        "Perempuan",
        "1995-08-17",
        "Kota Banjarbaru",
        "Hong Kong",
        "2024-03-02",
        "PMI non prosedural",
    ),
]


def csv_cp1252(path: Path, *, extra: list[str] | None = None) -> Path:
    """A list as Indonesian Excel saves a CSV: `;`, Windows-1252, CRLF, title rows, a blank
    numbered row, a duplicate row, a JUMLAH row and a signature below it."""
    lines = ["DATA KEPULANGAN PMI ASAL KALIMANTAN SELATAN (DATA SINTETIS);;;;;;;;",
             "TRIWULAN I TAHUN 2024;;;;;;;;", ";;;;;;;;", ";".join(HEADER)]  # fmt: skip
    for number, person in enumerate(PEOPLE, start=1):
        lines.append(";".join([str(number), *person]))
    lines.append("6;;;;;;;;")  # a running number alone
    lines.append(";".join(["7", *PEOPLE[0]]))  # the first row again
    lines.append(";".join(["8", "Tono Café", "", "L", "", "Barabai", "Planet Mars", "kemarin", ""]))
    lines += extra or []
    lines += [";;;;;;;;", "JUMLAH;7 orang;;;;;;;", "Banjarbaru, 5 April 2024;;;;;;;;"]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def xlsx_messy(path: Path) -> Path:
    """The same people in a workbook: a merged title, a two-row header (TANGGAL over LAHIR and
    PULANG), real date cells, an Excel serial, a NIK stored as a number, a country merged
    over two rows, and a JUMLAH row."""
    book = Workbook()
    sheet = book.active
    sheet.append(["DATA KEPULANGAN PMI (DATA SINTETIS)"])
    sheet.merge_cells("A1:H1")
    sheet.append([])
    sheet.append(["NO", "NAMA", "NIK", "JENIS KELAMIN", "TANGGAL", None, "NEGARA TUJUAN",
                  "ALASAN KEPULANGAN", "DAERAH ASAL"])  # fmt: skip
    sheet.merge_cells("E3:F3")
    sheet.append([None, None, None, None, "LAHIR", "PULANG", None, None, None])
    returned = datetime.datetime(2024, 1, 5)  # noqa: DTZ001 - a cell holds a naive time
    sheet.append([1, "Siti Aminah", "6303015203900001", "P", datetime.date(1990, 3, 12),
                  returned, "Malaysia", "Deportasi", "Kab. Banjar"])  # fmt: skip
    sheet.append([2, "Budi Santoso", 6303011505850001, "L", "01/05/1985", 45337, "Arab Saudi",
                  "Selesai kontrak", "Banjarmasin"])  # fmt: skip
    sheet.append([3, "Rina Wati", None, "P", None, "10 Jan 2024", "Taiwan",
                  "Gaji tidak dibayar", "Amuntai, HSU"])  # fmt: skip
    sheet.append([4, "Yanti", None, "P", None, "11 Jan 2024", None, "Korban TPPO",
                  "Kab. Tapin"])  # fmt: skip
    sheet.merge_cells("G7:G8")  # Taiwan for Rina and Yanti
    sheet.append([None, "JUMLAH", None, None, None, None, None, None, None])
    book.save(path)
    return path
