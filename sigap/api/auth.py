"""Token authentication of the API: `Authorization: Bearer <token>`, no session, no cookie.

The token's user is the actor of everything the request does, with exactly the scope their
pages have. A missing, malformed, unknown, revoked or expired token, or one whose user is
inactive or no longer in a role that may use the API, is a 401."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, Throttled
from ninja.security import HttpBearer

from sigap.api import selectors, services
from sigap.api.models import ApiToken
from sigap.core import audit
from sigap.core.models import User
from sigap.core.ratelimit import Limit


def _refusal(code: str) -> str:
    if code == "expired":
        return _("This API token has expired; create a new one on the API tokens page.")
    return _(
        "This API token is not valid: it is unknown, revoked, or its user may not use the API."
    )


class FailureGuard:
    """Token guessing: after `SIGAP_API_ANON_RATE` failed authentications from one address
    within its period, that address gets 429 for the rest of the period, before any token
    is checked (so a lucky guess is not told apart from a wrong one)."""

    def __init__(self, rate: str) -> None:
        self.limit = Limit.parse("api-auth-failures", rate)

    def _key(self, request: HttpRequest) -> str:
        return audit.client_ip(request) or "-"

    def check(self, request: HttpRequest) -> None:
        if self.limit.reached(self._key(request)):
            raise Throttled(wait=self.limit.period)

    def failed(self, request: HttpRequest) -> None:
        self.limit.add(self._key(request))


class ApiTokenAuth(HttpBearer):
    def __init__(self) -> None:
        super().__init__()
        self.guard = FailureGuard(settings.SIGAP_API_ANON_RATE)

    def __call__(self, request: HttpRequest) -> ApiToken:
        self.guard.check(request)
        try:
            return self._authenticated(request)
        except AuthenticationError:
            self.guard.failed(request)
            raise

    def _authenticated(self, request: HttpRequest) -> ApiToken:
        header = request.headers.get("Authorization", "")
        if not header:
            raise AuthenticationError(
                message=_(
                    "Authentication is required: send the header Authorization: Bearer <token>."
                )
            )
        scheme, _space, key = header.partition(" ")
        if scheme.lower() != "bearer" or not key.strip():
            raise AuthenticationError(message=_("Send the token as Authorization: Bearer <token>."))
        return self.authenticate(request, key.strip())

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken:
        try:
            api_token = selectors.token_for_key(token)
        except selectors.TokenRefused as refused:
            raise AuthenticationError(message=_refusal(refused.code)) from None
        services.token_touch(api_token)
        request.user = api_token.user
        return api_token


def token_of(request: HttpRequest) -> ApiToken:
    token: Any = getattr(request, "auth", None)
    if not isinstance(token, ApiToken):
        raise AuthenticationError
    return token


def actor(request: HttpRequest) -> User:
    return token_of(request).user


def via(request: HttpRequest) -> dict[str, str]:
    """Details that mark an audit event as done through the API (and with which token)."""
    return {"via": "api", "token": token_of(request).prefix}
