"""Reads on cases: the filtered, sorted list and the search, always within the user's scope."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sigap.cases.models import Case
from sigap.core.access import permits, scoped, within_region
from sigap.core.models import Agency, Country, Region
from sigap.core.selectors import HomeAction
from sigap.people.selectors import person_search

# Sort keys offered by the list (the URL carries the key, never a field name).
SORTS: dict[str, tuple[str, ...]] = {
    "-reported_on": ("-reported_on", "-id"),
    "reported_on": ("reported_on", "id"),
    "-incident_on": ("-incident_on", "-id"),
    "incident_on": ("incident_on", "id"),
    "reference": ("reference",),
    "-reference": ("-reference",),
    "status": ("status", "-reported_on", "-id"),
}
DEFAULT_SORT = "-reported_on"


@dataclass(frozen=True)
class CaseFilters:
    """What the case list may be filtered by. None of it names a person, so it may travel in
    a URL."""

    status: str = ""
    region: Region | None = None
    since: date | None = None
    until: date | None = None
    purpose: str = ""
    child: bool | None = None
    lead_agency: Agency | None = None
    destination_country: Country | None = None
    sort: str = DEFAULT_SORT


def json_list_contains(field: str, value: str) -> Q:
    """Rows whose JSON list `field` holds `value` (a vocabulary key). PostgreSQL answers
    with `@>` (GIN-indexable); SQLite has no JSON containment, and since keys are plain
    identifiers its text form is matched with the quotes around the key."""
    if connection.vendor == "postgresql":
        return Q(**{f"{field}__contains": [value]})
    return Q(**{f"{field}__icontains": f'"{value}"'})


def cases_for(user: Any, filters: CaseFilters | None = None) -> QuerySet[Case]:
    """The cases in the user's scope that match `filters`, sorted."""
    filters = filters or CaseFilters()
    cases = scoped(user, Case)
    if filters.status:
        cases = cases.filter(status=filters.status)
    if filters.region is not None:
        cases = cases.filter(within_region("region", filters.region.code))
    if filters.since:
        cases = cases.filter(reported_on__gte=filters.since)
    if filters.until:
        cases = cases.filter(reported_on__lte=filters.until)
    if filters.purpose:
        cases = cases.filter(json_list_contains("purposes", filters.purpose))
    if filters.child is not None:
        cases = cases.filter(child_victim=filters.child)
    if filters.lead_agency is not None:
        cases = cases.filter(lead_agency=filters.lead_agency)
    if filters.destination_country is not None:
        cases = cases.filter(destination_country=filters.destination_country)
    order = SORTS.get(filters.sort, SORTS[DEFAULT_SORT])
    return cases.select_related("region", "lead_agency", "destination_country").order_by(*order)


def case_search(user: Any, *, reference: str = "", nik: str = "", name: str = "") -> QuerySet[Case]:
    """Cases in scope by reference number (whole or its end, e.g. "2024/0007"), or with a
    party whose NIK is `nik` (exact) or whose name sounds like `name`. Persons whose identity
    the user may not see are not matched by NIK or name (see people.selectors)."""
    cases = scoped(user, Case)
    if reference:
        text = reference.strip().upper()
        cases = cases.filter(Q(reference=text) | Q(reference__endswith=f"/{text.lstrip('/')}"))
    if nik or name:
        persons = person_search(user, nik=nik, name=name).values("pk")
        cases = cases.filter(parties__person__in=persons).distinct()
    return cases.select_related("region", "lead_agency", "destination_country").order_by(
        *SORTS[DEFAULT_SORT]
    )


def home_actions(user: Any) -> list[HomeAction]:
    if not permits(user, Case):
        return []
    return [
        HomeAction(
            _("Cases"),
            _("Register and screen cases, follow their status and timeline."),
            reverse("cases:case_list"),
            _("Cases"),
        )
    ]
