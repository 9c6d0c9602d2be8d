"""Writes on persons. Each is atomic and audited in the same transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from sigap.core import audit
from sigap.core.models import User
from sigap.core.sequences import next_value
from sigap.people.models import Person, PersonNameKey
from sigap.people.search import name_index_keys, nik_index

SENSITIVE_FIELDS = frozenset({"full_name", "aliases", "nik", "phone", "address", "notes"})
AUDITED_FIELDS = (
    *sorted(SENSITIVE_FIELDS),
    "sex",
    "birth_date",
    "birth_date_estimated",
    "citizenship_id",
    "home_region_id",
    "consent_services",
    "consent_share",
    "consent_by_guardian",
    "consent_recorded_at",
    "consent_withdrawn_at",
    "identity_protected",
    "agency_id",
    "region_id",
)
PSEUDONYM_PREFIX = "Orang"


def _next_pseudonym(year: int) -> str:
    """Orang-2026-0001, -0002, ...: numbers from a per-year counter row, locked until the
    transaction ends, so concurrent registrations never get the same number."""
    return f"{PSEUDONYM_PREFIX}-{year}-{next_value(f'pseudonym:{year}'):04d}"


def _refresh_name_keys(person: Person) -> None:
    wanted = name_index_keys(person.full_name, person.aliases)
    existing = set(person.name_keys.values_list("key", flat=True))
    person.name_keys.exclude(key__in=wanted).delete()
    PersonNameKey.objects.bulk_create(
        [PersonNameKey(person=person, key=key) for key in wanted - existing]
    )


def person_create(*, actor: User, request: Any = None, **fields: Any) -> Person:
    """Register a person. `agency` and `region` default to the actor's (the record's scope)."""
    if "agency" not in fields:
        fields.setdefault("agency_id", actor.agency_id)
    if "region" not in fields:
        fields.setdefault("region_id", actor.region_id)
    if fields.get("consent_services") or fields.get("consent_share"):
        fields.setdefault("consent_recorded_at", timezone.now())
    with transaction.atomic():
        person = Person(created_by=actor, **fields)
        person.pseudonym = _next_pseudonym(timezone.localdate().year)
        person.nik_index = nik_index(person.nik)
        person.save()
        _refresh_name_keys(person)
        audit.record(
            actor=actor,
            action="create",
            obj=person,
            details={
                "changes": audit.changes(
                    {}, audit.snapshot(person, AUDITED_FIELDS), sensitive=SENSITIVE_FIELDS
                )
            },
            request=request,
        )
        return person


# Called with a person whose birth date changed (cases keep their child-victim flag true).
BIRTH_DATE_CHANGED: list[Callable[[Person], None]] = []


@transaction.atomic
def person_update(*, actor: User, person: Person, request: Any = None, **changes: Any) -> Person:
    before = audit.snapshot(person, AUDITED_FIELDS)
    for field, value in changes.items():
        setattr(person, field, value)
    newly_given = (person.consent_services and not before["consent_services"]) or (
        person.consent_share and not before["consent_share"]
    )
    if newly_given:  # the time consent was given, not the time of any later edit
        person.consent_recorded_at = timezone.now()
        person.consent_withdrawn_at = None
    person.nik_index = nik_index(person.nik)
    person.save()
    _refresh_name_keys(person)
    if person.birth_date != before["birth_date"]:
        for hook in BIRTH_DATE_CHANGED:
            hook(person)
    diff = audit.changes(before, audit.snapshot(person, AUDITED_FIELDS), sensitive=SENSITIVE_FIELDS)
    if diff:
        audit.record(
            actor=actor, action="change", obj=person, details={"changes": diff}, request=request
        )
    return person


@transaction.atomic
def person_withdraw_consent(*, actor: User, person: Person, request: Any = None) -> Person:
    """Record that the person (or their guardian) withdrew consent; sharing stops at once."""
    return person_update(
        actor=actor,
        person=person,
        request=request,
        consent_services=False,
        consent_share=False,
        consent_withdrawn_at=timezone.now(),
    )


def age_on(person: Person, day: date) -> int | None:
    if person.birth_date is None:
        return None
    born = person.birth_date
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@transaction.atomic
def person_anonymise(*, actor: User, person: Person, request: Any = None) -> Person:
    """Erase what identifies the person and keep what statistics need, coarsened: sex, birth
    year, citizenship, home regency and the record's region."""
    for field in SENSITIVE_FIELDS:
        setattr(person, field, "")
    person.nik_index = ""
    if person.birth_date is not None:
        person.birth_date = person.birth_date.replace(month=1, day=1)
        person.birth_date_estimated = True
    if person.home_region_id and len(person.home_region_id) > 5:
        person.home_region_id = person.home_region_id[:5]
    person.anonymised_at = timezone.now()
    person.save()
    person.name_keys.all().delete()
    audit.record(
        actor=actor,
        action="anonymise",
        obj=person,
        details={"cleared": sorted(SENSITIVE_FIELDS)},
        request=request,
    )
    return person
