"""Writes on API tokens. Creation and revocation are audited in the same transaction."""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from sigap.api.models import ApiToken
from sigap.api.selectors import (
    TOKEN_PREFIX,
    VISIBLE_PREFIX_LENGTH,
    hash_key,
    may_hold_tokens,
    token_days,
)
from sigap.core import audit
from sigap.core.models import User

# last_used_at is written at most this often per token (not on every request).
TOUCH_EVERY = timedelta(minutes=1)


@transaction.atomic
def token_create(
    *, actor: User, name: str, days: int | None = None, request: Any = None
) -> tuple[ApiToken, str]:
    """A new token for the actor; returns it with its key, which is shown once and never
    stored (only its hash is)."""
    if not may_hold_tokens(actor):
        raise PermissionDenied
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=actor,
        name=name.strip(),
        prefix=raw[:VISIBLE_PREFIX_LENGTH],
        key_hash=hash_key(raw),
        expires_at=timezone.now() + timedelta(days=days or token_days()),
    )
    audit.record(
        actor=actor,
        action="api_token_create",
        obj=token,
        details={
            "name": token.name,
            "prefix": token.prefix,
            "expires_at": token.expires_at.isoformat(),
        },
        request=request,
    )
    return token, raw


@transaction.atomic
def token_revoke(*, actor: User, token: ApiToken, request: Any = None) -> ApiToken:
    """Revoke one of the actor's own tokens (revoking twice changes nothing)."""
    if token.user_id != actor.pk:
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record(
            actor=actor,
            action="api_token_revoke",
            obj=token,
            details={"name": token.name, "prefix": token.prefix},
            request=request,
        )
    return token


def token_touch(token: ApiToken) -> None:
    """Remember when the token was last used (at most once a minute)."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= TOUCH_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
