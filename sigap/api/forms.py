from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from sigap.api.selectors import max_token_days, token_days
from sigap.core.forms import StyledFormMixin


class TokenForm(StyledFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=80,
        help_text=_("What the token is for, e.g. the name of the system that will use it."),
    )
    days = forms.IntegerField(label=_("Valid for (days)"), min_value=1)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        days = self.fields["days"]
        longest = max_token_days()
        days.initial = token_days()
        days.validators.append(MaxValueValidator(longest))
        days.widget.attrs["max"] = str(longest)
