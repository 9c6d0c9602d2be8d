"""The public report form: only what happened (and the consent) is required; a reporter
stays anonymous unless they choose to leave a contact. A hidden field catches bots."""

from __future__ import annotations

import functools
from typing import Any, ClassVar

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from sigap.core.forms import ParsedField, RegionField, StyledFormMixin
from sigap.core.models import Country, Region, RegionLevel
from sigap.core.parsing import ParseError, parse_date, parse_phone
from sigap.intake.models import (
    Channel,
    InfoPage,
    PlacementCompany,
    PublicStatus,
    YesNoUnknown,
)

MAX_TEXT = 5000


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


def home_regencies() -> Any:
    return _regencies_of(settings.SIGAP_HOME_REGION).all()


@functools.cache
def _regencies_of(province: str) -> Any:
    """Built once per process (each public form would otherwise build the same query again);
    every caller gets its own copy, evaluated afresh."""
    return Region.objects.filter(level=RegionLevel.REGENCY, parent_id=province).order_by("name")


@functools.cache
def _countries() -> Any:
    return Country.objects.order_by("name_id")


class ReportForm(forms.Form):
    what_happened = forms.CharField(
        label=_("What happened?"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Tell it in your own words: who, what, where. This is the only required part."),
    )
    regency = forms.ModelChoiceField(
        label=_("Regency or city"),
        queryset=Region.objects.none(),
        required=False,
        empty_label=_("(don't know / elsewhere)"),
    )
    place = forms.CharField(label=_("District and village"), max_length=300, required=False)
    when = forms.CharField(
        label=_("When?"), max_length=100, required=False,
        help_text=_("A date, or e.g. \"last week\"."),
    )  # fmt: skip
    people_at_risk = forms.IntegerField(
        label=_("How many people are at risk?"), min_value=1, max_value=10_000, required=False
    )
    children_involved = forms.ChoiceField(
        label=_("Are children involved?"),
        choices=YesNoUnknown.choices,
        initial=YesNoUnknown.UNKNOWN,
        widget=forms.RadioSelect,
    )
    urgent = forms.BooleanField(label=_("Someone is in danger now"), required=False)
    destination_country = forms.ModelChoiceField(
        label=_("Destination country, if known"),
        queryset=Country.objects.none(),
        required=False,
        empty_label=_("(don't know / not abroad)"),
    )
    recruiters = forms.CharField(
        label=_("Names of recruiters or companies"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    anonymous = forms.TypedChoiceField(
        label=_("Do you want to be contacted?"),
        choices=[
            ("yes", _("No, I stay anonymous")),
            ("no", _("Yes, you may contact me")),
        ],
        coerce=lambda value: value == "yes",
        initial="yes",
        widget=forms.RadioSelect,
    )
    contact_name = forms.CharField(label=_("Your name"), max_length=150, required=False)
    contact_phone = forms.CharField(label=_("Phone number"), max_length=30, required=False)
    contact_whatsapp = forms.CharField(label=_("WhatsApp number"), max_length=30, required=False)
    consent = forms.BooleanField(
        label=_(
            "I agree that the task force stores this report and uses it to help the people at "
            "risk. My contact, if I give one, is used only to reach me about this report."
        )
    )
    attachments = MultipleFileField(
        label=_("Photos or PDF (optional, up to 3)"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,.pdf"}),
    )
    # A field people never see (hidden by the style sheet and from screen readers, out of the
    # keyboard's path, never autofilled by the browser); bots fill it.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        regency = self.fields["regency"]
        regency.queryset = home_regencies()  # type: ignore[attr-defined]
        regency.label_from_instance = lambda region: region.name  # type: ignore[attr-defined]
        self.fields["destination_country"].queryset = _countries()  # type: ignore[attr-defined]

    def _phone(self, name: str) -> str:
        text = self.cleaned_data.get(name, "").strip()
        if not text:
            return ""
        try:
            return parse_phone(text)
        except ParseError as error:
            raise error.as_validation_error() from None

    def clean_contact_phone(self) -> str:
        return self._phone("contact_phone")

    def clean_contact_whatsapp(self) -> str:
        return self._phone("contact_whatsapp")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        wants_contact = data.get("anonymous") is False
        reachable = data.get("contact_phone") or data.get("contact_whatsapp")
        if wants_contact and not reachable and "contact_phone" not in self.errors:
            message = _("Give a phone or WhatsApp number, or choose to stay anonymous.")
            self.add_error("contact_phone", ValidationError(message))
        return data

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def report_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        for name in ("attachments", "website"):
            data.pop(name, None)
        return data


class OfficerReportForm(StyledFormMixin, ReportForm):
    """A report received by phone (SAPA 129), WhatsApp, a walk-in or a letter, recorded by a
    triage officer: the same fields, and the channel."""

    channel = forms.ChoiceField(
        label=_("Received by"),
        choices=[(value, label) for value, label in Channel.choices if value != Channel.WEB],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["website"]
        self.fields["consent"].label = _("The reporter agreed that the report is stored and used.")

    def report_fields(self) -> dict[str, Any]:
        data = super().report_fields()
        data.pop("channel", None)
        return data


class MessageForm(StyledFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Message to the reporter (shown on the tracking page)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Never name the people in the report: anyone holding the code reads it."),
    )
    status = forms.ChoiceField(
        label=_("Public status"), choices=[("", _("(unchanged)")), *PublicStatus.choices],
        required=False,
    )  # fmt: skip


class CompanyForm(StyledFormMixin, forms.ModelForm):
    valid_until = ParsedField(parse_date, label=_("Valid until"), required=False)
    province = RegionField(label=_("Province"), required=False)

    class Meta:
        model = PlacementCompany
        fields = ("name", "licence_number", "status", "valid_until", "province", "address")


class CompanyImportForm(StyledFormMixin, forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: nama, nomor izin, status (aktif, dibekukan, dicabut, kedaluwarsa), "
            "berlaku sampai, provinsi, alamat. Comma or semicolon; UTF-8 or Windows-1252."
        ),
    )


class InfoPageForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = InfoPage
        fields = ("title_id", "body_id", "title_en", "body_en", "order")
        widgets: ClassVar = {
            "body_id": forms.Textarea(attrs={"rows": 12}),
            "body_en": forms.Textarea(attrs={"rows": 12}),
        }
