"""Writes of the core app: user management. Each is atomic and audited."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from sigap.core import audit, reassign, twofactor
from sigap.core.models import Role, User

USER_FIELDS = ("username", "first_name", "last_name", "email", "agency_id", "role", "region_id")
SCOPE_FIELDS = frozenset({"role", "agency_id", "region_id"})
ADMIN_GROUP = "SIGAP administrators"
# What the Django admin offers administrators: reference data, and reading the audit log.
ADMIN_PERMISSIONS = [
    "core.view_region",
    "core.add_region",
    "core.change_region",
    "core.view_country",
    "core.change_country",
    "core.view_agency",
    "core.add_agency",
    "core.change_agency",
    "core.view_auditevent",
]


class OwnScopeChange(ValueError):
    """Nobody changes their own role, agency or region: another administrator must."""


def admin_group() -> Group:
    group, _ = Group.objects.get_or_create(name=ADMIN_GROUP)
    wanted = set()
    for name in ADMIN_PERMISSIONS:
        app_label, codename = name.split(".")
        wanted.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    if set(group.permissions.all()) != wanted:
        group.permissions.set(wanted)
    return group


def apply_role_rights(user: User) -> None:
    """Administrators are staff of the Django admin with the reference-data permissions;
    nobody is a superuser through SIGAP."""
    is_admin = user.role == Role.ADMIN
    if user.is_staff != is_admin:
        user.is_staff = is_admin
        user.save(update_fields=["is_staff"])
    if is_admin:
        user.groups.add(admin_group())
    else:
        user.groups.remove(*Group.objects.filter(name=ADMIN_GROUP))


@transaction.atomic
def user_create(*, actor: User, password: str, request: Any = None, **fields: Any) -> User:
    user = User(**fields)
    user.set_password(password)
    user.save()
    apply_role_rights(user)
    audit.record(
        actor=actor,
        action="user_create",
        obj=user,
        details={"changes": audit.changes({}, audit.snapshot(user, USER_FIELDS))},
        request=request,
    )
    return user


@transaction.atomic
def user_update(*, actor: User, user: User, request: Any = None, **changes: Any) -> User:
    """Change a user's details; a change of role, agency or region is a `role_change`."""
    before = audit.snapshot(user, USER_FIELDS)
    for field, value in changes.items():
        setattr(user, field, value)
    diff = audit.changes(before, audit.snapshot(user, USER_FIELDS))
    if actor.pk == user.pk and SCOPE_FIELDS & set(diff):
        raise OwnScopeChange
    user.save()
    apply_role_rights(user)
    if diff:
        scope_changed = bool({"role", "agency_id", "region_id"} & set(diff))
        audit.record(
            actor=actor,
            action="role_change" if scope_changed else "user_change",
            obj=user,
            details={"changes": diff},
            request=request,
        )
    return user


@transaction.atomic
def user_set_active(*, actor: User, user: User, active: bool, request: Any = None) -> User:
    if user.is_active != active:
        user.is_active = active
        user.save(update_fields=["is_active"])
        action = "user_activate" if active else "user_deactivate"
        audit.record(actor=actor, action=action, obj=user, request=request)
    return user


def user_reset_two_factor(*, actor: User, user: User, request: Any = None) -> None:
    twofactor.two_factor_reset(actor=actor, user=user, request=request)


@transaction.atomic
def user_transfer_work(
    *, actor: User, from_user: User, to_user: User, request: Any = None
) -> dict[str, int]:
    """Mutasi: move all of an officer's open work to another officer in one step."""
    if from_user == to_user:
        raise ValueError("same user")
    moved = {kind: move(from_user, to_user) for kind, move in reassign.reassigners().items()}
    audit.record(
        actor=actor,
        action="work_transfer",
        obj=from_user,
        details={"to_user": to_user.pk, "moved": moved},
        request=request,
    )
    return moved
