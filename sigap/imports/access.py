"""Who sees imports: the officers whose work needs identities, within their scope (the
secretariat and regency officers their region, agency officers their agency's batches in
their region). A batch's rows name people: they go with the batch."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from sigap.core.access import Action, Scope, own_records, register
from sigap.imports.models import ImportBatch, ImportRow, MigrantReturn


@register(ImportBatch)
def batch_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    if not scope.sees_identities:
        return queryset.none()
    return queryset.filter(own_records(scope))


@register(ImportRow)
def row_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    if not scope.sees_identities:
        return queryset.none()
    return queryset.filter(own_records(scope, "batch__"))


@register(MigrantReturn)
def return_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    if not scope.sees_identities:
        return queryset.none()
    return queryset.filter(own_records(scope))
