"""What agencies are told about monitoring: once a day, how many of the follow-ups they are
responsible for, and they may open, are overdue (a count and a link to their board, never a
person)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from sigap.core.access import scoped
from sigap.core.models import SYSTEM_USERNAME, User
from sigap.monitoring.models import Enrolment, EnrolmentStatus
from sigap.notifications.services import Reminder


def _overdue_text(count: int) -> str:
    return ngettext(
        "%(count)s follow-up of your agency's monitoring is overdue.",
        "%(count)s follow-ups of your agency's monitoring are overdue.",
        count,
    ) % {"count": count}


def overdue() -> Iterator[Reminder]:
    """Per responsible agency with overdue follow-ups, one reminder a day to each member, with
    the count of those they may open (none: no reminder)."""
    today = timezone.localdate()
    late = Enrolment.objects.filter(status=EnrolmentStatus.ACTIVE, next_due__lt=today)
    agencies = late.values_list("agency_id", flat=True).distinct().order_by("agency_id")
    members = User.objects.filter(is_active=True).exclude(role="").exclude(username=SYSTEM_USERNAME)
    for agency in agencies:
        for member in members.filter(agency_id=agency).order_by("pk"):
            count = scoped(member, Enrolment).filter(pk__in=late.filter(agency_id=agency)).count()
            if count:
                yield Reminder(
                    kind="follow_up_overdue",
                    key=f"overdue:monitoring:{agency}:{today.isoformat()}",
                    users=[member],
                    text=partial(_overdue_text, count),
                    url=f"{reverse('monitoring:board')}?instansi={agency}",
                )
