"""Referrals (rujukan) between agencies, the services they ask for, and services delivered.

The service chain follows Permen PPPA 8/2021 on the handling of trafficking victims; each
service type carries a default time limit (first aid and health rehabilitation: 7 days from
the request, Law 21/2007 art. 53), editable like the rest of the catalogue.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sigap.cases.models import Case, CaseParty
from sigap.core.fields import EncryptedTextField
from sigap.core.models import Agency, Region


class ServiceType(models.Model):
    slug = models.SlugField(_("short key"), max_length=40, unique=True)
    name_id = models.CharField(_("name (Indonesian)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    order = models.PositiveSmallIntegerField(_("order in the chain"), default=0)
    days_allowed = models.PositiveSmallIntegerField(
        _("days allowed"), help_text=_("Default time limit from the request, in days.")
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("service type")
        verbose_name_plural = _("service types")
        ordering: ClassVar = ["order", "slug"]

    def __str__(self) -> str:
        return self.name_en if (get_language() or "id").startswith("en") else self.name_id


class AgencyService(models.Model):
    """A service an agency provides, in a region (its jurisdiction or part of it)."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="services")
    service_type = models.ForeignKey(ServiceType, on_delete=models.PROTECT, related_name="+")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("service of an agency")
        verbose_name_plural = _("services of agencies")
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["agency", "service_type", "region"], name="agency_service_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency_id}:{self.service_type_id}:{self.region_id}"


class ReferralStatus(models.TextChoices):
    SENT = "sent", _("Sent")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


# A referral still to be answered or carried out.
OPEN_STATUSES = frozenset(
    {ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS}
)


class Referral(models.Model):
    number = models.CharField(_("referral number"), max_length=40, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="referrals")
    party = models.ForeignKey(CaseParty, on_delete=models.PROTECT, related_name="referrals")
    service_type = models.ForeignKey(
        ServiceType, verbose_name=_("service"), on_delete=models.PROTECT, related_name="+"
    )
    from_agency = models.ForeignKey(
        Agency, verbose_name=_("from"), on_delete=models.PROTECT, related_name="+"
    )
    to_agency = models.ForeignKey(
        Agency, verbose_name=_("to"), on_delete=models.PROTECT, related_name="+"
    )
    reason = EncryptedTextField(_("reason"))
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=20, choices=ReferralStatus.choices, default=ReferralStatus.SENT
    )
    # The receiving agency sees the referred person and their screening; the whole case only
    # when the sender grants it.
    grants_whole_case = models.BooleanField(_("the receiving agency may see the whole case"))
    # Without the victim's consent to sharing, the secretariat may refer with a reason.
    consent_override_reason = EncryptedTextField(
        _("reason for referring without consent"), blank=True
    )
    decline_reason = EncryptedTextField(_("reason for declining"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering: ClassVar = ["-created_at", "-id"]
        indexes: ClassVar = [
            models.Index(fields=["to_agency", "status", "due_on"]),
            models.Index(fields=["from_agency", "status", "due_on"]),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_overdue(self) -> bool:
        return self.status in OPEN_STATUSES and self.due_on < timezone.localdate()


class ReferralEvent(models.Model):
    """The referral's status history."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    before = models.CharField(max_length=20, choices=ReferralStatus.choices, blank=True)
    after = models.CharField(max_length=20, choices=ReferralStatus.choices)

    class Meta:
        ordering: ClassVar = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.referral_id}:{self.before}->{self.after}"


class ServiceRecord(models.Model):
    """A service actually delivered for a referral: what, when, by whom."""

    referral = models.ForeignKey(Referral, on_delete=models.CASCADE, related_name="services")
    delivered_on = models.DateField(_("delivered on"))
    description = EncryptedTextField(_("what was done"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("service delivered")
        verbose_name_plural = _("services delivered")
        ordering: ClassVar = ["delivered_on", "id"]

    def __str__(self) -> str:
        return f"{self.referral_id}:{self.delivered_on}"
