"""Reads on cases: the filtered, sorted list and the search, always within the user's scope."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import F, Q, QuerySet, prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sigap.cases.models import Case, CaseParty
from sigap.core.access import permits, scope_of, scoped, within_region
from sigap.core.models import Agency, Country, Region, RegionLevel
from sigap.core.sections import Section
from sigap.core.selectors import HomeAction
from sigap.people.models import Person
from sigap.people.selectors import matching

# Sort keys offered by the list (the URL carries the key, never a field name).
SORTS: dict[str, tuple[Any, ...]] = {
    "-reported_on": ("-reported_on", "-id"),
    "reported_on": ("reported_on", "id"),
    # Cases without an incident date: last going up, first going down, on SQLite as on
    # PostgreSQL (whose index on incident_on serves both directions so).
    "-incident_on": (F("incident_on").desc(nulls_first=True), "-id"),
    "incident_on": (F("incident_on").asc(nulls_last=True), "id"),
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


REFERENCE_END = re.compile(r"^(\d{4})/(\d{1,4})$")


def case_search(user: Any, *, reference: str = "", nik: str = "", name: str = "") -> QuerySet[Case]:
    """Cases in scope by reference number (whole, or its end such as "2024/0007"), or with a
    party whose NIK is `nik` (exact) or whose name sounds like `name`. Persons whose identity
    the user may not see are not matched by NIK or name (see people.selectors)."""
    cases = scoped(user, Case)
    if reference:
        cases = cases.filter(_reference_filter(user, reference))
    if nik or name:
        # The parties of cases in scope are in the user's sight through those cases, so the
        # persons need no scope of their own here: only the identity rule.
        persons = matching(user, Person.objects.all(), nik=nik, name=name).values("pk")
        with_them = CaseParty.objects.filter(person__in=persons).values("case_id")
        cases = cases.filter(pk__in=with_them)
    # No joins here: a name may match thousands of cases, and joining each before the sort
    # costs more than the search; the page fetches what it shows (with_labels).
    return cases.order_by(*SORTS[DEFAULT_SORT])


def with_labels(cases: list[Case]) -> list[Case]:
    """The region, lead agency and destination of cases already fetched (three queries)."""
    prefetch_related_objects(cases, "region", "lead_agency", "destination_country")
    return cases


def _reference_filter(user: Any, reference: str) -> Q:
    """A whole reference matches exactly; "2024/7" or "2024/0007" matches the references of
    that year and number in the user's province and regencies (an index lookup, not a scan);
    any other text matches the end of the reference."""
    text = reference.strip().upper().lstrip("/")
    if text.startswith("TPPO/"):
        return Q(reference=text)
    end = REFERENCE_END.match(text)
    scope = scope_of(user)
    if end is None or scope is None:
        return Q(reference__endswith=f"/{text}")
    year, number = end.group(1), int(end.group(2))
    province = scope.region_code[:2]
    codes = [
        province,
        *Region.objects.filter(
            code__startswith=f"{province}.", level=RegionLevel.REGENCY
        ).values_list("code", flat=True),
    ]
    return Q(reference__in=[f"TPPO/{code}/{year}/{number:04d}" for code in codes])


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


def person_section(user: Any, person: Person) -> Section | None:
    """The cases of a person's page: those the user may see, with the person's role."""
    parties = list(
        CaseParty.objects.filter(person=person, case__in=scoped(user, Case))
        .select_related("case")
        .order_by("-case__reported_on", "-case_id")
    )
    return Section(10, _("Cases"), "cases/person_section.html", parties) if parties else None
