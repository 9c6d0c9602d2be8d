"""Reads on public reports: the triage queue (urgent first, by deadline) and home counts."""

from __future__ import annotations

from typing import Any

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sigap.core.access import permits, scoped
from sigap.core.models import Role
from sigap.core.selectors import HomeAction
from sigap.intake.models import OPEN_TRIAGE, PublicReport, Triage


def queue(user: Any, *, closed: bool = False) -> QuerySet[PublicReport]:
    """Reports still to be triaged: urgent new ones first, then new ones, each by deadline,
    then those waiting for information; or (closed) the triaged ones, latest first."""
    reports = scoped(user, PublicReport).select_related("regency", "case")
    if closed:
        return reports.exclude(triage__in=OPEN_TRIAGE).order_by("-received_at", "-id")
    rank = Case(
        When(triage=Triage.NEW, urgent=True, then=Value(0)),
        When(triage=Triage.NEW, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return (
        reports.filter(triage__in=OPEN_TRIAGE)
        .annotate(rank=rank)
        .order_by("rank", "triage_due_at", "id")
    )


def home_actions(user: Any) -> list[HomeAction]:
    register = HomeAction(
        _("Register of placement companies (P3MI)"),
        _("Keep the licensed placement companies the public checks recruiters against."),
        reverse("intake:register"),
    )
    if not permits(user, PublicReport):
        return [register] if getattr(user, "role", "") == Role.ADMIN else []
    waiting = scoped(user, PublicReport).filter(triage__in=OPEN_TRIAGE)
    late = waiting.filter(triage_due_at__lt=timezone.now()).count()
    urgent = waiting.filter(urgent=True, triage=Triage.NEW).count()
    return [
        HomeAction(
            _("Public reports"),
            _("%(count)d to triage: %(urgent)d urgent, %(late)d past the deadline.")
            % {"count": waiting.count(), "urgent": urgent, "late": late},
            reverse("intake:queue"),
            _("Reports"),
        )
    ]
