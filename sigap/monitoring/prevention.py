"""Prevention down to the grassroots: recording activities, and the coverage that puts them
beside where returns, enrolments and cases come from, by district and village, so the task
force sees the places at risk that no prevention has reached yet."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, QuerySet, Sum
from django.utils import timezone

from sigap.cases.models import Case
from sigap.core import audit
from sigap.core.access import in_region, scope_of, within_region
from sigap.core.models import Region, RegionLevel, User
from sigap.imports.models import MigrantReturn
from sigap.monitoring.models import Enrolment, EnrolmentStatus, PreventionActivity
from sigap.monitoring.services import MonitoringError

PLACE_LEVELS = (RegionLevel.DISTRICT, RegionLevel.VILLAGE)
DISTRICT = 8  # characters of a district's code: 63.03.01
COVERAGE_MONTHS = 12  # prevention counts as reaching a place for this long


def activity_record(
    *, actor: User, region: Region, request: Any = None, **fields: Any
) -> PreventionActivity:
    """Record a prevention activity of the actor's agency in a district or village of their
    region. Raises MonitoringError."""
    scope = scope_of(actor)
    if scope is None or not scope.sees_identities or not in_region(region.code, scope.region_code):
        raise MonitoringError("region_out_of_scope")
    if region.level not in PLACE_LEVELS:
        raise MonitoringError("place_level")
    if fields["held_on"] > timezone.localdate():
        raise MonitoringError("future_date")
    activity = PreventionActivity.objects.create(
        region=region, agency_id=scope.agency_id, created_by=actor, **fields
    )
    details = {"region": region.code, "participants": activity.participants}
    audit.record(actor=actor, action="create", obj=activity, request=request, details=details)
    return activity


@dataclass
class Place:
    code: str
    name: str
    returns: int = 0
    enrolments: int = 0
    cases: int = 0
    activities: int = 0
    participants: int = 0
    last_activity: datetime.date | None = None

    @property
    def risk(self) -> int:
        return self.returns + self.enrolments + self.cases

    @property
    def unreached(self) -> bool:
        """At risk (something comes from here) and no prevention in the period."""
        return self.risk > 0 and self.activities == 0


def _place(code: str | None, area: str, depth: int) -> str | None:
    """The district (depth 8) or village (13) a region code falls in within `area`; None when
    it is outside or not that precise (a regency only)."""
    if not code or not in_region(code, area) or len(code) < depth:
        return None
    return code[:depth]


def coverage(user: Any, area: str, today: datetime.date | None = None) -> list[Place]:
    """The districts of `area` (a regency), or the villages of `area` (a district), each with
    the returns (by the person's home), active enrolments (by the person's home), cases (by
    origin) that come from it, and the prevention activities of the last COVERAGE_MONTHS;
    the places at risk that no prevention reached first."""
    today = today or timezone.localdate()
    depth = DISTRICT if len(area) <= 5 else 13
    level = RegionLevel.DISTRICT if depth == DISTRICT else RegionLevel.VILLAGE
    places = {
        code: Place(code, name)
        for code, name in Region.objects.filter(parent_id=area, level=level).values_list(
            "code", "name"
        )
    }

    def fold(rows: QuerySet[Any], field: str) -> Counter[str]:
        counts: Counter[str] = Counter()
        for code, count in rows.values_list(field).annotate(n=Count("pk")).order_by():
            place = _place(code, area, depth)
            if place in places:
                counts[place] += count
        return counts

    home = within_region("person__home_region", area)
    for name, counts in (
        ("returns", fold(MigrantReturn.objects.filter(home), "person__home_region_id")),
        ("enrolments", fold(Enrolment.objects.filter(home, status=EnrolmentStatus.ACTIVE),
                            "person__home_region_id")),
        ("cases", fold(Case.objects.filter(within_region("origin_region", area)),
                       "origin_region_id")),
    ):  # fmt: skip
        for code, count in counts.items():
            setattr(places[code], name, count)
    since = today - datetime.timedelta(days=round(COVERAGE_MONTHS * 30.44))
    activities = (
        PreventionActivity.objects.filter(within_region("region", area), held_on__gte=since)
        .values_list("region_id")
        .annotate(n=Count("pk"), people=Sum("participants"), last=Max("held_on"))
        .order_by()
    )
    for code, count, people, last in activities:
        place = _place(code, area, depth)
        if place in places:
            entry = places[place]
            entry.activities += count
            entry.participants += people or 0
            entry.last_activity = max(filter(None, (entry.last_activity, last)), default=None)
    return sorted(places.values(), key=lambda p: (not p.unreached, -p.risk, p.name))
