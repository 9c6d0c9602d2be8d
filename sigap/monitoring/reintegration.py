"""Reintegration plans of survivors: goals by area (health, livelihood, education, family,
legal, documents), each served by a referral of the survivor's case where one exists, progress
reviews, and the closure once no goal is still open. Whoever may follow the enrolment up keeps
its plan."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from sigap.core import audit
from sigap.core.access import Action, can, scoped
from sigap.core.models import User
from sigap.monitoring.models import (
    OPEN_GOALS,
    Enrolment,
    GoalStatus,
    Group,
    PlanStatus,
    ReintegrationGoal,
    ReintegrationPlan,
    ReintegrationReview,
)
from sigap.monitoring.services import MonitoringError
from sigap.referrals.models import Referral


def _keeper(actor: User, plan: ReintegrationPlan) -> ReintegrationPlan:
    """The plan as it is now (locked for the change), if the actor keeps it and it is open."""
    plan = ReintegrationPlan.objects.select_for_update().get(pk=plan.pk)
    if not can(actor, plan.enrolment, Action.CHANGE):
        raise MonitoringError("not_allowed")
    if plan.status != PlanStatus.OPEN or not plan.enrolment.is_active:
        raise MonitoringError("plan_closed")
    return plan


def referrals_for(actor: User, enrolment: Enrolment) -> list[Referral]:
    """The referrals of the survivor (as a party of a case) that the actor may see: the
    services a goal may be served by."""
    return list(
        scoped(actor, Referral)
        .filter(party__person_id=enrolment.person_id)
        .select_related("service_type", "to_agency")
        .order_by("-created_at")
    )


@transaction.atomic
def plan_open(*, actor: User, enrolment: Enrolment, request: Any = None) -> ReintegrationPlan:
    """The enrolment's plan, opened now if it has none (a survivor's active watch only)."""
    if not can(actor, enrolment, Action.CHANGE):
        raise MonitoringError("not_allowed")
    if enrolment.group != Group.SURVIVOR or not enrolment.is_active:
        raise MonitoringError("not_survivor")
    try:
        with transaction.atomic():
            plan = ReintegrationPlan.objects.create(enrolment=enrolment, created_by=actor)
    except IntegrityError:  # opened meanwhile
        return ReintegrationPlan.objects.get(enrolment=enrolment)
    audit.record(actor=actor, action="create", obj=plan, request=request,
                 details={"enrolment": enrolment.pk})  # fmt: skip
    return plan


@transaction.atomic
def goal_add(
    *, actor: User, plan: ReintegrationPlan, area: str, description: str,
    referral: Referral | None = None, request: Any = None,
) -> ReintegrationGoal:  # fmt: skip
    plan = _keeper(actor, plan)
    if not description.strip():
        raise MonitoringError("reason_required")
    if referral is not None and referral not in referrals_for(actor, plan.enrolment):
        raise MonitoringError("referral_not_theirs")
    goal = ReintegrationGoal.objects.create(
        plan=plan, area=area, description=description.strip(), referral=referral
    )
    audit.record(actor=actor, action="create", obj=goal, request=request,
                 details={"plan": plan.pk, "area": area})  # fmt: skip
    return goal


@transaction.atomic
def goal_move(
    *, actor: User, goal: ReintegrationGoal, status: str, request: Any = None
) -> ReintegrationGoal:
    _keeper(actor, goal.plan)
    goal = ReintegrationGoal.objects.get(pk=goal.pk)
    before = goal.status
    goal.status = GoalStatus(status)
    goal.save(update_fields=["status"])
    audit.record(actor=actor, action="change", obj=goal, request=request,
                 details={"status": [before, goal.status]})  # fmt: skip
    return goal


@transaction.atomic
def review_add(
    *, actor: User, plan: ReintegrationPlan, reviewed_on: datetime.date, progress: str,
    request: Any = None,
) -> ReintegrationReview:  # fmt: skip
    plan = _keeper(actor, plan)
    if reviewed_on > timezone.localdate():
        raise MonitoringError("future_date")
    if not progress.strip():
        raise MonitoringError("reason_required")
    review = ReintegrationReview.objects.create(
        plan=plan, reviewed_on=reviewed_on, progress=progress.strip(), reviewed_by=actor
    )
    audit.record(actor=actor, action="create", obj=review, request=request,
                 details={"plan": plan.pk})  # fmt: skip
    return review


@transaction.atomic
def plan_close(
    *, actor: User, plan: ReintegrationPlan, summary: str, request: Any = None
) -> ReintegrationPlan:
    """Close the plan once every goal is achieved or dropped, with a summary."""
    plan = _keeper(actor, plan)
    if plan.goals.filter(status__in=OPEN_GOALS).exists():
        raise MonitoringError("goals_open")
    if not summary.strip():
        raise MonitoringError("reason_required")
    plan.status, plan.closed_on = PlanStatus.CLOSED, timezone.localdate()
    plan.closing_summary = summary.strip()
    plan.save(update_fields=["status", "closed_on", "closing_summary"])
    audit.record(actor=actor, action="close", obj=plan, request=request)
    return plan
