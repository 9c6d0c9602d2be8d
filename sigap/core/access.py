"""Who may do what to which record: the one module that answers it, everywhere.

Every view, API endpoint, export, report and search gets its records through `scoped()` or
`get_or_404()`. A model without a registered policy yields nothing (deny by default), and a
record outside the user's scope is a 404, never a 403, so its existence is not revealed.

A user's scope is (agency, region subtree), from their role: the secretariat sees its whole
region, a regency officer their regency, an agency officer their agency's records within
their region. Analysts see statistics only; triage officers public reports only; admins
users and reference data, never case content.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404, HttpRequest

from sigap.core import audit
from sigap.core.models import Role, User

M = TypeVar("M", bound=Model)


class Action(StrEnum):
    VIEW = "view"
    CREATE = "create"
    CHANGE = "change"
    EXPORT = "export"


# Roles whose work needs the identity of persons (names, NIK, contacts).
IDENTITY_ROLES = frozenset({Role.SECRETARIAT, Role.AGENCY_OFFICER, Role.REGENCY_OFFICER})


@dataclass(frozen=True)
class Scope:
    role: str
    agency_id: int
    region_code: str

    @property
    def sees_identities(self) -> bool:
        return self.role in IDENTITY_ROLES


def request_user(request: HttpRequest) -> User:
    """The signed-in user of a request (views behind login_required)."""
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated:
        raise PermissionDenied
    return user


def scope_of(user: Any) -> Scope | None:
    """The user's scope, or None when they may see no records (no role, agency or region)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    if not user.role or user.agency_id is None or user.region_id is None:
        return None
    return Scope(role=user.role, agency_id=user.agency_id, region_code=user.region_id)


def in_region(code: str, region_code: str) -> bool:
    """Whether region `code` is `region_code` or below it (the same rule as within_region)."""
    return bool(region_code) and (code == region_code or code.startswith(region_code + "."))


def within_region(field: str, code: str) -> Q:
    """Records whose region (a Region foreign key `field`) is `code` or below it."""
    return Q(**{f"{field}_id": code}) | Q(**{f"{field}__code__startswith": code + "."})


Policy = Callable[[Scope, "QuerySet[Any]", Action], "QuerySet[Any]"]
_POLICIES: dict[type[Model], Policy] = {}


def own_records(scope: Scope, prefix: str = "", agency: str = "agency") -> Q:
    """The records a scope holds as its own: in its region subtree, and an agency officer's of
    their agency too (`prefix` leads to the record with the region and the agency field)."""
    own = within_region(f"{prefix}region", scope.region_code)
    if scope.role == Role.AGENCY_OFFICER:
        own &= Q(**{f"{prefix}{agency}_id": scope.agency_id})
    return own


def register(model: type[Model]) -> Callable[[Policy], Policy]:
    """Declare how a model's records are scoped (one policy per model)."""

    def add(policy: Policy) -> Policy:
        if model in _POLICIES:
            raise RuntimeError(f"{model.__name__} already has an access policy.")
        _POLICIES[model] = policy
        return policy

    return add


def scoped(user: Any, model: type[M], action: Action = Action.VIEW) -> QuerySet[M]:
    """The records of `model` this user may act on; none without a policy or a scope."""
    queryset: QuerySet[M] = model._default_manager.all()
    policy = _POLICIES.get(model)
    scope = scope_of(user)
    if policy is None or scope is None:
        return queryset.none()
    return policy(scope, queryset, action)


def get_or_404(
    user: Any,
    model: type[M],
    action: Action = Action.VIEW,
    *,
    request: HttpRequest | None = None,
    **lookup: Any,
) -> M:
    """The record, if this user may act on it; otherwise 404 (and a denial in the audit log
    when the record exists)."""
    try:
        return scoped(user, model, action).get(**lookup)
    except model.DoesNotExist:  # type: ignore[attr-defined]
        pass
    existing = model._default_manager.filter(**lookup).only("pk").first()
    if existing is not None:
        audit.record(
            actor=user if getattr(user, "is_authenticated", False) else None,
            action="denied",
            obj=existing,
            details={"attempted": str(action)},
            request=request,
        )
    raise Http404


def permits(user: Any, model: type[Model], action: Action = Action.VIEW) -> bool:
    """Whether the user may use pages of this kind of record at all (no query is run)."""
    return not scoped(user, model, action).query.is_empty()


def require(request: HttpRequest, model: type[Model], action: Action = Action.VIEW) -> User:
    """The signed-in user, if their role may use pages of this kind of record at all;
    otherwise a 404 (the pages do not exist for them) and a denial in the audit log."""
    user = request_user(request)
    if not permits(user, model, action):
        audit.record(
            actor=user,
            action="denied",
            object_type=model._meta.label_lower,
            details={"attempted": str(action), "path": request.path},
            request=request,
        )
        raise Http404
    return user


def can(user: Any, obj: Model, action: Action) -> bool:
    return scoped(user, type(obj), action).filter(pk=obj.pk).exists()


def is_registered(model: type[Model]) -> bool:
    return model in _POLICIES
