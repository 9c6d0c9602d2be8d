"""Changing a person through the API, and the estimated age: the registration form, the
same scope and name rule as the pages, and the change audited with identifiers sealed."""

from datetime import date

import pytest
from django.utils import timezone

from sigap.core.models import AuditEvent
from sigap.people.models import DuplicateCandidate, Person
from sigap.people.services import person_anonymise, person_create
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

NIK = "6303015203900001"
OTHER_NIK = "6303015203900002"
BAD_NIK = "6303011203900000"  # synthetic; serial 0000 is not valid


def a_person(officer, **fields):
    values = {
        "full_name": "Rabiatul Adawiyah",
        "nik": NIK,
        "sex": "F",
        "birth_date": date(1990, 3, 12),
        "phone": "+6281234567890",
        "home_region_id": "63.03",
        "region_id": "63.03",
        **fields,
    }
    return person_create(actor=officer, **values)


def test_only_the_fields_given_change_read_like_the_registration_page(api_as, rahmadi):
    person = a_person(rahmadi, aliases="Rabiah")
    api = api_as(rahmadi)
    response = api.patch(
        f"/persons/{person.pk}",
        {
            "phone": "0813-1111-2222",
            "aliases": ["Rabiah", " Ijah ", ""],
            "address": "Desa Sungai Sipai",
            "consent_services": True,
        },
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body == api.get(f"/persons/{person.pk}").json()  # the person as GET gives it
    assert body["phone"] == "+6281311112222"
    assert body["aliases"] == ["Rabiah", "Ijah"] and body["address"] == "Desa Sungai Sipai"
    assert body["consent_services"] is True
    # What was not given keeps its value.
    assert body["name"] == "Rabiatul Adawiyah" and body["nik"] == NIK and body["sex"] == "F"
    assert body["birth_date"] == "1990-03-12" and body["birth_date_estimated"] is False
    assert body["home_region"] == "63.03" and body["region"] == "63.03"
    stored = Person.objects.get(pk=person.pk)
    assert stored.consent_recorded_at is not None
    # The service records the change, with the identifiers sealed.
    event = AuditEvent.objects.get(action="change", object_id=str(person.pk))
    assert event.actor == rahmadi
    assert {"phone", "aliases", "address", "consent_services"} <= set(event.details["changes"])
    assert "nik" not in event.details["changes"] and "full_name" not in event.details["changes"]
    assert "Ijah" not in str(event.details) and "Sipai" not in str(event.details)
    # The new alias is searchable.
    found = api.post("/persons/search", {"name": "Ijah"}).json()
    assert [row["id"] for row in found["results"]] == [person.pk]


def test_sending_back_what_get_gave_changes_nothing(api_as, rahmadi):
    person = a_person(rahmadi, aliases="Rabiah", consent_share=True)
    api = api_as(rahmadi)
    shown = api.get(f"/persons/{person.pk}").json()
    fields = (
        "aliases",
        "nik",
        "sex",
        "birth_date",
        "birth_date_estimated",
        "citizenship",
        "home_region",
        "phone",
        "address",
        "consent_services",
        "consent_share",
        "consent_by_guardian",
        "identity_protected",
        "region",
    )
    response = api.patch(
        f"/persons/{person.pk}", {"full_name": shown["name"], **{f: shown[f] for f in fields}}
    )
    assert response.status_code == 200, response.json()
    assert response.json() == shown
    assert not AuditEvent.objects.filter(action="change").exists()


def test_null_empties_a_field_and_required_ones_stay(api_as, rahmadi):
    person = a_person(rahmadi, address="Desa Sungai Sipai")
    api = api_as(rahmadi)
    response = api.patch(
        f"/persons/{person.pk}",
        {"address": None, "phone": None, "birth_date": None, "home_region": None, "nik": ""},
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["address"] == "" and body["phone"] == "" and body["nik"] == ""
    assert body["birth_date"] is None and body["home_region"] is None
    assert Person.objects.get(pk=person.pk).nik_index == ""
    response = api.patch(f"/persons/{person.pk}", {"full_name": None, "region": ""})
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"full_name", "region"}
    assert response.json()["errors"]["full_name"][0]["code"] == "required"


def test_wrong_values_are_422_with_the_forms_messages_and_nothing_changes(api_as, rahmadi):
    person = a_person(rahmadi)
    api = api_as(rahmadi)
    response = api.patch(
        f"/persons/{person.pk}",
        {"nik": "6303011203900000", "birth_date": "31/02/1990", "region": "63.71", "sex": "Q"},
    )
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert set(errors) == {"nik", "birth_date", "region", "sex"}
    assert "Empat digit terakhir NIK tidak boleh 0000" in errors["nik"][0]["message"]
    assert "Tidak ada tanggal 31" in errors["birth_date"][0]["message"]
    assert "wilayah kerja Anda" in errors["region"][0]["message"]
    # A child's consent comes from a parent or guardian (the form's rule, on the whole).
    response = api.patch(
        f"/persons/{person.pk}", {"birth_date": "01/01/2015", "consent_services": True}
    )
    assert response.status_code == 422 and "consent_by_guardian" in response.json()["errors"]
    response = api.patch(f"/persons/{person.pk}", {"nama": "salah eja", "pseudonym": "x"})
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"nama", "pseudonym"}
    stored = Person.objects.get(pk=person.pk)
    assert stored.nik == NIK and stored.birth_date == date(1990, 3, 12)
    assert not stored.consent_services and stored.region_id == "63.03"
    assert not AuditEvent.objects.filter(action="change").exists()


def test_an_estimated_age_replaces_an_unknown_birth_date(api_as, rahmadi):
    api = api_as(rahmadi)
    year = timezone.localdate().year
    created = api.post("/persons", {"full_name": "Rusmini", "region": "63.03", "estimated_age": 25})
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["birth_date"] == f"{year - 25}-07-01" and body["birth_date_estimated"] is True
    # A birth date given with it wins, as on the page.
    both = api.post(
        "/persons",
        {"full_name": "Rusmini", "region": "63.03", "estimated_age": 25, "birth_date": "1/2/1990"},
    )
    assert both.json()["birth_date"] == "1990-02-01"
    assert both.json()["birth_date_estimated"] is False
    response = api.post(
        "/persons", {"full_name": "Rusmini", "region": "63.03", "estimated_age": 200}
    )
    assert response.status_code == 422 and "estimated_age" in response.json()["errors"]

    # On a change, an estimated age stands for the birth date the record has.
    person = a_person(rahmadi)
    response = api.patch(f"/persons/{person.pk}", {"estimated_age": 30})
    assert response.status_code == 200, response.json()
    assert response.json()["birth_date"] == f"{year - 30}-07-01"
    assert response.json()["birth_date_estimated"] is True
    response = api.patch(
        f"/persons/{person.pk}", {"birth_date": "12/03/1990", "birth_date_estimated": False}
    )
    assert response.json()["birth_date"] == "1990-03-12"
    assert response.json()["birth_date_estimated"] is False
    response = api.patch(f"/persons/{person.pk}", {"estimated_age": -1})
    assert response.status_code == 422 and "estimated_age" in response.json()["errors"]


def test_a_kept_invalid_nik_stays_kept_and_a_new_one_is_checked(api_as, rahmadi):
    api = api_as(rahmadi)
    kept = a_person(rahmadi, nik=BAD_NIK, nik_problem="nik_serial")
    # Another field changes: the NIK kept as written stays, still marked.
    response = api.patch(f"/persons/{kept.pk}", {"address": "Desa Sungai Sipai"})
    assert response.status_code == 200, response.json()
    assert response.json()["nik"] == BAD_NIK and response.json()["nik_problem"]
    # A valid NIK clears the mark.
    response = api.patch(f"/persons/{kept.pk}", {"nik": "6303 0152 0390 0003"})
    assert response.json()["nik"] == "6303015203900003"
    assert response.json()["nik_problem"] == ""
    # An invalid NIK for a record with a valid one is refused, unless kept as written.
    response = api.patch(f"/persons/{kept.pk}", {"nik": BAD_NIK})
    assert response.status_code == 422 and "nik" in response.json()["errors"]
    response = api.patch(f"/persons/{kept.pk}", {"nik": BAD_NIK, "nik_keep_invalid": True})
    assert response.status_code == 200, response.json()
    assert response.json()["nik"] == BAD_NIK and response.json()["nik_problem"]


def test_a_nik_another_visible_person_has_is_a_409_naming_them(api_as, rahmadi):
    first = a_person(rahmadi)
    second = a_person(rahmadi, full_name="Masitah", nik=OTHER_NIK)
    api = api_as(rahmadi)
    response = api.patch(f"/persons/{second.pk}", {"nik": "6303-0152-0390-0001"})
    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "duplicate_nik" and body["person_id"] == first.pk
    assert body["pseudonym"] == first.pseudonym and first.pseudonym in body["detail"]
    assert Person.objects.get(pk=second.pk).nik == OTHER_NIK
    # Its own NIK (in any written form) is no duplicate.
    response = api.patch(f"/persons/{first.pk}", {"nik": "6303.0152.0390.0001"})
    assert response.status_code == 200, response.json()
    assert not DuplicateCandidate.objects.exists()


def test_only_who_may_see_the_identity_changes_a_person(api_as, rahmadi, normila, siti):
    colleague = make_user("banjar9", role="regency_officer", agency="gt-banjar", region="63.03")
    protected = a_person(rahmadi, identity_protected=True)
    theirs = api_as(colleague)
    # They see the record by pseudonym, but may not change it: it is not there for them.
    assert theirs.get(f"/persons/{protected.pk}").json()["identity_shown"] is False
    response = theirs.patch(f"/persons/{protected.pk}", {"address": "Jalan Lain"})
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert "Rabiatul" not in response.content.decode()
    assert AuditEvent.objects.filter(
        actor=colleague, action="denied", object_id=str(protected.pk), details__via="api"
    ).exists()
    # Another agency's person is out of scope altogether; a missing one is the same 404.
    response = api_as(normila).patch(f"/persons/{protected.pk}", {"address": "Jalan Lain"})
    assert response.status_code == 404
    assert AuditEvent.objects.filter(
        actor=normila, action="denied", object_id=str(protected.pk)
    ).exists()
    assert api_as(rahmadi).patch("/persons/999999", {"address": "x"}).status_code == 404
    assert Person.objects.get(pk=protected.pk).address == ""
    # The secretariat and the registering agency may.
    response = api_as(siti).patch(f"/persons/{protected.pk}", {"address": "Jalan Lain"})
    assert response.status_code == 200, response.json()
    assert response.json()["address"] == "Jalan Lain"
    response = api_as(rahmadi).patch(
        f"/persons/{protected.pk}", {"identity_protected": False, "address": "Jalan Baru"}
    )
    assert response.status_code == 200 and response.json()["identity_protected"] is False
    assert theirs.patch(f"/persons/{protected.pk}", {"sex": "F"}).status_code == 200


def test_a_protected_person_seen_through_a_case_is_not_changed(api_as, siti, rahmadi):
    from sigap.cases import services as case_services

    protected = a_person(siti, identity_protected=True)
    case = case_services.case_create(
        actor=rahmadi, reported_on=date(2024, 3, 1), source="police", region_id="63.03"
    )
    case_services.party_add(actor=siti, case=case, person=protected, role="victim")
    api = api_as(rahmadi)  # sees the person through the case, by pseudonym only
    assert api.get(f"/persons/{protected.pk}").status_code == 200
    response = api.patch(f"/persons/{protected.pk}", {"phone": "0813-1111-2222"})
    assert response.status_code == 404
    assert AuditEvent.objects.filter(
        actor=rahmadi, action="denied", object_id=str(protected.pk), details__attempted="edit"
    ).exists()
    assert Person.objects.get(pk=protected.pk).phone == "+6281234567890"


def test_a_nik_kept_although_invalid_matches_no_one(api_as, rahmadi):
    api = api_as(rahmadi)
    body = {"full_name": "Rusmini", "nik": BAD_NIK, "nik_keep_invalid": True, "region": "63.03"}
    assert api.post("/persons", body).status_code == 201
    assert api.post("/persons", body).status_code == 201
    person = a_person(rahmadi)
    response = api.patch(f"/persons/{person.pk}", {"nik": BAD_NIK, "nik_keep_invalid": True})
    assert response.status_code == 200, response.json()
    assert Person.objects.filter(nik_problem="nik_serial").count() == 3


def test_an_anonymised_person_is_not_changed(api_as, rahmadi):
    person = person_anonymise(actor=rahmadi, person=a_person(rahmadi))
    response = api_as(rahmadi).patch(f"/persons/{person.pk}", {"full_name": "Nama Baru"})
    assert response.status_code == 404
    stored = Person.objects.get(pk=person.pk)
    assert stored.full_name == "" and not stored.name_keys.exists()
