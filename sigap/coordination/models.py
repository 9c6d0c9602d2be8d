"""Task-force coordination meetings (rakor): who met, what was decided, and the action items
that follow every meeting until they are done or dropped.

Minutes, decisions, action items and progress notes may name victims: they are encrypted.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sigap.cases.models import Case
from sigap.core.fields import EncryptedTextField
from sigap.core.models import Agency, Region


class MeetingLevel(models.TextChoices):
    PROVINCE = "province", _("Province")
    REGENCY = "regency", _("Regency/city")


class Meeting(models.Model):
    # The invitation's letter number, given when the meeting is planned.
    number = models.CharField(_("letter number"), max_length=40, blank=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    level = models.CharField(_("level"), max_length=20, choices=MeetingLevel.choices)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    organiser = models.ForeignKey(
        Agency, verbose_name=_("organiser"), on_delete=models.PROTECT, related_name="+"
    )
    held_on = models.DateField(_("date"))
    starts_at = models.TimeField(_("starts at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = EncryptedTextField(_("minutes"), blank=True)
    # Invited when the meeting is planned; after it, those that attended.
    agencies = models.ManyToManyField(
        Agency, verbose_name=_("participating agencies"), blank=True, related_name="+"
    )
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("attending people"), blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("coordination meeting")
        verbose_name_plural = _("coordination meetings")
        ordering: ClassVar = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.title}"


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = EncryptedTextField(_("decision"))
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering: ClassVar = ["id"]

    def __str__(self) -> str:
        return f"{self.meeting_id}:decision:{self.pk}"


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


# An action item still to be done.
OPEN_STATUSES = frozenset({ActionStatus.OPEN, ActionStatus.IN_PROGRESS})


class ActionItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="action_items")
    decision = models.ForeignKey(
        Decision, on_delete=models.SET_NULL, null=True, blank=True, related_name="action_items"
    )
    what = EncryptedTextField(_("what"))
    owner = models.ForeignKey(
        Agency, verbose_name=_("owner agency"), on_delete=models.PROTECT, related_name="+"
    )
    due_on = models.DateField(_("due"))
    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, null=True, blank=True, related_name="action_items"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering: ClassVar = ["due_on", "id"]
        indexes: ClassVar = [models.Index(fields=["owner", "status", "due_on"])]

    def __str__(self) -> str:
        return f"{self.meeting_id}:action:{self.pk}"

    @property
    def is_overdue(self) -> bool:
        return self.status in OPEN_STATUSES and self.due_on < timezone.localdate()


def _evidence_path(update: ActionUpdate, filename: str) -> str:
    """coordination/<random>.<kind>: nothing of the original name reaches the disk."""
    return f"coordination/{uuid.uuid4().hex}{Path(filename).suffix}"


class ActionUpdate(models.Model):
    """Progress on an action item, with its evidence (a document, checked like case files)."""

    item = models.ForeignKey(ActionItem, on_delete=models.CASCADE, related_name="updates")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    before = models.CharField(max_length=20, choices=ActionStatus.choices, blank=True)
    after = models.CharField(max_length=20, choices=ActionStatus.choices, blank=True)
    note = EncryptedTextField(_("progress"), blank=True)
    evidence = models.FileField(_("evidence"), upload_to=_evidence_path, blank=True)
    evidence_type = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering: ClassVar = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.item_id}:update:{self.pk}"


class TaskForce(models.Model):
    """A task force (Gugus Tugas PP-TPPO) of a province or regency/city, as its decree sets
    it up: its secretariat agency, sub-task-forces and members are editable data."""

    name = models.CharField(_("name"), max_length=200)
    level = models.CharField(_("level"), max_length=20, choices=MeetingLevel.choices)
    region = models.OneToOneField(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    agency = models.OneToOneField(
        Agency,
        verbose_name=_("secretariat agency"),
        on_delete=models.PROTECT,
        related_name="task_force",
        help_text=_("The agency whose officers answer for this task force."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent task force"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    decree = models.CharField(
        _("decree"), max_length=200, blank=True, help_text=_("Number and date of the decree.")
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("task force")
        verbose_name_plural = _("task forces")
        ordering: ClassVar = ["region_id"]

    def __str__(self) -> str:
        return self.name


class SubTaskForce(models.Model):
    task_force = models.ForeignKey(
        TaskForce, on_delete=models.CASCADE, related_name="sub_task_forces"
    )
    name = models.CharField(_("name"), max_length=200)
    lead_agency = models.ForeignKey(
        Agency,
        verbose_name=_("lead agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    duties = models.TextField(_("duties"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("sub-task-force")
        verbose_name_plural = _("sub-task-forces")
        ordering: ClassVar = ["order", "id"]

    def __str__(self) -> str:
        return self.name


class TaskForceMember(models.Model):
    """A member agency of a task force (in a sub-task-force or not), with the person who
    represents it: a SIGAP user, or a name for someone without an account."""

    task_force = models.ForeignKey(TaskForce, on_delete=models.CASCADE, related_name="members")
    sub_task_force = models.ForeignKey(
        SubTaskForce,
        verbose_name=_("sub-task-force"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person (SIGAP user)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    person_name = models.CharField(_("person (name)"), max_length=150, blank=True)
    position = models.CharField(
        _("position"), max_length=100, blank=True, help_text=_("E.g. chair, secretary, member.")
    )

    class Meta:
        verbose_name = _("task-force member")
        verbose_name_plural = _("task-force members")
        ordering: ClassVar = ["sub_task_force__order", "agency__name", "id"]

    def __str__(self) -> str:
        return f"{self.task_force_id}:{self.agency_id}"

    @property
    def person(self) -> str:
        return (self.user.get_full_name() if self.user else "") or self.person_name


class TransferStatus(models.TextChoices):
    REQUESTED = "requested", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


class CaseTransfer(models.Model):
    """Handing the lead of a case to another task force, which accepts or declines it."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="transfers")
    from_task_force = models.ForeignKey(
        TaskForce, verbose_name=_("from"), on_delete=models.PROTECT, related_name="+"
    )
    to_task_force = models.ForeignKey(
        TaskForce, verbose_name=_("to"), on_delete=models.PROTECT, related_name="+"
    )
    reason = EncryptedTextField(_("reason"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=TransferStatus.choices,
        default=TransferStatus.REQUESTED,
    )
    decline_reason = EncryptedTextField(_("reason for declining"), blank=True)
    requested_at = models.DateTimeField(default=timezone.now, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("case transfer")
        verbose_name_plural = _("case transfers")
        ordering: ClassVar = ["-requested_at", "-id"]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["case"],
                condition=models.Q(status="requested"),
                name="one_open_transfer_per_case",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_id}:{self.from_task_force_id}->{self.to_task_force_id}"
