"""Coordination meetings (rakor), their decisions and action items, with the same rules as
the pages: organisers plan meetings and set action items; the owner agency reports progress."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from sigap.api.common import page_body, page_of, require
from sigap.api.errors import InputError
from sigap.api.schemas import Input, PageQuery, Problem, RecordId
from sigap.cases.models import Case
from sigap.coordination import selectors, services
from sigap.coordination.forms import ActionItemForm, MeetingForm
from sigap.coordination.models import ActionItem, ActionStatus, Meeting
from sigap.core.access import Action, get_or_404, scoped
from sigap.core.models import Agency

meetings = Router(tags=["meetings"])
action_items = Router(tags=["action items"])
ERRORS: dict[int, Any] = {401: Problem, 404: Problem, 422: Problem}


class ActionItemOut(Schema):
    id: int
    meeting_id: int
    what: str
    owner: str = Field(description="The owner agency's slug.")
    due_on: date
    case_id: int | None
    status: str
    overdue: bool


class UpdateOut(Schema):
    at: datetime
    actor: str
    before: str
    after: str
    note: str
    has_evidence: bool


class ActionItemDetailOut(ActionItemOut):
    next_statuses: list[str]
    updates: list[UpdateOut]


class ActionItemPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[ActionItemOut]


class MeetingOut(Schema):
    id: int
    number: str
    title: str
    level: str
    region: str
    organiser: str
    held_on: date
    starts_at: time | None
    place: str


class MeetingDetailOut(MeetingOut):
    agenda: str
    minutes: str
    agencies: list[str]
    decisions: list[str]
    action_items: list[ActionItemOut]
    carried_over: list[ActionItemOut] = Field(
        description="Open action items of earlier meetings, on this meeting's agenda."
    )


class MeetingPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[MeetingOut]


class MeetingIn(Input):
    title: str = Field(max_length=200)
    level: str
    region: str = Field(description="A region code or name.")
    held_on: str = Field(description="A date as the pages take it, e.g. 2026-12-03.")
    starts_at: str = Field("", description="HH:MM or HH.MM, local time.")
    place: str = Field("", max_length=200)
    agenda: str = ""
    agencies: list[str] = Field(default_factory=list, description="Slugs of invited agencies.")


class DecisionIn(Input):
    text: str = Field(max_length=5000)


class ActionItemIn(Input):
    what: str = Field(max_length=2000)
    owner: str = Field(description="The owner agency's slug.")
    due_on: str
    case_id: int | None = Field(None, ge=1, le=2**63 - 1)


class ActionUpdateIn(Input):
    status: str = Field("", description="A next status, or empty to report progress only.")
    note: str = Field("", max_length=5000, description="Required when dropping.")


class ItemQuery(PageQuery):
    mine: bool = Field(True, description="Only your agency's action items.")


def item_row(item: ActionItem) -> dict[str, Any]:
    return {
        "id": item.pk,
        "meeting_id": item.meeting_id,
        "what": item.what,
        "owner": item.owner.slug,
        "due_on": item.due_on,
        "case_id": item.case_id,
        "status": item.status,
        "overdue": item.is_overdue,
    }


def meeting_row(meeting: Meeting) -> dict[str, Any]:
    return {
        "id": meeting.pk,
        "number": meeting.number,
        "title": meeting.title,
        "level": meeting.level,
        "region": meeting.region_id,
        "organiser": meeting.organiser.slug,
        "held_on": meeting.held_on,
        "starts_at": meeting.starts_at,
        "place": meeting.place,
    }


def meeting_body(user: Any, meeting: Meeting) -> dict[str, Any]:
    visible = scoped(user, ActionItem).select_related("owner")
    return {
        **meeting_row(meeting),
        "agenda": meeting.agenda,
        "minutes": meeting.minutes,
        "agencies": list(meeting.agencies.order_by("slug").values_list("slug", flat=True)),
        "decisions": [decision.text for decision in meeting.decisions.all()],
        "action_items": [item_row(i) for i in visible.filter(meeting=meeting)],
        "carried_over": [
            item_row(i) for i in selectors.carried_over(meeting).filter(pk__in=visible.values("pk"))
        ],
    }


def item_body(item: ActionItem) -> dict[str, Any]:
    return {
        **item_row(item),
        "next_statuses": sorted(str(s) for s in services.TRANSITIONS[item.status]),
        "updates": [
            {
                "at": u.at,
                "actor": u.actor.get_username(),
                "before": u.before,
                "after": u.after,
                "note": u.note,
                "has_evidence": bool(u.evidence),
            }
            for u in item.updates.select_related("actor")
        ],
    }


def _meeting_fields(user: Any, payload: MeetingIn) -> dict[str, Any]:
    """The planning page's form reads the values (dates, times, regions as the pages do)."""
    slugs = payload.agencies
    ids = dict(Agency.objects.filter(slug__in=slugs).values_list("slug", "pk"))
    unknown = [slug for slug in slugs if slug not in ids]
    form = MeetingForm(
        data={**payload.model_dump(), "agencies": [ids.get(s, 0) for s in slugs]},
        region_code=user.region_id or "",
    )
    if unknown or not form.is_valid():
        raise InputError.of_form(form)
    data = form.cleaned_data
    return {
        "title": data["title"],
        "level": data["level"],
        "region_id": data["region"].code,
        "held_on": data["held_on"],
        "starts_at": data["starts_at"],
        "place": data["place"],
        "agenda": data["agenda"],
        "agencies": list(data["agencies"]),
    }


@meetings.get(
    "",
    response={200: MeetingPage, **ERRORS},
    url_name="meeting_list",
    operation_id="meeting_list",
    summary="The meetings you may see, latest first",
)
def meeting_list(request: HttpRequest, query: Query[PageQuery]) -> dict[str, Any]:
    user = require(request, Meeting)
    items = scoped(user, Meeting).select_related("organiser")
    count, rows = page_of(items, query)
    return page_body(count, query, [meeting_row(m) for m in rows])


@meetings.get(
    "/{int:meeting_id}",
    response={200: MeetingDetailOut, **ERRORS},
    url_name="meeting_detail",
    operation_id="meeting_detail",
    summary="A meeting: agenda, minutes, decisions, its action items and those carried over",
)
def meeting_detail(request: HttpRequest, meeting_id: RecordId) -> dict[str, Any]:
    user = require(request, Meeting)
    meeting = get_or_404(user, Meeting, request=request, pk=meeting_id)
    return meeting_body(user, meeting)


@meetings.post(
    "",
    response={201: MeetingDetailOut, 409: Problem, **ERRORS},
    url_name="meeting_create",
    operation_id="meeting_create",
    summary="Plan a meeting (the secretariat and regency officers)",
)
def meeting_create(request: HttpRequest, payload: MeetingIn) -> Status[dict[str, Any]]:
    user = require(request, Meeting)
    fields = _meeting_fields(user, payload)
    meeting = services.meeting_create(actor=user, request=request, **fields)
    return Status(201, meeting_body(user, meeting))


@meetings.put(
    "/{int:meeting_id}",
    response={200: MeetingDetailOut, 409: Problem, **ERRORS},
    url_name="meeting_change",
    operation_id="meeting_change",
    summary="Change a planned meeting (all its planning fields, as the edit page)",
)
def meeting_change(
    request: HttpRequest, meeting_id: RecordId, payload: MeetingIn
) -> dict[str, Any]:
    user = require(request, Meeting)
    meeting = get_or_404(user, Meeting, Action.CHANGE, request=request, pk=meeting_id)
    fields = _meeting_fields(user, payload)
    meeting = services.meeting_change(actor=user, meeting=meeting, request=request, **fields)
    return meeting_body(user, meeting)


@meetings.post(
    "/{int:meeting_id}/decisions",
    response={201: MeetingDetailOut, 409: Problem, **ERRORS},
    url_name="decision_add",
    operation_id="decision_add",
    summary="Record a decision of the meeting (organisers)",
)
def decision_add(
    request: HttpRequest, meeting_id: RecordId, payload: DecisionIn
) -> Status[dict[str, Any]]:
    user = require(request, Meeting)
    meeting = get_or_404(user, Meeting, request=request, pk=meeting_id)
    services.decision_add(actor=user, meeting=meeting, text=payload.text, request=request)
    return Status(201, meeting_body(user, meeting))


@meetings.post(
    "/{int:meeting_id}/action-items",
    response={201: ActionItemDetailOut, 409: Problem, **ERRORS},
    url_name="action_item_add",
    operation_id="action_item_add",
    summary="Give an agency an action item from the meeting (organisers)",
)
def action_item_add(
    request: HttpRequest, meeting_id: RecordId, payload: ActionItemIn
) -> Status[dict[str, Any]]:
    user = require(request, Meeting)
    meeting = get_or_404(user, Meeting, request=request, pk=meeting_id)
    owner = Agency.objects.filter(slug=payload.owner.strip()).values_list("pk", flat=True)
    form = ActionItemForm(
        data={"what": payload.what, "owner": owner.first() or 0, "due_on": payload.due_on}
    )
    if not form.is_valid():
        raise InputError.of_form(form)
    case = None
    if payload.case_id is not None:
        case = get_or_404(user, Case, Action.CHANGE, request=request, pk=payload.case_id)
    item = services.action_item_add(
        actor=user, meeting=meeting, case=case, request=request, **form.cleaned_data
    )
    return Status(201, item_body(item))


@action_items.get(
    "",
    response={200: ActionItemPage, **ERRORS},
    url_name="action_item_list",
    operation_id="action_item_list",
    summary="Action items: your agency's (default) or all you may see; overdue first",
)
def action_item_list(request: HttpRequest, query: Query[ItemQuery]) -> dict[str, Any]:
    user = require(request, ActionItem)
    items = scoped(user, ActionItem).select_related("owner")
    if query.mine:
        items = items.filter(owner_id=user.agency_id or 0)
    count, rows = page_of(items.order_by("status", "due_on", "id"), query)
    return page_body(count, query, [item_row(item) for item in rows])


@action_items.get(
    "/{int:item_id}",
    response={200: ActionItemDetailOut, **ERRORS},
    url_name="action_item_detail",
    operation_id="action_item_detail",
    summary="An action item with its progress updates",
)
def action_item_detail(request: HttpRequest, item_id: RecordId) -> dict[str, Any]:
    user = require(request, ActionItem)
    item = get_or_404(user, ActionItem, request=request, pk=item_id)
    return item_body(item)


@action_items.post(
    "/{int:item_id}/updates",
    response={201: ActionItemDetailOut, 409: Problem, **ERRORS},
    url_name="action_item_update",
    operation_id="action_item_update",
    summary="Report progress on an action item and/or move its status",
)
def action_item_update(
    request: HttpRequest, item_id: RecordId, payload: ActionUpdateIn
) -> Status[dict[str, Any]]:
    """The owner agency (or the organisers) report progress; only the organisers drop an
    item, with a note. Evidence files are uploaded on the action item's page."""
    user = require(request, ActionItem)
    item = get_or_404(user, ActionItem, request=request, pk=item_id)
    if payload.status and payload.status not in ActionStatus.values:
        raise services.CoordinationError("wrong_state")
    services.action_item_update(
        actor=user, item=item, status=payload.status, note=payload.note, request=request
    )
    return Status(201, item_body(item))
