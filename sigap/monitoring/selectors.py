"""What monitoring pages show: the board of a scope (active, high risk, due this week,
overdue) and an enrolment with its follow-ups."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sigap.cases.models import Case
from sigap.core.access import Action, permits, scoped, within_region
from sigap.core.sections import Section
from sigap.core.selectors import HomeAction
from sigap.monitoring.models import Enrolment, EnrolmentStatus, PreventionActivity, RiskLevel
from sigap.people.models import Person
from sigap.people.selectors import display_name

BOARD_ROWS = 50  # enrolments listed per part of the board (the counts count them all)


def home_actions(user: Any) -> list[HomeAction]:
    actions = []
    if permits(user, Enrolment):
        actions.append(HomeAction(
            _("Monitoring of vulnerable groups"),
            _("Follow up returned migrant workers at risk, prospective migrants, children at "
              "risk and survivors: who is due this week and who is overdue."),
            reverse("monitoring:board"), _("Monitoring"),
        ))  # fmt: skip
    if permits(user, PreventionActivity):
        actions.append(HomeAction(
            _("Prevention"),
            _("Record socialisations, trainings and watch groups, and see the places at risk "
              "that no prevention has reached yet."),
            reverse("monitoring:activity_list"), _("Prevention"),
        ))  # fmt: skip
    return actions


@dataclass
class Board:
    active: int = 0
    high: int = 0
    due_this_week: int = 0
    overdue: int = 0
    overdue_rows: list[dict[str, Any]] = field(default_factory=list)
    due_rows: list[dict[str, Any]] = field(default_factory=list)


def active_enrolments(
    user: Any, region: str = "", agency: int | None = None
) -> QuerySet[Enrolment]:
    enrolments = scoped(user, Enrolment).filter(status=EnrolmentStatus.ACTIVE)
    if region:
        enrolments = enrolments.filter(within_region("region", region))
    if agency:
        enrolments = enrolments.filter(agency_id=agency)
    return enrolments


def board(user: Any, today: datetime.date, region: str = "", agency: int | None = None) -> Board:
    """The board of the user's scope, narrowed to a region and an agency if given: the
    counts, and the overdue and due-this-week enrolments, soonest first."""
    enrolments = active_enrolments(user, region, agency)
    week = today + datetime.timedelta(days=7)
    counts = enrolments.aggregate(
        active=Count("pk"),
        high=Count("pk", filter=Q(risk_level=RiskLevel.HIGH)),
        overdue=Count("pk", filter=Q(next_due__lt=today)),
        due_this_week=Count("pk", filter=Q(next_due__gte=today, next_due__lt=week)),
    )
    result = Board(**counts)
    listed = enrolments.select_related("person", "agency", "region").order_by("next_due", "pk")
    result.overdue_rows = rows(user, listed.filter(next_due__lt=today)[:BOARD_ROWS])
    result.due_rows = rows(user, listed.filter(next_due__gte=today, next_due__lt=week)[:BOARD_ROWS])
    return result


def rows(user: Any, enrolments: Any) -> list[dict[str, Any]]:
    return [
        {"enrolment": enrolment, "name": display_name(user, enrolment.person)}
        for enrolment in enrolments
    ]


def can_follow_up(user: Any, enrolment: Enrolment) -> bool:
    return (
        enrolment.is_active
        and scoped(user, Enrolment, Action.CHANGE).filter(pk=enrolment.pk).exists()
    )


def case_section(user: Any, case: Case) -> Section | None:
    """The enrolments of a case's page: the one it was opened from, and those it started."""
    enrolments = list(
        scoped(user, Enrolment)
        .filter(Q(follow_ups__case=case) | Q(source_case=case))
        .distinct()
        .select_related("agency")
    )
    if not enrolments:
        return None
    return Section(40, _("Monitoring"), "monitoring/person_section.html", enrolments)


def person_section(user: Any, person: Person) -> Section | None:
    """The enrolments of a person's page that the user's scope holds, active first."""
    enrolments: list[Any] = list(
        scoped(user, Enrolment).filter(person=person).select_related("agency")
        .order_by("status", "-started_on")
    )  # fmt: skip
    if permits(user, Enrolment, Action.CREATE) and person.anonymised_at is None:
        enrolments.append(EnrolLink(person.pk))  # the way to enrol them (by hand)
    if not enrolments:
        return None
    return Section(30, _("Monitoring"), "monitoring/person_section.html", enrolments)


@dataclass(frozen=True)
class EnrolLink:
    person: int
    is_link: bool = True
