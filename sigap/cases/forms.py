from __future__ import annotations

from functools import partial
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sigap.cases.models import Case, CaseStatus, PartyRole
from sigap.cases.screening import (
    CHECKLIST_NAMES,
    CHECKLISTS,
    ELEMENT_NAMES,
    ELEMENTS,
    Answer,
)
from sigap.cases.vocabulary import Purpose
from sigap.core.forms import ParsedField, RegionField, StyledFormMixin
from sigap.core.models import Country
from sigap.core.parsing import parse_date, resolve_country
from sigap.people.models import Person


def _country(text: str) -> Country:
    return Country.objects.get(code=resolve_country(text))


class CaseForm(StyledFormMixin, forms.ModelForm):
    reported_on = ParsedField(partial(parse_date, past_only=True), label=_("Reported on"))
    incident_on = ParsedField(
        partial(parse_date, past_only=True), label=_("Incident date"), required=False
    )
    region = RegionField(
        label=_("Case region"), help_text=_("Where the case is handled, e.g. HSU or 63.03.")
    )
    destination_country = ParsedField(
        _country,
        label=_("Destination country"),
        required=False,
        help_text=_('e.g. "Arab Saudi", "Malaysia (Sabah)", "Kamboja".'),
    )
    purposes = forms.MultipleChoiceField(
        label=_("Exploitation purposes"),
        choices=Purpose.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Case
        fields = (
            "reported_on",
            "incident_on",
            "source",
            "region",
            "destination_country",
            "destination_place",
            "transit",
            "recruitment_method",
            "placement_company",
            "purposes",
            "narrative",
        )
        widgets = {"narrative": forms.Textarea(attrs={"rows": 4})}


class CaseFilterForm(StyledFormMixin, forms.Form):
    """Filters carry no names or NIKs, so they may stay in the URL."""

    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *CaseStatus.choices]
    )
    region = RegionField(label=_("Region"), required=False)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class PartyForm(StyledFormMixin, forms.Form):
    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.none())
    role = forms.ChoiceField(label=_("Role in the case"), choices=PartyRole.choices)

    def __init__(self, *args: Any, persons: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = persons  # type: ignore[attr-defined]


ANSWER_CHOICES = [
    (Answer.YES.value, _("Yes")),
    (Answer.NO.value, _("No")),
    (Answer.UNKNOWN.value, _("Unknown")),
]


class ScreeningForm(forms.Form):
    """One yes / no / unknown question per act, means and purpose, and per item of the
    indicator checklists (fields `act__recruitment`, `indicators__deception`, ...)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for element, choices in {**ELEMENTS, **CHECKLISTS}.items():
            for value, label in choices.choices:
                self.fields[f"{element}__{value}"] = forms.ChoiceField(
                    label=label,
                    choices=ANSWER_CHOICES,
                    initial=Answer.UNKNOWN.value,
                    widget=forms.RadioSelect,
                    required=False,  # a question left unanswered is unknown
                )

    def answers(self) -> dict[str, dict[str, str]]:
        result: dict[str, dict[str, str]] = {name: {} for name in (*ELEMENTS, *CHECKLISTS)}
        for key, value in self.cleaned_data.items():
            element, item = key.split("__", 1)
            result[element][item] = value or Answer.UNKNOWN.value
        return result

    def _groups(self, names: dict[str, Any], sets: dict[str, Any]) -> list[tuple[Any, list[Any]]]:
        return [
            (names[name], [self[f"{name}__{value}"] for value in choices.values])
            for name, choices in sets.items()
        ]

    def groups(self) -> list[tuple[Any, list[Any]]]:
        """The elements that decide the result."""
        return self._groups(ELEMENT_NAMES, ELEMENTS)

    def checklist_groups(self) -> list[tuple[Any, list[Any]]]:
        """The indicator checklists, recorded but not deciding."""
        return self._groups(CHECKLIST_NAMES, CHECKLISTS)
