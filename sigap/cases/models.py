"""Cases (kasus) of suspected trafficking, the persons in them, screenings and the timeline."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sigap.cases.screening import Outcome
from sigap.core.fields import EncryptedTextField
from sigap.core.models import Agency, Country, Region
from sigap.people.models import Person


class CaseSource(models.TextChoices):
    COMMUNITY_REPORT = "community_report", _("Community report")
    POLICE = "police", _("Police")
    BP3MI_REPATRIATION = "bp3mi_repatriation", _("BP3MI repatriation")
    MEDIA = "media", _("Media")
    MONITORING = "monitoring", _("Monitoring of vulnerable groups")
    OTHER = "other", _("Other")


class CaseStatus(models.TextChoices):
    REPORTED = "reported", _("Reported")
    SCREENING = "screening", _("Screening")
    INDICATED = "indicated", _("Indicated")
    NOT_INDICATED = "not_indicated", _("Not indicated")
    IN_HANDLING = "in_handling", _("In handling")
    REFERRED = "referred", _("Referred")
    IN_PROSECUTION = "in_prosecution", _("In prosecution")
    CLOSED = "closed", _("Closed")
    REOPENED = "reopened", _("Reopened")


class RecruitmentMethod(models.TextChoices):
    """HTCDS v2 methods of recruitment."""

    ABDUCTION = "abduction", _("Abduction")
    EDUCATIONAL_FACILITY = "educational_facility", _("Educational facility")
    FAMILIAL = "familial", _("Family")
    INTERNET = "internet", _("Internet or social media")
    MARRIAGE_BROKER = "marriage_broker", _("International marriage broker")
    INTIMATE_PARTNER = "intimate_partner", _("Intimate partner or marriage proposal")
    JOB_OFFER = "job_offer", _("Job offer or advertisement")
    BENEFACTOR = "benefactor", _("Posing as a benefactor")
    PUBLIC_AREA = "public_area", _("Public area")
    ACCOMMODATION = "accommodation", _("Offer of accommodation")
    SHELTER = "shelter", _("Shelter")
    SMUGGLING = "smuggling", _("Smuggling or ransom")
    WORK = "work", _("At work")
    BROKER = "broker", _("Broker or sponsor (calo/sponsor)")
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("Unknown")


class Case(models.Model):
    reference = models.CharField(_("reference number"), max_length=40, unique=True, editable=False)
    reported_on = models.DateField(_("reported on"))
    incident_on = models.DateField(_("incident date"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=30, choices=CaseSource.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.REPORTED
    )
    # Scope: the region where the case is handled and the agency leading it.
    region = models.ForeignKey(
        Region, verbose_name=_("case region"), on_delete=models.PROTECT, related_name="+"
    )
    lead_agency = models.ForeignKey(
        Agency, verbose_name=_("lead agency"), on_delete=models.PROTECT, related_name="+"
    )
    assigned_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned officer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Route: origin -> transit -> destination.
    origin_region = models.ForeignKey(
        Region,
        verbose_name=_("origin region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    transit = models.CharField(_("transit"), max_length=200, blank=True)
    destination_country = models.ForeignKey(
        Country,
        verbose_name=_("destination country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    destination_place = models.CharField(_("destination place"), max_length=200, blank=True)
    # Recruitment.
    recruitment_method = models.CharField(
        _("method of recruitment"),
        max_length=30,
        choices=RecruitmentMethod.choices,
        default=RecruitmentMethod.UNKNOWN,
    )
    recruitment_apps = models.JSONField(_("apps and websites used"), default=list, blank=True)
    placement_company = models.CharField(_("placement company (P3MI)"), max_length=200, blank=True)
    placement_company_licensed = models.BooleanField(
        _("placement company licensed"), null=True, blank=True
    )
    purposes = models.JSONField(_("exploitation purposes"), default=list, blank=True)
    means_of_control = models.JSONField(_("means of control"), default=list, blank=True)
    narrative = EncryptedTextField(_("narrative"), blank=True)
    closed_reason = EncryptedTextField(_("reason for closing"), blank=True)
    # Derived (services keep it): a victim of the case was under 18 at the time of exploitation.
    child_victim = models.BooleanField(_("child victim"), default=False, editable=False)

    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering: ClassVar = ["-reported_on", "-id"]
        # The list's default order, its sorts and its most used filter, each with the order
        # (measured in bench/cases.py: docs/performance.md).
        indexes: ClassVar = [
            models.Index(fields=["-reported_on", "-id"]),
            models.Index(fields=["incident_on", "id"]),
            models.Index(fields=["status", "-reported_on", "-id"]),
            models.Index(fields=["region", "reported_on"]),
            models.Index(fields=["lead_agency", "reported_on"]),
            models.Index(fields=["destination_country", "reported_on"]),
            models.Index(fields=["child_victim", "reported_on"]),
        ]

    def __str__(self) -> str:
        return self.reference


class PartyRole(models.TextChoices):
    VICTIM = "victim", _("Victim")
    POSSIBLE_VICTIM = "possible_victim", _("Possible victim")
    ALLEGED_PERPETRATOR = "alleged_perpetrator", _("Alleged perpetrator")
    RECRUITER = "recruiter", _("Recruiter or intermediary")
    TRANSPORTER = "transporter", _("Transporter")
    EXPLOITER = "exploiter", _("Exploiter")
    WITNESS = "witness", _("Witness")
    REPORTER = "reporter", _("Reporter")
    FAMILY_CONTACT = "family_contact", _("Family contact")


VICTIM_ROLES = frozenset({PartyRole.VICTIM, PartyRole.POSSIBLE_VICTIM})


class VictimStatus(models.TextChoices):
    """IOM HTCDS: an actual victim is confirmed by an authority, recorded with who decided."""

    POSSIBLE = "possible", _("Possible victim")
    ACTUAL = "actual", _("Actual victim")
    NOT_A_VICTIM = "not_a_victim", _("Not a victim")


class CaseParty(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="parties")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="case_parties")
    role = models.CharField(_("role"), max_length=30, choices=PartyRole.choices)
    victim_status = models.CharField(
        _("victim status"), max_length=20, choices=VictimStatus.choices, blank=True
    )
    victim_status_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    victim_status_at = models.DateTimeField(null=True, blank=True)
    added_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("case party")
        verbose_name_plural = _("case parties")
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["case", "person", "role"], name="case_party_unique")
        ]

    def __str__(self) -> str:
        return f"{self.case_id}:{self.person_id}:{self.role}"


class Screening(models.Model):
    """One screening of one victim; rescreening adds a row, so the history is kept."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="screenings")
    party = models.ForeignKey(CaseParty, on_delete=models.PROTECT, related_name="screenings")
    answers = models.JSONField(_("answers"))
    child = models.BooleanField(_("child at the time of exploitation"), null=True)
    outcome = models.CharField(_("result"), max_length=20, choices=Outcome.choices)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering: ClassVar = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.case_id}:{self.outcome}"


class CaseEvent(models.Model):
    """The case's timeline: created, screened, status changes, notes, referrals, documents."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=30)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering: ClassVar = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.case_id}:{self.kind}"


class CaseNote(models.Model):
    """A note in the case's timeline (e.g. what was agreed in a meeting); encrypted, since
    notes about victims name them."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    text = EncryptedTextField(_("note"))
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering: ClassVar = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.case_id}:note:{self.pk}"


def _document_path(document: CaseDocument, filename: str) -> str:
    """cases/<case>/<random>.<kind>: nothing of the original name reaches the disk."""
    return f"cases/{document.case_id}/{uuid.uuid4().hex}{Path(filename).suffix}"


class CaseDocument(models.Model):
    """A file attached to a case: encrypted on disk outside the web root, downloaded only
    through the access-checked view, which records each download."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    title = EncryptedTextField(_("title"))
    original_name = EncryptedTextField(_("file name"))
    file = models.FileField(upload_to=_document_path, max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(default=timezone.now, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering: ClassVar = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return f"{self.case_id}:document:{self.pk}"
