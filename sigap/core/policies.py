"""Access policies of the core app's own records (registered with core.access)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from sigap.core.access import Action, Scope, register, within_region
from sigap.core.models import SYSTEM_USERNAME, AuditEvent, Role, User

AUDIT_READERS = frozenset({Role.ADMIN, Role.SECRETARIAT})


@register(AuditEvent)
def audit_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    """Administrators and the secretariat read the audit log; nobody changes it."""
    if scope.role in AUDIT_READERS and action in {Action.VIEW, Action.EXPORT}:
        return queryset
    return queryset.none()


@register(User)
def user_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    """Administrators manage the users working in their region (and accounts not yet given
    a region)."""
    if scope.role != Role.ADMIN:
        return queryset.none()
    in_region = within_region("region", scope.region_code) | Q(region__isnull=True)
    return queryset.filter(in_region).exclude(username=SYSTEM_USERNAME)
