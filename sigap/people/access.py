"""Access policy of persons (registered with core.access)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Q, QuerySet

from sigap.core import audit
from sigap.core.access import Action, Scope, own_records, register, scope_of, scoped, within_region
from sigap.core.models import Role
from sigap.people.models import DuplicateCandidate, Person

# Other ways a person comes into a scope (e.g. as a party of a case the user may see),
# registered by the capabilities that own them: each gives a filter on persons, written as
# a semi-join (Exists) so that a person in many cases is still one row.
Visibility = Callable[[Scope], Q]
VISIBILITY: list[Visibility] = []


@register(Person)
def person_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    if not scope.sees_identities:
        return queryset.none()
    own = own_records(scope)
    for extra in VISIBILITY:
        own |= extra(scope)
    return queryset.filter(own, merged_into__isnull=True)


@register(DuplicateCandidate)
def duplicate_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    """Only the secretariat links records, when both persons are of its region (a pair across
    provinces is for a secretariat whose region holds both, e.g. a national one)."""
    if scope.role != Role.SECRETARIAT:
        return queryset.none()
    return queryset.filter(
        within_region("person__region", scope.region_code),
        within_region("other__region", scope.region_code),
    )


def shows_real_name(scope: Scope | None, person: Person) -> bool:
    """An identity-protected person's name is shown only to the secretariat and to the agency
    that registered them (Law 21/2007 art. 44); everyone else sees the pseudonym."""
    if scope is None or not scope.sees_identities:
        return False
    if not person.identity_protected:
        return True
    return scope.role == Role.SECRETARIAT or scope.agency_id == person.agency_id


def _may_read_person_events(viewer: Any, object_id: str) -> bool:
    person = scoped(viewer, Person).filter(pk=object_id).first() if object_id.isdigit() else None
    return person is not None and shows_real_name(scope_of(viewer), person)


audit.register_unmasker("people.person", _may_read_person_events)
