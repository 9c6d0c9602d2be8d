"""`sigap import_pmi`: messy lists imported without hand cleaning and without losing a row;
duplicates, updates and a second import of the same file create nothing; files that cannot
be read are refused with a clear message."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from sigap.core.models import AuditEvent
from sigap.imports import services
from sigap.imports.models import ImportBatch, ImportRow, MigrantReturn
from sigap.people.models import Person
from tests.imports import files

pytestmark = pytest.mark.django_db
COLUMNS = ["row", "status", "reasons", "nik", "nik_valid", "name", "sex", "birth_date",
           "return_date", "regency_code", "country_code", "return_reason"]  # fmt: skip


def import_pmi(path: Path, *args: str) -> dict:
    out = io.StringIO()
    call_command("import_pmi", str(path), *args, stdout=out)
    return json.loads(out.getvalue().strip().splitlines()[-1])


def report_of(path: Path, tmp_path: Path, *args: str) -> tuple[dict, list[dict]]:
    report = tmp_path / "report.csv"
    summary = import_pmi(path, "--report", str(report), *args)
    with report.open(encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == COLUMNS
        return summary, list(reader)


def test_a_messy_cp1252_csv_is_imported_row_by_row(tmp_path):
    path = files.csv_cp1252(tmp_path / "kepulangan.csv")
    summary, rows = report_of(path, tmp_path, "--source", "BP3MI Kalsel (sintetis)")
    assert summary == {"file": str(path), "rows": 10, "imported": 5, "updated": 0,
                       "duplicate": 1, "rejected": 1, "skipped": 3}  # fmt: skip
    by_row = {int(row["row"]): row for row in rows}
    assert sorted(by_row) == [5, 6, 7, 8, 9, 10, 11, 12, 14, 15]  # the blank line 13 is not
    siti = by_row[5]
    assert siti["status"] == "imported" and siti["nik"] == "6303015203900001"
    assert siti["nik_valid"] == "true" and siti["sex"] == "F"
    assert (siti["birth_date"], siti["return_date"]) == ("1990-03-12", "2024-01-05")
    assert (siti["regency_code"], siti["country_code"]) == ("63.03", "MY")
    assert siti["return_reason"] == "deported"
    budi = by_row[6]  # a NIK that Excel turned into a number: imported, NIK left empty
    assert budi["status"] == "imported" and budi["nik"] == "" and budi["nik_valid"] == "false"
    assert "NIK" in budi["reasons"] and "6,30301E+15" in budi["reasons"]
    assert (budi["birth_date"], budi["regency_code"], budi["country_code"]) == (
        "1985-05-01",
        "63.71",
        "SA",
    )
    assert by_row[7]["return_date"] == "" and by_row[7]["country_code"] == "TW"  # imported
    assert by_row[8]["country_code"] == "" and by_row[8]["return_date"] == "2024-03-20"
    assert by_row[9]["nik_valid"] == "true" and by_row[9]["regency_code"] == "63.72"
    assert by_row[10]["status"] == "skipped" and by_row[10]["name"] == ""
    assert by_row[11]["status"] == "duplicate"
    assert by_row[12]["status"] == "rejected" and by_row[12]["name"] == "Tono Café"
    assert "kemarin" in by_row[12]["reasons"] and "Planet Mars" in by_row[12]["reasons"]
    assert by_row[14]["status"] == "skipped" and "JUMLAH" in by_row[14]["reasons"]
    assert by_row[15]["status"] == "skipped"
    assert Person.objects.count() == 5 and MigrantReturn.objects.count() == 5
    batch = ImportBatch.objects.get()
    assert batch.counts() == {"imported": 5, "updated": 0, "duplicate": 1, "rejected": 1,
                              "skipped": 3}  # fmt: skip
    assert batch.rows.count() == 10 and batch.source == "BP3MI Kalsel (sintetis)"
    rejected = batch.rows.get(number=12)
    assert "Tono Café" in rejected.cells  # kept (encrypted) to be fixed and imported again
    assert AuditEvent.objects.filter(action="import", object_id=str(batch.pk)).exists()


def test_risky_return_reasons_are_marked_for_follow_up(tmp_path):
    import_pmi(files.csv_cp1252(tmp_path / "kepulangan.csv"))
    reasons = dict(MigrantReturn.objects.values_list("reason", "needs_follow_up"))
    assert reasons == {"deported": True, "completed": False, "wages_unpaid": True,
                       "illness": False, "non_procedural": True}  # fmt: skip
    dewi = MigrantReturn.objects.get(reason="non_procedural")
    assert dewi.procedural is False and dewi.reason_text == "PMI non prosedural"


def test_importing_the_same_file_twice_creates_nothing_the_second_time(tmp_path):
    path = files.csv_cp1252(tmp_path / "kepulangan.csv")
    import_pmi(path)
    again = import_pmi(path)
    assert again["imported"] == 0 and again["updated"] == 0 and again["duplicate"] == 6
    assert Person.objects.count() == 5 and MigrantReturn.objects.count() == 5


def test_a_dry_run_reports_the_same_and_writes_nothing(tmp_path):
    path = files.csv_cp1252(tmp_path / "kepulangan.csv")
    dry_summary, dry_rows = report_of(path, tmp_path, "--dry-run")
    assert not ImportBatch.objects.exists() and not Person.objects.exists()
    assert not ImportRow.objects.exists() and not MigrantReturn.objects.exists()
    summary, rows = report_of(path, tmp_path)
    assert dry_summary == summary and dry_rows == rows


def test_changed_values_of_the_same_return_are_an_audited_update(tmp_path):
    import_pmi(files.csv_cp1252(tmp_path / "kepulangan.csv"))
    files.PEOPLE[0] = (*files.PEOPLE[0][:7], "Deportasi, korban TPPO")
    try:
        summary = import_pmi(files.csv_cp1252(tmp_path / "revisi.csv"))
    finally:
        files.PEOPLE[0] = (*files.PEOPLE[0][:7], "Deportasi")
    assert summary["updated"] == 1 and summary["imported"] == 0  # its copy (row 7): duplicate
    siti = MigrantReturn.objects.get(person__nik_index=Person.objects.get(
        pseudonym__endswith="0001").nik_index)  # fmt: skip
    assert siti.reason == "trafficking" and siti.needs_follow_up
    assert Person.objects.count() == 5 and MigrantReturn.objects.count() == 5
    change = AuditEvent.objects.get(action="change", object_id=str(siti.pk))
    assert change.details["changes"]["reason"] == {"before": "deported", "after": "trafficking"}


def test_persons_are_matched_by_nik_and_without_it_by_name_birth_date_and_regency(tmp_path):
    import_pmi(files.csv_cp1252(tmp_path / "kepulangan.csv"))
    later = ["9;Siti Aminah;6303015203900001;P;12/03/1990;Kab. Banjar;Malaysia;01/06/2024;"
             "Selesai kontrak"]  # fmt: skip
    summary = import_pmi(files.csv_cp1252(tmp_path / "kedua.csv", extra=later))
    assert summary["imported"] == 1
    siti = Person.objects.get(pseudonym__endswith="0001")
    assert siti.migrant_returns.count() == 2 and Person.objects.count() == 5


def test_a_messy_workbook_with_merged_cells_and_a_two_row_header(tmp_path):
    summary, rows = report_of(files.xlsx_messy(tmp_path / "kepulangan.xlsx"), tmp_path)
    assert summary["imported"] == 4 and summary["skipped"] == 1 and summary["rows"] == 5
    by_name = {row["name"]: row for row in rows}
    assert by_name["Siti Aminah"]["row"] == "5"
    assert by_name["Siti Aminah"]["birth_date"] == "1990-03-12"
    assert by_name["Siti Aminah"]["return_date"] == "2024-01-05"
    assert by_name["Budi Santoso"]["return_date"] == "2024-02-15"  # an Excel serial
    assert by_name["Budi Santoso"]["nik_valid"] == "false"  # stored as a number by Excel
    assert by_name["Rina Wati"]["regency_code"] == "63.08"
    assert by_name["Yanti"]["country_code"] == "TW"  # from the merged cell above
    assert by_name["Yanti"]["return_reason"] == "trafficking"
    assert rows[-1]["status"] == "skipped" and rows[-1]["row"] == "9"


def refused(path: Path) -> str:
    with pytest.raises(CommandError) as error:
        import_pmi(path)
    assert not ImportBatch.objects.exists()
    return str(error.value)


def test_files_that_cannot_be_read_are_refused_with_a_clear_message(tmp_path):
    png = tmp_path / "foto.xlsx"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)
    assert "bukan lembar kerja" in refused(png)
    whole = files.xlsx_messy(tmp_path / "utuh.xlsx").read_bytes()
    truncated = tmp_path / "terpotong.xlsx"
    truncated.write_bytes(whole[: len(whole) // 2])
    assert "rusak" in refused(truncated)
    locked = tmp_path / "sandi.xlsx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500
                       + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 500)  # fmt: skip
    assert "kata sandi" in refused(locked)
    empty = tmp_path / "kosong.csv"
    empty.write_bytes(b"")
    assert "kosong" in refused(empty)
    no_header = tmp_path / "angka.csv"
    no_header.write_text("1;2;3\n4;5;6\n")
    assert "kolom nama" in refused(no_header)


def test_a_zip_bomb_and_oversized_sheets_are_refused_before_they_fill_memory(tmp_path, settings):
    settings.SIGAP_IMPORT_MAX_BYTES = 1024 * 1024
    settings.SIGAP_IMPORT_MAX_ROWS = 50
    settings.SIGAP_IMPORT_MAX_COLUMNS = 20
    bomb = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (25 * 1024 * 1024))
    assert bomb.stat().st_size < 1024 * 1024
    assert "lebih dari 20,0" in refused(bomb)
    from openpyxl import Workbook

    tall = Workbook()
    for number in range(80):
        tall.active.append([number, f"Orang {number} (sintetis)", "Malaysia"])
    tall.save(tmp_path / "panjang.xlsx")
    assert "berisi 80 baris" in refused(tmp_path / "panjang.xlsx")
    wide = Workbook()
    wide.active.append(["NAMA", "NEGARA", *[f"K{n}" for n in range(40)]])
    wide.save(tmp_path / "lebar.xlsx")
    assert "42 kolom" in refused(tmp_path / "lebar.xlsx")
    big = tmp_path / "besar.csv"
    big.write_bytes(b"NAMA;NEGARA\n" + b"Orang sintetis;Malaysia\n" * 60_000)
    assert "paling besar 1,0" in refused(big)


def test_a_file_unreadable_half_way_keeps_what_was_imported_and_says_where_it_stopped(
    tmp_path, settings, monkeypatch
):
    settings.SIGAP_IMPORT_MAX_COLUMNS = 12
    monkeypatch.setattr(services, "CHUNK", 2)  # rows are written chunk by chunk
    # Past the rows read to find the header, a line with too many columns.
    path = files.csv_cp1252(tmp_path / "kepulangan.csv", extra=[";;;;;;;;"] * 40 + [";" * 20])
    message = refused_after_start(path)
    assert "12 kolom" in message
    batch = ImportBatch.objects.get()
    assert batch.status == "failed" and batch.error == message
    assert MigrantReturn.objects.count() == 5  # the rows above the unreadable line


def refused_after_start(path: Path) -> str:
    with pytest.raises(CommandError) as error:
        import_pmi(path)
    return str(error.value)


def test_nothing_that_names_a_person_is_stored_in_the_clear(tmp_path):
    from django.db import connection

    import_pmi(files.csv_cp1252(tmp_path / "kepulangan.csv"))
    with connection.cursor() as cursor:
        cursor.execute('SELECT cells, "values" FROM imports_importrow')
        stored = " ".join(" ".join(row) for row in cursor.fetchall())
        cursor.execute("SELECT reason_text FROM imports_migrantreturn")
        stored += " ".join(row[0] for row in cursor.fetchall())
    for clear in ("Siti Aminah", "6303015203900001", "6,30301E+15", "Tono", "Deportasi"):
        assert clear not in stored


def test_the_report_and_the_rejected_rows_never_carry_a_formula(tmp_path):
    bad = ['9;=HYPERLINK("http://contoh.invalid");;L;;;;;', "10;@SUM(A1);;;;;;;"]
    path = files.csv_cp1252(tmp_path / "kepulangan.csv", extra=bad)
    _summary, rows = report_of(path, tmp_path)
    names = [row["name"] for row in rows if row["status"] == "rejected"]
    assert '\'=HYPERLINK("http://contoh.invalid")' in names and "'@SUM(A1)" in names


def test_retention_erases_the_source_rows_of_old_batches(tmp_path, settings):
    from datetime import timedelta

    from django.utils import timezone

    from sigap.core.models import User
    from sigap.core.retention import purge_expired

    import_pmi(files.csv_cp1252(tmp_path / "kepulangan.csv"))
    batch = ImportBatch.objects.get()
    ImportBatch.objects.filter(pk=batch.pk).update(
        created_at=timezone.now() - timedelta(days=settings.SIGAP_RETENTION_IMPORT_DAYS + 1)
    )
    purged = purge_expired(actor=User.objects.system_actor())
    assert purged["import_rows"] == 10
    row = batch.rows.get(number=12)
    assert row.cells == "[]" and row.reasons == [] and row.status == "rejected"
    assert MigrantReturn.objects.count() == 5  # the returns follow their own rules
    assert purge_expired(actor=User.objects.system_actor())["import_rows"] == 0
