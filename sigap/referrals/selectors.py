"""Reads on referrals: an agency's inbox (incoming first, overdue first) and home counts."""

from __future__ import annotations

from typing import Any

from django.db.models import Case as When_
from django.db.models import IntegerField, QuerySet, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from sigap.core.access import permits, scoped
from sigap.core.selectors import HomeAction
from sigap.referrals.models import OPEN_STATUSES, Referral, ReferralStatus


def referrals_for(user: Any) -> QuerySet[Referral]:
    return scoped(user, Referral).select_related(
        "case", "service_type", "from_agency", "to_agency", "party__person"
    )


def inbox(user: Any, direction: str) -> QuerySet[Referral]:
    """Referrals to (`in`) or from (`out`) the user's agency, or all the user may see; open
    ones first, the most overdue first among them."""
    referrals = referrals_for(user)
    if direction == "in":
        referrals = referrals.filter(to_agency_id=user.agency_id)
    elif direction == "out":
        referrals = referrals.filter(from_agency_id=user.agency_id)
    is_open = When_(
        When(status__in=OPEN_STATUSES, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return referrals.annotate(closed_first=is_open).order_by("closed_first", "due_on", "-id")


def letter_allowed(user: Any, referral: Referral) -> bool:
    """The letter names the person: the receiving agency gets it only while the referral is
    its to carry out (not after it declined, or the sender cancelled)."""
    if user.agency_id != referral.to_agency_id:
        return True
    return referral.status in (*OPEN_STATUSES, ReferralStatus.COMPLETED)


def open_incoming(user: Any) -> QuerySet[Referral]:
    """Referrals to the user's agency still to be answered or carried out, most overdue first."""
    return (
        referrals_for(user)
        .filter(to_agency_id=user.agency_id or 0, status__in=OPEN_STATUSES)
        .order_by("due_on", "id")
    )


def home_actions(user: Any) -> list[HomeAction]:
    catalogue = HomeAction(
        _("Services for victims"),
        _("The services of the handling chain, their time limits, and who provides them."),
        reverse("referrals:service_catalogue"),
    )
    if not permits(user, Referral):
        return [catalogue]
    incoming = open_incoming(user)
    waiting = incoming.count()
    overdue = incoming.filter(due_on__lt=timezone.localdate()).count()
    summary = ngettext(
        "%(count)d open referral to your agency",
        "%(count)d open referrals to your agency",
        waiting,
    ) % {"count": waiting}
    if overdue:
        summary += ", " + ngettext("%(count)d overdue", "%(count)d overdue", overdue) % {
            "count": overdue
        }
    return [
        HomeAction(
            _("Referrals"),
            f"{summary}.",
            reverse("referrals:referral_list"),
            _("Referrals"),
        ),
        catalogue,
    ]
