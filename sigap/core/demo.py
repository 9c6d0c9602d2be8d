"""Demo data of the core app: one user of each role (the personas of the test suite).

Every demo user's name says "(demo)" and every demo email is on the reserved `.invalid` domain.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from sigap.core import twofactor
from sigap.core.models import Agency, Role, User
from sigap.core.services import apply_role_rights

DEMO_PASSWORD = "Demo-SIGAP-2026"  # noqa: S105 - printed on purpose: synthetic demo logins.


@dataclass(frozen=True)
class Persona:
    username: str
    first_name: str
    role: str
    agency: str | None
    region: str | None


PERSONAS = [
    Persona("siti", "Siti Rahmah", Role.SECRETARIAT, "sekretariat-gt-kalsel", "63"),
    Persona("rahmadi", "Rahmadi", Role.AGENCY_OFFICER, "polres-banjar", "63.03"),
    Persona("normila", "Normila", Role.AGENCY_OFFICER, "dinsos-kalsel", "63"),
    Persona("riduan", "Ahmad Riduan", Role.REGENCY_OFFICER, "gt-hsu", "63.08"),
    Persona("fauzan", "Muhammad Fauzan", Role.ANALYST, "sekretariat-gt-kalsel", "63"),
    Persona("aisyah", "Nur Aisyah", Role.TRIAGE, "sekretariat-gt-kalsel", "63"),
    Persona("admin", "Admin Sistem", Role.ADMIN, "sekretariat-gt-kalsel", "63"),
    Persona("tamu", "Tamu Tanpa Instansi", "", None, None),
]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    totp_key: str  # base32, for an authenticator app; "" when no second factor is needed
    backup_codes: list[str]


def _demo_second_factor(user: User) -> tuple[str, list[str]]:
    """A confirmed authenticator (kept across runs) and three fresh backup codes."""
    if not twofactor.requires_two_factor(user):
        return "", []
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Demo", confirmed=True)
    codes = twofactor.new_backup_codes(user)[:3]
    return base64.b32encode(device.bin_key).decode().rstrip("="), codes


@transaction.atomic
def create_demo_users() -> tuple[dict[str, Any], list[DemoLogin]]:
    agencies = {a.slug: a for a in Agency.objects.all()}
    created = 0
    logins = []
    for persona in PERSONAS:
        user, was_created = User.objects.update_or_create(
            username=persona.username,
            defaults={
                "first_name": persona.first_name,
                "last_name": "(demo)",
                "email": f"{persona.username}@demo.sigap.invalid",
                "role": persona.role,
                "agency": agencies.get(persona.agency) if persona.agency else None,
                "region_id": persona.region,
                "is_superuser": False,
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        apply_role_rights(user)
        created += was_created
        key, codes = _demo_second_factor(user)
        role = str(Role(persona.role).label) if persona.role else "-"
        logins.append(DemoLogin(persona.username, role, key, codes))
    return {"demo_users": len(PERSONAS), "demo_users_created": created}, logins
