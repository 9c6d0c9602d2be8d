"""Request middleware of SIGAP: language choice and the second-factor gate."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from sigap.core import twofactor


class LanguageMiddleware:
    """Like Django's LocaleMiddleware, but the browser's Accept-Language is ignored: SIGAP
    speaks Indonesian by default, and English only to users who pick it (language cookie)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response


class TwoFactorMiddleware:
    """Sends a signed-in user who needs a second factor to verify it (or set it up) before
    anything else. Place after django_otp's OTPMiddleware."""

    OPEN_URL_NAMES = frozenset({"otp_verify", "otp_setup", "logout", "set_language", "healthz"})

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if (
            twofactor.requires_two_factor(user)
            and not user.is_verified()  # type: ignore[union-attr]
            and not self._is_open(request)
        ):
            target = "otp_verify" if twofactor.has_device(user) else "otp_setup"  # type: ignore[arg-type]
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse(target)}?{query}")
        return self.get_response(request)

    def _is_open(self, request: HttpRequest) -> bool:
        if request.path.startswith("/" + settings.STATIC_URL.lstrip("/")):
            return True
        if request.path.startswith("/api/"):
            return True  # the API ignores sessions: a token, not a signed-in browser, is checked
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        return match.view_name in self.OPEN_URL_NAMES


class NoStoreMiddleware:
    """Pages for a signed-in user can show victims' data, secrets (2FA set-up, backup codes)
    or exports: no browser or proxy may keep a copy of them."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response
