"""Persons through the API: the same scope, name rule, validation and audit as the pages."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from sigap.core.models import AuditEvent
from sigap.people.models import Person
from sigap.people.services import person_create
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

NIK = "6303015203900001"
BODY = {
    "full_name": "Rabiatul Adawiyah",
    "aliases": ["Rabiah"],
    "nik": "'6303 0152 0390 0001",
    "sex": "F",
    "birth_date": "12 Maret 1990",
    "citizenship": "ID",
    "home_region": "Martapura, Kab. Banjar",
    "phone": "0812-3456-7890",
    "address": "Desa Sungai Sipai",
    "consent_services": True,
    "region": "63.03",
}


def test_an_officer_registers_a_person_with_values_written_the_indonesian_way(api_as, rahmadi):
    response = api_as(rahmadi).post("/persons", BODY)
    assert response.status_code == 201, response.json()
    body = response.json()
    person = Person.objects.get()
    assert body["id"] == person.pk and body["name"] == "Rabiatul Adawiyah"
    assert body["nik"] == NIK and body["phone"] == "+6281234567890"
    assert body["birth_date"] == "1990-03-12" and body["home_region"].startswith("63.03.")
    assert body["aliases"] == ["Rabiah"] and body["agency"] == "polres-banjar"
    assert person.consent_recorded_at is not None
    assert AuditEvent.objects.filter(action="create", object_id=str(person.pk)).exists()


def test_a_visible_duplicate_nik_is_a_409_naming_the_registered_person(api_as, rahmadi):
    existing = person_create(actor=rahmadi, full_name="Masitah", nik=NIK, region_id="63.03")
    response = api_as(rahmadi).post("/persons", {**BODY, "nik": "6303-0152-0390-0001"})
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "duplicate_nik" and body["person_id"] == existing.pk
    assert body["pseudonym"] == existing.pseudonym and existing.pseudonym in body["detail"]
    assert Person.objects.count() == 1


def test_wrong_values_get_indonesian_messages_per_field_and_nothing_is_saved(api_as, rahmadi):
    bad = {**BODY, "nik": "6303011203900000", "birth_date": "31/02/1990", "region": "63.71"}
    response = api_as(rahmadi).post("/persons", bad)
    assert response.status_code == 422
    body = response.json()
    assert "Empat digit terakhir NIK tidak boleh 0000" in body["errors"]["nik"][0]["message"]
    assert "Tidak ada tanggal 31" in body["errors"]["birth_date"][0]["message"]
    assert "wilayah kerja Anda" in body["errors"]["region"][0]["message"]
    assert body["detail"] and "Traceback" not in response.content.decode()
    assert not Person.objects.exists()


def test_a_missing_or_unknown_field_is_a_422_not_a_crash(api_as, rahmadi):
    api = api_as(rahmadi)
    response = api.post("/persons", {"nik": NIK})
    assert response.status_code == 422
    with translation.override("id"):  # the catalog's Indonesian, whatever its wording
        required = gettext("This field is required.")
    assert required != "This field is required."
    assert response.json()["errors"]["full_name"][0]["message"] == required
    response = api.post("/persons", {**BODY, "nama": "salah eja"})
    assert response.status_code == 422 and "nama" in response.json()["errors"]
    response = api.client.post(
        "/api/persons", "{bukan json", content_type="application/json", headers=api.headers
    )
    assert response.status_code == 400
    with translation.override("id"):
        assert response.json() == {"detail": gettext("The request body is not valid JSON.")}


def test_messages_are_in_english_for_a_client_that_asks(api_as, rahmadi):
    response = api_as(rahmadi, **{"Accept-Language": "en"}).post("/persons", {"nik": NIK})
    assert response.json()["errors"]["full_name"][0]["message"] == "This field is required."
    assert response["Content-Language"] == "en"


def test_lists_and_details_stay_in_the_users_scope(api_as, rahmadi, normila, siti):
    mine = person_create(actor=rahmadi, full_name="Masitah", nik=NIK, region_id="63.03")
    other = person_create(actor=normila, full_name="Halimah", region_id="63.71")
    rahmadi_api, normila_api = api_as(rahmadi), api_as(normila)

    listed = rahmadi_api.get("/persons").json()
    assert [row["id"] for row in listed["results"]] == [mine.pk] and listed["count"] == 1
    assert listed["results"][0]["name"] == "Masitah"
    assert {row["id"] for row in api_as(siti).get("/persons").json()["results"]} == {
        mine.pk,
        other.pk,
    }
    # Another agency: the record does not exist for them, and the attempt is recorded.
    response = normila_api.get(f"/persons/{mine.pk}")
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert AuditEvent.objects.filter(
        actor=normila, action="denied", object_id=str(mine.pk)
    ).exists()
    assert rahmadi_api.get(f"/persons/{mine.pk}").json()["nik"] == NIK
    assert AuditEvent.objects.filter(
        actor=rahmadi, action="view", object_id=str(mine.pk), details__via="api"
    ).exists()
    assert AuditEvent.objects.filter(
        actor=rahmadi, action="view", object_type="people.person", details__list=[mine.pk]
    ).exists()


def test_the_search_is_scoped_and_does_not_confirm_a_protected_identity(api_as, rahmadi):
    colleague = make_user("banjar9", role="regency_officer", agency="gt-banjar", region="63.03")
    protected = person_create(
        actor=rahmadi,
        full_name="Korban Terlindung",
        nik=NIK,
        region_id="63.03",
        identity_protected=True,
        birth_date="1990-03-12",
        phone="+6281234567890",
    )
    theirs = api_as(colleague)
    for query in ({"nik": NIK}, {"name": "Korban Terlindung"}):
        found = theirs.post("/persons/search", query).json()
        assert found["count"] == 0 and found["results"] == []
    # They see the record in their region, but only by pseudonym and without identifiers.
    detail = theirs.get(f"/persons/{protected.pk}").json()
    assert detail["name"] == protected.pseudonym and detail["identity_shown"] is False
    assert detail["nik"] is None and detail["phone"] is None and detail["birth_date"] is None
    assert "Korban" not in str(theirs.get("/persons").json())
    # The registering agency finds it, by NIK in any written form.
    found = api_as(rahmadi).post("/persons/search", {"nik": "6303.0152.0390.0001"}).json()
    assert [row["id"] for row in found["results"]] == [protected.pk]
    assert found["results"][0]["name"] == "Korban Terlindung"


def test_a_search_needs_a_nik_or_a_name(api_as, rahmadi):
    response = api_as(rahmadi).post("/persons/search", {"nik": " ", "name": ""})
    assert response.status_code == 422 and "__all__" in response.json()["errors"]
    response = api_as(rahmadi).post("/persons/search", {"name": "x" * 121})
    assert response.status_code == 422 and "name" in response.json()["errors"]


def test_pages_of_the_list(api_as, rahmadi):
    for number in range(3):
        person_create(actor=rahmadi, full_name=f"Orang {number}", region_id="63.03")
    api = api_as(rahmadi)
    page = api.get("/persons", page=2, page_size=2).json()
    assert page["count"] == 3 and page["page"] == 2 and len(page["results"]) == 1
    assert api.get("/persons", page_size=1000).status_code == 422
    assert api.get("/persons", page=0).status_code == 422


def test_an_invalid_nik_is_kept_only_when_asked_and_then_marked(api_as, rahmadi):
    api = api_as(rahmadi)
    body = {"full_name": "Masitah", "nik": "6303011203900000", "region": "63.03"}
    assert api.post("/persons", body).status_code == 422
    response = api.post("/persons", {**body, "nik_keep_invalid": True})
    assert response.status_code == 201, response.json()
    assert response.json()["nik"] == "6303011203900000" and response.json()["nik_problem"]


def test_an_id_too_large_for_the_database_is_a_422_not_a_crash(api_as, rahmadi):
    api = api_as(rahmadi)
    response = api.get("/persons/99999999999999999999")
    assert response.status_code == 422 and "person_id" in response.json()["errors"]
    response = api.post("/cases/99999999999999999999/parties", {"person_id": 1, "role": "victim"})
    assert response.status_code == 422


def test_a_fault_is_a_json_500_without_a_stack_trace_even_in_debug(rahmadi, settings, monkeypatch):
    from django.test import Client

    from sigap.api.routers import people
    from tests.api.conftest import api_for

    def broken(*args, **kwargs):
        raise RuntimeError("rahasia-di-dalam")

    monkeypatch.setattr(people.selectors, "persons_for", broken)
    settings.DEBUG = True
    response = api_for(Client(raise_request_exception=False), rahmadi).get("/persons")
    assert response.status_code == 500 and response.json()["code"] == "server_error"
    assert "rahasia" not in response.content.decode()
    assert "Traceback" not in response.content.decode()
