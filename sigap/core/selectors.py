"""Read-side queries of the core app."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.db import DatabaseError, connection
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from sigap.core.access import permits
from sigap.core.models import Agency, AuditEvent, Heartbeat, Region, Role, User
from sigap.core.parsing import AmbiguousValue, ParseError, resolve_region
from sigap.core.tasks import HEARTBEAT_EVERY, WORKER_HEARTBEAT


@dataclass(frozen=True)
class HomeAction:
    title: str | Promise
    description: str | Promise
    url: str
    nav_label: str | Promise = ""  # also in the main menu, under this short label


ROLE_DESCRIPTIONS: dict[str, Promise] = {
    Role.SECRETARIAT: _(
        "You coordinate the task force for your whole jurisdiction: cases, referrals, meetings "
        "and reports."
    ),
    Role.AGENCY_OFFICER: _("You work the cases and referrals of your agency."),
    Role.REGENCY_OFFICER: _("You work the cases and referrals of your regency or city."),
    Role.ANALYST: _("You see statistics and reports; names and identities are never shown to you."),
    Role.TRIAGE: _("You read and triage reports sent by the public."),
    Role.ADMIN: _("You manage users, agencies and reference data."),
}


def role_description(user: User) -> str | Promise:
    if not user.role:
        return _(
            "Your account has no role yet, so you can only use the general pages. Ask the "
            "system administrator of your task force to give you a role."
        )
    return ROLE_DESCRIPTIONS[user.role]


# Capabilities add their home-page actions here (their apps may not be imported by core).
_EXTRA_ACTIONS: list[Callable[[User], list[HomeAction]]] = []


def register_home_actions(provider: Callable[[User], list[HomeAction]]) -> None:
    _EXTRA_ACTIONS.append(provider)


def home_actions(user: User) -> list[HomeAction]:
    """What this user can do, in the order they most often need it."""
    actions = []
    for extra in _EXTRA_ACTIONS:
        actions.extend(extra(user))
    actions += [
        HomeAction(
            _("Find a region"),
            _("Look up a province, regency, district or village by name, nickname or code."),
            reverse("core:region_lookup"),
            _("Regions"),
        ),
        HomeAction(
            _("Agency directory"),
            _("The agencies and stakeholders of the task force and their jurisdictions."),
            reverse("core:agency_list"),
            _("Agencies"),
        ),
    ]
    if permits(user, AuditEvent):
        actions.append(
            HomeAction(
                _("Audit log"),
                _("Who did what and when, for oversight and data-protection requests."),
                reverse("core:audit_list"),
                _("Audit"),
            )
        )
    if permits(user, User):
        actions.append(
            HomeAction(
                _("Users"),
                _("Create accounts, change roles, reset two-step login, hand over work."),
                reverse("core:user_list"),
                _("Users"),
            )
        )
    if user.is_staff:
        actions.append(
            HomeAction(
                _("Administration"),
                _("Manage users, agencies and reference data."),
                reverse("admin:index"),
                _("Administration"),
            )
        )
    return actions


def agencies_for_directory() -> QuerySet[Agency]:
    return Agency.objects.filter(is_active=True).select_related("jurisdiction")


def region_path(region: Region) -> list[Region]:
    """The region and its ancestors, province first, in one query."""
    codes = []
    parts = region.code.split(".")
    for depth in range(1, len(parts) + 1):
        codes.append(".".join(parts[:depth]))
    return list(Region.objects.filter(code__in=codes).order_by("code"))


def region_children(region: Region) -> QuerySet[Region]:
    return Region.objects.filter(parent=region).order_by("code")


@dataclass(frozen=True)
class RegionLookup:
    region: Region | None = None
    path: list[Region] = field(default_factory=list)
    children: list[Region] = field(default_factory=list)
    error: ParseError | str | Promise | None = None
    candidates: list[tuple[str, Any]] = field(default_factory=list)


def region_lookup(text: str, within: str | None) -> RegionLookup:
    """Resolve what an officer typed to a region with its hierarchy, or say why not."""
    try:
        ref = resolve_region(text, within=within)
    except AmbiguousValue as error:
        return RegionLookup(error=error, candidates=error.candidates)
    except ParseError as error:
        return RegionLookup(error=error)
    region = Region.objects.filter(code=ref.code).first()
    if region is None:
        return RegionLookup(
            error=_("The reference data is not loaded yet. Ask the administrator to run it.")
        )
    return RegionLookup(
        region=region, path=region_path(region), children=list(region_children(region))
    )


def database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return True


def worker_status() -> dict[str, object]:
    beat = Heartbeat.objects.filter(name=WORKER_HEARTBEAT).first()
    if beat is None:
        return {"status": "unknown", "last_seen": None}
    fresh = timezone.now() - beat.seen_at <= HEARTBEAT_EVERY * 3 + timedelta(seconds=10)
    return {"status": "ok" if fresh else "stale", "last_seen": beat.seen_at.isoformat()}
