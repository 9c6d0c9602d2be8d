"""sigap send_reminders: notify what is overdue (once per reminder) and send the emails."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from sigap.notifications.services import send_reminders


class Command(BaseCommand):
    help = (
        "Send reminders of overdue referrals and action items (in-app and by email), then "
        "send every email waiting in the outbox. Safe to repeat: a reminder is never sent twice."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        run = send_reminders()
        new = sum(run.reminders.values())
        detail = ", ".join(f"{kind}: {count}" for kind, count in sorted(run.reminders.items()))
        self.stdout.write(f"Pengingat baru: {new}" + (f" ({detail})" if detail else ""))
        self.stdout.write(
            f"Email terkirim: {run.delivery.sent}; gagal (dicoba lagi nanti): {run.delivery.failed}"
        )
        for error in run.delivery.errors[:20]:
            self.stderr.write(error)
