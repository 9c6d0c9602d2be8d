"""Access policy of cases (registered with core.access)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from sigap.cases.models import Case, CaseDocument, CaseNote, CaseParty
from sigap.core.access import Action, Scope, own_records, register


def case_filter(scope: Scope, prefix: str = "") -> Q:
    """The cases a scope sees, as a filter (used for cases and, with `prefix` "case__", for
    the rows that belong to a case)."""
    return own_records(scope, prefix, agency="lead_agency")


def persons_in_visible_cases(scope: Scope) -> Q:
    """A person is visible to whoever sees a case they are a party of (a semi-join: one row
    per person, however many cases)."""
    parties = CaseParty.objects.filter(case_filter(scope, "case__"), person_id=OuterRef("pk"))
    return Q(Exists(parties))


# Other ways a case may be seen, never changed (e.g. a referral that grants the whole case
# to the receiving agency): each gives a filter on cases, with the prefix of the case's path.
Grant = Callable[[Scope, str], Q]
CASE_GRANTS: list[Grant] = []


def visible_case_filter(scope: Scope, action: Action, prefix: str = "") -> Q:
    """case_filter, and for reading also the cases granted to the scope."""
    visible = case_filter(scope, prefix)
    if action == Action.VIEW:
        for grant in CASE_GRANTS:
            visible |= grant(scope, prefix)
    return visible


@register(Case)
def case_policy(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    """The secretariat and regency officers: cases handled in their region subtree; agency
    officers: the cases their agency leads there; anyone: to read, the cases granted to
    them. Other roles: none."""
    if not scope.sees_identities:
        return queryset.none()
    return queryset.filter(visible_case_filter(scope, action))


def _through_case(scope: Scope, queryset: QuerySet[Any], action: Action) -> QuerySet[Any]:
    """Parties, notes and documents are reached through their case."""
    if not scope.sees_identities:
        return queryset.none()
    return queryset.filter(visible_case_filter(scope, action, "case__"))


for _model in (CaseParty, CaseNote, CaseDocument):
    register(_model)(_through_case)
