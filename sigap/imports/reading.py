"""Reading the rows of an official list: XLSX (and the other workbooks calamine reads: XLS,
ODS) or CSV as Indonesian Excel saves it.

A file is told by its content, never by its name. A CSV may be UTF-8 (with or without a BOM)
or Windows-1252, even both in one file (a byte that is not UTF-8 is read as Windows-1252, so
no character is lost), separated by `,`, `;` or tabs; it is read as a stream, so memory does
not grow with it. A workbook is checked before it is opened: its declared unpacked size (a
"zip bomb" declares gigabytes), a password, damage; then its rows and columns are counted
against the limits before calamine lays out its cell grid, because calamine allocates the
whole grid from the first to the last cell at once (two cells, in A1 and XFD1048576, ask for
17 billion cells and abort the process): an XLSX by a scan of its worksheets' XML, an XLS or
ODS by a child process whose memory is bounded. A CSV keeps to the limits as it is read.
Merged cells give their value to every cell they cover (a country merged over ten rows
belongs to each of them).

Each row comes with its number as a spreadsheet program shows it (the first row is 1). NUL
characters are dropped from every cell: PostgreSQL cannot store them in text.
"""

from __future__ import annotations

import codecs
import csv
import functools
import io
import re
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import IO, Any

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
# Merged cells are spread over the cells they cover, up to this many. A merge covers two
# cells at least, so more ranges than this cover too many; they are refused before calamine
# hands them over (a few hundred bytes each, once in Python).
MAX_MERGED_CELLS = 1_000_000
MAX_MERGED_RANGES = MAX_MERGED_CELLS // 2
# A worksheet part is scanned in pieces of this size; no tag may be longer.
SCAN_CHUNK = 1024 * 1024
# The child process that opens an XLS or ODS first may use the memory of a full grid at the
# limits (calamine keeps 32 bytes a cell) and this much besides, for this many seconds.
PROBE_BASE_BYTES = 256 * 1024 * 1024
PROBE_CELL_BYTES = 32
PROBE_SECONDS = 60


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


def _too_large() -> UnreadableFile:
    _max_bytes, max_rows, max_columns = limits()
    return UnreadableFile(
        _(
            "This spreadsheet is too large to open; an import takes at most %(max_rows)s rows "
            "and %(max_columns)s columns. Split the list into smaller files."
        )
        % {"max_rows": max_rows, "max_columns": max_columns}
    )


def _too_many_merges(ranges: int) -> UnreadableFile:
    return UnreadableFile(
        _(
            "This spreadsheet has %(ranges)s merged ranges; an import takes at most %(limit)s. "
            "Unmerge the cells in Excel and upload it again."
        )
        % {"ranges": ranges, "limit": MAX_MERGED_RANGES}
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
        if _check_zip(path, max_bytes * UNPACK_FACTOR) == "xlsx":
            _check_xlsx_size(path)
        else:
            _probe_size(path)
        return Source(path, "workbook")
    if head.startswith(OLE_MAGIC):
        if ENCRYPTED_PACKAGE in head or _ole_has_encrypted_package(path):
            raise _encrypted()
        _probe_size(path)
        return Source(path, "workbook")
    sample = head[:8192]  # binary data is full of NULs; a stray one in a CSV is dropped
    if sample.count(b"\x00") * 100 > len(sample) or head.startswith(b"%PDF"):
        raise _not_a_list()
    return Source(path, "csv", _sniff_delimiter(_decode(head)))


def _ole_has_encrypted_package(path: Path) -> bool:
    """A password-protected XLSX is an OLE file whose directory names an EncryptedPackage."""
    with path.open("rb") as handle:
        return ENCRYPTED_PACKAGE in handle.read(4 * 1024 * 1024)


def _check_zip(path: Path, max_unpacked: int) -> str:
    """The kind of workbook, "xlsx" or "ods", after the checks of the archive itself. Names
    are compared as calamine finds parts (in any case, `\\` for `/`); an archive that holds
    both kinds, or an XLSB part that calamine could read instead, is refused, not guessed."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError):
        raise _damaged() from None
    names = {_part_name(entry.filename) for entry in entries}
    kinds = [kind for kind, part in (("xlsx", "xl/workbook.xml"), ("ods", "content.xml"))
             if part in names]  # fmt: skip
    if len(kinds) != 1 or "xl/workbook.bin" in names:
        raise _not_a_list()
    if sum(entry.file_size for entry in entries) > max_unpacked:
        raise UnreadableFile(
            _(
                "This spreadsheet unpacks to more than %(limit)s; it is refused. Split the "
                "list into smaller files."
            )
            % {"limit": filesizeformat(max_unpacked)}
        )
    return kinds[0]


def _part_name(name: str) -> str:
    return name.replace("\\", "/").lower()


# Cells as Excel and the libraries write them: one that may hold a value (its reference
# taken), one that is self-closing (it holds none), or a cell written otherwise (the
# character after "<c" taken, to say so).
_USUAL_CELL = re.compile(
    rb'<c(?: r="([A-Z]{1,3})([0-9]{1,7})"(?: [a-z]+="[^"<>/]*")*>'
    rb'| r="[A-Z]{1,3}[0-9]{1,7}"(?: [a-z]+="[^"<>/]*")*/>'
    rb"|(?=([\s/>])))"
)
_PREFIXED_CELL = re.compile(rb":c[\s/>]")  # <x:c ...>, which the usual form does not cover
# Any tag that places cells, as XML allows it: <row> and <c> (with any namespace prefix),
# their attributes, the r attribute taken whole (so that what another attribute quotes is
# never read as one), their ends and, last, the start of one that is not well formed. No
# tag may hold "<": XML forbids it in attribute values.
_PREFIX = rb"(?:[^\s<>/:]*:)?"
_NAME = rb"""[^\s<>/="']+"""
_VALUE = rb"""\s*=\s*(?:"[^"<]*"|'[^'<]*')"""
_ANY_ATTRIBUTE = rb"\s+" + _NAME + _VALUE
_OTHER_ATTRIBUTE = rb"\s+(?!r\s*=)" + _NAME + _VALUE  # any attribute but r
_REFERENCE = rb"""\s+r\s*=\s*(["'])([A-Za-z]*)([0-9]+)\2"""
_TAGS = re.compile(
    rb"<" + _PREFIX + rb"(c|row)(?:" + _OTHER_ATTRIBUTE + rb")*(?:" + _REFERENCE + rb")?"
    rb"(?:" + _OTHER_ATTRIBUTE + rb")*\s*(/?)>"
    rb"|</" + _PREFIX + rb"(c|row)\s*>"
    rb"|<" + _PREFIX + rb"(?:c|row)(?=[\s/>])"
)
_RELATIONSHIP = re.compile(rb"<" + _PREFIX + rb"Relationship((?:" + _ANY_ATTRIBUTE + rb")*)\s*/?>")
_RELATIONSHIP_START = re.compile(rb"<" + _PREFIX + rb"Relationship(?=[\s/>])")
_RELATIONSHIP_ATTRIBUTE = re.compile(rb"(" + _NAME + rb""")\s*=\s*(?:"([^"<]*)"|'([^'<]*)')""")
_BEYOND = 10**18  # a row or column number too long to read: far past any limit


def _check_xlsx_size(path: Path) -> None:
    """Refuse an XLSX whose worksheets reach past the limits, before calamine opens it.

    calamine lays out a sheet as one grid from its first to its last non-empty cell, so a
    small file with a value in A1 and one in XFD1048576 makes it ask for 17 billion cells
    and abort. The worksheet parts are streamed instead, a bounded piece at a time, and the
    farthest cell that may hold a value is found. Every worksheet of the workbook counts,
    not only the one read; merged ranges are counted too, as calamine hands over all."""
    try:
        with zipfile.ZipFile(path) as archive:
            rows = columns = merges = 0
            for entry in _worksheet_parts(archive):
                with archive.open(entry) as part:
                    extent = _usual_extent(part)
                if extent is None:
                    with archive.open(entry) as part:
                        extent = _replayed_extent(part)
                rows, columns = max(rows, extent[0]), max(columns, extent[1])
                merges += extent[2]
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, NotImplementedError):
        raise _damaged() from None  # RuntimeError: an encrypted part; NotImplementedError: a method
    _max_bytes, max_rows, max_columns = limits()
    if rows > max_rows or columns > max_columns:
        raise _too_many(rows, columns)
    if merges > MAX_MERGED_RANGES:
        raise _too_many_merges(merges)


def _worksheet_parts(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The parts calamine may read as worksheets: the targets of the workbook's worksheet
    relationships (resolved as calamine does: from the package root when they start with
    "/", else under xl/), and anything under xl/worksheets/ besides."""
    entries = archive.infolist()
    targets: set[str] = set()
    for entry in entries:
        if _part_name(entry.filename) != "xl/_rels/workbook.xml.rels":
            continue
        if entry.file_size > 1024 * 1024:
            raise _damaged()  # a few KB in any real workbook
        text = archive.read(entry)
        relationships = _RELATIONSHIP.findall(text)
        if len(relationships) != len(_RELATIONSHIP_START.findall(text)):
            raise _damaged()  # one that cannot be read might point at a worksheet
        for attributes in relationships:
            found = {
                name: double or single
                for name, double, single in _RELATIONSHIP_ATTRIBUTE.findall(attributes)
            }
            if found.get(b"Type", b"").endswith(b"/worksheet"):
                target = found.get(b"Target", b"").decode("utf-8", "replace")
                targets.add(_part_name(target[1:] if target.startswith("/") else "xl/" + target))
                targets.add(_part_name(target))
    return [
        entry
        for entry in entries
        if not entry.is_dir()
        and (
            _part_name(entry.filename) in targets
            or _part_name(entry.filename).startswith("xl/worksheets/")
        )
    ]


def _pieces(part: IO[bytes]) -> Iterator[tuple[bytes, int]]:
    """The part a piece at a time: (buffer, where the piece ends in it). A piece ends before
    the buffer's last "<" (no tag holds one, so no tag is split) and the rest is carried to
    the next; a rest longer than a piece is read as it is, a tag that long being damage."""
    carry = b""
    while True:
        chunk = part.read(SCAN_CHUNK)
        buffer = carry + chunk
        cut = buffer.rfind(b"<") if chunk else len(buffer)
        if cut < 0 or len(buffer) - cut > SCAN_CHUNK:
            cut = len(buffer)
        yield buffer, cut
        if not chunk:
            return
        carry = buffer[cut:]


def _usual_extent(part: IO[bytes]) -> tuple[int, int, int] | None:
    """(rows, columns, merged ranges) of a part whose cells all read `<c r="B7" t="s">`, as
    Excel and the libraries write them: the farthest reference of a cell that is not
    self-closing (`<c r="B7" s="2"/>` holds no value). None when a cell is written any
    other way (no reference, another attribute first, a namespace prefix): such a part is
    replayed tag by tag instead."""
    rows = merges = 0
    letters: set[bytes] = set()
    for buffer, cut in _pieces(part):
        if _PREFIXED_CELL.search(buffer, 0, cut):
            return None
        cells = _USUAL_CELL.findall(buffer, 0, cut)
        if any(map(itemgetter(2), cells)):
            return None
        numbers = set(map(itemgetter(1), cells))  # b"" for a self-closing cell
        numbers.discard(b"")
        rows = max([rows, *map(int, numbers)])
        letters.update(map(itemgetter(0), cells))
        merges += _merged_ranges(buffer, cut)
    letters.discard(b"")
    return rows, max(map(_column_index, letters), default=-1) + 1, merges


def _replayed_extent(part: IO[bytes]) -> tuple[int, int, int]:
    """(rows, columns, merged ranges) of any part, its cell positions replayed as calamine
    finds them: a cell's own reference, else its row's and the column after the previous
    cell's. A tag that cannot be read, or a cell inside a cell, is damage (calamine would
    read it some other way)."""
    rows = columns = merges = 0
    row = column = 0  # where the next cell without a reference goes, counted from 0
    in_cell = False
    for buffer, cut in _pieces(part):
        merges += _merged_ranges(buffer, cut)
        for name, _quote, letters, digits, closed, end in _TAGS.findall(buffer, 0, cut):
            if end:
                if end == b"row":
                    if in_cell:
                        raise _damaged()
                    row, column = row + 1, 0
                elif in_cell:
                    in_cell, column = False, column + 1
                continue
            if not name or in_cell:
                raise _damaged()
            if name == b"row":
                if digits:
                    row = _index(digits)
                if closed:
                    row, column = row + 1, 0
                continue
            cell_row = row
            if digits:
                if not letters:
                    raise _damaged()
                cell_row, column = _index(digits), _column_index(letters)
            if closed:
                column += 1
            else:
                in_cell = True
                rows, columns = max(rows, cell_row + 1), max(columns, column + 1)
    return rows, columns, merges


def _merged_ranges(buffer: bytes, end: int) -> int:
    """<mergeCell> elements in the piece (<mergeCells>, their list, named apart)."""
    return buffer.count(b"mergeCell", 0, end) - buffer.count(b"mergeCells", 0, end)


def _index(digits: bytes) -> int:
    """A row number of a reference, counted from 0 (calamine refuses row 0)."""
    if len(digits) > 18:
        return _BEYOND
    number = int(digits)
    if number == 0:
        raise _damaged()
    return number - 1


@functools.lru_cache(maxsize=1024)
def _column_index(letters: bytes) -> int:
    """The column of a reference's letters (A is 0, in any case, as calamine reads them)."""
    if len(letters) > 6:
        return _BEYOND
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - ord("A") + 1
    return number - 1


_PROBE = """
import resource, sys
limit = int(sys.argv[2])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
resource.setrlimit(resource.RLIMIT_CPU, (int(sys.argv[3]), int(sys.argv[3])))
import python_calamine as calamine
try:
    book = calamine.CalamineWorkbook.from_path(sys.argv[1])
    for index, meta in enumerate(book.sheets_metadata):
        if str(meta.visible).endswith("Visible") and str(meta.typ).endswith("WorkSheet"):
            sheet = book.get_sheet_by_index(index)
            if sheet.height:
                print(sheet.end[0] + 1, sheet.end[1] + 1, len(sheet.merged_cell_ranges or []))
                break
except MemoryError:
    raise
except Exception:
    pass  # damage or a password: the reading that follows says so
"""


def _probe_size(path: Path) -> None:
    """Refuse an XLS or ODS whose first sheet reaches past the limits, without this process
    allocating its grid.

    Neither has parts a scan could read cheaply (an XLS is a compound file of binary records;
    an ODS repeats a cell or a row by a count, so 1 KB of ODS asks for 100 million cells), so
    a child process opens the first sheet as calamine will, with its address space bounded
    (a grid at the limits fits) and its time too, and reports the sheet's extent and merged
    ranges. When the child is killed by the bound, the sheet is too large."""
    _max_bytes, max_rows, max_columns = limits()
    memory = PROBE_BASE_BYTES + max_rows * max_columns * PROBE_CELL_BYTES
    command = [sys.executable, "-I", "-c", _PROBE, str(path), str(memory), str(PROBE_SECONDS)]
    try:
        done = subprocess.run(  # noqa: S603 - this interpreter, a fixed script, our own path
            command, capture_output=True, timeout=PROBE_SECONDS + 5, check=False
        )
    except subprocess.TimeoutExpired:
        raise _too_large() from None
    if done.returncode != 0:
        raise _too_large()
    found = done.stdout.split()
    if len(found) == 3:
        rows, columns, merges = map(int, found)
        if rows > max_rows or columns > max_columns:
            raise _too_many(rows, columns)
        if merges > MAX_MERGED_RANGES:
            raise _too_many_merges(merges)


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
    """The CSV's rows, streamed; the row and column limits hold as they are read. NUL
    characters are dropped: some versions of Python's csv module refuse them, and PostgreSQL
    cannot store them in text."""
    _max_bytes, max_rows, max_columns = limits()
    with source.path.open("rb") as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="sigap-cp1252", newline="")
        reader = csv.reader(_without_nul(text), delimiter=source.delimiter)
        number = 0
        try:
            for cells in reader:
                number += 1
                if number > max_rows:
                    raise UnreadableFile(
                        _("This CSV file has more than %(max_rows)s rows; an import takes at "
                          "most %(max_rows)s rows. Split the list into smaller files.")
                        % {"max_rows": max_rows}
                    )  # fmt: skip
                if len(cells) > max_columns:
                    raise UnreadableFile(
                        _("Line %(line)s of this CSV file has %(columns)s columns; an import "
                          "takes at most %(max_columns)s columns.")
                        % {"line": number, "columns": len(cells), "max_columns": max_columns}
                    )  # fmt: skip
                yield number, cells
        except csv.Error:
            raise UnreadableFile(
                _("Line %(line)s of this CSV file cannot be read (a field is too long or "
                  "binary data).") % {"line": reader.line_num}
            ) from None  # fmt: skip


def _without_nul(lines: Iterable[str]) -> Iterator[str]:
    return (line.replace("\x00", "") for line in lines)


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
        _max_bytes, max_rows, max_columns = limits()
        extent = (sheet.end[0] + 1, sheet.end[1] + 1)  # from A1, as the rows are given
        if extent[0] > max_rows or extent[1] > max_columns:
            raise _too_many(*extent)
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
    """Every row from the sheet's first (row 1) to its last, each from column A.

    calamine's iter_rows (python-calamine 0.9.1) yields the blank rows above the sheet's
    first cell too, but starts each row at the first cell's column: the row's index is its
    position, and the columns left of the first cell are put back. NUL characters, which an
    XLS or a hand-made XML part may hold, are dropped as from a CSV."""
    first_column = sheet.start[1]
    covered, firsts = _merges(sheet.merged_cell_ranges or [], sheet.end[0] + 1, sheet.end[1] + 1)
    remembered: dict[tuple[int, int], Any] = {}
    for row, cells in enumerate(sheet.iter_rows()):  # row counted from 0, as calamine counts
        values = [None] * first_column + [
            value.replace("\x00", "") if isinstance(value, str) else value for value in cells
        ]
        for column in firsts.get(row, ()):
            remembered[(row, column)] = values[column]
        for column, first in covered.get(row, ()):
            values[column] = remembered.get(first)
        yield row + 1, values


Merge = tuple[tuple[int, int], tuple[int, int]]


def _merges(
    ranges: list[Merge], height: int, width: int
) -> tuple[dict[int, list[tuple[int, tuple[int, int]]]], dict[int, list[int]]]:
    """For each row, the cells a merge covers (other than its first) with the merge's first
    cell, whose value they take; and the first cells of merges, by row.

    A range is taken as the file gives it, so its corners are put in order and it is cut to
    the sheet (height x width from A1, within the limits) before its cells are counted: a
    merge over A1:XFD1048576 covers only the cells the sheet has."""
    _max_bytes, max_rows, max_columns = limits()
    last_row, last_column = min(height, max_rows) - 1, min(width, max_columns) - 1
    merges: list[Merge] = []
    for (row, column), (other_row, other_column) in ranges:
        top, left = min(row, other_row), min(column, other_column)
        bottom = min(max(row, other_row), last_row)
        right = min(max(column, other_column), last_column)
        if top <= bottom and left <= right and (top, left) != (bottom, right):
            merges.append(((top, left), (bottom, right)))
    area = sum((bottom - top + 1) * (right - left + 1) for (top, left), (bottom, right) in merges)
    if area > MAX_MERGED_CELLS:
        raise UnreadableFile(
            _("This sheet merges %(cells)s cells; unmerge them in Excel and upload it again.")
            % {"cells": area}
        )
    covered: dict[int, list[tuple[int, tuple[int, int]]]] = {}
    firsts: dict[int, list[int]] = {}
    for (top, left), (bottom, right) in merges:
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
