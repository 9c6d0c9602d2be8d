"""Coordination pages: meetings (agenda with what is carried over, decisions, action items,
minutes) and the follow-up board of an agency."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sigap.cases.services import WorkflowError
from sigap.coordination import selectors, services
from sigap.coordination.forms import (
    ActionItemForm,
    ActionUpdateForm,
    DecisionForm,
    MeetingForm,
    MinutesForm,
)
from sigap.coordination.models import OPEN_STATUSES, ActionItem, ActionStatus, Meeting
from sigap.core import audit
from sigap.core.access import Action, can, get_or_404, require, scoped
from sigap.core.pagination import paginate
from sigap.core.pdf import pdf_response, render_pdf
from sigap.core.uploads import RejectedUpload
from sigap.people.selectors import display_name
from sigap.referrals import selectors as referral_selectors


@login_required
def meeting_list(request: HttpRequest) -> HttpResponse:
    user = require(request, Meeting)
    page, query = paginate(request, scoped(user, Meeting).select_related("region", "organiser"))
    organiser = user.role in services.ORGANISER_ROLES
    return render(
        request,
        "coordination/meeting_list.html",
        {"page": page, "query": query, "organiser": organiser},
    )


def _meeting_fields(data: dict[str, Any]) -> dict[str, Any]:
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


@login_required
def meeting_create(request: HttpRequest) -> HttpResponse:
    user = require(request, Meeting)
    if user.role not in services.ORGANISER_ROLES:
        raise Http404
    form = MeetingForm(
        request.POST or None, initial={"region": user.region_id}, region_code=user.region_id or ""
    )
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_create(
                actor=user, request=request, **_meeting_fields(form.cleaned_data)
            )
        except WorkflowError as error:
            form.add_error(None, error.message)
        else:
            return HttpResponseRedirect(reverse("coordination:meeting_detail", args=[meeting.pk]))
    return render(request, "coordination/meeting_form.html", {"form": form})


@login_required
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a planned meeting: organisers only."""
    user = require(request, Meeting)
    meeting = get_or_404(user, Meeting, Action.CHANGE, request=request, pk=pk)
    if user.role not in services.ORGANISER_ROLES:
        raise Http404
    initial = {
        **{field: getattr(meeting, field) for field in services.MEETING_FIELDS},
        "region": meeting.region_id,
        "agencies": list(meeting.agencies.all()),
    }
    form = MeetingForm(request.POST or None, initial=initial, region_code=user.region_id or "")
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_change(
                actor=user, meeting=meeting, request=request, **_meeting_fields(form.cleaned_data)
            )
        except WorkflowError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The meeting was changed."))
            return HttpResponseRedirect(reverse("coordination:meeting_detail", args=[meeting.pk]))
    return render(request, "coordination/meeting_form.html", {"form": form, "meeting": meeting})


@login_required
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, Meeting)
    meeting = get_or_404(user, Meeting, request=request, pk=pk)
    items = scoped(user, ActionItem).filter(meeting=meeting).select_related("owner")
    context = {
        "meeting": meeting,
        "carried": selectors.carried_over(meeting).filter(
            pk__in=scoped(user, ActionItem).values("pk")
        ),
        "decisions": meeting.decisions.all(),
        "items": items,
        "board": selectors.meeting_board(user, meeting),
        "organiser": can(user, meeting, Action.CHANGE) and user.role in services.ORGANISER_ROLES,
        "decision_form": DecisionForm(),
        "minutes_form": MinutesForm(
            initial={
                "minutes": meeting.minutes,
                "agencies": list(meeting.agencies.all()),
                "attendees": list(meeting.attendees.all()),
            },
            region_code=meeting.region_id,
        ),
        "item_form": ActionItemForm(),
    }
    return render(request, "coordination/meeting_detail.html", context)


@login_required
@require_POST
def minutes_record(request: HttpRequest, pk: int) -> HttpResponse:
    """After the meeting: the minutes and who attended."""
    user = require(request, Meeting)
    meeting = get_or_404(user, Meeting, request=request, pk=pk)
    form = MinutesForm(request.POST, region_code=meeting.region_id)
    try:
        if not form.is_valid():
            raise services.CoordinationError("empty")
        services.meeting_record(
            actor=user,
            meeting=meeting,
            minutes=form.cleaned_data["minutes"],
            agencies=list(form.cleaned_data["agencies"]),
            attendees=list(form.cleaned_data["attendees"]),
            request=request,
        )
    except WorkflowError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The minutes and attendance were saved."))
    return HttpResponseRedirect(reverse("coordination:meeting_detail", args=[meeting.pk]))


@login_required
@require_POST
def decision_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, Meeting)
    meeting = get_or_404(user, Meeting, request=request, pk=pk)
    form = DecisionForm(request.POST)
    try:
        if not form.is_valid():
            raise services.CoordinationError("empty")
        services.decision_add(
            actor=user, meeting=meeting, text=form.cleaned_data["text"], request=request
        )
    except WorkflowError as error:
        messages.error(request, error.message)
    return HttpResponseRedirect(reverse("coordination:meeting_detail", args=[meeting.pk]))


@login_required
@require_POST
def action_item_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, Meeting)
    meeting = get_or_404(user, Meeting, request=request, pk=pk)
    form = ActionItemForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the action, the owner agency and the due date."))
    else:
        try:
            services.action_item_add(
                actor=user, meeting=meeting, request=request, **form.cleaned_data
            )
        except WorkflowError as error:
            messages.error(request, error.message)
    return HttpResponseRedirect(reverse("coordination:meeting_detail", args=[meeting.pk]))


def _meeting_documents(user: Any, meeting: Meeting) -> dict[str, Any]:
    """What the invitation and the minutes show: the items the user may see, per agency."""
    visible = scoped(user, ActionItem)
    return {
        "meeting": meeting,
        "letterhead": meeting.organiser,
        "agencies": meeting.agencies.order_by("name"),
        "attendees": meeting.attendees.select_related("agency").order_by("first_name"),
        "carried": selectors.per_agency(
            selectors.carried_over(meeting).filter(pk__in=visible.values("pk"))
        ),
        "decisions": meeting.decisions.all(),
        "items": selectors.per_agency(visible.filter(meeting=meeting)),
        "printed_by": user,
        "printed_at": timezone.localtime(),
    }


# The meeting's documents: (template, file name prefix).
DOCUMENTS = {
    "invitation": ("coordination/pdf/invitation.html", "undangan-rakor"),
    "minutes": ("coordination/pdf/minutes.html", "notulen-rakor"),
}


@login_required
def meeting_document(request: HttpRequest, pk: int, document: str) -> HttpResponse:
    """The invitation (undangan: when, where, the agenda, who is invited) or the minutes
    (notulen, with the decisions and the action items per agency) as PDF."""
    user = require(request, Meeting)
    meeting = get_or_404(user, Meeting, request=request, pk=pk)
    template, prefix = DOCUMENTS[document]
    content = render_pdf(template, _meeting_documents(user, meeting))
    audit.record(actor=user, action="download", obj=meeting, request=request,
                 details={"document": document})  # fmt: skip
    return pdf_response(content, f"{prefix}-{meeting.held_on:%Y%m%d}-{meeting.pk}.pdf")


@login_required
def action_item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = require(request, ActionItem)
    item = get_or_404(user, ActionItem, request=request, pk=pk)
    targets = [ActionStatus(value) for value in sorted(services.TRANSITIONS[item.status])]
    form = ActionUpdateForm(request.POST or None, request.FILES or None, targets=targets)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.action_item_update(
                actor=user,
                item=item,
                status=data["status"],
                note=data["note"],
                evidence=data["evidence"],
                request=request,
            )
        except (WorkflowError, RejectedUpload) as error:
            messages.error(request, getattr(error, "message", str(error)))
        else:
            messages.success(request, _("The action item was updated."))
            return HttpResponseRedirect(reverse("coordination:action_item_detail", args=[item.pk]))
    context = {
        "item": item,
        "form": form,
        "updates": item.updates.select_related("actor"),
        "overdue": item.is_overdue,
    }
    return render(request, "coordination/action_item_detail.html", context)


@login_required
def follow_up_board(request: HttpRequest) -> HttpResponse:
    """The user's agency's action items: overdue first, then open, then closed."""
    user = require(request, ActionItem)
    items = (
        scoped(user, ActionItem)
        .filter(owner_id=user.agency_id)
        .select_related("meeting", "owner")
        .order_by("status", "due_on")
    )
    rows = [(item, item.is_overdue) for item in items[:200]]
    rows.sort(key=lambda row: (not row[1], row[0].status not in OPEN_STATUSES, row[0].due_on))
    context = {"rows": rows, "board": selectors.agency_board(user, user.agency_id or 0)}
    return render(request, "coordination/follow_up_board.html", context)


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    """An officer's day in one page: referrals to answer or carry out, the agency's action
    items and hand-overs waiting, overdue first; and unread notifications."""
    user = require(request, ActionItem)
    items = list(
        scoped(user, ActionItem)
        .filter(owner_id=user.agency_id or 0, status__in=OPEN_STATUSES)
        .select_related("meeting", "owner")
        .order_by("due_on", "id")[:50]
    )
    referrals = list(referral_selectors.open_incoming(user)[:50])
    context = {
        "referrals": [(r, display_name(user, r.party.person), r.is_overdue) for r in referrals],
        "items": [(item, item.is_overdue) for item in items],
        "transfers": selectors.waiting_transfers(user),
        "notifications": user.notifications.filter(read_at__isnull=True)[:10],
    }
    return render(request, "coordination/inbox.html", context)
