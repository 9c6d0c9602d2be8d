"""Reports from the public (laporan masyarakat), their attachments and the task force's
replies to the reporter.

What the reporter wrote, where, who is named and how to reach them are encrypted. The
tracking code is kept only as a keyed hash (the reporter holds the code); its last four
symbols help an officer speak with a reporter who calls.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sigap.cases.models import Case
from sigap.core.fields import EncryptedTextField
from sigap.core.models import Country, Region


class Channel(models.TextChoices):
    WEB = "web", _("Public portal")
    PHONE = "phone", _("Phone (SAPA 129 hotline)")
    WHATSAPP = "whatsapp", _("WhatsApp")
    WALK_IN = "walk_in", _("Walk-in")
    LETTER = "letter", _("Letter")


class PublicStatus(models.TextChoices):
    """What the reporter sees on the tracking page."""

    RECEIVED = "received", _("Received")
    UNDER_REVIEW = "under_review", _("Under review")
    FOLLOWED_UP = "followed_up", _("Followed up")
    CLOSED = "closed", _("Closed")


class Triage(models.TextChoices):
    """Where the report stands in the triage queue (never shown to the reporter)."""

    NEW = "new", _("New")
    NEEDS_INFO = "needs_info", _("Needs information")
    ACCEPTED = "accepted", _("Accepted")
    DUPLICATE = "duplicate", _("Duplicate")
    SPAM = "spam", _("Spam")


# A report still to be triaged.
OPEN_TRIAGE = frozenset({Triage.NEW, Triage.NEEDS_INFO})


class YesNoUnknown(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("Don't know")


class PublicReport(models.Model):
    code_hash = models.CharField(max_length=32, unique=True, editable=False)
    code_end = models.CharField(_("tracking code ends with"), max_length=4, editable=False)
    channel = models.CharField(
        _("channel"), max_length=20, choices=Channel.choices, default=Channel.WEB
    )
    what_happened = EncryptedTextField(_("what happened"))
    regency = models.ForeignKey(
        Region,
        verbose_name=_("regency/city"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    place = EncryptedTextField(_("district and village"), blank=True)
    when = models.CharField(_("when"), max_length=100, blank=True)
    people_at_risk = models.PositiveSmallIntegerField(_("people at risk"), null=True, blank=True)
    children_involved = models.CharField(
        _("children involved"),
        max_length=10,
        choices=YesNoUnknown.choices,
        default=YesNoUnknown.UNKNOWN,
    )
    urgent = models.BooleanField(_("someone is in danger now"), default=False)
    destination_country = models.ForeignKey(
        Country,
        verbose_name=_("destination country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recruiters = EncryptedTextField(_("recruiters or companies named"), blank=True)
    anonymous = models.BooleanField(_("stays anonymous"), default=True)
    contact_name = EncryptedTextField(_("name"), blank=True)
    contact_phone = EncryptedTextField(_("phone"), blank=True)
    contact_whatsapp = EncryptedTextField(_("WhatsApp"), blank=True)
    consent = models.BooleanField(_("consent"), default=False)
    language = models.CharField(max_length=5, default="id")
    status = models.CharField(
        _("public status"),
        max_length=20,
        choices=PublicStatus.choices,
        default=PublicStatus.RECEIVED,
    )
    triage = models.CharField(
        _("triage"), max_length=20, choices=Triage.choices, default=Triage.NEW
    )
    triage_due_at = models.DateTimeField(_("triage due"))
    duplicate_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    case = models.ForeignKey(
        Case, on_delete=models.SET_NULL, null=True, blank=True, related_name="public_reports"
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The officer who recorded a report received by phone, WhatsApp, ..."),
    )

    class Meta:
        verbose_name = _("public report")
        verbose_name_plural = _("public reports")
        ordering: ClassVar = ["-received_at", "-id"]
        indexes: ClassVar = [models.Index(fields=["triage", "urgent", "triage_due_at"])]

    def __str__(self) -> str:
        return f"…{self.code_end}"

    @property
    def is_overdue(self) -> bool:
        """Still to be triaged after its triage deadline."""
        return self.triage in OPEN_TRIAGE and self.triage_due_at < timezone.now()


def _attachment_path(attachment: ReportAttachment, filename: str) -> str:
    """intake/<random>.<kind>: nothing of the original name reaches the disk."""
    return f"intake/{uuid.uuid4().hex}{Path(filename).suffix}"


class ReportAttachment(models.Model):
    """A photo or PDF sent with a report: checked by content, images re-encoded without their
    metadata (GPS position, camera, time) before they are stored, encrypted."""

    report = models.ForeignKey(PublicReport, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=_attachment_path)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    def __str__(self) -> str:
        return f"{self.report_id}:{self.pk}"


class ReportMessage(models.Model):
    """A message from the task force to the reporter, shown on the tracking page."""

    report = models.ForeignKey(PublicReport, on_delete=models.CASCADE, related_name="messages")
    text = EncryptedTextField(_("message"))
    sent_at = models.DateTimeField(default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering: ClassVar = ["sent_at", "id"]

    def __str__(self) -> str:
        return f"{self.report_id}:{self.pk}"


class LicenceStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")
    EXPIRED = "expired", _("Expired")


class PlacementCompany(models.Model):
    """A migrant-worker placement company (P3MI) and its licence (SIP3MI), kept by the
    administrators from the official register; the public checks a recruiter against it."""

    name = models.CharField(_("company name"), max_length=200)
    search_name = models.CharField(max_length=200, editable=False, db_index=True)
    licence_number = models.CharField(_("licence number"), max_length=100, unique=True)
    status = models.CharField(_("licence status"), max_length=20, choices=LicenceStatus.choices)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    province = models.ForeignKey(
        Region,
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("placement company (P3MI)")
        verbose_name_plural = _("placement companies (P3MI)")
        ordering: ClassVar = ["search_name", "id"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        from sigap.intake.recruiters import search_name

        self.search_name = search_name(self.name)
        super().save(*args, **kwargs)

    @property
    def status_today(self) -> str:
        """An active licence past its valid-until date is expired."""
        if (
            self.status == LicenceStatus.ACTIVE
            and self.valid_until is not None
            and self.valid_until < timezone.localdate()
        ):
            return LicenceStatus.EXPIRED
        return self.status

    @property
    def status_today_label(self) -> str:
        return str(LicenceStatus(self.status_today).label)


class InfoPage(models.Model):
    """A public information page (signs of trafficking, safe migration, where to get help),
    in both languages, edited by the secretariat. Plain text: blank lines part paragraphs,
    lines starting with "- " are list items."""

    slug = models.SlugField(_("address"), max_length=60, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_id = models.CharField(_("title (Indonesian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    body_id = models.TextField(_("text (Indonesian)"))
    body_en = models.TextField(_("text (English)"))
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("information page")
        verbose_name_plural = _("information pages")
        ordering: ClassVar = ["order", "slug"]

    def __str__(self) -> str:
        return self.slug

    @property
    def title(self) -> str:
        return self.title_en if (get_language() or "id").startswith("en") else self.title_id

    @property
    def body(self) -> str:
        return self.body_en if (get_language() or "id").startswith("en") else self.body_id
