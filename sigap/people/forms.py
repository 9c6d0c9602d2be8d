from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sigap.core.access import Scope, in_region
from sigap.core.forms import ParsedField, RegionField, StyledFormMixin
from sigap.core.models import Country
from sigap.core.parsing import ParseError, parse_date, parse_nik, parse_phone
from sigap.people.models import Person
from sigap.people.services import years_old

CHILD_AGE = 18  # Law 21/2007: a child is under 18


class PersonForm(StyledFormMixin, forms.ModelForm):
    nik = forms.CharField(
        label=_("NIK"),
        required=False,
        max_length=40,
        help_text=_("16 digits, as on the KTP or family card."),
    )
    nik_keep_invalid = forms.BooleanField(
        label=_("Keep the NIK as written although it fails the checks"),
        required=False,
        help_text=_(
            "Only when the person's document shows it so; the NIK is then marked as not valid."
        ),
    )
    birth_date = ParsedField(
        partial(parse_date, past_only=True),
        label=_("Birth date"),
        required=False,
        help_text=_("Day first, e.g. 12/03/1990 or 12 Maret 1990."),
    )
    estimated_age = forms.IntegerField(
        label=_("Estimated age (years)"),
        required=False,
        min_value=0,
        max_value=120,
        help_text=_("When the birth date is not known; the birth date is then an estimate."),
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
        self.nik_problem = ""
        order = list(self.fields)
        for extra, after in (("nik_keep_invalid", "nik"), ("estimated_age", "birth_date")):
            order.remove(extra)
            order.insert(order.index(after) + 1, extra)
        self.order_fields(order)
        self.fields["citizenship"].queryset = Country.objects.order_by("name_id")  # type: ignore[attr-defined]
        self.fields["citizenship"].initial = "ID"
        if not self.instance.pk:
            self.fields["region"].initial = scope.region_code
        self.fields["nik_keep_invalid"].initial = bool(self.instance.nik_problem)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        today = timezone.localdate()
        if data.get("estimated_age") is not None and not data.get("birth_date"):
            # The middle of the year the person would be born in: off by at most half a year.
            data["birth_date"] = date(today.year - data["estimated_age"], 7, 1)
            data["birth_date_estimated"] = True
        born = data.get("birth_date")
        consent = data.get("consent_services") or data.get("consent_share")
        guardian = data.get("consent_by_guardian")
        if born and consent and not guardian and years_old(born, today) < CHILD_AGE:
            self.add_error(
                "consent_by_guardian",
                _("This person is a child: consent must come from a parent or guardian."),
            )
        return data

    def person_fields(self) -> dict[str, Any]:
        """The cleaned values as the services take them (texts never None)."""
        nullable = {"birth_date", "citizenship", "home_region", "region"}
        fields = {
            key: value if value is not None or key in nullable else ""
            for key, value in self.cleaned_data.items()
            if key not in {"nik_keep_invalid", "estimated_age"}
        }
        fields["nik_problem"] = self.nik_problem
        return fields

    def clean_nik(self) -> str:
        """A valid NIK in its standard form; an invalid one only when the officer keeps it as
        written, with the reason recorded in `nik_problem` (never silently fixed)."""
        text = (self.cleaned_data.get("nik") or "").strip()
        self.nik_problem = ""
        if not text:
            return ""
        try:
            return parse_nik(text).value
        except ParseError as error:
            if self.data.get(self.add_prefix("nik_keep_invalid")) in ("on", "true", "1"):
                self.nik_problem = error.code
                return text
            raise error.as_validation_error() from None

    def clean_region(self) -> Any:
        region = self.cleaned_data["region"]
        if self.instance.pk and region is not None and region.pk == self.instance.region_id:
            return region  # unchanged: e.g. a person seen through a case, registered elsewhere
        if region is not None and not in_region(region.code, self.scope.region_code):
            raise forms.ValidationError(_("You can only register persons in your own work region."))
        return region


class PersonSearchForm(StyledFormMixin, forms.Form):
    """Sent by POST, so a NIK or a name never appears in a URL or a server log."""

    nik = forms.CharField(label=_("NIK"), required=False, max_length=40)
    name = forms.CharField(label=_("Name"), required=False, max_length=120)
