"""Persons: encrypted identity, blind-index search, audit of every write, consent."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from sigap.core import audit
from sigap.core.models import AuditEvent
from sigap.people.models import Person
from sigap.people.selectors import display_name, person_search
from sigap.people.services import person_create, person_update, person_withdraw_consent

pytestmark = pytest.mark.django_db

NIK = "6303015203900001"  # synthetic: Banjar, born 12-03-1990, woman


@pytest.fixture
def person(siti):
    return person_create(
        actor=siti,
        full_name="Siti Rahmah binti Anang",
        aliases="St. Rahmah",
        nik=NIK,
        phone="+6281234567890",
        address="Jl. Melati No. 7, Martapura",
        sex="F",
        region_id="63.03",
    )


def test_identifying_values_are_not_in_the_database_rows(person):
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM people_person")
        rows = repr(cursor.fetchall())
    for secret in ("Siti", "Rahmah", NIK, "81234567890", "Melati"):
        assert secret not in rows
    person.refresh_from_db()
    assert person.full_name == "Siti Rahmah binti Anang"


def test_a_dump_of_the_database_reveals_no_identity_and_loads_back(person, tmp_path):
    out = StringIO()
    call_command("dumpdata", "people", "core.auditevent", stdout=out)
    dump = out.getvalue()
    for secret in ("Siti", "Rahmah", NIK, "81234567890", "Melati"):
        assert secret not in dump
    people_dump = StringIO()
    call_command("dumpdata", "people", stdout=people_dump)
    path = tmp_path / "backup.json"
    path.write_text(people_dump.getvalue())
    Person.objects.all().delete()
    call_command("loaddata", str(path), verbosity=0)
    assert Person.objects.get().full_name == "Siti Rahmah binti Anang"


def test_an_encrypted_field_cannot_be_searched_by_accident():
    with pytest.raises(TypeError, match="blind index"):
        list(Person.objects.filter(full_name="Siti"))


def test_a_person_is_found_by_exact_nik_in_any_written_form(person, siti):
    assert list(person_search(siti, nik="'6303 0152 0390 0001")) == [person]
    assert not person_search(siti, nik="6303015203900002").exists()


@pytest.mark.parametrize(
    "query",
    ["Siti Rahmah", "st rahmah", "SITI RAHMAH", "Rahmah", "Siti Rahma", "Sitti Rachmah"],
)
def test_a_person_is_found_by_name_despite_spelling_variants(person, siti, query):
    assert list(person_search(siti, name=query)) == [person]


def test_a_name_search_needs_every_word_to_match(person, siti):
    assert not person_search(siti, name="Siti Normila").exists()


def test_muhammad_in_any_spelling_finds_the_same_person(siti):
    person = person_create(actor=siti, full_name="Muhammad Noor Fauzi", region_id="63")
    for query in ("M. Nur Fauzi", "Muhamad Nor Fauzi", "Moh. Noor Fauzy"):
        assert list(person_search(siti, name=query)) == [person], query


def test_creating_a_person_is_audited_with_sealed_identifying_values(person, siti):
    event = AuditEvent.objects.get(action="create", object_id=str(person.pk))
    assert event.actor == siti
    changes = event.details["changes"]
    assert "Siti" not in json.dumps(event.details)
    assert audit.unseal(changes["full_name"]["after"]) == "Siti Rahmah binti Anang"
    assert changes["sex"] == {"before": None, "after": "F"}


def test_an_update_records_exactly_the_changed_fields(person, siti):
    person_update(actor=siti, person=person, phone="+6285311112222", sex="F")
    event = AuditEvent.objects.filter(action="change").get()
    assert set(event.details["changes"]) == {"phone"}
    assert audit.unseal(event.details["changes"]["phone"]["before"]) == "+6281234567890"


def test_an_update_that_changes_nothing_writes_no_event(person, siti):
    person_update(actor=siti, person=person, sex="F")
    assert not AuditEvent.objects.filter(action="change").exists()


def test_a_failed_transaction_leaves_no_audit_event(siti, monkeypatch):
    def fail(person):
        raise RuntimeError("disk full")

    monkeypatch.setattr("sigap.people.services._refresh_name_keys", fail)
    with pytest.raises(RuntimeError, match="disk full"):
        person_create(actor=siti, full_name="X", region_id="63")
    assert not AuditEvent.objects.exists()
    assert not Person.objects.exists()


def test_pseudonyms_are_sequential_per_year(siti):
    first = person_create(actor=siti, full_name="A", region_id="63")
    second = person_create(actor=siti, full_name="B", region_id="63")
    year = first.created_at.year
    assert first.pseudonym == f"Orang-{year}-0001"
    assert second.pseudonym == f"Orang-{year}-0002"
    assert str(first) == first.pseudonym  # never the name


def test_withdrawing_consent_stops_sharing_and_is_recorded(siti):
    person = person_create(
        actor=siti, full_name="C", region_id="63", consent_services=True, consent_share=True
    )
    assert person.consent_recorded_at is not None
    person_withdraw_consent(actor=siti, person=person)
    person.refresh_from_db()
    assert not person.consent_share
    assert not person.consent_services
    assert person.consent_withdrawn_at is not None
    event = AuditEvent.objects.get(action="change")
    assert event.details["changes"]["consent_share"] == {"before": True, "after": False}


def test_a_protected_identity_shows_the_pseudonym_outside_the_registering_agency(
    siti, normila, rahmadi
):
    person = person_create(
        actor=rahmadi, full_name="Korban Terlindung", region_id="63.03", identity_protected=True
    )
    assert display_name(rahmadi, person) == "Korban Terlindung"  # registering agency
    assert display_name(siti, person) == "Korban Terlindung"  # secretariat
    assert display_name(normila, person) == person.pseudonym


def test_a_pasted_ciphertext_is_stored_as_typed_never_decrypted(client, rahmadi, person):
    """A form must not be a decryption oracle for someone holding a stolen dump."""
    from django.db import connection

    from tests.conftest import sign_in

    with connection.cursor() as cursor:
        cursor.execute("SELECT address FROM people_person WHERE id = %s", [person.pk])
        stolen = cursor.fetchone()[0]
    sign_in(client, rahmadi)
    client.post(
        "/orang/baru/",
        {"full_name": stolen, "sex": "U", "citizenship": "ID", "region": "63.03"},
    )
    created = Person.objects.exclude(pk=person.pk).get()
    assert created.full_name == stolen
    assert "Melati" not in client.get(f"/orang/{created.pk}/").content.decode()


def test_an_invalid_nik_is_still_found_however_it_is_written(siti):
    person = person_create(actor=siti, full_name="X", nik="9903 0152 0390 0001", region_id="63")
    assert list(person_search(siti, nik="9903015203900001")) == [person]
    assert list(person_search(siti, nik="'9903.0152.0390.0001")) == [person]


def test_a_creation_event_lists_only_the_fields_that_were_filled(person):
    event = AuditEvent.objects.get(action="create", object_id=str(person.pk))
    changes = event.details["changes"]
    assert "notes" not in changes  # empty on creation: no entry
    assert "full_name" in changes and "phone" in changes
