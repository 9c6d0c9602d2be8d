"""The REST API of SIGAP (OpenAPI at /api/openapi.json, interactive docs at /api/docs).

One router per capability's public operations; endpoints stay thin: they read through the
capabilities' selectors and core.access, and write through their services, exactly as the
pages do, with the token user's scope."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from ninja import NinjaAPI, Swagger
from ninja.throttling import UserRateThrottle

from sigap.api import errors
from sigap.api.auth import ApiTokenAuth, token_of
from sigap.api.common import language_of
from sigap.api.routers import cases, coordination, monitoring, people, referrals
from sigap.api.schemas import Me, Problem

DESCRIPTION = """\
The REST API of SIGAP, the information system of the anti-trafficking task force.

**Authentication.** Create a token on the *API tokens* page (`/akun/token-api/`) and send it
in every request as `Authorization: Bearer <token>`. The API acts as you: it sees and changes
exactly what your pages do, and every read of personal data is recorded in the audit log.

**Privacy.** A NIK or a name never goes in a URL: searches are `POST` with a JSON body.
Identity-protected persons are shown by pseudonym to those who may not see their identity.

**Errors** are JSON `{"detail": "..."}` in your language (Indonesian unless you chose English
on the pages or send `Accept-Language: en`): 401 no or bad token, 404 not found or not in your
scope, 409 refused by the workflow or a duplicate, 422 invalid input (`errors` per field).
"""

api = NinjaAPI(
    title="SIGAP API",
    version="1.0",
    description=DESCRIPTION,
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs",
    # Served from ninja's bundled files (ninja is in INSTALLED_APPS): no CDN; the online
    # validator badge is off so the page makes no request outside SIGAP.
    docs=Swagger(settings={"validatorUrl": None}),
    auth=ApiTokenAuth(),
    # Per user; failed authentications are limited per address by ApiTokenAuth's guard.
    throttle=[UserRateThrottle(settings.SIGAP_API_RATE)],
)
errors.install(api)


def in_the_users_language(
    run: Callable[..., HttpResponseBase],
) -> Callable[..., HttpResponseBase]:
    """Every operation (its authentication and its errors too) speaks the user's language,
    and no answer is kept by a browser or proxy: it may hold personal data."""

    @wraps(run)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        language = language_of(request)
        with translation.override(language):
            response = run(request, *args, **kwargs)
        response["Content-Language"] = language
        add_never_cache_headers(response)
        return response

    return wrapper


api.add_decorator(in_the_users_language, mode="view")


@api.get(
    "/me",
    response={200: Me, 401: Problem},
    url_name="me",
    operation_id="me",
    summary="Who the token acts as",
    tags=["account"],
)
def me(request: HttpRequest) -> dict[str, Any]:
    token = token_of(request)
    user = token.user
    return {
        "username": user.get_username(),
        "role": user.role,
        "agency": user.agency.slug if user.agency else "",
        "region": user.region_id or "",
        "token_prefix": token.prefix,
        "token_expires_at": token.expires_at,
    }


api.add_router("/persons", people.router)
api.add_router("/cases", cases.router)
api.add_router("/services", referrals.catalogue)
api.add_router("/referrals", referrals.router)
api.add_router("/meetings", coordination.meetings)
api.add_router("/action-items", coordination.action_items)
api.add_router("/enrolments", monitoring.router)
api.add_router("/follow-ups", monitoring.follow_ups)
api.add_router("/questionnaires", monitoring.questionnaires)
api.add_router("/prevention-activities", monitoring.prevention_router)
