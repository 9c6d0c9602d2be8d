"""The page where a signed-in officer creates (after re-confirming), lists and revokes their
own API tokens. A new token's key is shown once, on the page that answers its creation."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sigap.api import selectors, services
from sigap.api.forms import TokenForm
from sigap.core import audit
from sigap.core.access import request_user
from sigap.core.sudo import sudo_required


def token_holder_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The pages exist only for users whose role may use the API (otherwise 404, and a
    denial in the audit log, as for other pages a role may not use)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request_user(request)
        if not selectors.may_hold_tokens(user):
            audit.record(
                actor=user,
                action="denied",
                object_type="api.apitoken",
                details={"attempted": "view", "path": request.path},
                request=request,
            )
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


@login_required
@token_holder_required
def token_list(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    tokens = list(selectors.tokens_of(user))
    now = timezone.now()
    return render(
        request,
        "api/token_list.html",
        {"rows": [(token, token.is_usable(now)) for token in tokens], "now": now},
    )


@login_required
@token_holder_required
@sudo_required
def token_create(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token, key = services.token_create(
            actor=user,
            name=form.cleaned_data["name"],
            days=form.cleaned_data["days"],
            request=request,
        )
        return render(request, "api/token_created.html", {"token": token, "key": key})
    return render(request, "api/token_form.html", {"form": form})


@login_required
@token_holder_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    user = request_user(request)
    token = selectors.tokens_of(user).filter(pk=pk).first()
    if token is None:
        raise Http404
    services.token_revoke(actor=user, token=token, request=request)
    messages.success(request, _("The token “%(name)s” was revoked.") % {"name": token.name})
    return HttpResponseRedirect(reverse("api_tokens:token_list"))
