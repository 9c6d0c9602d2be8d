"""Access policies of the core app's own records (registered with core.access)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from sigap.core.access import Action, Scope, register
from sigap.core.models import AuditEvent, Role, User

AUDIT_READERS = frozenset({Role.ADMIN, Role.SECRETARIAT})


@register(AuditEvent)
def audit_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    """Administrators and the secretariat read the audit log; nobody changes it."""
    if scope.role in AUDIT_READERS and action in {Action.VIEW, Action.EXPORT}:
        return queryset
    return queryset.none()


@register(User)
def user_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    """Administrators manage the users of their region's agencies."""
    if scope.role != Role.ADMIN:
        return queryset.none()
    return queryset.exclude(username="sigap-system")
