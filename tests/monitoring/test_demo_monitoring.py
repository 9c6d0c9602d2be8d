"""The demo's monitoring: the import's risky returns enrolled, follow-ups of two of them, and
Hulu Sungai Utara's task force watching two more (one due this week, one overdue); a second
run adds nothing. All synthetic."""

import pytest
from django.utils import timezone

from sigap.core.demo import create_demo_users
from sigap.core.models import User
from sigap.imports.demo import create_demo_imports
from sigap.imports.models import MigrantReturn
from sigap.monitoring.demo import create_demo_monitoring
from sigap.monitoring.models import Enrolment, FollowUp, RiskLevel
from sigap.monitoring.selectors import board

pytestmark = pytest.mark.django_db


def test_the_demo_watches_the_risky_returns_and_hulu_sungai_utara():
    create_demo_users()
    create_demo_imports()
    risky = MigrantReturn.objects.filter(needs_follow_up=True).values("person").distinct().count()
    summary = create_demo_monitoring()
    assert summary == {"demo_follow_ups": 2, "demo_enrolments": risky + 2,
                       "demo_prevention_activities": 3}  # fmt: skip
    assert {f.risk_level for f in FollowUp.objects.all()} == {RiskLevel.HIGH, RiskLevel.MEDIUM}
    assert all("(fiktif)" in e.person.full_name for e in Enrolment.objects.select_related("person"))
    hsu = board(User.objects.get(username="riduan"), timezone.localdate())
    assert (hsu.due_this_week, hsu.overdue) >= (1, 1)
    assert create_demo_monitoring() == {"demo_follow_ups": 0}
