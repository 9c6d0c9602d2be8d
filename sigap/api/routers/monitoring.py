"""Monitoring of vulnerable groups: enrolments, follow-ups with the risk questionnaire, and
escalation to a case, with the same rules as the pages (the same services and scope)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from sigap.api.common import choice_from, date_from, page_body, page_of, region_from, require
from sigap.api.errors import InputError
from sigap.api.schemas import Input, PageQuery, Problem, RecordId
from sigap.core import audit
from sigap.core.access import Action, get_or_404, scoped, within_region
from sigap.core.models import Agency
from sigap.monitoring import prevention, services
from sigap.monitoring.forms import ActivityForm
from sigap.monitoring.models import (
    Enrolment,
    EnrolmentStatus,
    FollowUp,
    FollowUpKind,
    Group,
    PreventionActivity,
    Questionnaire,
)
from sigap.people.models import Person
from sigap.people.selectors import display_name

router = Router(tags=["monitoring"])
follow_ups = Router(tags=["monitoring"])
questionnaires = Router(tags=["monitoring"])
ERRORS: dict[int, Any] = {401: Problem, 404: Problem, 422: Problem}


class ReasonOut(Schema):
    question: str
    answer: str
    weight: int


class FollowUpOut(Schema):
    id: int
    kind: str
    done_on: date
    officer: str
    questionnaire_version: int
    score: int
    risk_level: str
    reasons: list[ReasonOut] = Field(description="The answers that added to the score.")
    notes: str
    indications_found: bool
    next_due: date | None
    case_id: int | None = Field(description="The case opened from this follow-up, if any.")


class EnrolmentOut(Schema):
    id: int
    person_id: int
    person: str = Field(description="The name, or the pseudonym for those who may not see it.")
    group: str
    status: str
    agency: str = Field(description="The responsible agency's slug.")
    region: str
    started_on: date
    source: str
    risk_level: str = Field(description="Of the latest follow-up; empty before the first.")
    next_due: date | None
    last_follow_up_on: date | None
    overdue: bool


class EnrolmentDetailOut(EnrolmentOut):
    reason: str
    closed_on: date | None
    closed_reason: str
    follow_ups: list[FollowUpOut]


class EnrolmentPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[EnrolmentOut]


class EnrolmentQuery(PageQuery):
    status: str = Field("active", description="active (default), closed or all.")
    group: str = Field("", description="One of the groups, or empty for all.")
    due: str = Field("", description="overdue, week (due in the next 7 days), or empty.")
    region: str = Field("", description="A region code or name within your scope.")


class EnrolmentIn(Input):
    person_id: int = Field(ge=1, le=2**63 - 1)
    group: str
    reason: str = Field("", max_length=2000)
    region: str = Field("", description="Where the person is followed up; their home region "
                                        "when empty.")  # fmt: skip
    started_on: str = Field("", description="A date as the pages take it; today when empty.")
    agency: str = Field("", description="The responsible agency's slug; yours when empty.")


class CloseIn(Input):
    reason: str = Field(max_length=2000)


class FollowUpIn(Input):
    kind: str = Field(description="visit, phone or office.")
    done_on: str = Field(description="A date as the pages take it, e.g. 2026-11-20.")
    answers: dict[str, str] = Field(description="Question key: option key, for every question "
                                                "of the current questionnaire.")  # fmt: skip
    notes: str = Field("", max_length=5000)
    next_due: str = Field("", description="Only earlier than the schedule's date.")
    indications_found: bool = Field(False, description="Also opens the case (see escalate).")
    questionnaire_version: int | None = Field(
        None, description="The version the answers were given to; refused if it is no longer "
                          "the current one."
    )  # fmt: skip
    client_key: str = Field("", max_length=40, description="Your key for this follow-up: "
                            "sent again with the same key, it is kept once.")  # fmt: skip


class OptionOut(Schema):
    key: str
    label: str
    weight: int


class QuestionOut(Schema):
    key: str
    text: str
    options: list[OptionOut]


class QuestionnaireOut(Schema):
    slug: str
    version: int
    title: str
    medium_from: int
    high_from: int
    questions: list[QuestionOut]


class CaseOpenedOut(Schema):
    case_id: int
    case_reference: str


def enrolment_row(user: Any, enrolment: Enrolment) -> dict[str, Any]:
    return {
        "id": enrolment.pk, "person_id": enrolment.person_id,
        "person": display_name(user, enrolment.person), "group": enrolment.group,
        "status": enrolment.status, "agency": enrolment.agency.slug,
        "region": enrolment.region_id, "started_on": enrolment.started_on,
        "source": enrolment.source, "risk_level": enrolment.risk_level,
        "next_due": enrolment.next_due, "last_follow_up_on": enrolment.last_follow_up_on,
        "overdue": enrolment.is_overdue(),
    }  # fmt: skip


def follow_up_body(follow_up: FollowUp) -> dict[str, Any]:
    return {
        "id": follow_up.pk, "kind": follow_up.kind, "done_on": follow_up.done_on,
        "officer": follow_up.officer.get_username(),
        "questionnaire_version": follow_up.questionnaire.version, "score": follow_up.score,
        "risk_level": follow_up.risk_level,
        "reasons": [
            {"question": question.key, "answer": option.key, "weight": option.weight}
            for question, option in services.reasons_of(follow_up)
        ],
        "notes": follow_up.notes, "indications_found": follow_up.indications_found,
        "next_due": follow_up.next_due, "case_id": follow_up.case_id,
    }  # fmt: skip


def enrolment_body(user: Any, enrolment: Enrolment) -> dict[str, Any]:
    return {
        **enrolment_row(user, enrolment),
        "reason": enrolment.reason, "closed_on": enrolment.closed_on,
        "closed_reason": enrolment.closed_reason,
        "follow_ups": [
            follow_up_body(item)
            for item in enrolment.follow_ups.select_related("officer", "questionnaire")
        ],
    }  # fmt: skip


def _listed(user: Any, query: EnrolmentQuery) -> QuerySet[Enrolment]:
    enrolments = scoped(user, Enrolment).select_related("person", "agency")
    status = choice_from("status", query.status,
                         [("all", "all"), *EnrolmentStatus.choices])  # fmt: skip
    if status != "all":
        enrolments = enrolments.filter(status=status)
    if query.group:
        enrolments = enrolments.filter(group=choice_from("group", query.group, Group.choices))
    today = timezone.localdate()
    due = choice_from("due", query.due, [("overdue", ""), ("week", "")]) if query.due else ""
    if due == "overdue":
        enrolments = enrolments.filter(status=EnrolmentStatus.ACTIVE, next_due__lt=today)
    elif due == "week":
        enrolments = enrolments.filter(status=EnrolmentStatus.ACTIVE, next_due__gte=today,
                                       next_due__lt=today + timedelta(days=7))  # fmt: skip
    if query.region:
        enrolments = enrolments.filter(
            within_region("region", region_from("region", query.region).code)
        )
    return enrolments.order_by("next_due", "pk")


@router.get(
    "",
    response={200: EnrolmentPage, **ERRORS},
    url_name="enrolment_list",
    operation_id="enrolment_list",
    summary="The enrolments of your scope, the soonest due first",
)
def enrolment_list(request: HttpRequest, query: Query[EnrolmentQuery]) -> dict[str, Any]:
    user = require(request, Enrolment)
    count, rows = page_of(_listed(user, query), query)
    audit.record(
        actor=user, action="api_list", object_type="monitoring.enrolment", request=request,
        details={"ids": [r.pk for r in rows]},
    )  # fmt: skip
    return page_body(count, query, [enrolment_row(user, r) for r in rows])


@router.get(
    "/{int:enrolment_id}",
    response={200: EnrolmentDetailOut, **ERRORS},
    url_name="enrolment_detail",
    operation_id="enrolment_detail",
    summary="An enrolment with its follow-ups and the reasons of each risk found",
)
def enrolment_detail(request: HttpRequest, enrolment_id: RecordId) -> dict[str, Any]:
    user = require(request, Enrolment)
    enrolment = get_or_404(user, Enrolment, request=request, pk=enrolment_id)
    audit.record(actor=user, action="view", obj=enrolment, request=request)
    return enrolment_body(user, enrolment)


@router.post(
    "",
    response={201: EnrolmentDetailOut, 200: EnrolmentDetailOut, 409: Problem, **ERRORS},
    url_name="enrolment_create",
    operation_id="enrolment_create",
    summary="Enrol a person in a monitored group (the active enrolment if there is one: 200)",
)
def enrolment_create(request: HttpRequest, payload: EnrolmentIn) -> Status[dict[str, Any]]:
    user = require(request, Enrolment, Action.CREATE)
    person = get_or_404(user, Person, request=request, pk=payload.person_id)
    group = choice_from("group", payload.group, Group.choices)
    region = region_from("region", payload.region).code if payload.region else None
    agency = None
    if payload.agency:
        agency = Agency.objects.filter(slug=payload.agency.strip()).first()
        if agency is None:
            raise InputError.on("agency", _("No agency has this short key."), "invalid_choice")
    enrolment, created = services.enrol(
        actor=user, person=person, group=group, reason=payload.reason, region_id=region,
        started_on=date_from("started_on", payload.started_on) if payload.started_on else None,
        agency=agency, request=request,
    )  # fmt: skip
    return Status(201 if created else 200, enrolment_body(user, enrolment))


@router.post(
    "/{int:enrolment_id}/close",
    response={200: EnrolmentDetailOut, 409: Problem, **ERRORS},
    url_name="enrolment_close",
    operation_id="enrolment_close",
    summary="Close an enrolment, with the reason",
)
def enrolment_close(
    request: HttpRequest, enrolment_id: RecordId, payload: CloseIn
) -> dict[str, Any]:
    user = require(request, Enrolment, Action.CHANGE)
    enrolment = get_or_404(user, Enrolment, Action.CHANGE, request=request, pk=enrolment_id)
    services.enrolment_close(actor=user, enrolment=enrolment, reason=payload.reason,
                             request=request)  # fmt: skip
    enrolment.refresh_from_db()
    return enrolment_body(user, enrolment)


@router.post(
    "/{int:enrolment_id}/follow-ups",
    response={201: FollowUpOut, 409: Problem, **ERRORS},
    url_name="follow_up_create",
    operation_id="follow_up_create",
    summary="Record a follow-up: the answers give the risk and the next date",
)
def follow_up_create(
    request: HttpRequest, enrolment_id: RecordId, payload: FollowUpIn
) -> Status[dict[str, Any]]:
    """With `indications_found`, the case is opened too (see the follow-up's case_id)."""
    user = require(request, Enrolment, Action.CHANGE)
    enrolment = get_or_404(user, Enrolment, Action.CHANGE, request=request, pk=enrolment_id)
    kind = choice_from("kind", payload.kind, FollowUpKind.choices)
    done_on = date_from("done_on", payload.done_on)
    next_due = date_from("next_due", payload.next_due) if payload.next_due else None
    try:
        with transaction.atomic():  # recorded with its case, or not at all
            follow_up = services.follow_up_record(
                actor=user, enrolment=enrolment, kind=kind, done_on=done_on,
                answers=payload.answers, notes=payload.notes, next_due=next_due,
                indications_found=payload.indications_found,
                version=payload.questionnaire_version, client_key=payload.client_key,
                request=request,
            )  # fmt: skip
            if follow_up.indications_found:
                services.escalate(actor=user, follow_up=follow_up, request=request)
                follow_up.refresh_from_db()
    except services.AnswersError as error:
        raise InputError.on("answers", error.message) from None
    return Status(201, follow_up_body(follow_up))


@follow_ups.post(
    "/{int:follow_up_id}/escalate",
    response={200: CaseOpenedOut, 409: Problem, **ERRORS},
    url_name="follow_up_escalate",
    operation_id="follow_up_escalate",
    summary="Open the case of a follow-up that found indications (once; again: that case)",
)
def follow_up_escalate(request: HttpRequest, follow_up_id: RecordId) -> dict[str, Any]:
    user = require(request, Enrolment, Action.CHANGE)
    follow_up = get_or_404(user, FollowUp, Action.CHANGE, request=request, pk=follow_up_id)
    case = services.escalate(actor=user, follow_up=follow_up, request=request)
    return {"case_id": case.pk, "case_reference": case.reference}


@questionnaires.get(
    "/current",
    response={200: QuestionnaireOut, 401: Problem, 404: Problem},
    url_name="questionnaire_current",
    operation_id="questionnaire_current",
    summary="The risk questionnaire that follow-ups answer now",
)
def questionnaire_current(request: HttpRequest) -> dict[str, Any]:
    require(request, Questionnaire)
    current = services.questionnaire_current()
    return {
        "slug": current.slug, "version": current.version, "title": current.title,
        "medium_from": current.medium_from, "high_from": current.high_from,
        "questions": [
            {"key": q.key, "text": q.text,
             "options": [{"key": o.key, "label": o.label, "weight": o.weight}
                         for o in q.options.all()]}
            for q in services.questions_of(current)
        ],
    }  # fmt: skip


# -- prevention ----------------------------------------------------------------------------

prevention_router = Router(tags=["prevention"])


class ActivityOut(Schema):
    id: int
    kind: str
    held_on: date
    region: str = Field(description="The village or district code.")
    region_name: str
    place: str
    agency: str = Field(description="The organiser's slug.")
    audience: str
    participants: int
    topic: str
    notes: str


class ActivityPage(Schema):
    count: int
    page: int
    page_size: int
    results: list[ActivityOut]


class ActivityQuery(PageQuery):
    region: str = Field("", description="A region code or name within your scope.")


class ActivityIn(Input):
    kind: str
    held_on: str = Field(description="A date as the pages take it, e.g. 2026-11-20.")
    district: str = Field(description="The district by name or code.")
    village: str = Field("", description="A village of that district, by name.")
    place: str = Field("", max_length=200)
    audience: str
    participants: int = Field(ge=1, le=100_000)
    topic: str = Field(max_length=300)
    notes: str = Field("", max_length=5000)


def activity_body(activity: PreventionActivity) -> dict[str, Any]:
    return {
        "id": activity.pk, "kind": activity.kind, "held_on": activity.held_on,
        "region": activity.region_id, "region_name": activity.region.name,
        "place": activity.place, "agency": activity.agency.slug, "audience": activity.audience,
        "participants": activity.participants, "topic": activity.topic, "notes": activity.notes,
    }  # fmt: skip


@prevention_router.get(
    "",
    response={200: ActivityPage, **ERRORS},
    url_name="activity_list",
    operation_id="activity_list",
    summary="Prevention activities in your region, latest first",
)
def activity_list(request: HttpRequest, query: Query[ActivityQuery]) -> dict[str, Any]:
    user = require(request, PreventionActivity)
    activities = scoped(user, PreventionActivity).select_related("region", "agency")
    if query.region:
        code = region_from("region", query.region).code
        activities = activities.filter(within_region("region", code))
    count, rows = page_of(activities, query)
    return page_body(count, query, [activity_body(activity) for activity in rows])


@prevention_router.post(
    "",
    response={201: ActivityOut, 409: Problem, **ERRORS},
    url_name="activity_create",
    operation_id="activity_create",
    summary="Record a prevention activity of your agency in a district or village",
)
def activity_create(request: HttpRequest, payload: ActivityIn) -> Status[dict[str, Any]]:
    """Read as the page's form reads it (the village by name within its district)."""
    user = require(request, PreventionActivity, Action.CREATE)
    form = ActivityForm(data={**payload.model_dump(), "held_on": payload.held_on})
    if not form.is_valid():
        raise InputError(form.errors.get_json_data())
    activity = prevention.activity_record(actor=user, request=request, **form.activity())
    return Status(201, activity_body(activity))
