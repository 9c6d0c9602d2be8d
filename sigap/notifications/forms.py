from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from sigap.core.forms import StyledFormMixin


class EmailSettingForm(StyledFormMixin, forms.Form):
    email_notifications = forms.BooleanField(
        label=_("Also send my notifications and reminders by email"), required=False
    )
