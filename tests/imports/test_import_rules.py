"""The import's rules at their edges: matching stays within the importer's scope, a person
found by name, birth date and regency gets the NIK they lacked, a dry run decides as a real
run across chunks, a batch runs once, header forms of official lists, retention of a batch
never confirmed. All data is synthetic."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from sigap.cases import services as case_services
from sigap.cases.models import PartyRole
from sigap.core.access import scoped
from sigap.core.models import AuditEvent, User
from sigap.core.retention import purge_expired
from sigap.imports import columns, services
from sigap.imports.models import BatchStatus, ImportBatch, MigrantReturn
from sigap.imports.normalise import Reader
from sigap.imports.report import safe_cell, write_rejected
from sigap.people.models import DuplicateCandidate, Person
from sigap.people.services import person_create
from tests.conftest import sign_in
from tests.imports import files

pytestmark = pytest.mark.django_db
SITI_NIK = "6303015203900001"  # the first synthetic person of files.PEOPLE


def import_as(user: User, path: Path, *, dry_run: bool = False) -> dict[str, int]:
    batch, _prepared = services.batch_start(
        path, actor=user, agency=user.agency, region_code=user.region_id, file_name=path.name
    )
    return services.run(batch, path, actor=user, dry_run=dry_run)


def command(path: Path, *args: str) -> dict:
    out = io.StringIO()
    call_command("import_pmi", str(path), *args, stdout=out)
    return json.loads(out.getvalue().strip().splitlines()[-1])


def test_a_nik_registered_by_another_agency_is_neither_revealed_nor_changed(
    tmp_path, rahmadi, normila
):
    theirs = person_create(actor=normila, full_name="Siti Aminah", nik=SITI_NIK, sex="F")
    path = files.csv_cp1252(tmp_path / "kepulangan.csv")
    counts = import_as(rahmadi, path)
    assert counts["imported"] == 5 and counts["duplicate"] == 1
    ours = Person.objects.exclude(pk=theirs.pk).get(nik_index=theirs.nik_index)
    assert ours.agency_id == rahmadi.agency_id and ours.region_id.startswith("63.03")
    assert not theirs.migrant_returns.exists()
    pair = DuplicateCandidate.objects.get()  # for the secretariat to link
    assert {pair.person_id, pair.other_id} == {ours.pk, theirs.pk}
    # Their own import of the same list: nothing of rahmadi's is a duplicate for them.
    again = import_as(normila, files.csv_cp1252(tmp_path / "lagi.csv"))
    assert again["imported"] == 5 and again["duplicate"] == 1
    assert theirs.migrant_returns.count() == 1 and ours.migrant_returns.count() == 1


def test_a_person_found_by_name_birth_date_and_regency_gets_the_nik_they_lacked(tmp_path, rahmadi):
    known = person_create(actor=rahmadi, full_name="Siti  Aminah", sex="F",
                          birth_date=timezone.datetime(1990, 3, 12).date(),
                          home_region_id="63.03", region_id="63.03")  # fmt: skip
    counts = import_as(rahmadi, files.csv_cp1252(tmp_path / "kepulangan.csv"))
    assert counts["imported"] == 5
    known.refresh_from_db()
    assert known.nik == SITI_NIK and known.migrant_returns.count() == 1
    assert Person.objects.count() == 5
    filled = AuditEvent.objects.get(action="change", object_id=str(known.pk))
    assert SITI_NIK not in json.dumps(filled.details)  # the NIK is sealed in the audit log


def test_a_dry_run_decides_as_the_real_run_across_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(services, "CHUNK", 2)
    # Siti again, two chunks later, without her NIK and with another return date.
    later = ["9;Siti Aminah;;P;12/03/1990;Martapura, Kab. Banjar;Malaysia;01/08/2024;Cuti"]
    path = files.csv_cp1252(tmp_path / "kepulangan.csv", extra=later)
    dry = command(path, "--dry-run")
    assert not Person.objects.exists()
    real = command(path)
    assert dry == real and real["imported"] == 6
    assert Person.objects.count() == 5  # the later row is Siti's second return


SITI_BIRTH = date(1990, 3, 12)  # Siti Aminah of files.PEOPLE, of Kab. Banjar (63.03)


def test_a_person_given_a_nik_is_not_given_another_in_a_later_chunk(tmp_path, rahmadi, monkeypatch):
    known = person_create(actor=rahmadi, full_name="Siti Aminah", sex="F", birth_date=SITI_BIRTH,
                          home_region_id="63.03", region_id="63.03")  # fmt: skip
    monkeypatch.setattr(services, "CHUNK", 1)
    # Another Siti Aminah, born the same day in the same regency, with a NIK of her own and
    # the same return date: the first Siti's NIK is already known's, so she is someone else.
    other = ["9;Siti Aminah;6303015203900002;P;12/03/1990;Martapura, Kab. Banjar;Malaysia;"
             "05/01/2024;Cuti"]  # fmt: skip
    path = files.csv_cp1252(tmp_path / "kepulangan.csv", extra=other)
    dry = command(path, "--dry-run")
    real = command(path)
    assert dry == real and real["imported"] == 6 and real["updated"] == 0
    known.refresh_from_db()
    assert known.nik == SITI_NIK and Person.objects.filter(birth_date=SITI_BIRTH).count() == 2


def test_of_two_records_that_fit_a_row_the_older_one_is_taken(tmp_path, rahmadi):
    siti = {"full_name": "Siti Aminah", "sex": "F", "birth_date": SITI_BIRTH,
            "home_region_id": "63.03", "region_id": "63.03"}  # fmt: skip
    older, newer = (person_create(actor=rahmadi, **siti) for _ in range(2))
    import_as(rahmadi, files.csv_cp1252(tmp_path / "kepulangan.csv"))
    older.refresh_from_db()
    newer.refresh_from_db()
    assert older.nik == SITI_NIK and not newer.nik
    assert older.migrant_returns.count() == 1 and not newer.migrant_returns.exists()


def test_a_person_seen_through_a_case_is_not_matched_by_an_import(tmp_path, siti, rahmadi, normila):
    theirs = person_create(actor=normila, full_name="Siti Aminah", sex="F", birth_date=SITI_BIRTH,
                           home_region_id="63.03", region_id="63.03")  # fmt: skip
    case = case_services.case_create(
        actor=rahmadi, reported_on=date(2024, 3, 1), source="police", region_id="63.03"
    )
    case_services.party_add(actor=siti, case=case, person=theirs, role=PartyRole.VICTIM)
    assert scoped(rahmadi, Person).filter(pk=theirs.pk).exists()  # rahmadi may read them
    assert import_as(rahmadi, files.csv_cp1252(tmp_path / "kepulangan.csv"))["imported"] == 5
    theirs.refresh_from_db()
    assert not theirs.nik and not theirs.migrant_returns.exists()  # neither changed nor linked
    assert Person.objects.filter(birth_date=SITI_BIRTH, agency=rahmadi.agency).count() == 1


def test_a_queued_batch_of_an_officer_who_may_no_longer_import_fails(tmp_path, rahmadi):
    batch = upload_batch(tmp_path, rahmadi)
    services.batch_confirm(batch=batch, mapping=batch.mapping, actor=rahmadi)
    User.objects.filter(pk=rahmadi.pk).update(is_active=False)  # left before the task ran
    services.batch_run_queued(batch.pk)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.FAILED and batch.error
    assert not MigrantReturn.objects.exists() and not Person.objects.exists()


def test_a_batch_is_confirmed_and_run_once(tmp_path, siti):
    batch = upload_batch(tmp_path, siti)
    services.batch_confirm(batch=batch, mapping=batch.mapping, actor=siti)
    services.batch_confirm(batch=batch, mapping={"name": 1}, actor=siti)  # a double click
    batch.refresh_from_db()
    assert batch.status == BatchStatus.QUEUED and batch.mapping != {"name": 1}
    assert AuditEvent.objects.filter(action="import", object_id=str(batch.pk)).count() == 1
    assert services.batch_run_queued(batch.pk)["imported"] == 5
    assert services.batch_run_queued(batch.pk)["imported"] == 5  # delivered twice: run once
    assert MigrantReturn.objects.count() == 5


def upload_batch(tmp_path: Path, user: User) -> ImportBatch:
    from django.core.files.uploadedfile import SimpleUploadedFile

    content = files.csv_cp1252(tmp_path / "kepulangan.csv").read_bytes()
    return services.batch_upload(upload=SimpleUploadedFile("k.csv", content), actor=user)


def test_a_queued_batch_whose_file_cannot_be_read_fails_with_the_reason(tmp_path, siti):
    batch = upload_batch(tmp_path, siti)
    batch.content.save("impor.csv", ContentFile(b"%PDF-1.7 not a list"), save=True)
    ImportBatch.objects.filter(pk=batch.pk).update(status=BatchStatus.QUEUED)
    services.batch_run_queued(batch.pk)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.FAILED and "CSV" in batch.error


def test_retention_closes_a_batch_never_confirmed_or_never_finished_and_leaves_a_running_one(
    tmp_path, siti, client, settings
):
    waiting, stuck, running = (upload_batch(tmp_path, siti) for _ in range(3))
    ImportBatch.objects.filter(pk__in=[stuck.pk, running.pk]).update(status=BatchStatus.RUNNING)
    old = timezone.now() - timedelta(days=settings.SIGAP_RETENTION_IMPORT_DAYS + 1)
    ImportBatch.objects.exclude(pk=running.pk).update(created_at=old)
    purge_expired(actor=User.objects.system_actor())
    for batch in (waiting, stuck, running):
        batch.refresh_from_db()
    assert waiting.status == BatchStatus.FAILED and not waiting.content
    assert waiting.error == gettext(
        "Never imported; the file was erased after the retention period."
    )
    assert stuck.error == gettext(
        "The import never finished; the file was erased after the retention period."
    )
    assert stuck.status == BatchStatus.FAILED and not stuck.content and stuck.rows_erased_at
    assert running.status == BatchStatus.RUNNING and running.content
    # A mapping page opened on an erased file says so, without an error page.
    ImportBatch.objects.filter(pk=waiting.pk).update(status=BatchStatus.MAPPING)
    sign_in(client, siti)
    page = client.get(reverse("imports:mapping", args=[waiting.pk]))
    with translation.override("id"):
        message = gettext("The uploaded file is no longer kept; upload the list again.")
    assert message != "The uploaded file is no longer kept; upload the list again."
    assert page.status_code == 200 and message in page.content.decode()


def test_a_row_numbering_the_columns_under_the_header_is_part_of_the_header():
    rows = [
        ["DATA PMI (SINTETIS)"],
        ["NO", "NAMA", "ALAMAT", "KAB/KOTA", "TGL PULANG"],
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        [1, "Siti", "Jl. Sintetis", "Banjar", "2024"],
    ]
    header = columns.find_header(rows)
    assert header is not None and header.data_start == 3
    assert header.mapping["regency"] == 3  # KAB/KOTA, not the street address


def test_downloads_neutralise_formulas_but_keep_negative_numbers(tmp_path):
    assert safe_cell("-2+3") == "'-2+3" and safe_cell("-1+HYPERLINK(1)") == "'-1+HYPERLINK(1)"
    assert safe_cell("-5") == "-5" and safe_cell("-1,5") == "-1,5" and safe_cell(-5) == -5
    command(files.csv_cp1252(tmp_path / "kepulangan.csv"))
    batch = ImportBatch.objects.get()
    batch.headers = ["NO", "=cmd|' /C calc'!A0", *batch.headers[2:]]  # a hostile header
    out = io.StringIO()
    assert write_rejected(batch, out) == 1
    assert out.getvalue().splitlines()[0].startswith("NO,'=cmd")


def test_every_reason_a_row_gets_is_a_sentence_of_its_own():
    reader = Reader({"name": 0, "regency": 1, "country": 2, "return_date": 3}, home_region="63")
    with translation.override("id"):
        province = reader.read(["Orang Sintetis", "Kalimantan Selatan", "Atlantis", "kemarin"])
        nowhere = reader.read(["Orang Sintetis", "Negeri Antah", "Malaysia", "01/02/2024"])
    reasons = [*province.reasons, *nowhere.reasons]
    assert len(province.reasons) == 4 and len(nowhere.reasons) == 1  # 3 unread, 1 rejection
    assert all(reason.endswith(".") for reason in reasons), reasons
    assert any(reason.endswith("Hanya provinsi, bukan kabupaten/kota.") for reason in reasons)
    assert nowhere.reasons[0].endswith("tidak ditemukan.")
