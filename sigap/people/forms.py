from __future__ import annotations

from functools import partial
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sigap.core.access import Scope
from sigap.core.forms import ParsedField, RegionField, StyledFormMixin
from sigap.core.models import Country
from sigap.core.parsing import parse_date, parse_nik, parse_phone
from sigap.people.models import Person

CHILD_AGE = 18  # Law 21/2007: a child is under 18


class PersonForm(StyledFormMixin, forms.ModelForm):
    nik = ParsedField(
        lambda text: parse_nik(text).value,
        label=_("NIK"),
        required=False,
        help_text=_("16 digits, as on the KTP or family card."),
    )
    birth_date = ParsedField(
        partial(parse_date, past_only=True),
        label=_("Birth date"),
        required=False,
        help_text=_("Day first, e.g. 12/03/1990 or 12 Maret 1990."),
    )
    phone = ParsedField(parse_phone, label=_("Phone"), required=False)
    home_region = RegionField(label=_("Home region"), required=False)
    region = RegionField(
        label=_("Region of this record"),
        help_text=_("Decides who may see the person: officers working in this region."),
    )

    class Meta:
        model = Person
        fields = (
            "full_name",
            "aliases",
            "nik",
            "sex",
            "birth_date",
            "birth_date_estimated",
            "citizenship",
            "home_region",
            "phone",
            "address",
            "consent_services",
            "consent_share",
            "consent_by_guardian",
            "identity_protected",
            "region",
        )
        widgets = {
            "aliases": forms.Textarea(attrs={"rows": 2}),
            "address": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, scope: Scope, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.scope = scope
        self.fields["citizenship"].queryset = Country.objects.order_by("name_id")  # type: ignore[attr-defined]
        self.fields["citizenship"].initial = "ID"
        if not self.instance.pk:
            self.fields["region"].initial = scope.region_code

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        born = data.get("birth_date")
        consent = data.get("consent_services") or data.get("consent_share")
        if born and consent and not data.get("consent_by_guardian"):
            today = timezone.localdate()
            age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
            if age < CHILD_AGE:
                self.add_error(
                    "consent_by_guardian",
                    _("This person is a child: consent must come from a parent or guardian."),
                )
        return data

    def clean_region(self) -> Any:
        region = self.cleaned_data["region"]
        code = self.scope.region_code
        if region is not None and region.code != code and not region.code.startswith(code + "."):
            raise forms.ValidationError(_("You can only register persons in your own work region."))
        return region


class PersonSearchForm(StyledFormMixin, forms.Form):
    """Sent by POST, so a NIK or a name never appears in a URL or a server log."""

    nik = forms.CharField(label=_("NIK"), required=False, max_length=40)
    name = forms.CharField(label=_("Name"), required=False, max_length=120)
