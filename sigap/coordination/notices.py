"""What the agencies are told about action items: a new one for them, and overdue ones.
An item's text may name a victim, so the notices give the meeting, owner and due date only."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from sigap.coordination.models import OPEN_STATUSES, ActionItem
from sigap.core.models import User
from sigap.notifications.services import Reminder, agency_members, notify


def _url(item: ActionItem) -> str:
    return reverse("coordination:action_item_detail", args=[item.pk])


def _due(item: ActionItem) -> str:
    return formats.date_format(item.due_on, "d-m-Y")


def assigned(item: ActionItem, actor: User) -> None:
    notify(
        agency_members([item.owner_id], item, besides=actor),
        "action_assigned",
        lambda: (
            _('New action item for %(agency)s from the meeting "%(meeting)s", due %(due)s.')
            % {"agency": item.owner, "meeting": item.meeting.title, "due": _due(item)}
        ),
        _url(item),
    )


def _overdue_text(item: ActionItem) -> str:
    return _(
        'The action item of %(agency)s from the meeting "%(meeting)s" is overdue: it was due '
        "%(due)s."
    ) % {"agency": item.owner, "meeting": item.meeting.title, "due": _due(item)}


def overdue() -> Iterator[Reminder]:
    """Each open action item past its due date, once per due date, to the owner agency."""
    late = ActionItem.objects.filter(
        status__in=OPEN_STATUSES, due_on__lt=timezone.localdate()
    ).select_related("meeting", "owner")
    for item in late.order_by("due_on", "pk").iterator():
        yield Reminder(
            kind="action_overdue",
            key=f"overdue:action:{item.pk}:{item.due_on.isoformat()}",
            users=agency_members([item.owner_id], item),
            text=partial(_overdue_text, item),
            url=_url(item),
        )
