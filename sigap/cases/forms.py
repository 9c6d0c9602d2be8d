from __future__ import annotations

import re
from functools import partial
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sigap.cases.models import Case, CaseStatus, PartyRole, VictimStatus
from sigap.cases.screening import (
    CHECKLIST_NAMES,
    CHECKLISTS,
    ELEMENT_NAMES,
    ELEMENTS,
    Answer,
)
from sigap.cases.selectors import CaseFilters
from sigap.cases.vocabulary import MeansOfControl, Purpose
from sigap.core.access import IDENTITY_ROLES, scope_of, within_region
from sigap.core.forms import ParsedField, RegionField, StyledFormMixin
from sigap.core.models import Agency, Country, Role, User
from sigap.core.parsing import parse_date, resolve_country
from sigap.people.models import Person
from sigap.people.selectors import display_name


def _country(text: str) -> Country:
    return Country.objects.get(code=resolve_country(text))


def _apps(text: str) -> list[str]:
    """ "Facebook, WhatsApp; Telegram" -> ["Facebook", "WhatsApp", "Telegram"] (order kept,
    repeats dropped)."""
    names = [part.strip() for part in re.split(r"[,;\n]", text) if part.strip()]
    return list(dict.fromkeys(names))


class AppsField(forms.CharField):
    def prepare_value(self, value: Any) -> Any:
        return ", ".join(value) if isinstance(value, list) else value

    def clean(self, value: Any) -> list[str]:
        return _apps(super().clean(value) or "")


def yes_no_select(unknown: Any, yes: Any, no: Any) -> forms.NullBooleanSelect:
    """A select for True / False / None that shows the stored value as selected."""
    widget = forms.NullBooleanSelect()
    widget.choices = [("unknown", unknown), ("true", yes), ("false", no)]
    return widget


class CaseForm(StyledFormMixin, forms.ModelForm):
    """Registering and editing a case. Agencies and officers offered are those of the user's
    scope; the services check the scope again."""

    reported_on = ParsedField(partial(parse_date, past_only=True), label=_("Reported on"))
    incident_on = ParsedField(
        partial(parse_date, past_only=True), label=_("Incident date"), required=False
    )
    region = RegionField(
        label=_("Case region"), help_text=_("Where the case is handled, e.g. HSU or 63.03.")
    )
    origin_region = RegionField(
        label=_("Origin region"),
        required=False,
        help_text=_("Where the victim was recruited, down to the village if known."),
    )
    destination_country = ParsedField(
        _country,
        label=_("Destination country"),
        required=False,
        help_text=_('e.g. "Arab Saudi", "Malaysia (Sabah)", "Kamboja".'),
    )
    recruitment_apps = AppsField(
        label=_("Apps and websites used in recruitment"),
        required=False,
        help_text=_("Separated by commas, e.g. Facebook, WhatsApp, Telegram."),
    )
    placement_company_licensed = forms.NullBooleanField(
        label=_("Placement company licensed"),
        required=False,
        widget=yes_no_select(_("Unknown"), _("Licensed"), _("Not licensed")),
    )
    purposes = forms.MultipleChoiceField(
        label=_("Exploitation purposes"),
        choices=Purpose.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    means_of_control = forms.MultipleChoiceField(
        label=_("Means of control"),
        choices=MeansOfControl.choices,
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
            "lead_agency",
            "assigned_officer",
            "origin_region",
            "transit",
            "destination_country",
            "destination_place",
            "recruitment_method",
            "recruitment_apps",
            "placement_company",
            "placement_company_licensed",
            "purposes",
            "means_of_control",
            "narrative",
        )
        widgets = {"narrative": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        scope = scope_of(user)
        code = scope.region_code if scope else ""
        agencies = Agency.objects.filter(within_region("jurisdiction", code)).order_by("name")
        if scope is None or scope.role == Role.AGENCY_OFFICER:
            agencies = agencies.filter(pk=user.agency_id or 0)
        officers = User.objects.filter(is_active=True, agency__in=agencies, role__in=IDENTITY_ROLES)
        if self.instance.pk:  # what the case holds stays selectable, even outside the lists
            agencies = agencies | Agency.objects.filter(pk=self.instance.lead_agency_id)
            officers = officers | User.objects.filter(pk=self.instance.assigned_officer_id or 0)
        self.default_lead = (
            self.instance.lead_agency if self.instance.pk else getattr(user, "agency", None)
        )
        lead = self.fields["lead_agency"]
        lead.queryset = agencies.distinct()  # type: ignore[attr-defined]
        lead.required = False
        lead.help_text = _("Your own agency when left empty.")
        officer_field = self.fields["assigned_officer"]
        officer_field.queryset = officers.distinct().order_by("first_name", "username")  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        incident, reported = data.get("incident_on"), data.get("reported_on")
        if incident and reported and incident > reported:
            self.add_error("incident_on", _("The incident cannot be after the report."))
        officer = data.get("assigned_officer")
        lead = data.get("lead_agency") or self.default_lead
        if officer and lead and officer.agency_id != lead.pk:
            self.add_error("assigned_officer", _("The officer must belong to the lead agency."))
        return data

    def changes(self) -> dict[str, Any]:
        """The cleaned values for the services (an empty lead agency means the user's own)."""
        data = dict(self.cleaned_data)
        if data.get("lead_agency") is None:
            data.pop("lead_agency", None)
        return data


class CaseFilterForm(StyledFormMixin, forms.Form):
    """Filters carry no names or NIKs, so they may stay in the URL."""

    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *CaseStatus.choices]
    )
    region = RegionField(label=_("Region"), required=False)
    since = forms.DateField(
        label=_("Reported from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Reported until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    purpose = forms.ChoiceField(
        label=_("Exploitation"), required=False, choices=[("", _("All")), *Purpose.choices]
    )
    child = forms.NullBooleanField(
        label=_("Child victim"),
        required=False,
        widget=yes_no_select(_("All"), _("Yes"), _("No")),
    )
    lead_agency = forms.ModelChoiceField(
        label=_("Lead agency"),
        required=False,
        queryset=Agency.objects.order_by("name"),
        empty_label=_("All"),
        to_field_name="slug",
    )
    destination_country = ParsedField(
        _country,
        label=_("Destination country"),
        required=False,
        help_text=_('e.g. "Malaysia" or "MY".'),
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("-reported_on", _("Newest report first")),
            ("reported_on", _("Oldest report first")),
            ("-incident_on", _("Newest incident first")),
            ("incident_on", _("Oldest incident first")),
            ("reference", _("Reference number")),
            ("status", _("Status")),
        ],
    )

    def filters(self) -> CaseFilters:
        """The valid filters (an invalid form filters nothing and shows its errors)."""
        if not self.is_valid():
            return CaseFilters()
        data = {key: value for key, value in self.cleaned_data.items() if value not in ("", None)}
        return CaseFilters(**data)


class CaseSearchForm(StyledFormMixin, forms.Form):
    """Sent by POST, so a NIK or a name never appears in a URL or a server log."""

    reference = forms.CharField(
        label=_("Reference number"),
        required=False,
        max_length=40,
        help_text=_('Whole or its end, e.g. "2024/0007".'),
    )
    nik = forms.CharField(label=_("NIK of a person in the case"), required=False, max_length=40)
    name = forms.CharField(label=_("Name of a person in the case"), required=False, max_length=120)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not any(data.get(key) for key in ("reference", "nik", "name")):
            raise forms.ValidationError(_("Type a reference number, a NIK or a name."))
        return data


class PersonChoiceField(forms.ModelChoiceField):
    """Persons as the user may see them: the name (or the pseudonym, for a protected
    identity) with the pseudonym, so two people of one name can be told apart."""

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: Any) -> str:
        name = display_name(self.user, obj)
        return name if name == obj.pseudonym else f"{name} ({obj.pseudonym})"


class PartyForm(StyledFormMixin, forms.Form):
    person = PersonChoiceField(label=_("Person"), queryset=Person.objects.none())
    role = forms.ChoiceField(label=_("Role in the case"), choices=PartyRole.choices)

    def __init__(self, *args: Any, persons: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["person"]
        assert isinstance(field, PersonChoiceField)  # noqa: S101 - declared above
        field.queryset = persons
        field.user = user


class DocumentForm(StyledFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        required=False,
        help_text=_("e.g. Police report, passport scan. The file name when left empty."),
    )
    upload = forms.FileField(
        label=_("File"),
        help_text=_("PDF, photo or office document; checked by its content."),
    )


class NoteForm(StyledFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Note"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class VictimStatusForm(StyledFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Victim status"), choices=VictimStatus.choices)


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
