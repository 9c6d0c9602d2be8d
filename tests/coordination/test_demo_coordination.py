"""The demo's referrals, meetings and hand-over: made through the services, in every state,
some overdue on the day the demo is loaded and owned by demo users who get email, so that
`sigap send_reminders` has something to send; a second run adds nothing."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from sigap.cases.demo import SYNTHETIC_MARK, create_demo_cases
from sigap.coordination.demo import create_demo_coordination
from sigap.coordination.models import OPEN_STATUSES, ActionItem, CaseTransfer, Meeting
from sigap.core.demo import create_demo_users
from sigap.core.models import User
from sigap.referrals.demo import create_demo_referrals
from sigap.referrals.models import Referral

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    create_demo_users()
    create_demo_cases(count=120)
    return {**create_demo_referrals(), **create_demo_coordination()}


def test_the_demo_has_referrals_in_every_state_some_overdue_for_a_user_with_email(demo):
    assert demo["demo_referrals_created"] >= 6
    referrals = list(Referral.objects.all())
    assert {r.status for r in referrals} >= {"sent", "accepted", "in_progress", "completed"}
    assert all(SYNTHETIC_MARK in r.reason for r in referrals)
    normila = User.objects.get(username="normila")
    late = [r for r in referrals if r.is_overdue and r.to_agency_id == normila.agency_id]
    assert len(late) >= 2 and normila.email and normila.email_notifications
    assert all(r.created_at.date() < timezone.localdate() for r in late)


def test_the_demo_has_meetings_with_overdue_items_and_a_waiting_hand_over(demo):
    assert demo["demo_meetings_created"] == 3 and demo["demo_hand_overs_created"] == 1
    late = [item for item in ActionItem.objects.all() if item.is_overdue]
    owners = {item.owner.slug for item in late}
    assert {"dinsos-kalsel", "polres-banjar", "gt-hsu"} <= owners
    upcoming = Meeting.objects.filter(held_on__gt=timezone.localdate()).get()
    assert upcoming.agencies.filter(slug="dinsos-kalsel").exists()
    assert ActionItem.objects.filter(status__in=OPEN_STATUSES).count() >= 3
    assert CaseTransfer.objects.get().status == "requested"


def test_reminders_reach_the_demo_users_and_a_second_run_adds_nothing(demo):
    call_command("send_reminders", stdout=StringIO())
    recipients = {message.to[0] for message in mail.outbox}
    assert "normila@demo.sigap.invalid" in recipients
    assert "rahmadi@demo.sigap.invalid" in recipients
    assert "fauzan@demo.sigap.invalid" not in recipients  # an analyst works with no referral
    count = len(mail.outbox)
    call_command("send_reminders", stdout=StringIO())
    assert len(mail.outbox) == count
    assert create_demo_referrals() == {"demo_referrals_created": 0}
    assert create_demo_coordination() == {"demo_meetings_created": 0}
