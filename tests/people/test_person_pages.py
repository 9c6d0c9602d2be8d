"""Person pages: scoped, audited views, POST-only search, consent withdrawal, access requests."""

import json

import pytest

from sigap.core.models import AuditEvent
from sigap.people.models import Person
from sigap.people.services import person_create
from tests.conftest import sign_in, with_sudo

pytestmark = pytest.mark.django_db

FORM = {
    "full_name": "Rabiatul Adawiyah",
    "aliases": "Rabiah",
    "nik": "'6303 0152 0390 0001",
    "sex": "F",
    "birth_date": "12 Maret 1990",
    "citizenship": "ID",
    "home_region": "Martapura, Kab. Banjar",
    "phone": "0812-3456-7890",
    "address": "Desa Sungai Sipai",
    "consent_services": "on",
    "region": "63.03",
}


def test_an_officer_registers_a_person_with_values_written_the_indonesian_way(client, rahmadi):
    sign_in(client, rahmadi)
    response = client.post("/orang/baru/", FORM)
    person = Person.objects.get()
    assert response["Location"] == f"/orang/{person.pk}/"
    assert person.nik == "6303015203900001"
    assert person.phone == "+6281234567890"
    assert str(person.birth_date) == "1990-03-12"
    assert person.home_region_id.startswith("63.03.")
    assert person.agency == rahmadi.agency and person.consent_recorded_at is not None
    page = client.get(response["Location"]).content.decode()
    assert "Rabiatul Adawiyah" in page and "6303015203900001" in page
    assert AuditEvent.objects.filter(
        action="view", object_id=str(person.pk), actor=rahmadi
    ).exists()


def test_wrong_values_get_clear_indonesian_messages_and_nothing_is_saved(client, rahmadi):
    sign_in(client, rahmadi)
    bad = {**FORM, "nik": "6303011203900000", "birth_date": "31/02/1990", "region": "63.71"}
    page = client.post("/orang/baru/", bad).content.decode()
    assert "Empat digit terakhir NIK tidak boleh 0000" in page
    assert "Tidak ada tanggal 31" in page
    assert "hanya dapat mendaftarkan orang di wilayah kerja Anda" in page
    assert not Person.objects.exists()


def test_search_is_posted_so_the_nik_never_appears_in_a_url(client, rahmadi):
    person = person_create(
        actor=rahmadi, full_name="Masitah", nik="6303015203900001", region_id="63.03"
    )
    person_create(actor=rahmadi, full_name="Orang Lain", region_id="63.03")
    sign_in(client, rahmadi)
    response = client.post("/orang/", {"nik": "6303 0152 0390 0001", "name": ""})
    page = response.content.decode()
    assert response.request["PATH_INFO"] == "/orang/" and not response.request["QUERY_STRING"]
    assert "Masitah" in page and "Orang Lain" not in page
    assert f'href="/orang/{person.pk}/"' in page
    assert client.get("/orang/", {"nik": "6303015203900001"}).status_code == 200  # ignored in GET


def test_a_person_of_another_agency_is_a_404_and_the_attempt_is_recorded(client, rahmadi, normila):
    person = person_create(actor=rahmadi, full_name="Masitah", region_id="63.03")
    sign_in(client, normila)
    assert client.get(f"/orang/{person.pk}/").status_code == 404
    assert AuditEvent.objects.filter(action="denied", actor=normila).exists()


def test_an_analyst_has_no_person_pages(client, fauzan):
    sign_in(client, fauzan)
    assert client.get("/orang/").status_code == 404


def test_withdrawing_consent_from_the_page_is_recorded(client, rahmadi):
    person = person_create(
        actor=rahmadi, full_name="Masitah", region_id="63.03", consent_share=True
    )
    sign_in(client, rahmadi)
    client.post(f"/orang/{person.pk}/tarik-persetujuan/")
    person.refresh_from_db()
    assert not person.consent_share and person.consent_withdrawn_at is not None


def test_an_access_request_export_needs_sudo_and_lists_what_is_held(client, rahmadi):
    person = person_create(
        actor=rahmadi, full_name="Masitah", nik="6303015203900001", region_id="63.03"
    )
    sign_in(client, rahmadi)
    assert client.get(f"/orang/{person.pk}/ekspor-data/").status_code == 302
    with_sudo(client)
    response = client.get(f"/orang/{person.pk}/ekspor-data/")
    data = json.loads(response.content)
    assert data["person"]["full_name"] == "Masitah"
    assert data["person"]["nik"] == "6303015203900001"
    assert "nik_index" not in data["person"]
    assert [event["action"] for event in data["history"]] == ["create"]
    assert data["history"][0]["agency"] == "Polres Banjar"
    assert AuditEvent.objects.filter(action="export", object_id=str(person.pk)).exists()


def test_a_protected_identity_shows_only_the_pseudonym_outside_its_agency(client, rahmadi, siti):
    from tests.conftest import make_user

    colleague = make_user("banjar2", role="regency_officer", agency="gt-banjar", region="63.03")
    person = person_create(
        actor=rahmadi,
        full_name="Korban Terlindung",
        nik="6303015203900001",
        region_id="63.03",
        identity_protected=True,
    )
    sign_in(client, colleague)
    page = client.get(f"/orang/{person.pk}/").content.decode()
    assert "Korban Terlindung" not in page and "6303015203900001" not in page
    assert person.pseudonym in page


def test_a_protected_person_cannot_be_exported_or_found_by_those_who_see_the_pseudonym(
    client, rahmadi
):
    from tests.conftest import make_user

    colleague = make_user("banjar3", role="regency_officer", agency="gt-banjar", region="63.03")
    person = person_create(
        actor=rahmadi,
        full_name="Korban Terlindung",
        nik="6303015203900001",
        region_id="63.03",
        identity_protected=True,
        birth_date="1990-03-12",
    )
    with_sudo(sign_in(client, colleague))
    assert client.get(f"/orang/{person.pk}/ekspor-data/").status_code == 404
    assert AuditEvent.objects.filter(action="denied", actor=colleague).exists()
    found = client.post("/orang/", {"nik": "6303015203900001", "name": ""}).content.decode()
    assert person.pseudonym not in found
    found = client.post("/orang/", {"nik": "", "name": "Korban Terlindung"}).content.decode()
    assert person.pseudonym not in found
    detail = client.get(f"/orang/{person.pk}/").content.decode()
    assert "12-03-1990" not in detail


def test_the_registering_agency_still_finds_its_protected_person(client, rahmadi):
    person = person_create(
        actor=rahmadi, full_name="Korban Terlindung", region_id="63.03", identity_protected=True
    )
    sign_in(client, rahmadi)
    found = client.post("/orang/", {"nik": "", "name": "Korban Terlindung"}).content.decode()
    assert person.pseudonym in found


def test_a_childs_consent_must_come_from_a_parent_or_guardian(client, rahmadi):
    from datetime import timedelta

    from django.utils import timezone

    sign_in(client, rahmadi)
    born = (timezone.localdate() - timedelta(days=15 * 365)).strftime("%d/%m/%Y")
    child = {**FORM, "birth_date": born, "nik": ""}
    page = client.post("/orang/baru/", child).content.decode()
    assert "persetujuan harus diberikan oleh orang tua atau wali" in page
    assert not Person.objects.exists()
    client.post("/orang/baru/", {**child, "consent_by_guardian": "on"})
    assert Person.objects.get().consent_by_guardian
