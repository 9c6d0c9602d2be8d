"""What agencies are told about monitoring: once a day, how many of the follow-ups they are
responsible for are overdue (a count and a link to their board, never a person)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from django.db.models import Count, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from sigap.monitoring.models import Enrolment, EnrolmentStatus
from sigap.notifications.services import Reminder, agency_members


def _overdue_text(count: int) -> str:
    return ngettext(
        "%(count)s follow-up of your agency's monitoring is overdue.",
        "%(count)s follow-ups of your agency's monitoring are overdue.",
        count,
    ) % {"count": count}


def overdue() -> Iterator[Reminder]:
    """Per responsible agency with overdue follow-ups, one reminder a day to its members who
    may open them."""
    today = timezone.localdate()
    late = (
        Enrolment.objects.filter(status=EnrolmentStatus.ACTIVE, next_due__lt=today)
        .values("agency_id")
        .annotate(count=Count("pk"), first=Min("pk"))
        .order_by("agency_id")
    )
    for row in late:
        example = Enrolment.objects.get(pk=row["first"])  # whose members may open them
        yield Reminder(
            kind="follow_up_overdue",
            key=f"overdue:monitoring:{row['agency_id']}:{today.isoformat()}",
            users=agency_members([row["agency_id"]], example),
            text=partial(_overdue_text, row["count"]),
            url=f"{reverse('monitoring:board')}?instansi={row['agency_id']}",
        )
