"""Reads on API tokens, and who may hold one."""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sigap.api.models import ApiToken
from sigap.core.access import scope_of
from sigap.core.selectors import HomeAction

# The longest a user may pick for a token (the default is settings.SIGAP_API_TOKEN_DAYS).
MAX_TOKEN_DAYS = 365
TOKEN_PREFIX = "sigap_"  # noqa: S105 - marks a SIGAP token; not a secret
VISIBLE_PREFIX_LENGTH = len(TOKEN_PREFIX) + 8


def token_days() -> int:
    return int(settings.SIGAP_API_TOKEN_DAYS)


def max_token_days() -> int:
    return max(MAX_TOKEN_DAYS, token_days())


def may_hold_tokens(user: Any) -> bool:
    """Only roles that work with identities use the API (the same scope as their pages)."""
    scope = scope_of(user)
    return scope is not None and scope.sees_identities


def hash_key(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def tokens_of(user: Any) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-id")


class TokenRefused(Exception):
    """Why a presented token does not authenticate: `invalid` (unknown, revoked, or its user
    may no longer use the API) or `expired`."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def token_for_key(raw: str) -> ApiToken:
    """The usable token with this key (its user loaded), or TokenRefused."""
    if not raw.startswith(TOKEN_PREFIX) or len(raw) > 200:
        raise TokenRefused("invalid")
    token = ApiToken.objects.select_related("user").filter(key_hash=hash_key(raw)).first()
    if token is None or token.revoked_at is not None:
        raise TokenRefused("invalid")
    if token.expires_at <= timezone.now():
        raise TokenRefused("expired")
    if not token.user.is_active or not may_hold_tokens(token.user):
        raise TokenRefused("invalid")
    return token


def home_actions(user: Any) -> list[HomeAction]:
    if not may_hold_tokens(user):
        return []
    return [
        HomeAction(
            _("API tokens"),
            _("Let another system use SIGAP's REST API with your rights: create and revoke keys."),
            reverse("api_tokens:token_list"),
        )
    ]
