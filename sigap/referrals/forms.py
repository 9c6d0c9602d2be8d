from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sigap.cases.models import VICTIM_ROLES, Case
from sigap.core.forms import ParsedField, RegionField, StyledFormMixin
from sigap.core.models import Agency
from sigap.core.parsing import parse_date
from sigap.people.selectors import display_name
from sigap.referrals.models import ServiceType


class ReferralForm(StyledFormMixin, forms.Form):
    party = forms.ChoiceField(label=_("Victim"))
    service_type = forms.ModelChoiceField(
        label=_("Service"), queryset=ServiceType.objects.filter(is_active=True)
    )
    to_agency = forms.ModelChoiceField(
        label=_("To agency"), queryset=Agency.objects.filter(is_active=True).order_by("name")
    )
    reason = forms.CharField(
        label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    grants_whole_case = forms.BooleanField(
        label=_("Let the receiving agency read the whole case"),
        required=False,
        help_text=_("Otherwise it sees only the referred person and their screening."),
    )
    consent_override_reason = forms.CharField(
        label=_("Reason for referring without the victim's consent (secretariat only)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, case: Case, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        victims = case.parties.filter(role__in=VICTIM_ROLES).select_related("person")
        self.parties = {str(party.pk): party for party in victims}
        field = self.fields["party"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 - declared above
        field.choices = [(str(party.pk), display_name(user, party.person)) for party in victims]
        agencies = self.fields["to_agency"]
        agencies.queryset = agencies.queryset.exclude(pk=user.agency_id or 0)  # type: ignore[attr-defined]

    def clean_party(self) -> Any:
        return self.parties[self.cleaned_data["party"]]


class ServiceRecordForm(StyledFormMixin, forms.Form):
    delivered_on = ParsedField(
        lambda text: parse_date(text, past_only=True), label=_("Delivered on")
    )
    description = forms.CharField(
        label=_("What was done"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class AgencyServiceForm(StyledFormMixin, forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Agency"), queryset=Agency.objects.filter(is_active=True).order_by("name")
    )
    service_type = forms.ModelChoiceField(
        label=_("Service"), queryset=ServiceType.objects.filter(is_active=True)
    )
    region = RegionField(
        label=_("Region"), help_text=_("Where the agency provides it (its jurisdiction or part).")
    )
