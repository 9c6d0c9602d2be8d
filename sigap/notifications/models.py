"""In-app notifications, each with its email when the user wants email.

A notification names no victim: it says what happened to which referral, meeting or action
item (by number or title) and links to the page, where access is checked as always. Its text
is kept in both languages of the interface, written when it is created.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=40)
    text_id = models.CharField(_("text (Indonesian)"), max_length=300)
    text_en = models.CharField(_("text (English)"), max_length=300)
    url = models.CharField(_("link"), max_length=200, blank=True)
    # A reminder's key: the same reminder is never given to the same user twice.
    key = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    # Waiting in the outbox for its email; emailed_at when it went out.
    email_pending = models.BooleanField(default=False)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering: ClassVar = ["-created_at", "-id"]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["user", "key"], condition=~Q(key=""), name="notification_key_once"
            )
        ]
        indexes: ClassVar = [
            models.Index(fields=["user", "read_at"]),
            models.Index(fields=["email_pending"], condition=Q(email_pending=True), name="outbox"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.kind}:{self.pk}"

    @property
    def text(self) -> str:
        return self.text_en if (get_language() or "id").startswith("en") else self.text_id
