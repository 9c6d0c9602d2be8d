"""Access policy of cases (registered with core.access)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from sigap.cases.models import Case
from sigap.core.access import Action, Scope, register, within_region
from sigap.core.models import Role


@register(Case)
def case_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    """The secretariat and regency officers: cases handled in their region subtree; agency
    officers: the cases their agency leads there. Other roles: none."""
    if not scope.sees_identities:
        return queryset.none()
    in_region = queryset.filter(within_region("region", scope.region_code))
    if scope.role == Role.AGENCY_OFFICER:
        return in_region.filter(lead_agency_id=scope.agency_id)
    return in_region
