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


# Workbooks written by hand, byte by byte, for what no spreadsheet program writes: cells far
# away, odd but legal XML, ranges in any order. Their text is synthetic.

XLSX_WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"


def xlsx_by_hand(
    path: Path,
    sheet_data: str,
    *,
    merges: tuple[str, ...] = (),
    target: str = "worksheets/sheet1.xml",
    worksheet: str = "",
) -> Path:
    """An XLSX of one sheet whose <sheetData> holds `sheet_data` as given, with merged
    `merges`, stored where the workbook's relationship `target` points (or as `worksheet`,
    the whole part, when given)."""
    import zipfile

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    merged = "".join(f'<mergeCell ref="{ref}"/>' for ref in merges)
    part = worksheet or (
        f'<worksheet xmlns="{main}"><sheetData>{sheet_data}</sheetData>'
        + (f'<mergeCells count="{len(merges)}">{merged}</mergeCells>' if merges else "")
        + "</worksheet>"
    )
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("_rels/.rels", f'<Relationships xmlns="{relationships}">'
                         f'<Relationship Id="rId1" Type="{office}/officeDocument" '
                         'Target="xl/workbook.xml"/></Relationships>')  # fmt: skip
        archive.writestr("xl/workbook.xml", f'<workbook xmlns="{main}" xmlns:r="{office}">'
                         '<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets>'
                         "</workbook>")  # fmt: skip
        archive.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{relationships}">'
                         f'<Relationship Id="rId1" Type="{XLSX_WORKSHEET}" Target="{target}"/>'
                         "</Relationships>")  # fmt: skip
        archive.writestr(target.removeprefix("/") if target.startswith("/") else f"xl/{target}",
                         part.encode())  # fmt: skip
    return path


def ods_by_hand(path: Path, rows: str) -> Path:
    """An ODS of one sheet whose <table:table> holds the `rows` XML as given."""
    import zipfile

    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    content = (f'<office:document-content xmlns:office="{office}" xmlns:table="{table}" '
               f'xmlns:text="{text}" office:version="1.2"><office:body><office:spreadsheet>'
               f'<table:table table:name="Data">{rows}</table:table>'
               "</office:spreadsheet></office:body></office:document-content>")  # fmt: skip
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest='
                         '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>')  # fmt: skip
        archive.writestr("content.xml", content)
    return path


def ods_cell(text: str = "", repeated: int = 1) -> str:
    repeat = f' table:number-columns-repeated="{repeated}"' if repeated > 1 else ""
    if not text:
        return f"<table:table-cell{repeat}/>"
    return (f'<table:table-cell office:value-type="string"{repeat}><text:p>{text}</text:p>'
            "</table:table-cell>")  # fmt: skip


def xls_numbers(path: Path, cells: list[tuple[int, int, float]]) -> Path:
    """An XLS (BIFF8 in a compound file) of one sheet holding a number at each
    (row, column) counted from 0, as a NUMBER record gives them: up to 65535 each."""
    import struct

    def record(kind: int, body: bytes = b"") -> bytes:
        return struct.pack("<HH", kind, len(body)) + body

    def bof(kind: int) -> bytes:
        return record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0, 1997, 0, 0x0600))

    numbers = [record(0x0203, struct.pack("<HHHd", row, column, 0, value))
               for row, column, value in cells]  # fmt: skip
    sheet = bof(0x0010) + b"".join(numbers) + record(0x000A)
    sheet_at = len(bof(0x0005)) + 4 + 9 + 4  # after the globals: BOF, BOUNDSHEET, EOF
    globals_ = bof(0x0005) + record(0x0085, struct.pack("<IBBBB", sheet_at, 0, 0, 1, 0) + b"S")
    stream = (globals_ + record(0x000A) + sheet).ljust(4096, b"\x00")  # no mini stream
    stream += b"\x00" * (-len(stream) % 512)
    end, free = 0xFFFFFFFE, 0xFFFFFFFF
    sectors = len(stream) // 512  # sector 0 is the FAT, 1 the directory, 2... the stream
    fat = [0xFFFFFFFD, end, *range(3, 2 + sectors), end]
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
              + struct.pack("<5H6x9I", 0x3E, 3, 0xFFFE, 9, 6, 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I108I", 0, *[free] * 108))  # fmt: skip

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\x00").encode("utf-16-le") if name else b""
        return (encoded.ljust(64, b"\x00") + struct.pack("<HBB3I", len(encoded), kind, 1, free,
                free, child) + bytes(36) + struct.pack("<IQ", start, size))  # fmt: skip

    directory = (entry("Root Entry", 5, 1, end, 0) + entry("Workbook", 2, free, 2, len(stream))
                 + entry("", 0, free, free, 0) * 2)  # fmt: skip
    path.write_bytes(header + struct.pack("<128I", *fat, *[free] * (128 - len(fat)))
                     + directory + stream)  # fmt: skip
    return path
