"""Monitoring of vulnerable groups (issue 8): a standing watch-list with follow-up.

A person is *enrolled* in a monitored group (a returned migrant worker at risk, a prospective
migrant worker, a child at risk, a survivor in reintegration) under a responsible agency and
region. Each *follow-up* (a visit or a call) answers the risk questionnaire, which gives a risk
level with its reasons, and sets the next follow-up by that level.

The questionnaire is versioned: a published version never changes, a change is a new version,
and every follow-up keeps the version it answered, so old answers keep their meaning.
"""

from __future__ import annotations

import datetime
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sigap.core.fields import EncryptedTextField
from sigap.core.models import Agency, Region
from sigap.people.models import Person


class Group(models.TextChoices):
    RETURNEE_AT_RISK = "returnee_at_risk", _("Returned migrant worker at risk")
    PROSPECTIVE_MIGRANT = "prospective_migrant", _("Prospective migrant worker")
    CHILD_AT_RISK = "child_at_risk", _("Child at risk")
    SURVIVOR = "survivor", _("Survivor in reintegration")


class Source(models.TextChoices):
    IMPORT = "import", _("Import of a list")
    PUBLIC_REPORT = "public_report", _("Community report")
    CASE = "case", _("Case")
    MANUAL = "manual", _("Entered by an officer")


class EnrolmentStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    CLOSED = "closed", _("Closed")


class RiskLevel(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class Questionnaire(models.Model):
    """One version of a risk questionnaire (`slug` names it across versions)."""

    slug = models.SlugField(_("short key"), max_length=40)
    version = models.PositiveIntegerField(_("version"))
    title_id = models.CharField(_("title (Indonesian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    # Scores from which the risk is medium, and high (below medium_from it is low).
    medium_from = models.PositiveIntegerField(_("medium risk from score"))
    high_from = models.PositiveIntegerField(_("high risk from score"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("risk questionnaire")
        verbose_name_plural = _("risk questionnaires")
        ordering: ClassVar = ["slug", "-version"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["slug", "version"], name="questionnaire_version"),
            models.CheckConstraint(
                condition=Q(high_from__gt=models.F("medium_from")),
                name="questionnaire_thresholds_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.version})"

    @property
    def title(self) -> str:
        return self.title_en if get_language() == "en" else self.title_id


class Question(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="questions"
    )
    key = models.SlugField(_("short key"), max_length=40)
    order = models.PositiveIntegerField(_("order"))
    text_id = models.CharField(_("question (Indonesian)"), max_length=300)
    text_en = models.CharField(_("question (English)"), max_length=300)

    class Meta:
        ordering: ClassVar = ["questionnaire", "order"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["questionnaire", "key"], name="question_key_unique")
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return self.text_en if get_language() == "en" else self.text_id


class Option(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    key = models.SlugField(_("short key"), max_length=40)
    order = models.PositiveIntegerField(_("order"))
    label_id = models.CharField(_("answer (Indonesian)"), max_length=200)
    label_en = models.CharField(_("answer (English)"), max_length=200)
    weight = models.PositiveIntegerField(_("weight"), default=0)

    class Meta:
        ordering: ClassVar = ["question", "order"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["question", "key"], name="option_key_unique")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.label_en if get_language() == "en" else self.label_id


class Enrolment(models.Model):
    """A person in a monitored group, watched by an agency in a region."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="enrolments")
    group = models.CharField(_("group"), max_length=30, choices=Group.choices)
    agency = models.ForeignKey(
        Agency, verbose_name=_("responsible agency"), on_delete=models.PROTECT, related_name="+"
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("responsible officer"),
        on_delete=models.PROTECT, null=True, blank=True, related_name="+",
    )  # fmt: skip
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    started_on = models.DateField(_("start date"))
    reason = EncryptedTextField(_("reason"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=EnrolmentStatus.choices, default=EnrolmentStatus.ACTIVE
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closed_reason = EncryptedTextField(_("reason for closing"), blank=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    source_return = models.ForeignKey(
        "imports.MigrantReturn", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    source_batch = models.ForeignKey(
        "imports.ImportBatch", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    source_report = models.ForeignKey(
        "intake.PublicReport", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    source_case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    risk_level = models.CharField(
        _("risk"), max_length=10, choices=RiskLevel.choices, blank=True
    )  # empty until the first follow-up
    next_due = models.DateField(_("next follow-up"), null=True, blank=True)
    last_follow_up_on = models.DateField(_("last follow-up"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering: ClassVar = ["next_due", "id"]
        constraints: ClassVar = [
            # One watch per person and group at a time; a return enrols once, ever.
            models.UniqueConstraint(
                fields=["person", "group"], condition=Q(status="active"),
                name="enrolment_one_active_per_group",
            ),
            models.UniqueConstraint(
                fields=["source_return"], condition=Q(source_return__isnull=False),
                name="enrolment_once_per_return",
            ),
        ]  # fmt: skip
        indexes: ClassVar = [
            # The board: a region's (or an agency's) active enrolments counted from the index
            # alone (risk included), and the first ones due read in order.
            models.Index(fields=["status", "region", "next_due"], include=["risk_level"],
                         name="enrolment_board"),
            models.Index(fields=["status", "agency", "next_due"],
                         include=["risk_level", "region"], name="enrolment_agency_board"),
            models.Index(fields=["status", "next_due", "id"], name="enrolment_due"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.get_group_display()} #{self.pk}"

    @property
    def is_active(self) -> bool:
        return self.status == EnrolmentStatus.ACTIVE

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.is_active and self.next_due is not None and self.next_due < today


class FollowUpKind(models.TextChoices):
    VISIT = "visit", _("Home visit")
    PHONE = "phone", _("Phone or video call")
    OFFICE = "office", _("At the office")


class FollowUp(models.Model):
    """A follow-up of an enrolment: the questionnaire answered, the risk it gave, the next date."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="follow_ups")
    kind = models.CharField(_("kind"), max_length=10, choices=FollowUpKind.choices)
    done_on = models.DateField(_("date"))
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("officer"), on_delete=models.PROTECT,
        related_name="+",
    )  # fmt: skip
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="follow_ups"
    )
    answers = models.JSONField(_("answers"), default=dict)  # question key: option key
    score = models.PositiveIntegerField(_("score"))
    risk_level = models.CharField(_("risk"), max_length=10, choices=RiskLevel.choices)
    notes = EncryptedTextField(_("notes"), blank=True)
    indications_found = models.BooleanField(_("indications of trafficking found"), default=False)
    next_due = models.DateField(_("next follow-up"), null=True, blank=True)
    # A key the sending form (or system) made: the same follow-up sent twice is kept once.
    client_key = models.CharField(max_length=40, blank=True, editable=False)
    # The case opened from this follow-up (escalation): one at most.
    case = models.OneToOneField(
        "cases.Case", verbose_name=_("case opened"), on_delete=models.PROTECT, null=True,
        blank=True, related_name="monitoring_follow_up",
    )  # fmt: skip
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering: ClassVar = ["-done_on", "-id"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["client_key"], condition=~Q(client_key=""),
                                    name="follow_up_sent_once"),
        ]  # fmt: skip

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.done_on:%Y-%m-%d}"


class ActivityKind(models.TextChoices):
    SOCIALISATION = "socialisation", _("Socialisation (village, school, community)")
    TRAINING = "training", _("Training of village officials")
    WATCH_GROUP = "watch_group", _("Community watch group")
    OTHER = "other", _("Other")


class Audience(models.TextChoices):
    VILLAGERS = "villagers", _("Villagers")
    STUDENTS = "students", _("Students")
    PARENTS = "parents", _("Parents")
    VILLAGE_OFFICIALS = "village_officials", _("Village officials")
    PROSPECTIVE_MIGRANTS = "prospective_migrants", _("Prospective migrant workers and families")
    RELIGIOUS_LEADERS = "religious_leaders", _("Religious and community leaders")
    OTHER = "other", _("Other")


class PreventionActivity(models.Model):
    """Prevention down to the grassroots: a socialisation, a training or a watch group in a
    place, by an agency, for an audience. It names no one (the count of those reached)."""

    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    held_on = models.DateField(_("date"))
    region = models.ForeignKey(
        Region, verbose_name=_("village or district"), on_delete=models.PROTECT, related_name="+"
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    agency = models.ForeignKey(
        Agency, verbose_name=_("organiser"), on_delete=models.PROTECT, related_name="+"
    )
    audience = models.CharField(_("audience"), max_length=30, choices=Audience.choices)
    participants = models.PositiveIntegerField(_("participants"))
    topic = models.CharField(_("topic"), max_length=300)
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("prevention activity")
        verbose_name_plural = _("prevention activities")
        ordering: ClassVar = ["-held_on", "-id"]
        indexes: ClassVar = [models.Index(fields=["region", "held_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on:%Y-%m-%d}"


class PlanStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class GoalArea(models.TextChoices):
    HEALTH = "health", _("Health")
    LIVELIHOOD = "livelihood", _("Livelihood")
    EDUCATION = "education", _("Education")
    FAMILY = "family", _("Family")
    LEGAL = "legal", _("Legal")
    DOCUMENTS = "documents", _("Identity documents")


class GoalStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    ACHIEVED = "achieved", _("Achieved")
    DROPPED = "dropped", _("Dropped")


OPEN_GOALS = (GoalStatus.PLANNED, GoalStatus.IN_PROGRESS)


class ReintegrationPlan(models.Model):
    """A survivor's reintegration plan: goals by area, the services that serve them (through
    referrals), progress reviews, and its closure."""

    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.CASCADE, related_name="reintegration_plan"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.OPEN
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closing_summary = EncryptedTextField(_("closing summary"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("reintegration plan")
        verbose_name_plural = _("reintegration plans")

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} #{self.pk}"


class ReintegrationGoal(models.Model):
    plan = models.ForeignKey(ReintegrationPlan, on_delete=models.CASCADE, related_name="goals")
    area = models.CharField(_("area"), max_length=20, choices=GoalArea.choices)
    description = EncryptedTextField(_("goal"))
    status = models.CharField(
        _("status"), max_length=20, choices=GoalStatus.choices, default=GoalStatus.PLANNED
    )
    # The service that serves the goal: a referral of the survivor's case.
    referral = models.ForeignKey(
        "referrals.Referral", verbose_name=_("referral"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering: ClassVar = ["plan", "area", "id"]

    def __str__(self) -> str:
        return self.get_area_display()


class ReintegrationReview(models.Model):
    plan = models.ForeignKey(ReintegrationPlan, on_delete=models.CASCADE, related_name="reviews")
    reviewed_on = models.DateField(_("date"))
    progress = EncryptedTextField(_("progress"))
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering: ClassVar = ["-reviewed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.reviewed_on:%Y-%m-%d}"
