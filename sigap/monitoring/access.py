"""Who sees monitoring: the officers whose work needs identities, within their scope (the
secretariat and regency officers their region; agency officers the enrolments their agency is
responsible for). The person of an enrolment comes into the responsible agency's sight."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from sigap.core.access import Action, Scope, own_records, register, within_region
from sigap.core.models import Role
from sigap.monitoring.models import (
    Enrolment,
    EnrolmentStatus,
    FollowUp,
    PreventionActivity,
    Questionnaire,
)
from sigap.people import access as people_access


@register(Enrolment)
def enrolment_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    if not scope.sees_identities:
        return queryset.none()
    return queryset.filter(own_records(scope))


@register(FollowUp)
def follow_up_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    if not scope.sees_identities:
        return queryset.none()
    return queryset.filter(own_records(scope, "enrolment__"))


@register(Questionnaire)
def questionnaire_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    """Everyone who follows up reads the questionnaires; the secretariat publishes them."""
    if not scope.sees_identities:
        return queryset.none()
    if action != Action.VIEW and scope.role != Role.SECRETARIAT:
        return queryset.none()
    return queryset


def persons_watched_in_scope(scope: Scope) -> Q:
    """A person under an active watch in the scope (a semi-join)."""
    watched = Enrolment.objects.filter(
        own_records(scope), status=EnrolmentStatus.ACTIVE, person_id=OuterRef("pk")
    )
    return Q(Exists(watched))


people_access.VISIBILITY.append(persons_watched_in_scope)


@register(PreventionActivity)
def activity_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    """Prevention names no one: everyone who works with cases or statistics sees what reached
    their region; officers record (and correct) their own agency's activities."""
    if action == Action.VIEW:
        if not (scope.sees_identities or scope.role == Role.ANALYST):
            return queryset.none()
        return queryset.filter(within_region("region", scope.region_code))
    if not scope.sees_identities:
        return queryset.none()
    return queryset.filter(own_records(scope))
