"""The one way to write to the audit log.

Call `record` inside the same transaction as the change it describes, so that a rolled-back
change leaves no event behind and a committed one always has its event.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import HttpRequest

from sigap.core.models import AuditEvent, User


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def record(
    *,
    actor: User | None,
    action: str,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    details: dict[str, Any] | None = None,
    request: HttpRequest | None = None,
    actor_label: str = "",
) -> AuditEvent:
    """Append one event. `obj` fills object_type/object_id from a model instance."""
    if obj is not None:
        object_type = obj._meta.label_lower
        object_id = str(obj.pk)
    label = actor_label or (actor.get_username() if actor is not None else "anonymous")
    return AuditEvent.objects.create(
        actor=actor,
        actor_label=label,
        action=action,
        object_type=object_type,
        object_id=object_id,
        details=details or {},
        ip_address=client_ip(request),
    )
