"""Editing a case, victim status decisions, notes, the live screening result and the
timeline in plain words."""

from datetime import date

import pytest

from sigap.cases import services
from sigap.cases.models import Case, CaseEvent
from sigap.cases.services import WorkflowError
from sigap.core.models import AuditEvent
from sigap.people.services import person_update
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_an_edit_records_what_changed_with_the_narrative_sealed(client, rahmadi, case):
    sign_in(client, rahmadi)
    response = client.post(
        f"/kasus/{case.pk}/ubah/",
        {
            "reported_on": "12/03/2024",
            "incident_on": "01/02/2024",
            "source": "police",
            "region": "63.03.05",
            "origin_region": "Martapura, Banjar",
            "destination_country": "Malaysia",
            "recruitment_method": "internet",
            "recruitment_apps": "Facebook, WhatsApp, Facebook",
            "placement_company_licensed": "false",
            "purposes": ["forced_labour"],
            "means_of_control": ["withholds_documents", "debt_bondage"],
            "narrative": "Kronologi sintetis: dijanjikan kerja di kebun sawit.",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.destination_country_id == "MY"
    assert case.recruitment_apps == ["Facebook", "WhatsApp"]
    assert case.placement_company_licensed is False
    assert case.origin_region_id.startswith("63.03")
    event = AuditEvent.objects.get(action="change", object_id=str(case.pk))
    assert "sawit" not in str(event.details)  # the narrative is sealed in the log
    assert "destination_country_id" in event.details["changes"]
    page = client.get(f"/kasus/{case.pk}/").content.decode()
    assert "Data kasus diubah: negara tujuan" in page
    assert "Dokumen ditahan" in page and "Jerat utang" in page


def test_an_incident_after_the_report_is_refused(client, rahmadi, case):
    sign_in(client, rahmadi)
    page = client.post(
        f"/kasus/{case.pk}/ubah/",
        {
            "reported_on": "12/03/2024",
            "incident_on": "13/03/2024",
            "source": "police",
            "region": "63.03",
            "recruitment_method": "unknown",
        },
    ).content.decode()
    assert "tidak boleh sesudah tanggal laporan" in page


def test_an_edit_cannot_move_a_case_out_of_ones_scope(rahmadi, case):
    with pytest.raises(WorkflowError) as refused:
        services.case_update(actor=rahmadi, case=case, region_id="63.71")
    assert refused.value.code == "out_of_scope"
    case.refresh_from_db()
    assert case.region_id == "63.03.05"


def test_a_closed_case_is_not_edited(rahmadi, case):
    services.case_close(actor=rahmadi, case=case, reason="Dilimpahkan (sintetis)")
    with pytest.raises(WorkflowError) as refused:
        services.case_update(actor=rahmadi, case=case, transit="Batam")
    assert refused.value.code == "closed"


def test_birth_date_and_incident_date_keep_the_child_flag_true(rahmadi, case, victim):
    assert Case.objects.get(pk=case.pk).child_victim is False
    person_update(actor=rahmadi, person=victim.person, birth_date=date(2007, 6, 1))
    assert Case.objects.get(pk=case.pk).child_victim is True  # 16 in March 2024
    services.case_update(actor=rahmadi, case=case, incident_on=date(2026, 7, 1))
    assert Case.objects.get(pk=case.pk).child_victim is False  # 19 by then


def test_victim_status_is_decided_with_who_and_when(client, rahmadi, case, victim):
    sign_in(client, rahmadi)
    client.post(f"/kasus/{case.pk}/pihak/{victim.pk}/status-korban/", {"status": "actual"})
    victim.refresh_from_db()
    assert victim.victim_status == "actual" and victim.victim_status_by == rahmadi
    assert victim.victim_status_at is not None
    page = client.get(f"/kasus/{case.pk}/").content.decode()
    assert "Status korban" in page and "diputuskan oleh" in page


def test_notes_are_encrypted_and_shown_in_the_timeline(client, rahmadi, case):
    sign_in(client, rahmadi)
    client.post(f"/kasus/{case.pk}/catatan/", {"text": "Rapat koordinasi: korban aman (sintetis)."})
    note = case.notes.get()
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM cases_casenote WHERE id = %s", [note.pk])
        assert "korban aman" not in cursor.fetchone()[0]
    page = client.get(f"/kasus/{case.pk}/").content.decode()
    assert "Catatan: Rapat koordinasi: korban aman (sintetis)." in page


def test_the_screening_result_is_recomputed_without_saving(client, rahmadi, case, victim):
    sign_in(client, rahmadi)
    url = f"/kasus/{case.pk}/pihak/{victim.pk}/penapisan/"
    answers = {"act__recruitment": "yes", "purpose__forced_labour": "yes", "preview": "1"}
    partial = client.post(url, answers, HTTP_HX_REQUEST="true").content.decode()
    assert "Informasi belum cukup" in partial and "<html" not in partial
    answers["means__fraud"] = "yes"
    partial = client.post(url, answers, HTTP_HX_REQUEST="true").content.decode()
    assert "Terindikasi TPPO" in partial and "Penipuan" in partial
    assert not case.screenings.exists()


def test_the_timeline_reads_in_words_newest_first(client, rahmadi, case, victim):
    services.case_start_screening(actor=rahmadi, case=case)
    sign_in(client, rahmadi)
    page = client.get(f"/kasus/{case.pk}/").content.decode()
    moved = page.index("Status diubah dari Dilaporkan menjadi Penapisan")
    added = page.index("ditambahkan sebagai korban")
    created = page.index("Kasus didaftarkan dengan status Dilaporkan")
    assert moved < added < created
    assert CaseEvent.objects.filter(case=case).count() == 3


def test_the_person_picker_finds_by_name_variant_or_nik_within_scope(
    client, rahmadi, normila, case
):
    from sigap.people.services import person_create

    mine = person_create(
        actor=rahmadi, full_name="Muhammad Noor", nik="6303015203900001", region_id="63.03"
    )
    person_create(actor=normila, full_name="Muhammad Noor", region_id="63")  # not in sight
    sign_in(client, rahmadi)
    url = f"/kasus/{case.pk}/pihak/cari/"
    options = client.post(url, {"q": "M. Nur"}).content.decode()
    assert options.count("<option") == 1 and mine.pseudonym in options
    by_nik = client.post(url, {"q": "6303 0152 0390 0001"}).content.decode()
    assert mine.pseudonym in by_nik
    none = client.post(url, {"q": "Jamilah"}).content.decode()
    assert "Tidak ada orang dalam cakupan Anda yang cocok" in none


def test_rescreening_keeps_the_history_on_the_page(client, rahmadi, case, victim):
    services.screening_record(actor=rahmadi, party=victim, answers={"act": {"recruitment": "yes"}})
    services.screening_record(
        actor=rahmadi,
        party=victim,
        answers={
            "act": {"recruitment": "yes"},
            "means": {"fraud": "yes"},
            "purpose": {"forced_labour": "yes"},
            "indicators": {"deception": "yes"},
        },
    )
    sign_in(client, rahmadi)
    page = client.get(f"/kasus/{case.pk}/").content.decode()
    assert "Terindikasi TPPO" in page
    assert "Penapisan sebelumnya (1)" in page and "Informasi belum cukup" in page
    assert "Indikator kerja paksa ILO" in page and "Penipuan" in page


def test_adding_the_same_person_twice_in_one_role_is_refused_with_a_message(
    client, rahmadi, case, victim
):
    sign_in(client, rahmadi)
    page = client.post(
        f"/kasus/{case.pk}/pihak/", {"person": victim.person.pk, "role": "victim"}, follow=True
    ).content.decode()
    assert "sudah memiliki peran tersebut" in page
    assert case.parties.count() == 1


def test_rescreening_starts_from_the_latest_answers(client, rahmadi, case, victim):
    services.screening_record(
        actor=rahmadi,
        party=victim,
        answers={"act": {"recruitment": "yes"}, "indicators": {"deception": "yes"}},
    )
    sign_in(client, rahmadi)
    page = client.get(f"/kasus/{case.pk}/pihak/{victim.pk}/penapisan/").content.decode()
    import re

    checked = re.findall(r'<input type="radio" name="([\w_]+)" value="yes"[^>]*checked', page)
    assert set(checked) == {"act__recruitment", "indicators__deception"}
    assert "Tindakan ada: Perekrutan" in page  # the result of those answers, before any change
