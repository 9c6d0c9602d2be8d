"""Access policies of meetings and action items (registered with core.access).

The secretariat and regency officers: meetings and action items of their region subtree.
Agency officers: the meetings their agency attended or organised, and their agency's action
items (with the meetings they came from)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from sigap.cases import access as case_access
from sigap.cases.access import case_filter
from sigap.coordination.models import (
    ActionItem,
    ActionUpdate,
    CaseTransfer,
    Decision,
    Meeting,
    TransferStatus,
)
from sigap.core.access import Action, Scope, register, within_region
from sigap.core.models import Role


def meeting_filter(scope: Scope, prefix: str = "") -> Q:
    if scope.role == Role.AGENCY_OFFICER:
        return (
            Q(**{f"{prefix}agencies": scope.agency_id})
            | Q(**{f"{prefix}organiser_id": scope.agency_id})
            | Q(**{f"{prefix}action_items__owner_id": scope.agency_id})
        )
    return within_region(f"{prefix}region", scope.region_code)


@register(Meeting)
def meeting_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    if not scope.sees_identities:
        return queryset.none()
    if action != Action.VIEW and scope.role == Role.AGENCY_OFFICER:
        return queryset.none()  # agency officers take part; organisers organise
    visible = Meeting.objects.filter(meeting_filter(scope)).values("pk")
    return queryset.filter(pk__in=visible)


@register(Decision)
def decision_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    if not scope.sees_identities:
        return queryset.none()
    visible = Meeting.objects.filter(meeting_filter(scope)).values("pk")
    return queryset.filter(meeting__in=visible)


def item_filter(scope: Scope, prefix: str = "") -> Q:
    """Agency officers: their agency's items. The secretariat and regency officers: the items
    of meetings in their region, and their own agency's (a regency task force given an item
    at the province's meeting works on it)."""
    own = Q(**{f"{prefix}owner_id": scope.agency_id})
    if scope.role == Role.AGENCY_OFFICER:
        return own
    return own | within_region(f"{prefix}meeting__region", scope.region_code)


@register(ActionItem)
def item_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    if not scope.sees_identities:
        return queryset.none()
    return queryset.filter(item_filter(scope))


@register(ActionUpdate)
def update_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    if not scope.sees_identities:
        return queryset.none()
    return queryset.filter(item_filter(scope, "item__"))


def transfer_filter(scope: Scope, prefix: str = "") -> Q:
    """The hand-overs of the task forces the scope's agency answers for, and of the cases
    the scope leads."""
    return (
        Q(**{f"{prefix}from_task_force__agency_id": scope.agency_id})
        | Q(**{f"{prefix}to_task_force__agency_id": scope.agency_id})
        | case_filter(scope, f"{prefix}case__")
    )


@register(CaseTransfer)
def transfer_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    if not scope.sees_identities or scope.role == Role.AGENCY_OFFICER:
        return queryset.none()
    return queryset.filter(transfer_filter(scope))


def cases_offered_to_task_force(scope: Scope, prefix: str) -> Q:
    """A hand-over waiting for an answer lets the receiving task force read the case."""
    if scope.role not in (Role.SECRETARIAT, Role.REGENCY_OFFICER):
        return Q(pk__in=[])
    offered = CaseTransfer.objects.filter(
        status=TransferStatus.REQUESTED, to_task_force__agency_id=scope.agency_id
    ).values("case_id")
    return Q(**{f"{prefix}pk__in": offered})


case_access.CASE_GRANTS.append(cases_offered_to_task_force)
