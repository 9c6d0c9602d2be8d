"""Correcting a person's record: only by those who see the identity; a changed birth date
changes the child rules of their cases; a NIK already registered in sight is offered."""

from datetime import date

import pytest

from sigap.cases import services as case_services
from sigap.core.models import AuditEvent
from sigap.people.services import person_create
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def form(person, **changes):
    data = {
        "full_name": person.full_name,
        "nik": person.nik,
        "sex": person.sex,
        "citizenship": "ID",
        "region": person.region_id,
    }
    return {**data, **changes}


def test_a_corrected_birth_date_makes_the_victim_a_child_in_her_case(client, rahmadi):
    person = person_create(actor=rahmadi, full_name="Rusmini", region_id="63.03")
    case = case_services.case_create(
        actor=rahmadi, reported_on=date(2024, 3, 1), source="police", region_id="63.03"
    )
    case_services.party_add(actor=rahmadi, case=case, person=person, role="victim")
    sign_in(client, rahmadi)
    response = client.post(f"/orang/{person.pk}/ubah/", form(person, birth_date="01/06/2008"))
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.child_victim is True
    assert AuditEvent.objects.filter(action="change", object_id=str(person.pk)).exists()


def test_an_identity_the_user_may_not_see_cannot_be_edited(client, siti, rahmadi):
    protected = person_create(
        actor=siti, full_name="Dilindungi", region_id="63.03", identity_protected=True
    )
    case = case_services.case_create(
        actor=rahmadi, reported_on=date(2024, 3, 1), source="police", region_id="63.03"
    )
    case_services.party_add(actor=siti, case=case, person=protected, role="victim")
    sign_in(client, rahmadi)  # sees the person through the case, by pseudonym only
    assert client.get(f"/orang/{protected.pk}/").status_code == 200
    assert client.get(f"/orang/{protected.pk}/ubah/").status_code == 404
    assert AuditEvent.objects.filter(actor=rahmadi, action="denied").exists()


def test_changing_to_a_nik_registered_in_sight_offers_that_record(client, rahmadi):
    first = person_create(actor=rahmadi, full_name="A", nik="6303015203900001", region_id="63.03")
    second = person_create(actor=rahmadi, full_name="B", region_id="63.03")
    sign_in(client, rahmadi)
    page = client.post(
        f"/orang/{second.pk}/ubah/", form(second, nik="6303015203900001")
    ).content.decode()
    assert first.pseudonym in page and "sudah terdaftar" in page
    second.refresh_from_db()
    assert second.nik == ""
    # saving its own NIK again is no match with itself
    response = client.post(f"/orang/{first.pk}/ubah/", form(first, full_name="A. Baru"))
    assert response.status_code == 302


def test_a_person_seen_through_a_case_keeps_their_region_when_edited(client, rahmadi, siti):
    """Registered by the secretariat for the whole province, seen by Polres Banjar in its
    case: the officer corrects the birth date without having to move the record."""
    person = person_create(actor=siti, full_name="Rusmini", region_id="63")
    case = case_services.case_create(
        actor=rahmadi, reported_on=date(2024, 3, 1), source="police", region_id="63.03"
    )
    case_services.party_add(actor=siti, case=case, person=person, role="victim")
    sign_in(client, rahmadi)
    response = client.post(f"/orang/{person.pk}/ubah/", form(person, birth_date="01/06/1999"))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.birth_date == date(1999, 6, 1) and person.region_id == "63"


def test_an_anonymised_person_is_not_edited_back_into_identity(client, rahmadi):
    from sigap.people.services import person_anonymise

    person = person_create(actor=rahmadi, full_name="Rusmini", region_id="63.03")
    person_anonymise(actor=rahmadi, person=person)
    sign_in(client, rahmadi)
    assert client.get(f"/orang/{person.pk}/ubah/").status_code == 404


def test_a_search_matching_many_shows_the_first_50_and_asks_for_more_words(client, rahmadi):
    for number in range(51):
        person_create(actor=rahmadi, full_name=f"Siti Nomor{number}", region_id="63.03")
    sign_in(client, rahmadi)
    page = client.post("/orang/", {"name": "Sitti"}).content.decode()
    assert "Lebih dari 50 ditemukan" in page
    assert page.count("Orang-") == 50
    person_create(actor=rahmadi, full_name="Jamilah", region_id="63.03")
    one = client.post("/orang/", {"name": "Jamila"}).content.decode()
    assert "1 ditemukan." in one
