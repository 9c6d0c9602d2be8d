"""Reading lists: rows keep the numbers a spreadsheet program shows; workbooks whose cells
reach past the limits are refused before calamine lays out their grid (an XLSX by a scan of
its XML, an XLS or ODS by a child process with bounded memory); merged ranges are put in
order and cut to the sheet; a CSV keeps to the row and column limits as it is streamed, and
NUL characters never come through. All names in the files are synthetic."""

from __future__ import annotations

import resource
import zipfile
from pathlib import Path

import pytest
from django.utils import translation
from openpyxl import Workbook

from sigap.imports import reading
from tests.imports import files


def read(path: Path) -> list[reading.Row]:
    with translation.override("en"):
        return reading.read_all(path)[1]


def refused(path: Path) -> str:
    """The message (in English, whatever the catalogue holds) of a file that is refused."""
    with translation.override("en"), pytest.raises(reading.UnreadableFile) as error:
        reading.read_all(path)
    return error.value.message


def text(ref: str, value: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def peak_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


ROW_1 = '<row r="1">' + text("A1", "NAMA") + "</row>"
ROW_END = "</table:table-row>"


def test_rows_keep_their_spreadsheet_numbers_when_the_list_starts_at_c4(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet["C4"], sheet["D4"] = "NAMA", "NEGARA"
    sheet["C5"], sheet["D5"] = "Siti Aminah", "Malaysia"
    sheet["C6"] = "Rina Wati"
    sheet.merge_cells("D5:D6")  # Malaysia for both
    sheet["E7"] = "catatan"
    book.save(tmp_path / "c4.xlsx")
    rows = dict(read(tmp_path / "c4.xlsx"))
    assert sorted(rows) == [1, 2, 3, 4, 5, 6, 7]  # as Excel numbers them
    assert not any(any(rows[number]) for number in (1, 2, 3))
    assert rows[4][2:4] == ["NAMA", "NEGARA"]
    assert rows[5][2:4] == ["Siti Aminah", "Malaysia"]
    assert rows[6][2:4] == ["Rina Wati", "Malaysia"]  # the merged value, in its own row
    assert rows[7][4] == "catatan" and all(len(cells) == 5 for cells in rows.values())


def test_xls_and_ods_rows_keep_their_numbers_too(tmp_path):
    xls = files.xls_numbers(tmp_path / "angka.xls", [(3, 2, 1.0), (4, 3, 2.5)])
    blank = ["", ""]
    assert [(number, cells[2:]) for number, cells in read(xls)] == [
        (1, blank),
        (2, blank),
        (3, blank),
        (4, [1.0, ""]),
        (5, ["", 2.5]),
    ]
    blanks = '<table:table-row table:number-rows-repeated="3"><table:table-cell/></table:table-row>'
    row = "<table:table-row>" + files.ods_cell(repeated=2) + files.ods_cell("NAMA") + ROW_END
    ods = files.ods_by_hand(tmp_path / "daftar.ods", blanks + row)
    assert read(ods)[-1] == (4, [None, None, "NAMA"])


def test_an_xlsx_with_cells_in_a1_and_xfd1048576_is_refused_before_calamine_opens_it(tmp_path):
    """calamine would ask for 17 billion cells and abort the process: the scan refuses the
    file with the limits' message, and the process's memory does not grow."""
    far = f'<row r="1048576">{text("XFD1048576", "x")}</row>'
    by_hand = files.xlsx_by_hand(tmp_path / "sudut.xlsx", ROW_1 + far)
    book = Workbook()
    book.active["A1"], book.active["XFD1048576"] = "NAMA", "Orang sintetis"
    book.save(tmp_path / "openpyxl.xlsx")
    before = peak_kb()
    for path in (by_hand, tmp_path / "openpyxl.xlsx"):
        assert refused(path) == (
            "This sheet has 1048576 rows and 16384 columns; an import takes at most 200000 "
            "rows and 200 columns. Split the list into smaller files."
        )
    assert peak_kb() - before < 100 * 1024


@pytest.mark.parametrize(
    "sheet_data",
    [
        '<row r="1048576"><c r="XFC1"/><c><v>2</v></c></row>',  # placed after row and cell
        '<row r="2"><c r="XFD1048576"><v>1</v></c></row>',  # a cell beyond its row
        "<row r = '1048576'><c r = 'XFD1048576'><v>1</v></c></row>",  # quotes and spaces
        '<row r="1048576"><c r="xfd1048576"><v>1</v></c></row>',  # in lower case
        '<row r="1048576"><c s="1" r="XFD1048576"><v>1</v></c></row>',  # r not first
        '<row r="1048576"><c a=\' r="A1"\' r="XFD1048576"><v>1</v></c></row>',  # a quoted r
    ],
    ids=["no-reference", "beyond-row", "quotes", "lower-case", "r-not-first", "quoted-r"],
)
def test_the_scan_finds_cells_where_calamine_puts_them(tmp_path, sheet_data):
    path = files.xlsx_by_hand(tmp_path / "jauh.xlsx", ROW_1 + sheet_data)
    assert "This sheet has 1048576 rows" in refused(path)


def test_the_scan_reads_prefixed_tags_and_worksheets_stored_anywhere(tmp_path):
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    prefixed = (
        f'<x:worksheet xmlns:x="{main}"><x:sheetData><x:row r="1">'
        '<x:c r="XFD1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>'
    )
    path = files.xlsx_by_hand(tmp_path / "awalan.xlsx", "", worksheet=prefixed)
    assert "This sheet has 1 rows and 16384 columns" in refused(path)
    far = '<row r="1048576"><c r="A1048576"><v>1</v></c></row>'
    for target in ("/data/lembar.xml", "../lain.xml", "data/lembar.xml"):
        path = files.xlsx_by_hand(tmp_path / "lain.xlsx", ROW_1 + far, target=target)
        assert "This sheet has 1048576 rows" in refused(path)


def test_cells_that_hold_no_value_or_name_a_cell_only_in_quotes_are_read(tmp_path):
    empty = '<row r="1048576"><c r="XFD1048576" s="1"/></row>'  # formatted, empty
    quoted = '<row r="2"><c r="A2" a=\' r="XFD1048576"\'><v>7</v></c></row>'
    path = files.xlsx_by_hand(tmp_path / "biasa.xlsx", ROW_1 + quoted + empty)
    assert read(path) == [(1, ["NAMA"]), (2, [7.0])]


def test_a_cell_tag_xml_does_not_allow_is_damage(tmp_path):
    bad = '<row r="2"><c a="1<2" r="XFD1048576"><v>1</v></c></row>'
    path = files.xlsx_by_hand(tmp_path / "rusak.xlsx", ROW_1 + bad)
    assert "damaged" in refused(path)


def test_the_scan_reads_a_part_in_pieces_without_losing_a_tag(tmp_path, monkeypatch, settings):
    book = Workbook()
    for number in range(300):
        book.active.append([number, f"Orang {number} (sintetis)", "Malaysia"])
    book.active.cell(row=150, column=25, value="jauh")
    book.save(tmp_path / "panjang.xlsx")
    monkeypatch.setattr(reading, "SCAN_CHUNK", 40)  # pieces end inside most tags
    with zipfile.ZipFile(tmp_path / "panjang.xlsx") as archive:
        for extent in (reading._usual_extent, reading._replayed_extent):
            with archive.open("xl/worksheets/sheet1.xml") as part:
                assert extent(part) == (300, 25, 0)
    settings.SIGAP_IMPORT_MAX_COLUMNS = 24
    assert "This sheet has 300 rows and 25 columns" in refused(tmp_path / "panjang.xlsx")


def test_an_xls_or_ods_past_the_limits_is_refused_by_a_child_with_bounded_memory(
    tmp_path, settings
):
    settings.SIGAP_IMPORT_MAX_ROWS = 50
    settings.SIGAP_IMPORT_MAX_COLUMNS = 20
    before = peak_kb()
    # calamine would ask for 4 billion cells and abort; 99 million from 1 KB of ODS.
    corner = files.xls_numbers(tmp_path / "sudut.xls", [(0, 0, 1.0), (65535, 65535, 2.0)])
    many = '<table:table-row table:number-rows-repeated="9000">'
    repeated = files.ods_by_hand(
        tmp_path / "ulang.ods", many + files.ods_cell("x", repeated=11000) + ROW_END
    )
    for path in (corner, repeated):
        assert refused(path) == (
            "This spreadsheet is too large to open; an import takes at most 50 rows and 20 "
            "columns. Split the list into smaller files."
        )
    assert peak_kb() - before < 100 * 1024
    wide = files.xls_numbers(tmp_path / "lebar.xls", [(0, 0, 1.0), (9, 29, 2.0)])
    assert "This sheet has 10 rows and 30 columns" in refused(wide)
    eighty = '<table:table-row table:number-rows-repeated="80">'
    tall = files.ods_by_hand(tmp_path / "tinggi.ods", eighty + files.ods_cell("Malaysia") + ROW_END)
    assert "This sheet has 80 rows and 1 columns" in refused(tall)
    damaged = tmp_path / "rusak.xls"
    damaged.write_bytes(reading.OLE_MAGIC + b"\x01" * 2000)
    assert "damaged" in refused(damaged)  # the child's failure to read is not taken for size


def test_merged_ranges_are_put_in_order_and_cut_to_the_sheet(tmp_path):
    data = (
        f'<row r="1">{text("A1", "NAMA")}{text("B1", "NEGARA")}{text("C1", "KET")}</row>'
        f'<row r="2">{text("A2", "Siti")}{text("B2", "Malaysia")}{text("C2", "Deportasi")}</row>'
        f'<row r="3">{text("A3", "Rina")}</row>'
    )
    path = files.xlsx_by_hand(tmp_path / "gabung.xlsx", data, merges=("B3:B2", "C2:XFD1048576"))
    rows = dict(read(path))
    assert rows[3] == ["Rina", "Malaysia", "Deportasi"]
    assert all(len(cells) == 3 for cells in rows.values())


def test_a_merge_over_the_whole_sheet_covers_the_sheet_within_the_limits(settings, monkeypatch):
    whole = [((0, 0), (1_048_575, 16_383))]
    covered, firsts = reading._merges(whole, 3, 2)
    assert firsts == {0: [0]} and sum(map(len, covered.values())) == 5
    settings.SIGAP_IMPORT_MAX_COLUMNS = 1
    covered, _ = reading._merges(whole, 3, 2)
    assert covered == {1: [(0, (0, 0))], 2: [(0, (0, 0))]}
    monkeypatch.setattr(reading, "MAX_MERGED_CELLS", 2)
    with translation.override("en"), pytest.raises(reading.UnreadableFile) as error:
        reading._merges(whole, 3, 2)
    assert "merges 3 cells" in error.value.message


def test_too_many_merged_ranges_are_refused_before_they_are_read(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "MAX_MERGED_RANGES", 2)
    path = files.xlsx_by_hand(tmp_path / "gabung.xlsx", ROW_1, merges=("A2:A3", "B2:B3", "C2:C3"))
    assert refused(path) == (
        "This spreadsheet has 3 merged ranges; an import takes at most 2. Unmerge the cells in "
        "Excel and upload it again."
    )


def test_an_archive_that_could_be_read_as_another_workbook_is_refused(tmp_path):
    for extra in ("content.xml", "xl/workbook.bin"):
        path = files.xlsx_by_hand(tmp_path / "dua.xlsx", ROW_1)
        with zipfile.ZipFile(path, "a") as archive:
            archive.writestr(extra, "<x/>")
        assert "not a spreadsheet" in refused(path)


def test_a_csv_longer_than_the_row_limit_is_refused_as_it_is_read(tmp_path, settings):
    settings.SIGAP_IMPORT_MAX_ROWS = 10
    path = tmp_path / "panjang.csv"
    path.write_text("NAMA;NEGARA\n" + "Orang sintetis;Malaysia\n" * 9)
    assert len(read(path)) == 10
    path.write_text("NAMA;NEGARA\n" + "Orang sintetis;Malaysia\n" * 10)
    given: list[reading.Row] = []
    with translation.override("en"), pytest.raises(reading.UnreadableFile) as error:
        given.extend(reading.rows(reading.check(path)))
    assert len(given) == 10  # streamed up to the limit
    assert error.value.message == (
        "This CSV file has more than 10 rows; an import takes at most 10 rows. Split the list "
        "into smaller files."
    )


def test_a_csv_line_with_too_many_columns_is_named_with_its_count(tmp_path, settings):
    settings.SIGAP_IMPORT_MAX_COLUMNS = 5
    path = tmp_path / "lebar.csv"
    path.write_text("NAMA;NEGARA\nSiti Aminah;Malaysia\n" + ";".join(["x"] * 7) + "\n")
    assert refused(path) == (
        "Line 3 of this CSV file has 7 columns; an import takes at most 5 columns."
    )


def test_nul_characters_never_come_through(tmp_path):
    path = tmp_path / "nul.csv"
    nul = b"NAMA;NEGARA\r\nSiti\x00 Aminah;Malay\x00sia\r\n"
    path.write_bytes(nul + b"Orang sintetis;Taiwan\r\n" * 1000 + b"Rina\x00;Hong Kong\r\n")
    rows = read(path)
    assert rows[1] == (2, ["Siti Aminah", "Malaysia"])
    assert rows[-1] == (1003, ["Rina", "Hong Kong"])
    assert not any("\x00" in cell for _number, cells in rows for cell in cells)
    cell = text("A1", "Si\x00ti")
    workbook = files.xlsx_by_hand(tmp_path / "nul.xlsx", f'<row r="1">{cell}</row>')
    assert read(workbook) == [(1, ["Siti"])]
