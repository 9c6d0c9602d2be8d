"""Retention of notifications: event notices are deleted after
SIGAP_RETENTION_NOTIFICATION_DAYS; reminders are kept, since their keys are what makes sure a
reminder is never given twice."""

from __future__ import annotations

from datetime import datetime

from sigap.core.models import User
from sigap.core.retention import register
from sigap.notifications.models import Notification


@register("notifications", "SIGAP_RETENTION_NOTIFICATION_DAYS")
def _purge_notifications(cutoff: datetime, actor: User) -> int:
    old = Notification.objects.filter(created_at__lt=cutoff, key="", email_pending=False)
    return int(old.delete()[0])
