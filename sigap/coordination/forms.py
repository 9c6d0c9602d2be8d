from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from sigap.coordination.models import ActionStatus, MeetingLevel
from sigap.core.access import within_region
from sigap.core.forms import ParsedField, RegionField, StyledFormMixin
from sigap.core.models import Agency, User
from sigap.core.parsing import parse_date


def participant_agencies(region_code: str) -> QuerySet[Agency]:
    """The agencies that may take part in a meeting of a region: those of the region and
    below it, and the province's."""
    return Agency.objects.filter(
        within_region("jurisdiction", region_code) | Q(jurisdiction_id=region_code[:2]),
        is_active=True,
    ).order_by("name")


class MeetingForm(StyledFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    level = forms.ChoiceField(label=_("Level"), choices=MeetingLevel.choices)
    region = RegionField(label=_("Region"))
    held_on = ParsedField(parse_date, label=_("Date"))
    starts_at = forms.TimeField(
        label=_("Starts at"),
        required=False,
        help_text=_("For example 09.00 or 09:00 (local time)."),
        input_formats=["%H:%M", "%H.%M"],
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    agenda = forms.CharField(
        label=_("Agenda"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    agencies = forms.ModelMultipleChoiceField(
        label=_("Invited agencies"),
        queryset=Agency.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, region_code: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["agencies"].queryset = participant_agencies(region_code)  # type: ignore[attr-defined]


class DecisionForm(StyledFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Decision"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ActionItemForm(StyledFormMixin, forms.Form):
    what = forms.CharField(
        label=_("Action"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    owner = forms.ModelChoiceField(
        label=_("Owner agency"), queryset=Agency.objects.filter(is_active=True).order_by("name")
    )
    due_on = ParsedField(parse_date, label=_("Due"))


class ActionUpdateForm(StyledFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("New status"), required=False)
    note = forms.CharField(
        label=_("Progress"), max_length=5000, required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip
    evidence = forms.FileField(label=_("Evidence"), required=False)

    def __init__(self, *args: Any, targets: list[ActionStatus], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["status"]
        assert isinstance(field, forms.ChoiceField)  # noqa: S101 - declared above
        field.choices = [("", _("(unchanged)")), *((t.value, t.label) for t in targets)]


class MinutesForm(StyledFormMixin, forms.Form):
    minutes = forms.CharField(
        label=_("Minutes"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    agencies = forms.ModelMultipleChoiceField(
        label=_("Attending agencies"),
        queryset=Agency.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    attendees = forms.ModelMultipleChoiceField(
        label=_("Attending people"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, region_code: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agencies = participant_agencies(region_code)
        self.fields["agencies"].queryset = agencies  # type: ignore[attr-defined]
        people = User.objects.filter(is_active=True, agency__in=agencies).order_by("first_name")
        self.fields["attendees"].queryset = people  # type: ignore[attr-defined]


class TaskForceForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    decree = forms.CharField(
        label=_("Decree"), max_length=200, required=False,
        help_text=_("Number and date of the decree."),
    )  # fmt: skip
    notes = forms.CharField(
        label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class SubTaskForceForm(StyledFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    lead_agency = forms.ModelChoiceField(
        label=_("Lead agency"), required=False,
        queryset=Agency.objects.filter(is_active=True).order_by("name"),
    )  # fmt: skip
    duties = forms.CharField(
        label=_("Duties"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    order = forms.IntegerField(label=_("Order"), min_value=0, max_value=100, initial=0)


class MemberForm(StyledFormMixin, forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Agency"), queryset=Agency.objects.filter(is_active=True).order_by("name")
    )
    sub_task_force = forms.ModelChoiceField(
        label=_("Sub-task-force"), required=False, queryset=Agency.objects.none()
    )
    user = forms.ModelChoiceField(
        label=_("Person (SIGAP user)"), required=False,
        queryset=User.objects.filter(is_active=True).exclude(role="").order_by("first_name"),
    )  # fmt: skip
    person_name = forms.CharField(
        label=_("Person (name, without a SIGAP account)"), max_length=150, required=False
    )
    position = forms.CharField(label=_("Position"), max_length=100, required=False)

    def __init__(self, *args: Any, task_force: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["sub_task_force"]
        field.queryset = task_force.sub_task_forces.all()  # type: ignore[attr-defined]


class TransferForm(StyledFormMixin, forms.Form):
    to_task_force = forms.ModelChoiceField(
        label=_("Hand the case to"), queryset=Agency.objects.none()
    )
    reason = forms.CharField(
        label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, choices: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_task_force"].queryset = choices  # type: ignore[attr-defined]
