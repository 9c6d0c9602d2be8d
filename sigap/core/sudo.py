"""Re-confirmation ("sudo mode") before dangerous actions: exports, role changes, 2FA resets,
key operations. The user types their password (and a second-factor code when they have an
authenticator) again; the confirmation lasts SIGAP_SUDO_MINUTES."""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

SESSION_KEY = "sigap_sudo_until"


def sudo_active(request: HttpRequest) -> bool:
    return float(request.session.get(SESSION_KEY, 0)) > time.time()


def grant_sudo(request: HttpRequest) -> None:
    request.session[SESSION_KEY] = time.time() + settings.SIGAP_SUDO_MINUTES * 60


def sudo_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if sudo_active(request):
            return view(request, *args, **kwargs)
        back = (
            request.get_full_path()
            if request.method == "GET"
            else request.META.get("HTTP_REFERER", reverse("home"))
        )
        return HttpResponseRedirect(f"{reverse('sudo')}?{urlencode({'next': back})}")

    return wrapper
