"""What the agencies are told about referrals: a new one, each change, and overdue ones.
The texts give the referral's number, service, agencies and dates, never the person."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from sigap.core.models import User
from sigap.notifications.services import Reminder, agency_members, notify
from sigap.referrals.models import OPEN_STATUSES, Referral, ReferralStatus


def _url(referral: Referral) -> str:
    return reverse("referrals:referral_detail", args=[referral.pk])


def _due(referral: Referral) -> str:
    return formats.date_format(referral.due_on, "d-m-Y")


def sent(referral: Referral, actor: User) -> None:
    notify(
        agency_members([referral.to_agency_id], referral, besides=actor),
        "referral_received",
        lambda: (
            _("New referral %(number)s from %(agency)s: %(service)s, due %(due)s.")
            % {
                "number": referral.number,
                "agency": referral.from_agency,
                "service": referral.service_type,
                "due": _due(referral),
            }
        ),
        _url(referral),
    )


def moved(referral: Referral, actor: User) -> None:
    """The sender hears the receiver's answers and progress; the receiver, a cancellation."""
    other = (
        referral.to_agency_id
        if referral.status == ReferralStatus.CANCELLED
        else referral.from_agency_id
    )
    notify(
        agency_members([other], referral, besides=actor),
        "referral_status",
        lambda: (
            _("Referral %(number)s (%(service)s) is now: %(status)s.")
            % {
                "number": referral.number,
                "service": referral.service_type,
                "status": ReferralStatus(referral.status).label,
            }
        ),
        _url(referral),
    )


def _overdue_text(referral: Referral) -> str:
    return _("Referral %(number)s (%(service)s, to %(agency)s) is overdue: it was due %(due)s.") % {
        "number": referral.number,
        "service": referral.service_type,
        "agency": referral.to_agency,
        "due": _due(referral),
    }


def overdue() -> Iterator[Reminder]:
    """Each open referral past its due date, once per due date, to both agencies."""
    late = Referral.objects.filter(
        status__in=OPEN_STATUSES, due_on__lt=timezone.localdate()
    ).select_related("service_type", "from_agency", "to_agency")
    for referral in late.order_by("due_on", "pk").iterator():
        yield Reminder(
            kind="referral_overdue",
            key=f"overdue:referral:{referral.pk}:{referral.due_on.isoformat()}",
            users=agency_members([referral.to_agency_id, referral.from_agency_id], referral),
            text=partial(_overdue_text, referral),
            url=_url(referral),
        )
