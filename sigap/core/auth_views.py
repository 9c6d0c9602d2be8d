"""Signing in: password (with lockout), then the second factor, or its first set-up."""

from __future__ import annotations

import base64
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

import segno
from axes.models import AccessAttempt
from django import forms
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login

from sigap.core import audit, twofactor
from sigap.core.access import request_user
from sigap.core.forms import LoginForm, StyledFormMixin
from sigap.core.sudo import grant_sudo


class CodeForm(StyledFormMixin, forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=16,
        help_text=gettext_lazy("The 6-digit code from your authenticator app, or a backup code."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class SetupForm(CodeForm):
    password = forms.CharField(
        label=gettext_lazy("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    field_order = ("password", "code")


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("home")


def ip_failures(ip: str | None) -> int:
    if not ip:
        return 0
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    total = AccessAttempt.objects.filter(ip_address=ip, attempt_time__gte=since).aggregate(
        n=Sum("failures_since_start")
    )["n"]
    return int(total or 0)


class LoginView(auth_views.LoginView):
    """Django's login, refusing an address that failed too often across accounts."""

    authentication_form = LoginForm
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if ip_failures(audit.client_ip(request)) >= settings.SIGAP_LOGIN_IP_FAILURE_LIMIT:
            audit.record(actor=None, action="login_throttled", request=request)
            return locked_out(request, None, None)
        return super().post(request, *args, **kwargs)


def locked_out(request: HttpRequest, response: Any, credentials: Any) -> HttpResponse:
    """Shown instead of the login page while an account or address is locked (django-axes)."""
    minutes = int(settings.AXES_COOLOFF_TIME / timedelta(minutes=1))
    message = _(
        "Too many failed attempts. For your security, logging in is blocked for %(minutes)d "
        "minutes. If you forgot your password, contact the administrator of your task force."
    ) % {"minutes": minutes}
    context = {"form": LoginForm(request), "locked_message": message}
    return render(request, "registration/login.html", context, status=429)


@login_required
def otp_verify(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if not twofactor.has_device(user):
        return HttpResponseRedirect(
            f"{reverse('otp_setup')}?{urlencode({'next': _safe_next(request)})}"
        )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = twofactor.verify(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            audit.record(actor=user, action="2fa_passed", request=request)
            return HttpResponseRedirect(_safe_next(request))
        audit.record(actor=user, action="2fa_failed", request=request)
        form.add_error(
            "code", _("This code is not valid. Check your app's clock, or use a backup code.")
        )
    return render(request, "core/otp_verify.html", {"form": form, "next": _safe_next(request)})


@login_required
def otp_setup(request: HttpRequest) -> HttpResponse:
    user = request_user(request)
    if twofactor.has_device(user):
        return HttpResponseRedirect(reverse("otp_verify"))
    device = twofactor.pending_totp_device(user)
    form = SetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not user.check_password(form.cleaned_data["password"]):
            # After a reset, a stolen session alone must not be enough to enrol a phone.
            form.add_error("password", _("This is not your password."))
            return render(request, "core/otp_setup.html", _setup_context(form, device, request))
        try:
            code = form.cleaned_data["code"]
            codes = twofactor.totp_confirm(user=user, device=device, code=code, request=request)
        except ValueError:
            form.add_error("code", _("This code is not valid. Scan the QR code again and retry."))
        else:
            otp_login(request, device)
            return render(
                request, "core/backup_codes.html", {"codes": codes, "next": _safe_next(request)}
            )
    return render(request, "core/otp_setup.html", _setup_context(form, device, request))


def _setup_context(form: forms.Form, device: Any, request: HttpRequest) -> dict[str, Any]:
    return {
        "form": form,
        "qr_svg": segno.make(device.config_url, error="m").svg_inline(scale=5, title="QR"),
        "secret": _base32(device.bin_key),
        "next": _safe_next(request),
    }


def _base32(secret: bytes) -> str:
    text = base64.b32encode(secret).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


class SudoForm(StyledFormMixin, forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    code = CodeForm.base_fields["code"]

    def __init__(self, *args: Any, needs_code: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not needs_code:
            del self.fields["code"]


@login_required
def sudo(request: HttpRequest) -> HttpResponse:
    """Confirm it is really you before a dangerous action."""
    user = request_user(request)
    needs_code = twofactor.has_device(user)
    form = SudoForm(request.POST or None, needs_code=needs_code)
    if request.method == "POST" and form.is_valid():
        password_ok = user.check_password(form.cleaned_data["password"])
        code_ok = not needs_code or twofactor.verify(user, form.cleaned_data["code"]) is not None
        if password_ok and code_ok:
            grant_sudo(request)
            audit.record(actor=user, action="sudo", request=request)
            return HttpResponseRedirect(_safe_next(request))
        audit.record(actor=user, action="sudo_failed", request=request)
        form.add_error(None, _("The password or the code is not right."))
    return render(request, "core/sudo.html", {"form": form, "next": _safe_next(request)})
