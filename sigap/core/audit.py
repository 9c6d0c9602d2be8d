"""The one way to write to the audit log.

Call `record` inside the same transaction as the change it describes, so that a rolled-back
change leaves no event behind and a committed one always has its event.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.db import models
from django.http import HttpRequest

from sigap.core.crypto import decrypt_text, encrypt_text
from sigap.core.models import AuditEvent, User

# Identifying values in the log are encrypted like the fields they come from.
SENSITIVE_CONTEXT = "core.auditevent.details"


def seal(value: Any) -> dict[str, str]:
    return {"sealed": encrypt_text(str(value), context=SENSITIVE_CONTEXT)}


def unseal(value: Any) -> Any:
    if is_sealed(value):
        return decrypt_text(value["sealed"], context=SENSITIVE_CONTEXT)
    return value


def is_sealed(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"sealed"}


# object type -> may this viewer read the sealed values of events about that object?
Unmasker = Callable[[Any, str], bool]
_UNMASKERS: dict[str, Unmasker] = {}
MASK = "•••"


def register_unmasker(object_type: str, may_read: Unmasker) -> None:
    _UNMASKERS[object_type] = may_read


def readable_details(
    viewer: Any, event: AuditEvent, memo: dict[tuple[str, str], bool] | None = None
) -> dict[str, Any]:
    """The event's details as this viewer may see them: sealed values are opened only for a
    viewer allowed to see the identity of the object the event is about. Pass one `memo`
    for a page or an export, so each object is checked once."""
    memo = {} if memo is None else memo
    key = (event.object_type, event.object_id)
    if key not in memo:
        may_read = _UNMASKERS.get(event.object_type)
        memo[key] = may_read is not None and may_read(viewer, event.object_id)
    allowed = memo[key]
    return map_sealed(event.details, unseal if allowed else (lambda sealed: MASK))


def map_sealed(value: Any, change: Callable[[dict[str, str]], Any]) -> Any:
    """A copy of nested details (dicts and lists) with every sealed value replaced by
    `change(sealed)`: the one walk used to show, mask and re-encrypt them."""
    if is_sealed(value):
        return change(value)
    if isinstance(value, dict):
        return {key: map_sealed(item, change) for key, item in value.items()}
    if isinstance(value, list):
        return [map_sealed(item, change) for item in value]
    return value


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The values of `fields` on `obj`, for `changes(before, after)`."""
    return {field: getattr(obj, field) for field in fields}


def changes(
    before: dict[str, Any], after: dict[str, Any], *, sensitive: frozenset[str] = frozenset()
) -> dict[str, dict[str, Any]]:
    """{field: {"before": ..., "after": ...}} for the fields that changed; values of
    sensitive fields are sealed (encrypted)."""
    result: dict[str, dict[str, Any]] = {}
    for field in sorted(set(before) | set(after)):
        old, new = before.get(field), after.get(field)
        if old == new or (old in (None, "") and new in (None, "")):
            continue  # nothing changed (an empty text is no change from no value)
        if field in sensitive:
            result[field] = {"before": seal(old or ""), "after": seal(new or "")}
        else:
            result[field] = {"before": _plain(old), "after": _plain(new)}
    return result


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


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
