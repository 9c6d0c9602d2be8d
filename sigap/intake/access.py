"""Who reads public reports: the triage officers and the secretariat, for reports of their
region (and, at the province, reports that name no place)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from sigap.core.access import Action, Scope, register, within_region
from sigap.core.models import Role
from sigap.intake.models import PublicReport, ReportAttachment, ReportMessage

TRIAGE_ROLES = frozenset({Role.TRIAGE, Role.SECRETARIAT})


def report_filter(scope: Scope, prefix: str = "") -> Q:
    visible = within_region(f"{prefix}regency", scope.region_code)
    if len(scope.region_code) == 2:  # a province also takes reports that name no place
        visible |= Q(**{f"{prefix}regency__isnull": True})
    return visible


@register(PublicReport)
def report_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    if scope.role not in TRIAGE_ROLES:
        return queryset.none()
    return queryset.filter(report_filter(scope))


def _through_report(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    if scope.role not in TRIAGE_ROLES:
        return queryset.none()
    return queryset.filter(report_filter(scope, "report__"))


for _model in (ReportAttachment, ReportMessage):
    register(_model)(_through_report)
