"""Background delivery of notification emails (enqueued when notifications are committed)."""

from __future__ import annotations

from django_tasks import task

from sigap.notifications.services import deliver_outbox


@task()
def deliver_emails() -> int:
    return deliver_outbox().sent
