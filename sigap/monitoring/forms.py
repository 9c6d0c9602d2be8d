"""Monitoring forms: a follow-up (the questionnaire's questions as radio buttons, usable on a
phone) and the closing of an enrolment."""

from __future__ import annotations

import uuid
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sigap.core.access import IDENTITY_ROLES
from sigap.core.forms import RegionField, StyledFormMixin
from sigap.core.models import Agency, Region, RegionLevel, User
from sigap.monitoring import services
from sigap.monitoring.models import (
    ActivityKind,
    Audience,
    FollowUpKind,
    GoalArea,
    GoalStatus,
    Group,
    Questionnaire,
)
from sigap.referrals.models import Referral

ANSWER_PREFIX = "q_"
DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})  # a date field shows ISO


class FollowUpForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=FollowUpKind.choices,
                             widget=forms.RadioSelect)  # fmt: skip
    done_on = forms.DateField(label=_("Date"), widget=DATE)
    notes = forms.CharField(label=_("Notes"), required=False, max_length=5000,
                            widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip
    indications_found = forms.BooleanField(
        label=_("Indications of trafficking found"), required=False,
        help_text=_("Tick it when the answers or what you saw suggest trafficking: the case is "
                    "then opened from this follow-up."),
    )  # fmt: skip
    next_due = forms.DateField(
        label=_("Next follow-up (optional)"), required=False,
        widget=DATE,
        help_text=_("Left empty, SIGAP sets it by the risk found; you may only bring it "
                    "forward."),
    )  # fmt: skip

    # The version the form shows, and the form's own key (a form sent twice is kept once).
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    client_key = forms.CharField(widget=forms.HiddenInput, max_length=40)

    def __init__(self, *args: Any, questionnaire: Questionnaire, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["done_on"].initial = timezone.localdate()
        self.fields["version"].initial = questionnaire.version
        self.fields["client_key"].initial = uuid.uuid4().hex
        self.questions = []
        for question in services.questions_of(questionnaire):
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
                                 widget=DATE)  # fmt: skip
    agency = forms.ModelChoiceField(label=_("Responsible agency"), queryset=Agency.objects.none(),
                                    help_text=_("Who follows the person up; usually the task "
                                                "force of their regency."))  # fmt: skip

    def __init__(self, *args: Any, agencies: list[Agency], suggested: Agency | None,
                 **kwargs: Any) -> None:  # fmt: skip
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["agency"])
        field.queryset = Agency.objects.filter(pk__in=[agency.pk for agency in agencies])
        field.initial = suggested.pk if suggested else None


class ActivityForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ActivityKind.choices)
    held_on = forms.DateField(label=_("Date"), widget=DATE)
    district = RegionField(
        label=_("District"), help_text=_("Its name, e.g. “Danau Panggang” or “Babirik, HSU”.")
    )
    village = forms.CharField(label=_("Village (optional)"), max_length=100, required=False)
    place = forms.CharField(label=_("Place"), max_length=200, required=False,
                            help_text=_("e.g. the school or the village hall."))  # fmt: skip
    audience = forms.ChoiceField(label=_("Audience"), choices=Audience.choices)
    participants = forms.IntegerField(label=_("Participants"), min_value=1, max_value=100_000)
    topic = forms.CharField(label=_("Topic"), max_length=300)
    notes = forms.CharField(label=_("Notes"), required=False, max_length=5000,
                            widget=forms.Textarea(attrs={"rows": 3}),
                            help_text=_("Do not name victims or the people reached."))  # fmt: skip

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        district = data.get("district")
        if district is None:
            return data
        if district.level != RegionLevel.DISTRICT:
            self.add_error("district", _("Choose a district (kecamatan)."))
            return data
        data["region"] = district
        name = " ".join(data.get("village", "").split())
        if name:
            villages = Region.objects.filter(parent=district, level=RegionLevel.VILLAGE)
            village = villages.filter(name__iexact=name).first()
            if village is None:
                known = ", ".join(villages.order_by("name").values_list("name", flat=True)[:40])
                self.add_error("village", _("No village of this name in %(district)s. Its "
                                            "villages: %(villages)s.")
                               % {"district": district.name, "villages": known})  # fmt: skip
            else:
                data["region"] = village
        return data

    def activity(self) -> dict[str, Any]:
        """What the service records."""
        names = ("kind", "held_on", "region", "place", "audience", "participants", "topic",
                 "notes")  # fmt: skip
        return {name: self.cleaned_data[name] for name in names}


class ReferralChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.number}: {obj.service_type} ({obj.to_agency})"


class GoalForm(StyledFormMixin, forms.Form):
    area = forms.ChoiceField(label=_("Area"), choices=GoalArea.choices)
    description = forms.CharField(label=_("Goal"), max_length=2000,
                                  widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip
    referral = ReferralChoice(
        label=_("Served by the referral (optional)"), queryset=Referral.objects.none(),
        required=False,
    )  # fmt: skip

    def __init__(self, *args: Any, referrals: list[Referral], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["referral"])
        field.queryset = Referral.objects.filter(pk__in=[r.pk for r in referrals])


class GoalMoveForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=GoalStatus.choices)


class ReviewForm(StyledFormMixin, forms.Form):
    reviewed_on = forms.DateField(label=_("Date"), widget=DATE)
    progress = forms.CharField(label=_("Progress"), max_length=5000,
                               widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reviewed_on"].initial = timezone.localdate()


class PlanCloseForm(StyledFormMixin, forms.Form):
    summary = forms.CharField(label=_("Closing summary"), max_length=5000,
                              widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip


class OfficerChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.get_full_name() or obj.username} ({obj.agency})"


class ReassignForm(StyledFormMixin, forms.Form):
    agency = forms.ModelChoiceField(label=_("Responsible agency"), queryset=Agency.objects.none())
    officer = OfficerChoice(label=_("Responsible officer (optional)"),
                            queryset=User.objects.none(), required=False)  # fmt: skip

    def __init__(self, *args: Any, agencies: list[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ids = [agency.pk for agency in agencies]
        cast(forms.ModelChoiceField, self.fields["agency"]).queryset = Agency.objects.filter(
            pk__in=ids
        )
        officers = User.objects.filter(agency_id__in=ids, is_active=True,
                                       role__in=IDENTITY_ROLES)  # fmt: skip
        cast(forms.ModelChoiceField, self.fields["officer"]).queryset = officers.select_related(
            "agency"
        ).order_by("agency__name", "first_name", "username")


class CloseForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(label=_("Reason for closing"), max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip


class PublishForm(StyledFormMixin, forms.Form):
    """A new version of the risk questionnaire, starting from the current one: its texts,
    weights and thresholds changed, questions removed, and one new yes/no question added."""

    medium_from = forms.IntegerField(label=_("Medium risk from score"), min_value=1)
    high_from = forms.IntegerField(label=_("High risk from score"), min_value=2)
    new_key = forms.SlugField(label=_("New question: short key (optional)"), max_length=40,
                              required=False)  # fmt: skip
    new_text_id = forms.CharField(label=_("New question (Indonesian)"), max_length=300,
                                  required=False)  # fmt: skip
    new_text_en = forms.CharField(label=_("New question (English)"), max_length=300,
                                  required=False)  # fmt: skip
    new_weight = forms.IntegerField(label=_("Weight of “yes”"), min_value=0, max_value=20,
                                    required=False)  # fmt: skip
    based_on = forms.IntegerField(widget=forms.HiddenInput, min_value=1)  # the version shown

    def __init__(self, *args: Any, questionnaire: Questionnaire, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["medium_from"].initial = questionnaire.medium_from
        self.fields["high_from"].initial = questionnaire.high_from
        self.fields["based_on"].initial = questionnaire.version
        self.rows: list[tuple[Any, Any, Any, list[Any]]] = []
        for question in services.questions_of(questionnaire):
            key = question.key
            self.fields[f"text_id_{key}"] = forms.CharField(
                label=_("Question (Indonesian)"), max_length=300, initial=question.text_id
            )
            self.fields[f"text_en_{key}"] = forms.CharField(
                label=_("Question (English)"), max_length=300, initial=question.text_en
            )
            self.fields[f"remove_{key}"] = forms.BooleanField(label=_("Remove"), required=False)
            weights = []
            for option in question.options.all():
                name = f"w_{key}_{option.key}"
                self.fields[name] = forms.IntegerField(
                    label=option.label, min_value=0, max_value=20, initial=option.weight
                )
                weights.append((self[name], option))
            self.rows.append((self[f"text_id_{key}"], self[f"text_en_{key}"],
                              self[f"remove_{key}"], weights))  # fmt: skip
        for field in self.fields.values():  # the fields added here, styled like the others
            checkbox = isinstance(field.widget, forms.CheckboxInput)
            field.widget.attrs.setdefault(
                "class", "form-check-input" if checkbox else "form-control"
            )
        self.questionnaire = questionnaire

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        new = [data.get("new_key"), data.get("new_text_id"), data.get("new_text_en")]
        if any(new) and not all(new):
            self.add_error("new_key", _("A new question needs its key and both texts."))
        known = {q.key for q in services.questions_of(self.questionnaire)}
        if data.get("new_key") in known:
            self.add_error("new_key", _("A question already has this key."))
        return data

    def spec(self) -> list[Any]:
        """The questions of the new version, as questionnaire.build takes them."""
        data = self.cleaned_data
        questions: list[Any] = []
        for question in services.questions_of(self.questionnaire):
            key = question.key
            if data.get(f"remove_{key}"):
                continue
            options = tuple(
                (o.key, o.label_id, o.label_en, data[f"w_{key}_{o.key}"])
                for o in question.options.all()
            )
            questions.append((key, data[f"text_id_{key}"], data[f"text_en_{key}"], options))
        if data.get("new_key"):
            weight = data.get("new_weight") or 0
            answers = (("yes", "Ya", "Yes", weight), ("no", "Tidak", "No", 0),
                       ("unknown", "Tidak tahu", "Don't know", min(weight, 1)))  # fmt: skip
            questions.append((data["new_key"], data["new_text_id"], data["new_text_en"], answers))
        return questions
