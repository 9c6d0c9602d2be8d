"""Demo persons: synthetic identities registered by the demo officers (see core.demo)."""

from __future__ import annotations

import random
from typing import Any

from django.db import transaction

from sigap.core.models import User
from sigap.core.synthetic import synthetic_person
from sigap.people.models import Person
from sigap.people.services import person_create

DEMO_PERSONS = 40
# (registering demo officer, region of the record) — each officer registers within scope.
REGISTRARS = [("siti", None), ("rahmadi", "63.03"), ("normila", None), ("riduan", "63.08")]


@transaction.atomic
def create_demo_persons(seed: int = 2024) -> dict[str, Any]:
    if Person.objects.exists():
        return {"demo_persons_created": 0}
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    officers = {u.username: u for u in User.objects.filter(username__in=[r for r, _ in REGISTRARS])}
    for number in range(DEMO_PERSONS - 1):
        username, region = REGISTRARS[number % len(REGISTRARS)]
        synthetic = synthetic_person(rng)
        home = synthetic.home_district
        person_create(
            actor=officers[username],
            full_name=synthetic.full_name,
            nik=synthetic.nik,
            sex=synthetic.sex,
            birth_date=synthetic.birth_date,
            citizenship_id="ID",
            home_region_id=home,
            region_id=region or home,
            phone=f"+62812{rng.randint(10_000_000, 99_999_999)}",
            notes="Data sintetis untuk demo: bukan orang sungguhan.",
            consent_services=rng.random() < 0.8,
            identity_protected=rng.random() < 0.15,
        )
    _register_again_elsewhere(officers["normila"], officers["rahmadi"])
    return {"demo_persons_created": DEMO_PERSONS}


def _register_again_elsewhere(first: User, second: User) -> None:
    """One person registered by Dinsos is registered again by Polres Banjar, who cannot see
    Dinsos' record: the pair waits in the secretariat's queue of possible duplicates."""
    original = Person.objects.filter(created_by=first).exclude(nik_index="").order_by("pk").first()
    if original is None:
        return
    person_create(
        actor=second,
        full_name=original.full_name.split()[0] + " " + original.full_name.split()[-1],
        nik=original.nik,
        sex=original.sex,
        birth_date=original.birth_date,
        citizenship_id="ID",
        home_region_id=original.home_region_id,
        region_id="63.03",
        notes="Data sintetis untuk demo: bukan orang sungguhan (didaftarkan dua kali).",
    )
