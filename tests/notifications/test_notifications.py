"""Notifications: who is told what when a referral arrives or changes and an action item is
assigned; the email outbox (once, per-user setting, retried after an SMTP failure); reminders
of overdue referrals and action items (run twice, one email); the notification pages."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from sigap.cases import services as case_services
from sigap.cases.models import PartyRole
from sigap.coordination import services as coordination
from sigap.core.models import Agency
from sigap.notifications.models import Notification
from sigap.notifications.services import deliver_outbox, email_setting_change
from sigap.people.services import person_create
from sigap.referrals import services as referrals
from sigap.referrals.models import Referral, ServiceType
from tests.conftest import make_persona, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_email(siti, normila):
    for user in (siti, normila):
        user.email = f"{user.username}@sintetis.invalid"
        user.save()
    return siti, normila


@pytest.fixture
def referral(siti, with_email):
    case = case_services.case_create(
        actor=siti, reported_on=date(2024, 3, 1), source="police", region_id="63.03"
    )
    person = person_create(
        actor=siti, full_name="Jumiati Sintetis", region_id="63.03", consent_share=True
    )
    party = case_services.party_add(actor=siti, case=case, person=person, role=PartyRole.VICTIM)
    return referrals.referral_send(
        actor=siti,
        party=party,
        service_type=ServiceType.objects.get(slug="psychosocial"),
        to_agency=Agency.objects.get(slug="dinsos-kalsel"),
        reason="Pendampingan psikososial (sintetis).",
    )


@pytest.fixture
def meeting(siti):
    return coordination.meeting_create(
        actor=siti, title="Rakor TPPO (sintetis)", level="province", region_id="63",
        held_on=date(2024, 11, 28),
    )  # fmt: skip


def test_a_new_referral_tells_the_receiving_agency_in_both_languages_without_the_name(
    siti, normila, referral
):
    notice = Notification.objects.get(user=normila)
    assert notice.kind == "referral_received" and notice.read_at is None
    assert referral.number in notice.text_id and "Pendampingan psikososial" in notice.text_id
    assert referral.number in notice.text_en and "Psychosocial" in notice.text_en
    assert "Jumiati" not in notice.text_id + notice.text_en
    assert notice.url == reverse("referrals:referral_detail", args=[referral.pk])
    assert not Notification.objects.filter(user=siti).exists()  # the sender did it


def test_each_answer_tells_the_sender_and_a_cancellation_tells_the_receiver(
    siti, normila, referral
):
    referrals.referral_accept(actor=normila, referral=referral)
    told = Notification.objects.get(user=siti, kind="referral_status")
    assert "Diterima" in told.text_id and "Accepted" in told.text_en
    referrals.referral_cancel(actor=siti, referral=referral)
    assert Notification.objects.filter(user=normila, kind="referral_status").count() == 1


def test_an_action_item_tells_the_owner_agency(siti, normila, meeting):
    coordination.action_item_add(
        actor=siti, meeting=meeting, what="Data korban Ani (sintetis)", owner=normila.agency,
        due_on=date(2024, 12, 12),
    )  # fmt: skip
    notice = Notification.objects.get(user=normila)
    assert notice.kind == "action_assigned" and "Rakor TPPO (sintetis)" in notice.text_id
    assert "12-12-2024" in notice.text_id and "Ani" not in notice.text_id


def test_the_outbox_sends_each_email_once_and_names_no_victim(normila, referral):
    result = deliver_outbox()
    assert result.sent == 1 and len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [normila.email] and referral.number in message.subject
    assert f"/rujukan/{referral.pk}/" in message.body and "Jumiati" not in message.body
    assert deliver_outbox().sent == 0 and len(mail.outbox) == 1
    assert Notification.objects.get(user=normila).emailed_at is not None


def test_a_user_without_email_or_who_turned_it_off_gets_the_notice_but_no_email(
    siti, normila, with_email, meeting
):
    email_setting_change(normila, False)
    coordination.action_item_add(
        actor=siti, meeting=meeting, what="x", owner=normila.agency, due_on=date(2024, 12, 1)
    )
    assert Notification.objects.filter(user=normila).count() == 1
    assert deliver_outbox().sent == 0 and mail.outbox == []


def test_turning_email_off_drops_what_waits_in_the_outbox(normila, referral):
    email_setting_change(normila, False)
    assert deliver_outbox().sent == 0 and mail.outbox == []


@override_settings(
    EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    EMAIL_HOST="127.0.0.1",
    EMAIL_PORT=9,  # nothing listens: the connection is refused
    EMAIL_USE_TLS=False,
    EMAIL_TIMEOUT=2,
)
def test_an_email_that_cannot_be_sent_waits_for_the_next_run(normila, referral):
    result = deliver_outbox()
    assert result.sent == 0 and result.failed == 1 and "normila@" in result.errors[0]
    assert Notification.objects.get(user=normila).email_pending


def test_send_reminders_twice_sends_one_email_per_reminder(siti, normila, referral, meeting):
    item = coordination.action_item_add(
        actor=siti, meeting=meeting, what="x", owner=normila.agency, due_on=date(2024, 12, 1)
    )
    yesterday = timezone.localdate() - timedelta(days=1)
    Referral.objects.filter(pk=referral.pk).update(due_on=yesterday)
    deliver_outbox()  # the notices of the referral and the item themselves
    mail.outbox.clear()

    out = StringIO()
    call_command("send_reminders", stdout=out)
    assert "Pengingat baru: 3" in out.getvalue()  # referral: both agencies; item: its owner
    assert sorted(m.to[0] for m in mail.outbox) == [
        "normila@sintetis.invalid", "normila@sintetis.invalid", "siti@sintetis.invalid"
    ]  # fmt: skip
    late = Notification.objects.filter(user=normila, kind="action_overdue").get()
    assert late.url == reverse("coordination:action_item_detail", args=[item.pk])

    again = StringIO()
    call_command("send_reminders", stdout=again)
    assert "Pengingat baru: 0" in again.getvalue() and "Email terkirim: 0" in again.getvalue()
    assert len(mail.outbox) == 3
    assert Notification.objects.filter(kind__endswith="_overdue").count() == 3


def test_a_new_due_date_can_be_reminded_again_and_closed_items_are_not(siti, normila, referral):
    Referral.objects.filter(pk=referral.pk).update(due_on=timezone.localdate() - timedelta(days=3))
    call_command("send_reminders", stdout=StringIO())
    Referral.objects.filter(pk=referral.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    call_command("send_reminders", stdout=StringIO())
    assert Notification.objects.filter(user=normila, kind="referral_overdue").count() == 2
    referrals.referral_cancel(actor=siti, referral=referral)
    Referral.objects.filter(pk=referral.pk).update(due_on=timezone.localdate() - timedelta(days=2))
    call_command("send_reminders", stdout=StringIO())
    assert Notification.objects.filter(user=normila, kind="referral_overdue").count() == 2


def test_the_pages_list_open_and_mark_read(client, siti, normila, referral):
    sign_in(client, normila)
    page = client.get(reverse("notifications:notification_list"))
    assert page.status_code == 200 and referral.number in page.content.decode()
    assert 'data-unread="1"' in page.content.decode()
    notice = Notification.objects.get(user=normila)
    opened = client.post(reverse("notifications:notification_open", args=[notice.pk]))
    assert opened.status_code == 302 and opened.url == notice.url
    notice.refresh_from_db()
    assert notice.read_at is not None
    assert 'data-unread="0"' in client.get(reverse("home")).content.decode()
    # someone else's notification is not there
    theirs = Notification.objects.create(user=siti, kind="x", text_id="x", text_en="x")
    missing = client.post(reverse("notifications:notification_open", args=[theirs.pk]))
    assert missing.status_code == 404


def test_the_email_setting_is_the_users_own(client, normila, referral):
    sign_in(client, normila)
    client.post(reverse("notifications:email_setting"), {})
    normila.refresh_from_db()
    assert normila.email_notifications is False
    assert not Notification.objects.filter(email_pending=True).exists()
    client.post(reverse("notifications:email_setting"), {"email_notifications": "on"})
    normila.refresh_from_db()
    assert normila.email_notifications is True


def test_read_all(client, siti, normila, referral):
    referrals.referral_accept(actor=normila, referral=referral)
    rahmadi = make_persona("rahmadi")
    Notification.objects.create(user=rahmadi, kind="x", text_id="x", text_en="x")
    sign_in(client, siti)
    client.post(reverse("notifications:notification_read_all"))
    assert not Notification.objects.filter(user=siti, read_at__isnull=True).exists()
    assert Notification.objects.filter(user=rahmadi, read_at__isnull=True).exists()


def test_old_notices_are_purged_and_reminders_kept(siti, normila, referral):
    from sigap.core.retention import purge_expired

    Referral.objects.filter(pk=referral.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    call_command("send_reminders", stdout=StringIO())
    later = timezone.now() + timedelta(days=400)
    purged = purge_expired(actor=siti, now=later)
    assert purged["notifications"] == 1  # the notice of the new referral
    kinds = set(Notification.objects.values_list("kind", flat=True))
    assert kinds == {"referral_overdue"}
