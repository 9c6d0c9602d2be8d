"""Writes on persons. Each is atomic and audited in the same transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from sigap.core import audit, bulk
from sigap.core.models import User
from sigap.core.sequences import next_value, next_values
from sigap.people.models import DuplicateCandidate, DuplicateStatus, Person, PersonNameKey
from sigap.people.search import name_index_keys, nik_index

SENSITIVE_FIELDS = frozenset({"full_name", "aliases", "nik", "phone", "address", "notes"})
AUDITED_FIELDS = (
    *sorted(SENSITIVE_FIELDS),
    "sex",
    "birth_date",
    "birth_date_estimated",
    "nik_problem",
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
        _queue_same_nik(person)
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


@dataclass(slots=True)
class NewPerson:
    """A person registered in bulk (an import): what a list tells of them."""

    full_name: str
    nik: str
    sex: str
    birth_date: date | None
    home_region_id: str | None
    region_id: str
    agency_id: int
    nik_index: str = ""  # the NIK's blind index, when the caller has it already


PERSON_COLUMNS = ("id", "full_name", "nik", "nik_index", "sex", "birth_date", "home_region",
                  "region", "agency", "citizenship", "pseudonym", "created_by")  # fmt: skip


def persons_create_many(*, actor: User, persons: list[NewPerson]) -> list[int]:
    """Register many persons at once (an import) and return their ids, in order: ids and
    pseudonyms taken as one block, persons and their name search keys written with COPY.
    Citizens of Indonesia (a NIK is Indonesian). The caller audits the batch they come from.
    Persons with a valid NIK must have been matched against the register before (imports
    do, and queue a NIK registered out of their scope for the secretariat)."""
    if not persons:
        return []
    year = timezone.localdate().year
    numbers = next_values(f"pseudonym:{year}", len(persons))
    ids = bulk.reserve_ids(Person, len(persons))
    rows, keys = bulk.Table(Person, PERSON_COLUMNS), bulk.Table(PersonNameKey, ["person", "key"])
    memo: dict[str, str] = {}
    for pk, number, person in zip(ids, numbers, persons, strict=True):
        index = person.nik_index or nik_index(person.nik)
        rows.add(pk, person.full_name, person.nik, index, person.sex,
                 person.birth_date, person.home_region_id, person.region_id, person.agency_id,
                 "ID", f"{PSEUDONYM_PREFIX}-{year}-{number:04d}", actor.pk)  # fmt: skip
        for key in name_index_keys(person.full_name, memo=memo):
            keys.add(pk, key)
    rows.write()
    keys.write()
    return ids


def _queue_same_nik(person: Person) -> None:
    """Every other live record with this NIK is queued for the secretariat to link (pages and
    the API offer a match the user may see before registering; one they may not see is
    never revealed to them). A NIK kept although invalid (e.g. "6.30301E+15" from Excel)
    says nothing about who the person is, so it matches nobody."""
    if not person.nik_index or person.nik_problem:
        return
    others = (
        Person.objects.filter(
            nik_index=person.nik_index,
            nik_problem="",
            anonymised_at__isnull=True,
            merged_into__isnull=True,
        )
        .exclude(pk=person.pk)
        .exclude(pk__in=_paired_with(person))
    )
    DuplicateCandidate.objects.bulk_create(
        [DuplicateCandidate(person=person, other=other) for other in others],
        ignore_conflicts=True,
    )


def _paired_with(person: Person) -> set[int]:
    """Persons already paired with this one, in either direction and any status."""
    pairs = DuplicateCandidate.objects.filter(Q(person=person) | Q(other=person))
    return {pk for pair in pairs.values_list("person_id", "other_id") for pk in pair}


# Capabilities holding persons move their rows from a merged record to the kept one.
MERGE_HOOKS: list[Callable[[Person, Person], None]] = []
# What other capabilities erase of a person being anonymised (their free texts about them).
ANONYMISE_HOOKS: list[Callable[[Person], None]] = []
# Filled on the kept record when it has no value of its own (with the flags that qualify
# them: an estimated birth date stays an estimate, an invalid NIK stays flagged).
MERGE_FILL = {
    "nik": ("nik_problem",),
    "birth_date": ("birth_date_estimated",),
    "citizenship_id": (),
    "home_region_id": (),
}
# Kept from both records: the other's value is added when it differs.
MERGE_JOIN = ("phone", "address", "notes")
CONSENT_FIELDS = (
    "consent_services",
    "consent_share",
    "consent_by_guardian",
    "consent_recorded_at",
    "consent_withdrawn_at",
)


def _consent_time(person: Person) -> Any:
    times = [t for t in (person.consent_recorded_at, person.consent_withdrawn_at) if t]
    return max(times) if times else None


def _merged_values(keep: Person, gone: Person) -> dict[str, Any]:
    """What `keep` takes from `gone`: nothing `gone` knew is lost."""
    changes: dict[str, Any] = {}
    for field, companions in MERGE_FILL.items():
        if not getattr(keep, field) and getattr(gone, field):
            for name in (field, *companions):
                changes[name] = getattr(gone, name)
    for field in MERGE_JOIN:
        mine, theirs = getattr(keep, field), getattr(gone, field)
        if theirs and theirs not in mine:
            changes[field] = f"{mine}\n{theirs}".strip()
    names = [n for n in [gone.full_name, *gone.aliases.splitlines()] if n.strip()]
    known = {keep.full_name, *keep.aliases.splitlines()}
    extra = [name for name in names if name not in known]
    if extra:
        changes["aliases"] = "\n".join([*keep.aliases.splitlines(), *extra]).strip()
    changes["identity_protected"] = keep.identity_protected or gone.identity_protected
    # Consent: the latest decision of the person (or guardian) holds, given or withdrawn.
    gone_time, keep_time = _consent_time(gone), _consent_time(keep)
    if gone_time and (keep_time is None or gone_time > keep_time):
        changes.update({field: getattr(gone, field) for field in CONSENT_FIELDS})
    return changes


@transaction.atomic
def duplicate_merge(
    *, actor: User, candidate: DuplicateCandidate, keep: Person, request: Any = None
) -> Person:
    """The two records are one human being: `keep` stays and takes the other's names as
    aliases, its missing values, its phone, address and notes, the latest consent decision,
    and (through MERGE_HOOKS) its cases and other rows; the other record is emptied and
    points to `keep`. Other open pairs of the emptied record move to `keep`."""
    if candidate.status != DuplicateStatus.OPEN or keep.pk not in (
        candidate.person_id,
        candidate.other_id,
    ):
        raise ValueError("not an open pair of this person")
    gone = candidate.other if keep.pk == candidate.person_id else candidate.person
    changes = _merged_values(keep, gone)
    for field in SENSITIVE_FIELDS:
        setattr(gone, field, "")
    gone.nik_index = ""
    gone.merged_into = keep
    gone.save()
    gone.name_keys.all().delete()
    person_update(actor=actor, person=keep, request=request, **changes)
    for hook in MERGE_HOOKS:
        hook(gone, keep)
    candidate.status = DuplicateStatus.MERGED
    candidate.resolved_by, candidate.resolved_at = actor, timezone.now()
    candidate.save()
    _move_open_pairs(gone, keep)
    audit.record(
        actor=actor, action="merge", obj=keep, details={"merged": gone.pk}, request=request
    )
    audit.record(actor=actor, action="merged_into", obj=gone, details={"kept": keep.pk})
    return keep


def _move_open_pairs(gone: Person, keep: Person) -> None:
    """A third record that waited to be compared with `gone` is now compared with `keep`."""
    paired = _paired_with(keep)
    for pair in DuplicateCandidate.objects.filter(
        Q(person=gone) | Q(other=gone), status=DuplicateStatus.OPEN
    ):
        third = pair.other_id if pair.person_id == gone.pk else pair.person_id
        if third == keep.pk or third in paired:
            pair.delete()  # the same comparison is already queued or decided
            continue
        pair.person_id, pair.other_id = third, keep.pk
        pair.save(update_fields=["person", "other"])
        paired.add(third)


@transaction.atomic
def duplicate_dismiss(
    *, actor: User, candidate: DuplicateCandidate, request: Any = None
) -> DuplicateCandidate:
    """Two different persons (e.g. one NIK was mistyped): both records stay as they are."""
    candidate.status = DuplicateStatus.DISMISSED
    candidate.resolved_by, candidate.resolved_at = actor, timezone.now()
    candidate.save()
    audit.record(
        actor=actor,
        action="duplicate_dismiss",
        obj=candidate.person,
        details={"other": candidate.other_id},
        request=request,
    )
    return candidate


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
    index = nik_index(person.nik)
    nik_changed = index != person.nik_index
    person.nik_index = index
    person.save()
    _refresh_name_keys(person)
    if nik_changed:
        _queue_same_nik(person)
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


def years_old(born: date, day: date) -> int:
    """Age in whole years on `day` of someone born on `born`."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def age_on(person: Person, day: date) -> int | None:
    return None if person.birth_date is None else years_old(person.birth_date, day)


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
    for hook in ANONYMISE_HOOKS:
        hook(person)
    audit.record(
        actor=actor,
        action="anonymise",
        obj=person,
        details={"cleared": sorted(SENSITIVE_FIELDS)},
        request=request,
    )
    return person
