"""Shared fixtures: reference data in the test database, and the personas of the suite.

Personas (all synthetic, the same as the demo's): Sekretariat Siti (secretariat, whole province),
Polres Banjar officer Rahmadi, Dinsos officer Normila, regency officer Riduan (HSU), analyst
Fauzan, triage officer Aisyah, the system administrator, and an outsider (tamu) with no agency.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import call_command

from sigap.coordination.structure import load_task_forces
from sigap.core.demo import PERSONAS as DEMO_PERSONAS
from sigap.core.models import Agency, User
from sigap.core.reference.agencies import load_agencies
from sigap.core.reference.countries import load_countries
from sigap.core.reference.regions import load_boundaries, load_regions
from sigap.referrals.catalogue import load_agency_services, load_service_types

PASSWORD = "Sandi-Uji-2026"
PERSONAS = {persona.username: persona for persona in DEMO_PERSONAS}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> Iterator[None]:
    """Load all reference data once per test database (each xdist worker has its own)."""
    with django_db_blocker.unblock():
        load_regions()
        load_boundaries()
        load_countries()
        load_agencies()
        load_task_forces()
        load_agency_services()
    return


@pytest.fixture(autouse=True)
def _isolated_files_and_cache(settings: Any, tmp_path_factory: Any) -> None:
    """Uploaded files of the tests go to a temporary folder, never to var/media; each test
    starts with an empty cache (rate-limit counters)."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")
    cache.clear()


@pytest.fixture
def kalsel_reference(transactional_db: Any) -> None:
    """For transactional tests (live server), whose database is emptied after each test:
    the Kalimantan Selatan subtree, countries and agencies, loaded if missing."""
    load_regions(within="63")
    load_countries()
    load_agencies()
    load_service_types()
    load_task_forces()
    load_agency_services()


def make_user(
    username: str,
    *,
    role: str = "",
    agency: str | None = None,
    region: str | None = None,
    full_name: str = "",
    **extra: Any,
) -> User:
    first, _, last = (full_name or username.title()).partition(" ")
    user = User.objects.create_user(
        username=username,
        password=PASSWORD,
        first_name=first,
        last_name=last,
        role=role,
        agency=Agency.objects.get(slug=agency) if agency else None,
        region_id=region,
        **extra,
    )
    return user


def make_persona(username: str) -> User:
    """One of the demo personas (sigap.core.demo.PERSONAS), with the test password."""
    from sigap.core.services import apply_role_rights

    persona = PERSONAS[username]
    user = make_user(
        persona.username,
        role=persona.role,
        agency=persona.agency,
        region=persona.region,
        full_name=persona.first_name,
    )
    apply_role_rights(user)
    return user


@pytest.fixture
def siti(db: Any) -> User:
    return make_persona("siti")


@pytest.fixture
def rahmadi(db: Any) -> User:
    return make_persona("rahmadi")


@pytest.fixture
def normila(db: Any) -> User:
    return make_persona("normila")


@pytest.fixture
def riduan(db: Any) -> User:
    return make_persona("riduan")


@pytest.fixture
def fauzan(db: Any) -> User:
    return make_persona("fauzan")


@pytest.fixture
def sysadmin(db: Any) -> User:
    return make_persona("admin")


@pytest.fixture
def outsider(db: Any) -> User:
    return make_persona("tamu")


def totp_code(device: Any, *, steps_ahead: int = 0) -> str:
    """The code a TOTP device shows now (or `steps_ahead` periods later, which django-otp's
    tolerance of one step accepts; a code already used once is refused)."""
    from django_otp.oath import totp

    drift = device.drift + steps_ahead
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, drift):06d}"


def sign_in(client: Any, user: User) -> Any:
    """Log `user` in on a test client, second factor included (a confirmed TOTP device)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def with_sudo(client: Any) -> Any:
    """Mark the client's session as freshly re-confirmed (see core.sudo)."""
    import time

    from sigap.core.sudo import SESSION_KEY

    session = client.session
    session[SESSION_KEY] = time.time() + 600
    session.save()
    return client


@pytest.fixture
def run_command():
    """Run a management command and return (stdout, the JSON summary of its last line)."""
    import io
    import json

    def run(name: str, *args: str) -> tuple[str, dict[str, Any]]:
        out = io.StringIO()
        call_command(name, *args, stdout=out)
        text = out.getvalue()
        last = text.strip().splitlines()[-1] if text.strip() else "{}"
        return text, json.loads(last)

    return run
