"""Reading the rows of an official list: XLSX (and the other workbooks calamine reads: XLS,
ODS) or CSV as Indonesian Excel saves it.

A file is told by its content, never by its name. A CSV may be UTF-8 (with or without a BOM)
or Windows-1252, even both in one file (a byte that is not UTF-8 is read as Windows-1252, so
no character is lost), separated by `,`, `;` or tabs; it is read as a stream, so memory does
not grow with it. A workbook is checked before it is opened: its declared unpacked size (a
"zip bomb" declares gigabytes), a password, damage; then its rows and columns are counted
against the limits. Merged cells give their value to every cell they cover (a country merged
over ten rows belongs to each of them).

Each row comes with its number as a spreadsheet program shows it (the first row is 1).
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import python_calamine as calamine
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # XLS, and password-protected XLSX
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
SNIFF_BYTES = 64 * 1024
DELIMITERS = (",", ";", "\t")
# An unpacked workbook may be this many times larger than the limit of the file itself.
UNPACK_FACTOR = 20
# Merged cells are spread over the cells they cover, up to this many.
MAX_MERGED_CELLS = 1_000_000


class UnreadableFile(Exception):
    """The file cannot be read at all; the message says why, in the user's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


Row = tuple[int, list[Any]]


@dataclass(frozen=True)
class Source:
    """A checked file: its kind ("csv" or "workbook") and, for a CSV, how to read its text."""

    path: Path
    kind: str
    delimiter: str = ","


def limits() -> tuple[int, int, int]:
    """(bytes, rows, columns) an import may have (settings SIGAP_IMPORT_MAX_*)."""
    return (
        settings.SIGAP_IMPORT_MAX_BYTES,
        settings.SIGAP_IMPORT_MAX_ROWS,
        settings.SIGAP_IMPORT_MAX_COLUMNS,
    )


def _not_a_list() -> UnreadableFile:
    return UnreadableFile(
        _(
            "This file is not a spreadsheet or a CSV file. Save the list from Excel as .xlsx "
            "or .csv and upload that."
        )
    )


def _damaged() -> UnreadableFile:
    return UnreadableFile(
        _("This spreadsheet is damaged or incomplete. Open it in Excel, save it again, retry.")
    )


def _encrypted() -> UnreadableFile:
    return UnreadableFile(
        _(
            "This spreadsheet is protected by a password. Remove the password in Excel "
            "(File, Info, Protect Workbook) and upload it again."
        )
    )


def _too_many(rows: int, columns: int) -> UnreadableFile:
    _max_bytes, max_rows, max_columns = limits()
    return UnreadableFile(
        _(
            "This sheet has %(rows)s rows and %(columns)s columns; an import takes at most "
            "%(max_rows)s rows and %(max_columns)s columns. Split the list into smaller files."
        )
        % {"rows": rows, "columns": columns, "max_rows": max_rows, "max_columns": max_columns}
    )


def check(path: Path) -> Source:
    """The file's kind, after the checks that need no parsing; raises UnreadableFile."""
    max_bytes = limits()[0]
    size = path.stat().st_size
    if size > max_bytes:
        raise UnreadableFile(
            _("This file is %(size)s; an import takes at most %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(max_bytes)}
        )
    if size == 0:
        raise UnreadableFile(_("This file is empty."))
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    if head.startswith(ZIP_MAGIC):
        _check_zip(path, max_bytes * UNPACK_FACTOR)
        return Source(path, "workbook")
    if head.startswith(OLE_MAGIC):
        if ENCRYPTED_PACKAGE in head or _ole_has_encrypted_package(path):
            raise _encrypted()
        return Source(path, "workbook")
    if b"\x00" in head[:8192] or head.startswith(b"%PDF"):
        raise _not_a_list()
    return Source(path, "csv", _sniff_delimiter(_decode(head)))


def _ole_has_encrypted_package(path: Path) -> bool:
    """A password-protected XLSX is an OLE file whose directory names an EncryptedPackage."""
    with path.open("rb") as handle:
        return ENCRYPTED_PACKAGE in handle.read(4 * 1024 * 1024)


def _check_zip(path: Path, max_unpacked: int) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError):
        raise _damaged() from None
    names = {entry.filename for entry in entries}
    if not ({"xl/workbook.xml", "content.xml"} & names):
        raise _not_a_list()
    if sum(entry.file_size for entry in entries) > max_unpacked:
        raise UnreadableFile(
            _(
                "This spreadsheet unpacks to more than %(limit)s; it is refused. Split the "
                "list into smaller files."
            )
            % {"limit": filesizeformat(max_unpacked)}
        )


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Bytes that are not UTF-8 are read as Windows-1252 (Latin-1 where it has no character)."""
    assert isinstance(error, UnicodeDecodeError)  # noqa: S101 - registered for decoding only
    chunk = error.object[error.start : error.end]
    return chunk.decode("cp1252", errors="ignore") or chunk.decode("latin-1"), error.end


codecs.register_error("sigap-cp1252", _cp1252_fallback)


def _decode(data: bytes) -> str:
    return data.decode("utf-8-sig", errors="sigap-cp1252")


def _sniff_delimiter(sample: str) -> str:
    """The separator that splits most of the first lines into the same number of fields."""
    lines = sample.splitlines()[:50]
    best, best_score = ",", -1
    for delimiter in DELIMITERS:
        counts = [len(fields) for fields in csv.reader(lines, delimiter=delimiter)]
        wide = [count for count in counts if count > 1]
        if not wide:
            continue
        common = max(set(wide), key=wide.count)
        score = wide.count(common) * common
        if score > best_score:
            best, best_score = delimiter, score
    return best


def rows(source: Source) -> Iterator[Row]:
    """The rows of the list (of a workbook, its first visible worksheet that has any)."""
    if source.kind == "csv":
        return _csv_rows(source)
    return _workbook_rows(source)


def _csv_rows(source: Source) -> Iterator[Row]:
    max_columns = limits()[2]
    with source.path.open("rb") as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="sigap-cp1252", newline="")
        reader = csv.reader(text, delimiter=source.delimiter)
        number = 0
        try:
            for cells in reader:
                number += 1
                if len(cells) > max_columns:
                    raise _too_many(number, len(cells))
                yield number, cells
        except csv.Error:
            raise UnreadableFile(
                _("Line %(line)s of this CSV file cannot be read (a field is too long or "
                  "binary data).") % {"line": reader.line_num}
            ) from None  # fmt: skip


def _workbook_rows(source: Source) -> Iterator[Row]:
    try:
        workbook = calamine.CalamineWorkbook.from_path(str(source.path))
    except calamine.PasswordError:
        raise _encrypted() from None
    except (calamine.CalamineError, calamine.ZipError, calamine.XmlError, ValueError, OSError):
        raise _damaged() from None
    try:
        sheet = _first_sheet(workbook)
        if sheet is None:
            return
        _, max_rows, max_columns = limits()
        if sheet.height > max_rows or sheet.width > max_columns:
            raise _too_many(sheet.height, sheet.width)
        yield from _sheet_rows(sheet)
    finally:
        workbook.close()


def _first_sheet(workbook: Any) -> Any:
    for index, meta in enumerate(workbook.sheets_metadata):
        if str(meta.visible).endswith("Visible") and str(meta.typ).endswith("WorkSheet"):
            try:
                sheet = workbook.get_sheet_by_index(index)
            except calamine.PasswordError:
                raise _encrypted() from None
            except (calamine.CalamineError, calamine.XmlError, calamine.ZipError, ValueError):
                raise _damaged() from None
            if sheet.height:
                return sheet
    return None


def _sheet_rows(sheet: Any) -> Iterator[Row]:
    first_row, first_column = sheet.start or (0, 0)
    covered, firsts = _merges(sheet.merged_cell_ranges or [])
    remembered: dict[tuple[int, int], Any] = {}
    for offset, cells in enumerate(sheet.iter_rows()):
        row = first_row + offset  # 0-based, as calamine counts
        values = [None] * first_column + list(cells)
        for column in firsts.get(row, ()):
            remembered[(row, column)] = values[column] if column < len(values) else None
        for column, first in covered.get(row, ()):
            if column >= len(values):
                values.extend([None] * (column + 1 - len(values)))
            values[column] = remembered.get(first)
        yield row + 1, values


def _merges(
    ranges: list[tuple[tuple[int, int], tuple[int, int]]],
) -> tuple[dict[int, list[tuple[int, tuple[int, int]]]], dict[int, list[int]]]:
    """For each row, the cells a merge covers (other than its first) with the merge's first
    cell, whose value they take; and the first cells of merges, by row."""
    covered: dict[int, list[tuple[int, tuple[int, int]]]] = {}
    firsts: dict[int, list[int]] = {}
    area = sum((bottom - top + 1) * (right - left + 1) for (top, left), (bottom, right) in ranges)
    if area > MAX_MERGED_CELLS:
        raise UnreadableFile(
            _("This sheet merges %(cells)s cells; unmerge them in Excel and upload it again.")
            % {"cells": area}
        )
    for (top, left), (bottom, right) in ranges:
        firsts.setdefault(top, []).append(left)
        for row in range(top, bottom + 1):
            for column in range(left, right + 1):
                if (row, column) != (top, left):
                    covered.setdefault(row, []).append((column, (top, left)))
    return covered, firsts


def read_all(path: Path) -> tuple[Source, list[Row]]:
    """Every row of a small file at once (tests and previews)."""
    source = check(path)
    return source, list(rows(source))
