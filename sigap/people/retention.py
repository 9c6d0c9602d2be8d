"""Retention of persons: anonymised after SIGAP_RETENTION_PERSON_DAYS without any change,
unless a capability holds them (e.g. an open case)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sigap.core.models import User
from sigap.core.retention import register
from sigap.people.models import Person
from sigap.people.services import person_anonymise

# Capabilities that must keep some persons identifiable register a function returning their
# ids (cases with open handling, ongoing monitoring, ...).
Hold = Callable[[], set[int]]
HOLDS: list[Hold] = []


@register("persons", "SIGAP_RETENTION_PERSON_DAYS")
def anonymise_stale_persons(cutoff: datetime, actor: User) -> int:
    held: set[int] = set().union(*(hold() for hold in HOLDS)) if HOLDS else set()
    stale = Person.objects.filter(anonymised_at__isnull=True, updated_at__lt=cutoff).exclude(
        pk__in=held
    )
    count = 0
    for person in stale.iterator(chunk_size=200):
        person_anonymise(actor=actor, person=person)
        count += 1
    return count
