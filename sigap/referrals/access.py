"""Access policies of referrals (registered with core.access), and what a referral lets the
receiving agency see: the referred person, and the whole case (to read) only when granted."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from sigap.cases import access as case_access
from sigap.cases.access import case_filter
from sigap.core.access import Action, Scope, register
from sigap.core.models import Role
from sigap.people import access as people_access
from sigap.referrals.models import (
    OPEN_STATUSES,
    Referral,
    ReferralEvent,
    ReferralStatus,
    ServiceRecord,
)


def referral_filter(scope: Scope, prefix: str = "") -> Q:
    """Agency officers: the referrals their agency sent or received. The secretariat and
    regency officers: those of cases in their region, and those their agency sent or got."""
    own = Q(**{f"{prefix}from_agency_id": scope.agency_id}) | Q(
        **{f"{prefix}to_agency_id": scope.agency_id}
    )
    if scope.role == Role.AGENCY_OFFICER:
        return own
    return own | case_filter(scope, f"{prefix}case__")


@register(Referral)
def referral_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    if not scope.sees_identities:
        return queryset.none()
    return queryset.filter(referral_filter(scope))


def _through_referral(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    if not scope.sees_identities:
        return queryset.none()
    return queryset.filter(referral_filter(scope, "referral__"))


for _model in (ReferralEvent, ServiceRecord):
    register(_model)(_through_referral)


def persons_referred_to_agency(scope: Scope) -> Q:
    """The receiving agency sees the person it was asked to serve, while the referral is open
    or was carried out (not after a decline or cancellation)."""
    referred = Referral.objects.filter(
        party__person_id=OuterRef("pk"),
        to_agency_id=scope.agency_id,
        status__in=(*OPEN_STATUSES, ReferralStatus.COMPLETED),
    )
    return Q(Exists(referred))


def cases_granted_to_agency(scope: Scope, prefix: str) -> Q:
    """A referral that grants the whole case lets the receiving agency read it (not change
    it) while the referral is open or done."""
    granted = Referral.objects.filter(
        to_agency_id=scope.agency_id,
        grants_whole_case=True,
        status__in=(*OPEN_STATUSES, ReferralStatus.COMPLETED),
    ).values("case_id")
    return Q(**{f"{prefix}pk__in": granted})


people_access.VISIBILITY.append(persons_referred_to_agency)
case_access.CASE_GRANTS.append(cases_granted_to_agency)
