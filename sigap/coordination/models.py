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
