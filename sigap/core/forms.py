from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from sigap.core.access import in_region
from sigap.core.models import Agency, Region, RegionLevel, User
from sigap.core.parsing import ParseError, resolve_region


class StyledFormMixin:
    """Gives every widget its Bootstrap class and ties help and error texts to it
    (aria-describedby, aria-invalid), so every form is styled and accessible the same way."""

    fields: dict[str, forms.Field]
    errors: Any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput | forms.RadioSelect):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()
            if field.help_text:
                widget.attrs["aria-describedby"] = f"id_{name}_helptext"

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-invalid"] = "true"
                # (fields a form adds after __init__ may have no class of their own)
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid".strip()
                described = widget.attrs.get("aria-describedby", "")
                widget.attrs["aria-describedby"] = f"{described} id_{name}_error".strip()


class LoginForm(StyledFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Wrong username or password. Check upper and lower case letters and try again."
        ),
        "inactive": _("This account is not active. Ask the administrator of your task force."),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Username")
        self.fields["password"].label = _("Password")


class RegionLookupForm(StyledFormMixin, forms.Form):
    q = forms.CharField(
        label=_("Name or code"),
        max_length=120,
        help_text=_('For example "HSU", "Kab. Banjar", "Martapura, Banjar" or "63.03".'),
    )
    within = forms.ChoiceField(label=_("Look first in"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        provinces = Region.objects.filter(level=RegionLevel.PROVINCE).order_by("name")
        within = self.fields["within"]
        assert isinstance(within, forms.ChoiceField)  # noqa: S101 - declared above
        within.choices = [("", _("All of Indonesia")), *((p.code, p.name) for p in provinces)]
        within.initial = settings.SIGAP_HOME_REGION


class RegionField(forms.CharField):
    """A region typed as a name, a nickname or a code ("HSU", "Kab. Banjar", "63.03"),
    resolved inside the deployment's home province first; the parser's reason is the error."""

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Region):
            return f"{value.code} {value.name}"
        if (
            isinstance(value, str)
            and value
            and (region := Region.objects.filter(code=value).first())
        ):
            return f"{region.code} {region.name}"
        return value

    def clean(self, value: Any) -> Region | None:
        text = super().clean(value)
        if not text:
            return None
        code = text.split(" ", 1)[0] if text[:2].isdigit() else text
        try:
            ref = resolve_region(code, within=settings.SIGAP_HOME_REGION)
        except ParseError as error:
            raise error.as_validation_error() from None
        region = Region.objects.filter(code=ref.code).first()
        if region is None:
            raise forms.ValidationError(_("This region is not in the reference data."))
        return region


class UserForm(StyledFormMixin, forms.ModelForm):
    region = RegionField(
        label=_("Work region"),
        help_text=_('The region this user works in, e.g. "63" (whole province) or "HSU".'),
    )
    password = forms.CharField(
        label=_("Initial password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters. Give it to the user in person; they change it."),
    )

    class Meta:
        model = User
        fields = ("username", "first_name", "last_name", "email", "agency", "role", "region")

    def __init__(self, *args: Any, actor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actor = actor
        self.fields["agency"].queryset = Agency.objects.filter(is_active=True)  # type: ignore[attr-defined]
        if self.instance.pk:
            del self.fields["password"]

    def clean_region(self) -> Region | None:
        """An administrator gives work regions inside their own."""
        region: Region | None = self.cleaned_data["region"]
        if region is not None and not in_region(region.code, self.actor.region_id or ""):
            raise forms.ValidationError(_("Choose a region inside your own work region."))
        return region

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        password_validation.validate_password(password, self.instance)
        return str(password)


class TransferWorkForm(StyledFormMixin, forms.Form):
    to_user = forms.ModelChoiceField(
        label=_("Hand the open work over to"), queryset=User.objects.none()
    )

    def __init__(self, *args: Any, from_user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        colleagues = User.objects.filter(is_active=True, agency=from_user.agency)
        self.fields["to_user"].queryset = colleagues.exclude(pk=from_user.pk)  # type: ignore[attr-defined]


class ParsedField(forms.CharField):
    """A text field read by one of the Indonesian parsers; the parser's reason is the error."""

    def __init__(self, parser: Callable[[str], Any], **kwargs: Any) -> None:
        self.parser = parser
        super().__init__(**kwargs)

    def clean(self, value: Any) -> Any:
        text = super().clean(value)
        if not text:
            return None
        try:
            return self.parser(text)
        except ParseError as error:
            raise error.as_validation_error() from None
