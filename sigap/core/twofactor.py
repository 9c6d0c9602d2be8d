"""Two-factor authentication (TOTP apps such as Google Authenticator, plus backup codes).

Every role that can see identifying data must pass a second factor; see `requires_two_factor`.
Devices come from django-otp; this module holds SIGAP's rules around them.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django_otp import devices_for_user, match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from sigap.core import audit
from sigap.core.models import Role, User

BACKUP_CODES = 10
# Roles that never see identifying data; everyone else must use a second factor.
ROLES_WITHOUT_2FA = frozenset({Role.ANALYST})


def requires_two_factor(user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.role and user.role not in ROLES_WITHOUT_2FA) or user.is_staff


def has_device(user: User) -> bool:
    return user_has_device(user, confirmed=True)


def pending_totp_device(user: User) -> TOTPDevice:
    """The unconfirmed authenticator being set up (a fresh secret per setup)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Aplikasi autentikator", confirmed=False)
    return device


@transaction.atomic
def totp_confirm(*, user: User, device: TOTPDevice, code: str, request: Any = None) -> list[str]:
    """Confirm a new authenticator with a code from it; returns fresh backup codes.
    Raises ValueError when the code does not match."""
    if not device.verify_token(code.strip()):
        raise ValueError("code")
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    codes = new_backup_codes(user)
    audit.record(actor=user, action="2fa_enrolled", obj=user, request=request)
    return codes


def new_backup_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Kode cadangan", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return codes


def verify(user: User, code: str) -> Any:
    """The device that accepts this code (a TOTP code or an unused backup code), or None."""
    return match_token(user, code.strip().replace(" ", ""))


@transaction.atomic
def two_factor_reset(*, actor: User, user: User, request: Any = None) -> None:
    """An administrator removes a user's devices (lost phone); they set up anew at next login."""
    for device in devices_for_user(user, confirmed=None):
        device.delete()
    audit.record(actor=actor, action="2fa_reset", obj=user, request=request)
