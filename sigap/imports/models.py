"""Imports of official lists (BP3MI's returned migrant workers first): each file is a batch,
each non-empty source row is kept with its outcome and reasons, and each return it records
is a MigrantReturn linked to a person.

Nothing from a file is silently dropped: blank rows aside, every row has an ImportRow, and
its cells are kept encrypted (they name people) so rejected rows can be downloaded, fixed and
imported again.
"""

from __future__ import annotations

import json
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sigap.core.fields import EncryptedTextField
from sigap.core.models import Agency, Country, Region
from sigap.people.models import Person


class BatchStatus(models.TextChoices):
    MAPPING = "mapping", _("Waiting for the column mapping")
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Importing")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class RowStatus(models.TextChoices):
    IMPORTED = "imported", _("Imported")
    UPDATED = "updated", _("Updated")
    DUPLICATE = "duplicate", _("Duplicate")
    REJECTED = "rejected", _("Rejected")
    SKIPPED = "skipped", _("Skipped")


class ReturnReason(models.TextChoices):
    COMPLETED = "completed", _("Contract completed")
    DEPORTED = "deported", _("Deportation")
    FAILED_DEPARTURE = "failed_departure", _("Prevented or failed departure")
    ILLNESS = "illness", _("Illness")
    DEATH = "death", _("Death")
    TRAFFICKING = "trafficking", _("Trafficking indicated")
    NON_PROCEDURAL = "non_procedural", _("Non-procedural")
    WAGES_UNPAID = "wages_unpaid", _("Wages unpaid")
    VIOLENCE = "violence", _("Violence or abuse")
    OTHER = "other", _("Other")


# Returns whose reason suggests risk: marked for the monitoring of vulnerable groups.
RISK_REASONS = frozenset(
    {
        ReturnReason.DEPORTED,
        ReturnReason.TRAFFICKING,
        ReturnReason.NON_PROCEDURAL,
        ReturnReason.WAGES_UNPAID,
        ReturnReason.VIOLENCE,
    }
)


class Job(models.TextChoices):
    DOMESTIC_WORKER = "domestic_worker", _("Domestic worker")
    FISHING_CREW = "fishing_crew", _("Fishing crew")
    PLANTATION = "plantation", _("Plantation or farm worker")
    CAREGIVER = "caregiver", _("Caregiver")
    FACTORY = "factory", _("Factory worker")
    CONSTRUCTION = "construction", _("Construction worker")
    HOSPITALITY = "hospitality", _("Hotel or restaurant worker")
    DRIVER = "driver", _("Driver")
    OTHER = "other", _("Other")
    UNKNOWN = "", _("Unknown")


class ImportBatch(models.Model):
    """One file imported (or being imported) by someone, with its mapping and counts."""

    kind = models.CharField(max_length=30, default="migrant_returns", editable=False)
    file_name = models.CharField(_("file"), max_length=255)
    file_sha256 = models.CharField(max_length=64, db_index=True, editable=False)
    file_size = models.PositiveIntegerField(default=0)
    source = models.CharField(_("source"), max_length=200, blank=True)
    # An uploaded file, kept (encrypted, like every upload) until its import has run.
    content = models.FileField(upload_to="imports/%Y/%m/", blank=True)
    # Where the header is among the rows read (0-based) and how many rows it spans.
    header_row = models.PositiveIntegerField(null=True, blank=True)
    header_span = models.PositiveSmallIntegerField(default=1)
    # {field: column index} as detected and confirmed; the header labels as read.
    mapping = models.JSONField(default=dict, blank=True)
    headers = models.JSONField(default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=BatchStatus.choices, default=BatchStatus.MAPPING
    )
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_done = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(_("imported"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    duplicate = models.PositiveIntegerField(_("duplicates"), default=0)
    rejected = models.PositiveIntegerField(_("rejected"), default=0)
    skipped = models.PositiveIntegerField(_("skipped"), default=0)
    error = models.TextField(blank=True)
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now, editable=False)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # Set when retention erased the source rows (see imports.retention).
    rows_erased_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")
        ordering: ClassVar = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"Impor {self.pk}"

    def counts(self) -> dict[str, int]:
        return {status: getattr(self, status) for status in RowStatus.values}

    @property
    def ended(self) -> bool:
        """Done or failed: its row report can be downloaded, and nothing more will change."""
        return self.status in (BatchStatus.DONE, BatchStatus.FAILED)


class ImportRow(models.Model):
    """A non-empty source row: its number as a spreadsheet shows it, what became of it and
    why, its cells (encrypted) and, for rows that were read, a keyed fingerprint of the
    normalised values that finds the same row in a later file."""

    # Found by batch through the unique (batch, number) index: no index of its own.
    batch = models.ForeignKey(
        ImportBatch, on_delete=models.CASCADE, related_name="rows", db_index=False
    )
    number = models.PositiveIntegerField(_("row"))
    status = models.CharField(_("status"), max_length=10, choices=RowStatus.choices)
    cells = EncryptedTextField()  # JSON list of the cells as text
    # JSON of the normalised values and the reasons (the row report): encrypted, since reasons
    # quote the values that could not be read, an invalid NIK among them.
    values = EncryptedTextField(blank=True)
    fingerprint = models.CharField(max_length=32, blank=True)  # indexed below
    migrant_return = models.ForeignKey(
        "MigrantReturn", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering: ClassVar = ["batch", "number"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["batch", "number"], name="import_row_unique")
        ]
        # Found by equality only (see people.Person's indexes).
        indexes: ClassVar = [models.Index(fields=["fingerprint"], name="import_row_fingerprint")]

    def __str__(self) -> str:
        return f"{self.batch_id}:{self.number}"

    @property
    def reasons(self) -> list[str]:
        return list(json.loads(self.values or "{}").get("reasons", []))


class MigrantReturn(models.Model):
    """A migrant worker's return (kepulangan PMI) as an official list recorded it."""

    # Found by person through the (person, return date) index; the country by equality
    # only: indexed below (see people.Person's indexes).
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="migrant_returns", db_index=False
    )
    destination_country = models.ForeignKey(
        Country,
        verbose_name=_("destination country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    job = models.CharField(_("job"), max_length=20, choices=Job.choices, blank=True)
    job_text = models.CharField(_("job as written"), max_length=200, blank=True)
    company = models.CharField(_("placement company"), max_length=255, blank=True)
    departure_date = models.DateField(_("departure date"), null=True, blank=True)
    return_date = models.DateField(_("return date"), null=True, blank=True)
    reason = models.CharField(
        _("return reason"), max_length=20, choices=ReturnReason.choices, default=ReturnReason.OTHER
    )
    reason_text = EncryptedTextField(_("reason as written"), blank=True)
    procedural = models.BooleanField(_("procedural"), null=True, blank=True)
    # Marked when the reason suggests risk, for the monitoring of vulnerable groups to enrol.
    needs_follow_up = models.BooleanField(_("needs follow-up"), default=False)
    batch = models.ForeignKey(
        ImportBatch, verbose_name=_("source batch"), on_delete=models.PROTECT, related_name="+"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("agency"), on_delete=models.PROTECT, related_name="+"
    )
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("migrant worker return")
        verbose_name_plural = _("migrant worker returns")
        ordering: ClassVar = ["-return_date", "-id"]
        indexes: ClassVar = [
            models.Index(fields=["person", "return_date"]),
            models.Index(fields=["needs_follow_up", "return_date"]),
            models.Index(fields=["destination_country"], name="return_country"),
        ]

    def __str__(self) -> str:
        return f"Kepulangan {self.pk}"
