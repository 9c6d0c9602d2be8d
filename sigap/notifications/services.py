"""Notify users, keep the email outbox, and send reminders.

`notify` writes in-app notifications (with their email waiting in the outbox when the user
wants email) inside the caller's transaction; once it commits, a task empties the outbox.
`send_reminders` asks the registered reminder sources what is overdue and notifies each
user once per reminder key, then sends the outbox synchronously. Both are safe to repeat.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import BadHeaderError, send_mail
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone, translation
from django.utils.functional import Promise

from sigap.core.access import Action, can
from sigap.core.models import SYSTEM_USERNAME, User
from sigap.notifications.models import Notification

# A text written in the language active when it is called (a lazy translation, or a function
# that formats one), so that each notification is kept in both languages.
Text = Callable[[], str | Promise]

LANGUAGES = ("id", "en")


def _in(language: str, text: Text) -> str:
    """The text in `language`, on one line (it becomes an email's subject)."""
    with translation.override(language):
        return " ".join(str(text()).split())[:300]


def agency_members(
    agency_ids: Iterable[int], about: Model, *, besides: User | None = None
) -> list[User]:
    """Who hears about a record for agencies: their active members who may open it (an
    analyst is not told of a referral, nor anyone of a record out of their scope), but not
    `besides` (whoever made the change)."""
    members = (
        User.objects.filter(agency_id__in=list(agency_ids), is_active=True)
        .exclude(role="")
        .exclude(username=SYSTEM_USERNAME)
        .order_by("pk")
    )
    if besides is not None:
        members = members.exclude(pk=besides.pk)
    return [user for user in members if can(user, about, Action.VIEW)]


def notify(
    users: Iterable[User],
    kind: str,
    text: Text,
    url: str = "",
    key: str = "",
    *,
    deliver_later: bool = True,
) -> int:
    """Notify each user (once per key, when a key is given), and have the emails sent once
    the transaction commits. Returns how many notifications were new."""
    texts = {f"text_{language}": _in(language, text) for language in LANGUAGES}
    created = 0
    for user in users:
        notification = Notification(
            user=user,
            kind=kind,
            url=url,
            key=key,
            email_pending=bool(user.email_notifications and user.email),
            **texts,
        )
        if key:
            if Notification.objects.filter(user=user, key=key).exists():
                continue
            try:
                with transaction.atomic():
                    notification.save()
            except IntegrityError:  # a concurrent run gave the same reminder first
                continue
        else:
            notification.save()
        created += 1
    if created and deliver_later:
        transaction.on_commit(_enqueue_delivery)
    return created


def _enqueue_delivery() -> None:
    from sigap.notifications.tasks import deliver_emails

    deliver_emails.enqueue()


@dataclass
class Delivery:
    sent: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def _claim(notification: Notification) -> bool:
    """Take one notification out of the outbox; False when another sender took it first."""
    return bool(
        Notification.objects.filter(pk=notification.pk, email_pending=True).update(
            email_pending=False
        )
    )


def deliver_outbox(limit: int = 500) -> Delivery:
    """Send the waiting emails. One the mail server refused or could not take goes back to
    the outbox for the next run (if the server failed after taking it, it may come twice);
    one that can never be sent is dropped and counted as failed, and the others still go."""
    result = Delivery()
    waiting = Notification.objects.filter(email_pending=True).select_related("user")
    for notification in waiting.order_by("id")[:limit]:
        user = notification.user
        if not _claim(notification):
            continue
        if not (user.is_active and user.email and user.email_notifications):
            continue
        try:
            send_mail(
                subject=f"[SIGAP] {notification.text_id}"[:150],
                message=_email_body(notification),
                from_email=None,
                recipient_list=[user.email],
            )
        except OSError as error:  # SMTP refused or unreachable: try again next time
            Notification.objects.filter(pk=notification.pk).update(email_pending=True)
            result.failed += 1
            result.errors.append(f"{user.email}: {error}")
            continue
        except (BadHeaderError, ValueError) as error:  # cannot be sent as it is: not retried
            result.failed += 1
            result.errors.append(f"{user.email}: {error}")
            continue
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
        result.sent += 1
    return result


def _email_body(notification: Notification) -> str:
    link = f"{settings.SIGAP_BASE_URL.rstrip('/')}{notification.url}" if notification.url else ""
    lines = [notification.text_id]
    if link:
        lines += ["", f"Buka di SIGAP: {link}"]
    lines += [
        "",
        "Pesan ini tidak memuat data korban; rinciannya hanya dapat dilihat di SIGAP.",
        "Untuk berhenti menerima email, ubah pengaturan di halaman Notifikasi.",
        "",
        "—",
        notification.text_en,
        *([f"Open in SIGAP: {link}"] if link else []),
    ]
    return "\n".join(lines)


# Reminder sources: each yields what is due for reminding now.
@dataclass(frozen=True)
class Reminder:
    kind: str
    key: str
    users: list[User]
    text: Text
    url: str


_SOURCES: list[Callable[[], Iterator[Reminder]]] = []


def register_reminders(source: Callable[[], Iterator[Reminder]]) -> None:
    _SOURCES.append(source)


@dataclass
class ReminderRun:
    reminders: dict[str, int] = field(default_factory=dict)  # new notifications per kind
    delivery: Delivery = field(default_factory=Delivery)


def send_reminders() -> ReminderRun:
    """Notify what is overdue (each reminder once per user), then send the outbox."""
    run = ReminderRun()
    for source in _SOURCES:
        for reminder in source():
            with transaction.atomic():
                new = notify(
                    reminder.users,
                    reminder.kind,
                    reminder.text,
                    reminder.url,
                    reminder.key,
                    deliver_later=False,
                )
            run.reminders[reminder.kind] = run.reminders.get(reminder.kind, 0) + new
    run.delivery = deliver_outbox(limit=10_000)
    return run


def mark_read(user: User, pk: int | None = None) -> int:
    """Mark one of the user's notifications (or all of them) as read."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if pk is not None:
        unread = unread.filter(pk=pk)
    return unread.update(read_at=timezone.now())


def email_setting_change(user: User, enabled: bool) -> None:
    user.email_notifications = enabled
    user.save(update_fields=["email_notifications"])
    if not enabled:  # what waits in the outbox is no longer wanted
        Notification.objects.filter(user=user, email_pending=True).update(email_pending=False)
