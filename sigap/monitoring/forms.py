"""Monitoring forms: a follow-up (the questionnaire's questions as radio buttons, usable on a
phone) and the closing of an enrolment."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sigap.core.forms import RegionField, StyledFormMixin
from sigap.monitoring.models import FollowUpKind, Group, Questionnaire

ANSWER_PREFIX = "q_"


class FollowUpForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=FollowUpKind.choices,
                             widget=forms.RadioSelect)  # fmt: skip
    done_on = forms.DateField(
        label=_("Date"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    notes = forms.CharField(label=_("Notes"), required=False, max_length=5000,
                            widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip
    indications_found = forms.BooleanField(
        label=_("Indications of trafficking found"), required=False,
        help_text=_("Tick it when the answers or what you saw suggest trafficking: the case is "
                    "then opened from this follow-up."),
    )  # fmt: skip
    next_due = forms.DateField(
        label=_("Next follow-up (optional)"), required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        help_text=_("Left empty, SIGAP sets it by the risk found; you may only bring it "
                    "forward."),
    )  # fmt: skip

    def __init__(self, *args: Any, questionnaire: Questionnaire, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["done_on"].initial = timezone.localdate()
        self.questions = []
        for question in questionnaire.questions.prefetch_related("options"):
            name = ANSWER_PREFIX + question.key
            self.fields[name] = forms.ChoiceField(
                label=question.text, widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                choices=[(option.key, option.label) for option in question.options.all()],
            )  # fmt: skip
            self.questions.append(self[name])

    def answers(self) -> dict[str, str]:
        return {
            name.removeprefix(ANSWER_PREFIX): value
            for name, value in self.cleaned_data.items()
            if name.startswith(ANSWER_PREFIX)
        }


class EnrolForm(StyledFormMixin, forms.Form):
    group = forms.ChoiceField(label=_("Group"), choices=Group.choices)
    reason = forms.CharField(label=_("Reason"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("Why this person is watched, e.g. approached by a "
                                         "recruiter for work abroad."))  # fmt: skip
    region = RegionField(label=_("Region where they are followed up"), required=False,
                         help_text=_("Their home region when left empty."))  # fmt: skip
    started_on = forms.DateField(label=_("Start date"), required=False,
                                 widget=forms.DateInput(format="%Y-%m-%d",
                                                        attrs={"type": "date"}))  # fmt: skip


class CloseForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason for closing"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip
