"""Access policy of cases (registered with core.access)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from sigap.cases.models import Case, CaseDocument, CaseNote, CaseParty
from sigap.core.access import Action, Scope, register, within_region
from sigap.core.models import Role


def case_filter(scope: Scope) -> Q:
    """The cases a scope sees, as a filter (used for cases and for their parties)."""
    in_region = within_region("region", scope.region_code)
    if scope.role == Role.AGENCY_OFFICER:
        return in_region & Q(lead_agency_id=scope.agency_id)
    return in_region


def persons_in_visible_cases(scope: Scope) -> Q:
    """A person is visible to whoever sees a case they are a party of."""
    visible = Case.objects.filter(case_filter(scope)).values("pk")
    return Q(case_parties__case__in=visible)


@register(Case)
def case_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    """The secretariat and regency officers: cases handled in their region subtree; agency
    officers: the cases their agency leads there. Other roles: none."""
    if not scope.sees_identities:
        return queryset.none()
    return queryset.filter(case_filter(scope))


def _through_case(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    """Parties, notes and documents are reached through their case."""
    if not scope.sees_identities:
        return queryset.none()
    return queryset.filter(case__in=Case.objects.filter(case_filter(scope)).values("pk"))


for _model in (CaseParty, CaseNote, CaseDocument):
    register(_model)(_through_case)
