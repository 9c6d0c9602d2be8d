"""Bulk writing (COPY on PostgreSQL, executemany elsewhere) and the `__any` lookup, on the
database the suite runs on. Persons here are synthetic."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, connection, transaction

from sigap.core import bulk
from sigap.core.crypto import decrypt_text
from sigap.people.models import Person, PersonNameKey
from sigap.people.services import person_create

pytestmark = pytest.mark.django_db


def test_rows_are_written_encrypted_with_the_model_defaults_and_reserved_ids(siti):
    before = person_create(actor=siti, full_name="Orang Sintetis Sebelum")
    with transaction.atomic():
        ids = bulk.reserve_ids(Person, 2)
        table = bulk.Table(Person, ["id", "full_name", "birth_date", "pseudonym", "agency",
                                    "region", "created_by"])  # fmt: skip
        for pk, name in zip(ids, ["Orang Sintetis Satu", ""], strict=True):
            table.add(pk, name, datetime.date(1990, 3, 12), f"Uji-{pk}", siti.agency_id,
                      "63", siti.pk)  # fmt: skip
        assert len(table) == 2 and table.write() == 2 and len(table) == 0
    assert ids[0] > before.pk and ids[1] == ids[0] + 1
    first, second = Person.objects.filter(pk__in=ids).order_by("pk")
    assert first.full_name == "Orang Sintetis Satu" and second.full_name == ""
    assert first.birth_date == datetime.date(1990, 3, 12) and first.sex == "U"  # a default
    assert first.created_at is not None and first.consent_services is False
    with connection.cursor() as cursor:
        cursor.execute("SELECT full_name FROM people_person WHERE id = %s", [ids[0]])
        stored = cursor.fetchone()[0]
    assert "Sintetis" not in stored
    assert decrypt_text(stored, context="people.person.full_name") == "Orang Sintetis Satu"
    after = person_create(actor=siti, full_name="Orang Sintetis Sesudah")
    assert after.pk > ids[1]  # the sequence moved past the reserved ids


def test_a_default_made_per_row_is_refused(monkeypatch):
    field = Person._meta.get_field("notes")
    monkeypatch.setattr(field, "default", lambda: "berbeda tiap baris")
    with pytest.raises(ValueError, match="per row"):
        bulk.Table(Person, ["full_name"])


def test_any_is_membership_in_a_list_of_values(siti):
    people = [person_create(actor=siti, full_name=f"Orang Sintetis {n}", region_id="63.03",
                            birth_date=datetime.date(1990, 1, n)) for n in (1, 2, 3)]  # fmt: skip
    wanted = [people[0].pk, people[2].pk]
    assert set(Person.objects.filter(pk__any=wanted)) == {people[0], people[2]}
    assert set(Person.objects.filter(pseudonym__any={people[1].pseudonym})) == {people[1]}
    assert Person.objects.filter(region_id__any=["63.03"]).count() == 3  # a foreign key
    dates = [datetime.date(1990, 1, 2), datetime.date(1990, 1, 3)]
    assert set(Person.objects.filter(birth_date__any=dates)) == {people[1], people[2]}
    assert not Person.objects.filter(pk__any=[]).exists()
    keys = PersonNameKey.objects.filter(person_id__any=wanted)
    assert {key.person_id for key in keys} == set(wanted)


def test_ignoring_conflicts_leaves_out_the_rows_that_break_a_unique_constraint(siti):
    person = person_create(actor=siti, full_name="Orang Sintetis Kunci")
    held = set(PersonNameKey.objects.filter(person=person).values_list("key", flat=True))
    assert held
    with transaction.atomic():
        keys = bulk.Table(PersonNameKey, ["person", "key"])
        for key in [*sorted(held), "kunci-baru-1", "kunci-baru-2"]:
            keys.add(person.pk, key)
        keys.add(person.pk, "kunci-baru-2")  # twice in one write: once
        assert keys.write(ignore_conflicts=True) == 2  # the rows written
        keys.add(person.pk, "kunci-baru-3")  # a second write in the same transaction
        assert keys.write(ignore_conflicts=True) == 1
    stored = PersonNameKey.objects.filter(person=person)
    assert sorted(stored.values_list("key", flat=True)) == sorted(
        [*held, "kunci-baru-1", "kunci-baru-2", "kunci-baru-3"]
    )
    keys.add(person.pk, "kunci-baru-1")
    with pytest.raises(IntegrityError), transaction.atomic():
        keys.write()  # without ignoring, the same conflict is an error


@pytest.mark.django_db(transaction=True)
def test_ignoring_conflicts_needs_no_transaction_of_the_callers(kalsel_reference, siti):
    person = person_create(actor=siti, full_name="Orang Sintetis Tanpa Transaksi")
    held = PersonNameKey.objects.filter(person=person).values_list("key", flat=True)
    keys = bulk.Table(PersonNameKey, ["person", "key"])
    for key in [*held, "kunci-lain"]:
        keys.add(person.pk, key)
    assert keys.write(ignore_conflicts=True) == 1  # in autocommit, as a command might write
    assert PersonNameKey.objects.filter(person=person, key="kunci-lain").exists()
