"""Demo data of the core app: one user of each role (the personas of the test suite).

Every demo user's name says "(demo)" and every demo email is on the reserved `.invalid` domain.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from sigap.core.models import Agency, Role, User

DEMO_PASSWORD = "Demo-SIGAP-2026"  # noqa: S105 - printed on purpose: synthetic demo logins.


@dataclass(frozen=True)
class Persona:
    username: str
    first_name: str
    role: str
    agency: str | None
    region: str | None
    staff: bool = False


PERSONAS = [
    Persona("siti", "Siti Rahmah", Role.SECRETARIAT, "sekretariat-gt-kalsel", "63"),
    Persona("rahmadi", "Rahmadi", Role.AGENCY_OFFICER, "polres-banjar", "63.03"),
    Persona("normila", "Normila", Role.AGENCY_OFFICER, "dinsos-kalsel", "63"),
    Persona("riduan", "Ahmad Riduan", Role.REGENCY_OFFICER, "gt-hsu", "63.08"),
    Persona("fauzan", "Muhammad Fauzan", Role.ANALYST, "sekretariat-gt-kalsel", "63"),
    Persona("aisyah", "Nur Aisyah", Role.TRIAGE, "sekretariat-gt-kalsel", "63"),
    Persona("admin", "Admin Sistem", Role.ADMIN, "sekretariat-gt-kalsel", "63", staff=True),
    Persona("tamu", "Tamu Tanpa Instansi", "", None, None),
]


@transaction.atomic
def create_demo_users() -> dict[str, Any]:
    agencies = {a.slug: a for a in Agency.objects.all()}
    created = 0
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
                "is_staff": persona.staff,
                "is_superuser": persona.staff,
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        created += was_created
    return {"demo_users": len(PERSONAS), "demo_users_created": created}


def demo_logins() -> list[tuple[str, str, str]]:
    """(username, password, role label) for printing by `make demo`."""
    return [
        (p.username, DEMO_PASSWORD, str(Role(p.role).label) if p.role else "-") for p in PERSONAS
    ]
