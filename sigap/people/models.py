"""Persons: one record per human being, shared by cases, monitoring and imports.

Identifying values (names, NIK, phone, address, notes) are encrypted at rest; sex, birth date,
citizenship and home region stay queryable for statistics. A NIK is also kept as a keyed hash
(blind index) for exact search, and names as keyed hashes of their sound keys for tolerant
search.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sigap.core.fields import EncryptedTextField
from sigap.core.models import Agency, Country, Region


class Sex(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")
    OTHER = "X", _("Transgender/non-conforming")
    UNKNOWN = "U", _("Unknown")


class Person(models.Model):
    full_name = EncryptedTextField(_("full name"))
    aliases = EncryptedTextField(_("other names"), blank=True, help_text=_("One name per line."))
    nik = EncryptedTextField(_("NIK"), blank=True)
    nik_index = models.CharField(max_length=32, blank=True, editable=False)  # indexed below
    # Why the NIK does not pass the checks (a parse_nik error code), when it was kept as written
    # on the person's document: recorded and shown, never "corrected".
    nik_problem = models.CharField(_("NIK problem"), max_length=40, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    birth_date_estimated = models.BooleanField(_("birth date is an estimate"), default=False)
    citizenship = models.ForeignKey(
        Country,
        verbose_name=_("citizenship"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,  # indexed below
    )
    home_region = models.ForeignKey(
        Region,
        verbose_name=_("home region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    phone = EncryptedTextField(_("phone"), blank=True)
    address = EncryptedTextField(_("address"), blank=True)
    notes = EncryptedTextField(_("notes"), blank=True)

    # Consent and confidentiality (Law 21/2007 art. 44; UU PDP 27/2022).
    consent_services = models.BooleanField(_("consents to services"), default=False)
    consent_share = models.BooleanField(_("consents to sharing with other agencies"), default=False)
    consent_by_guardian = models.BooleanField(
        _("consent given by a parent or guardian"), default=False
    )
    consent_recorded_at = models.DateTimeField(_("consent recorded at"), null=True, blank=True)
    consent_withdrawn_at = models.DateTimeField(_("consent withdrawn at"), null=True, blank=True)
    identity_protected = models.BooleanField(
        _("identity protected"),
        default=False,
        help_text=_("Hides the name behind a pseudonym even from most officers (art. 44)."),
    )
    pseudonym = models.CharField(_("pseudonym"), max_length=30, editable=False)  # unique below

    # Scope: the agency that registered the person and the region the record belongs to.
    agency = models.ForeignKey(
        Agency, verbose_name=_("registering agency"), on_delete=models.PROTECT, related_name="+"
    )
    region = models.ForeignKey(
        Region, verbose_name=_("record region"), on_delete=models.PROTECT, related_name="+"
    )
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)
    # Set when the secretariat found this record to be a duplicate and merged it into another.
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        ordering: ClassVar = ["-created_at", "-id"]
        # Keys and codes found by equality only: plain indexes, without the second
        # (pattern) index PostgreSQL gets for `db_index`/`unique` on a text column, which
        # only a LIKE search would use and every insert would pay for.
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["pseudonym"], name="person_pseudonym_unique")
        ]
        indexes: ClassVar = [
            models.Index(fields=["nik_index"], name="person_nik_index"),
            models.Index(fields=["citizenship"], name="person_citizenship"),
        ]

    def __str__(self) -> str:
        # Never a name: str() ends up in logs and error reports.
        return self.pseudonym


class PersonNameKey(models.Model):
    """A keyed hash of one sound key of a person's names (see people.names)."""

    # Found by person through the unique (person, key) index: no index of its own.
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="name_keys", db_index=False
    )
    key = models.CharField(max_length=32)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["person", "key"], name="person_name_key_unique")
        ]
        # Name search reads (key -> persons) from the index alone.
        indexes: ClassVar = [models.Index(fields=["key", "person"])]

    def __str__(self) -> str:
        return self.key


class DuplicateStatus(models.TextChoices):
    OPEN = "open", _("Waiting")
    MERGED = "merged", _("Merged")
    DISMISSED = "dismissed", _("Different persons")


class DuplicateCandidate(models.Model):
    """Two records that may be one human being (the same NIK), queued for the secretariat.
    The officer who registered the second record is never told about the first."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    other = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=20, default="nik")
    status = models.CharField(
        max_length=20, choices=DuplicateStatus.choices, default=DuplicateStatus.OPEN
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering: ClassVar = ["status", "-created_at", "-id"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["person", "other"], name="duplicate_pair_unique")
        ]

    def __str__(self) -> str:
        return f"{self.person_id}~{self.other_id}:{self.status}"
