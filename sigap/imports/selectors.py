"""What the import pages read, and the home page's entry to them."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from sigap.core.access import Action, permits, scoped
from sigap.core.parsing import country_name, region_name
from sigap.core.sections import Section
from sigap.core.selectors import HomeAction
from sigap.imports.models import ImportBatch, MigrantReturn, ReturnReason
from sigap.imports.services import Outcome
from sigap.people.models import Person


def home_actions(user: Any) -> list[HomeAction]:
    if not permits(user, ImportBatch, Action.CREATE):
        return []
    return [
        HomeAction(
            _("Imports of lists"),
            _("Import the lists of returned migrant workers that BP3MI and others send."),
            reverse("imports:batch_list"),
            _("Imports"),
        )
    ]


def preview_rows(outcomes: list[Outcome]) -> list[dict[str, Any]]:
    """Preview rows with names for the codes (regency, country, reason) in the user's language."""
    language = (get_language() or "id")[:2]
    rows = []
    for outcome in outcomes:
        values = outcome.values
        rows.append({
            "number": outcome.number, "status": outcome.status, "reasons": outcome.reasons,
            "name": values.name, "nik": values.nik, "sex": values.sex,
            "birth_date": values.birth_date, "return_date": values.return_date,
            "regency": region_name(values.regency_code) if values.regency_code else "",
            "country": country_name(values.country_code, language) if values.country_code else "",
            "reason": ReturnReason(values.reason).label if values.reason else "",
        })  # fmt: skip
    return rows


def person_section(user: Any, person: Person) -> Section | None:
    """The returns of a person's page that the user's scope holds, latest first."""
    returns = list(
        scoped(user, MigrantReturn).filter(person=person).select_related("destination_country")
    )
    return Section(20, _("Returns"), "imports/person_section.html", returns) if returns else None
