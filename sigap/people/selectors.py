"""Reads on persons, always through core.access."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet

from sigap.core.access import Action, scope_of, scoped
from sigap.people.access import shows_real_name
from sigap.people.models import Person
from sigap.people.services import name_index_keys, nik_index


def persons_for(user: Any, action: Action = Action.VIEW) -> QuerySet[Person]:
    return scoped(user, Person, action)


def person_search(user: Any, *, nik: str = "", name: str = "") -> QuerySet[Person]:
    """Persons in the user's scope with this NIK (exact) and/or a name that sounds like `name`
    (every word of the query must match a word of the person's names or aliases)."""
    persons = persons_for(user)
    if nik:
        persons = persons.filter(nik_index=nik_index(nik))
    if name:
        keys = name_index_keys(name)
        if not keys:
            return persons.none()
        persons = (
            persons.filter(name_keys__key__in=keys)
            .annotate(matched=Count("name_keys", distinct=True))
            .filter(matched=len(keys))
        )
    return persons


def display_name(user: Any, person: Person) -> str:
    """What this user may see as the person's name: the name, or the pseudonym."""
    return person.full_name if shows_real_name(scope_of(user), person) else person.pseudonym
