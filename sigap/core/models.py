"""Reference data (regions, countries, agencies), users and the audit log."""

from __future__ import annotations

from typing import ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sigap.core.parsing import is_kota_code

SYSTEM_USERNAME = "sigap-system"


class RegionLevel(models.TextChoices):
    PROVINCE = "province", _("Province")
    REGENCY = "regency", _("Regency/city")
    DISTRICT = "district", _("District")
    VILLAGE = "village", _("Village")


class Region(models.Model):
    """A Kemendagri region. The dotted code is the key: `63`, `63.03`, `63.03.01`, ..."""

    code = models.CharField(_("code"), max_length=13, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    level = models.CharField(_("level"), max_length=10, choices=RegionLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering: ClassVar = ["code"]
        indexes: ClassVar = [models.Index(fields=["level", "name"])]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def is_kota(self) -> bool:
        """Regency codes 71-99 are cities (kota), 01-69 regencies (kabupaten)."""
        return self.level == RegionLevel.REGENCY and is_kota_code(self.code)


class RegionBoundary(models.Model):
    """A boundary polygon (GeoJSON geometry, [lng, lat]) for drawing maps without tiles."""

    region = models.OneToOneField(
        Region, on_delete=models.CASCADE, primary_key=True, related_name="boundary"
    )
    geometry = models.JSONField(_("geometry"))
    center_lng = models.FloatField(_("centre longitude"))
    center_lat = models.FloatField(_("centre latitude"))

    class Meta:
        verbose_name = _("region boundary")
        verbose_name_plural = _("region boundaries")

    def __str__(self) -> str:
        return str(self.region_id)


class Country(models.Model):
    """An ISO 3166-1 country; data stores the alpha-2 code, pages show the name."""

    code = models.CharField(_("alpha-2 code"), max_length=2, primary_key=True)
    alpha3 = models.CharField(_("alpha-3 code"), max_length=3, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_id = models.CharField(_("name (Indonesian)"), max_length=100)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering: ClassVar = ["name_id"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "id").startswith("en") else self.name_id


class AgencyKind(models.TextChoices):
    SECRETARIAT = "secretariat", _("Task-force secretariat")
    TASK_FORCE = "task_force", _("Regency/city task force")
    POLICE = "police", _("Police")
    PROSECUTION = "prosecution", _("Prosecution")
    SOCIAL = "social", _("Social affairs")
    MANPOWER = "manpower", _("Manpower")
    MIGRANT_PROTECTION = "migrant_protection", _("Migrant worker protection (BP3MI)")
    IMMIGRATION = "immigration", _("Immigration")
    HEALTH = "health", _("Health")
    EDUCATION = "education", _("Education")
    WOMEN_CHILDREN = "women_children", _("Women and child protection")
    NGO = "ngo", _("Non-governmental organisation")
    OTHER = "other", _("Other")


class Agency(models.Model):
    """An agency or stakeholder of the task force; seeded from reference data, then editable."""

    slug = models.SlugField(_("short key"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=AgencyKind.choices)
    jurisdiction = models.ForeignKey(
        Region, verbose_name=_("jurisdiction"), on_delete=models.PROTECT, related_name="agencies"
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering: ClassVar = ["jurisdiction_id", "name"]

    def __str__(self) -> str:
        return self.short_name or self.name


class Role(models.TextChoices):
    SECRETARIAT = "secretariat", _("Task-force secretariat")
    AGENCY_OFFICER = "agency_officer", _("Agency officer")
    REGENCY_OFFICER = "regency_officer", _("Regency officer")
    ANALYST = "analyst", _("Analyst")
    TRIAGE = "triage", _("Public-report triage")
    ADMIN = "admin", _("System administrator")


class SigapUserManager(UserManager["User"]):
    def system_actor(self) -> User:
        """The audited actor of commands and tasks that no person started."""
        user, created = self.get_or_create(
            username=SYSTEM_USERNAME,
            defaults={"first_name": "SIGAP", "last_name": "(sistem)", "is_active": False},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        return user


class User(AbstractUser):
    """A person who signs in: a member of one agency, with one role, within one region."""

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("work region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The region subtree this user works in."),
    )
    email_notifications = models.BooleanField(
        _("email notifications"),
        default=True,
        help_text=_("Also send notifications and reminders by email."),
    )

    objects = SigapUserManager()  # type: ignore[misc]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class AuditEvent(models.Model):
    """One thing someone did. Rows are only ever added (see core.audit)."""

    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        User, verbose_name=_("actor"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    actor_label = models.CharField(_("actor name"), max_length=150)
    action = models.CharField(_("action"), max_length=40, db_index=True)
    object_type = models.CharField(_("object type"), max_length=60, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering: ClassVar = ["-at", "-id"]
        indexes: ClassVar = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"


class Heartbeat(models.Model):
    """The last time a background process showed it is alive (read by /healthz)."""

    name = models.CharField(max_length=40, primary_key=True)
    seen_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.name} {self.seen_at:%Y-%m-%d %H:%M:%S}"


class Sequence(models.Model):
    """A named counter (pseudonyms per year, case references per region and year): numbers
    are taken under a row lock and never given twice (see core.sequences)."""

    name = models.CharField(max_length=80, primary_key=True)
    last = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name}: {self.last}"
