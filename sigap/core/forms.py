from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from sigap.core.models import Region, RegionLevel


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
                widget.attrs["class"] += " is-invalid"
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
