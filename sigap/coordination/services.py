"""Writes on coordination meetings and their action items. Each is atomic and audited;
action items move open -> in_progress -> done, or are dropped, with every change kept as an
update (who, when, what, evidence)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sigap.cases.models import Case
from sigap.cases.services import WorkflowError
from sigap.coordination import notices
from sigap.coordination.models import (
    OPEN_STATUSES,
    ActionItem,
    ActionStatus,
    ActionUpdate,
    Decision,
    Meeting,
)
from sigap.core import audit
from sigap.core.access import Action, can
from sigap.core.models import Agency, Role, User
from sigap.core.sequences import next_value
from sigap.core.uploads import check_upload

A = ActionStatus
TRANSITIONS: dict[str, frozenset[str]] = {
    A.OPEN: frozenset({A.IN_PROGRESS, A.DONE, A.DROPPED}),
    A.IN_PROGRESS: frozenset({A.DONE, A.DROPPED}),
    A.DONE: frozenset(),
    A.DROPPED: frozenset(),
}
ORGANISER_ROLES = frozenset({Role.SECRETARIAT, Role.REGENCY_OFFICER})

MESSAGES = {
    "not_organiser": _("Only the task force's secretariat or regency officers organise meetings."),
    "not_owner": _("Only the owner agency (or the organisers) works on this action item."),
    "drop_by_organiser": _("Only the organisers drop an action item, with a reason."),
    "empty": _("Write what is to be done, or what was done."),
}


class CoordinationError(WorkflowError):
    messages = MESSAGES


def _organises(actor: User, meeting: Meeting) -> bool:
    return actor.role in ORGANISER_ROLES and can(actor, meeting, Action.CHANGE)


# What planning a meeting sets, and what an edit may change.
MEETING_FIELDS = ("title", "level", "region_id", "held_on", "starts_at", "place", "agenda")


@transaction.atomic
def meeting_create(
    *,
    actor: User,
    title: str,
    level: str,
    region_id: str,
    held_on: date,
    starts_at: time | None = None,
    place: str = "",
    agenda: str = "",
    agencies: Iterable[Agency] = (),
    request: Any = None,
) -> Meeting:
    """Plan a meeting: it gets the invitation's letter number (UND/<year>/<NNNN>)."""
    if actor.role not in ORGANISER_ROLES or actor.agency_id is None:
        raise CoordinationError("not_organiser")
    meeting = Meeting.objects.create(
        number=f"UND/{held_on.year}/{next_value(f'meeting:{held_on.year}'):04d}",
        title=title,
        level=level,
        region_id=region_id,
        held_on=held_on,
        starts_at=starts_at,
        place=place,
        agenda=agenda,
        organiser_id=actor.agency_id,
        created_by=actor,
    )
    if not can(actor, meeting, Action.CHANGE):
        raise CoordinationError("out_of_scope")  # rolls back
    meeting.agencies.set(agencies)
    audit.record(actor=actor, action="create", obj=meeting, request=request)
    return meeting


@transaction.atomic
def meeting_change(
    *,
    actor: User,
    meeting: Meeting,
    agencies: Iterable[Agency] | None = None,
    request: Any = None,
    **changes: Any,
) -> Meeting:
    """Change a planned meeting (date, time, place, agenda, who takes part): organisers only,
    and the meeting stays within their scope."""
    unknown = set(changes) - set(MEETING_FIELDS)
    if unknown:
        raise TypeError(f"meeting_change cannot change {sorted(unknown)}")
    if not _organises(actor, meeting):
        raise CoordinationError("not_organiser")
    stored = Meeting.objects.select_for_update().get(pk=meeting.pk)
    before = audit.snapshot(stored, MEETING_FIELDS)
    for field, value in changes.items():
        setattr(stored, field, value)
    diff = audit.changes(before, audit.snapshot(stored, MEETING_FIELDS))
    stored.save()
    if not can(actor, stored, Action.CHANGE):
        raise CoordinationError("out_of_scope")  # rolls the edit back
    if agencies is not None:
        chosen = sorted(agency.pk for agency in agencies)
        if chosen != sorted(stored.agencies.values_list("pk", flat=True)):
            diff["agencies"] = {"after": chosen}
        stored.agencies.set(chosen)
    if diff:
        audit.record(
            actor=actor, action="change", obj=stored, request=request, details={"changes": diff}
        )
    return stored


@transaction.atomic
def meeting_record(
    *,
    actor: User,
    meeting: Meeting,
    minutes: str,
    agencies: list[Agency],
    attendees: list[User],
    request: Any = None,
) -> Meeting:
    """After the meeting: the minutes and who attended."""
    if not _organises(actor, meeting):
        raise CoordinationError("not_organiser")
    meeting.minutes = minutes
    meeting.save(update_fields=["minutes"])
    meeting.agencies.set(agencies)
    meeting.attendees.set(attendees)
    audit.record(
        actor=actor,
        action="change",
        obj=meeting,
        request=request,
        details={"agencies": [a.pk for a in agencies], "attendees": [u.pk for u in attendees]},
    )
    return meeting


@transaction.atomic
def decision_add(*, actor: User, meeting: Meeting, text: str, request: Any = None) -> Decision:
    if not _organises(actor, meeting):
        raise CoordinationError("not_organiser")
    if not text.strip():
        raise CoordinationError("empty")
    decision = Decision.objects.create(meeting=meeting, text=text.strip())
    audit.record(
        actor=actor, action="decision", obj=meeting, request=request, details={"id": decision.pk}
    )
    return decision


@transaction.atomic
def action_item_add(
    *,
    actor: User,
    meeting: Meeting,
    what: str,
    owner: Agency,
    due_on: date,
    decision: Decision | None = None,
    case: Case | None = None,
    request: Any = None,
) -> ActionItem:
    """An action item from a meeting, for an agency, by a date; a case only one the
    organiser works on (not one they may only read through a referral or hand-over)."""
    if not _organises(actor, meeting):
        raise CoordinationError("not_organiser")
    if not what.strip():
        raise CoordinationError("empty")
    if case is not None and not can(actor, case, Action.CHANGE):
        raise CoordinationError("not_allowed")
    item = ActionItem.objects.create(
        meeting=meeting,
        decision=decision,
        what=what.strip(),
        owner=owner,
        due_on=due_on,
        case=case,
        created_by=actor,
    )
    ActionUpdate.objects.create(item=item, actor=actor, after=A.OPEN)
    audit.record(
        actor=actor,
        action="create",
        obj=item,
        request=request,
        details={"owner": owner.slug, "due_on": due_on.isoformat()},
    )
    notices.assigned(item, actor)
    return item


@transaction.atomic
def action_item_update(
    *,
    actor: User,
    item: ActionItem,
    status: str = "",
    note: str = "",
    evidence: UploadedFile | None = None,
    request: Any = None,
) -> ActionUpdate:
    """Progress on an action item: a note, evidence, and/or a new status. The owner agency
    works on it (the organisers too); only the organisers drop it, with a note."""
    stored = ActionItem.objects.select_for_update().get(pk=item.pk)
    organiser = _organises(actor, stored.meeting)
    if not (organiser or actor.agency_id == stored.owner_id):
        raise CoordinationError("not_owner")
    if status and status not in TRANSITIONS[stored.status]:
        raise CoordinationError("wrong_state")
    if status == A.DROPPED and not (organiser and note.strip()):
        raise CoordinationError("drop_by_organiser")
    if not (status or note.strip() or evidence):
        raise CoordinationError("empty")
    update = ActionUpdate(item=stored, actor=actor, note=note.strip())
    if evidence is not None:
        detected = check_upload(evidence)
        update.evidence_type = detected.content_type
        update.evidence.save(f"evidence.{detected.extension}", evidence, save=False)
    if status:
        update.before, update.after = stored.status, status
        stored.status = status
        stored.closed_at = timezone.now() if status not in OPEN_STATUSES else None
        stored.save(update_fields=["status", "closed_at"])
        item.status, item.closed_at = stored.status, stored.closed_at
    update.save()
    audit.record(
        actor=actor,
        action="action_update",
        obj=stored,
        request=request,
        details={"update": update.pk, "before": update.before, "after": update.after},
    )
    return update
