"""Reads on coordination: what a meeting carries over, and the follow-up boards."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sigap.coordination.models import (
    OPEN_STATUSES,
    ActionItem,
    ActionStatus,
    CaseTransfer,
    Meeting,
    TransferStatus,
)
from sigap.core.access import permits, scoped, within_region
from sigap.core.selectors import HomeAction


def carried_over(meeting: Meeting) -> QuerySet[ActionItem]:
    """Action items of earlier meetings of the same region and level that were still open
    on this meeting's day: they go on its agenda by themselves."""
    day_end = timezone.make_aware(datetime.combine(meeting.held_on, time.max))
    return (
        ActionItem.objects.filter(
            meeting__region=meeting.region,
            meeting__level=meeting.level,
            meeting__held_on__lt=meeting.held_on,
        )
        .filter(Q(status__in=OPEN_STATUSES) | Q(closed_at__gt=day_end))
        .select_related("meeting", "owner")
        .order_by("due_on", "id")
    )


@dataclass(frozen=True)
class Board:
    open: int
    overdue: int
    done: int


def board(items: QuerySet[ActionItem], today: date | None = None) -> Board:
    today = today or timezone.localdate()
    open_items = items.filter(status__in=OPEN_STATUSES)
    return Board(
        open=open_items.count(),
        overdue=open_items.filter(due_on__lt=today).count(),
        done=items.filter(status=ActionStatus.DONE).count(),
    )


def agency_board(user: Any, agency_id: int, today: date | None = None) -> Board:
    return board(scoped(user, ActionItem).filter(owner_id=agency_id), today)


def meeting_board(user: Any, meeting: Meeting, today: date | None = None) -> Board:
    return board(scoped(user, ActionItem).filter(meeting=meeting), today)


@dataclass(frozen=True)
class AgencyItems:
    agency: Any
    items: list[ActionItem]

    @property
    def overdue(self) -> int:
        return sum(item.is_overdue for item in self.items)


def per_agency(items: QuerySet[ActionItem]) -> list[AgencyItems]:
    """Action items grouped by owner agency (by agency name), each group by due date."""
    groups: dict[int, AgencyItems] = {}
    for item in items.select_related("owner", "case").order_by("due_on", "id"):
        groups.setdefault(item.owner_id, AgencyItems(item.owner, [])).items.append(item)
    return sorted(groups.values(), key=lambda group: group.agency.name)


def region_meetings(user: Any, region_code: str) -> QuerySet[Meeting]:
    return scoped(user, Meeting).filter(within_region("region", region_code))


def waiting_transfers(user: Any) -> QuerySet[CaseTransfer]:
    """Hand-overs to the user's task force still waiting for its answer, oldest first."""
    return (
        scoped(user, CaseTransfer)
        .filter(status=TransferStatus.REQUESTED, to_task_force__agency_id=user.agency_id or 0)
        .select_related("case", "from_task_force", "to_task_force")
        .order_by("requested_at", "id")
    )


def home_actions(user: Any) -> list[HomeAction]:
    task_forces = HomeAction(
        _("Task forces"),
        _("The task forces, their sub-task-forces and members."),
        reverse("coordination:task_force_list"),
    )
    if not permits(user, Meeting):
        return [task_forces]
    mine = agency_board(user, user.agency_id or 0)
    actions = [
        HomeAction(
            _("Inbox"),
            _("Referrals to answer, your agency's action items and hand-overs, overdue first."),
            reverse("coordination:inbox"),
            _("Inbox"),
        ),
        HomeAction(
            _("Coordination meetings"),
            _("Meetings, decisions and action items: %(open)d open, %(overdue)d overdue.")
            % {"open": mine.open, "overdue": mine.overdue},
            reverse("coordination:meeting_list"),
            _("Rakor"),
        ),
    ]
    if permits(user, CaseTransfer):
        actions.append(
            HomeAction(
                _("Case hand-overs"),
                _("%(count)d hand-overs of cases wait for your task force's answer.")
                % {"count": waiting_transfers(user).count()},
                reverse("coordination:transfer_list"),
            )
        )
    return [*actions, task_forces]
