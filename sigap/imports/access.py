"""Who sees imports: the officers whose work needs identities, within their scope (the
secretariat and regency officers their region, agency officers their agency's batches in
their region). A batch's rows name people: they go with the batch."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from sigap.core.access import Action, Scope, register, within_region
from sigap.core.models import Role
from sigap.imports.models import ImportBatch, ImportRow, MigrantReturn


def own(scope: Scope, prefix: str = "") -> Q:
    """The records of a scope's own: in its region, and an agency officer's, of their agency
    (`prefix` leads to the record that has the region and agency)."""
    own = within_region(f"{prefix}region", scope.region_code)
    if scope.role == Role.AGENCY_OFFICER:
        own &= Q(**{f"{prefix}agency_id": scope.agency_id})
    return own


@register(ImportBatch)
def batch_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    if not scope.sees_identities:
        return queryset.none()
    return queryset.filter(own(scope))


@register(ImportRow)
def row_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    if not scope.sees_identities:
        return queryset.none()
    return queryset.filter(own(scope, "batch__"))


@register(MigrantReturn)
def return_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    if not scope.sees_identities:
        return queryset.none()
    return queryset.filter(own(scope))
