"""The demo's public reports and placement companies: synthetic, through the services, some
triaged, one urgent waiting; a second run adds nothing."""

import pytest

from sigap.cases.demo import SYNTHETIC_MARK
from sigap.core.demo import create_demo_users
from sigap.core.models import User
from sigap.intake import selectors
from sigap.intake.demo import create_demo_intake
from sigap.intake.models import PlacementCompany, PublicReport
from sigap.intake.recruiters import search

pytestmark = pytest.mark.django_db


def test_the_demo_portal_data():
    create_demo_users()
    assert create_demo_intake() == {
        "demo_public_reports_created": 5, "demo_placement_companies": 4
    }  # fmt: skip
    reports = list(PublicReport.objects.all())
    assert all(SYNTHETIC_MARK in report.what_happened for report in reports)
    accepted = PublicReport.objects.get(triage="accepted")
    assert accepted.case.source == "community_report" and accepted.channel == "phone"
    assert accepted.recorded_by.username == "aisyah"
    waiting = list(selectors.queue(User.objects.get(username="aisyah")))
    assert waiting[0].urgent and {r.triage for r in waiting} == {"new", "needs_info"}
    assert search("martapura jaya")[0].status_today == "expired"
    assert PlacementCompany.objects.count() == 4
    assert create_demo_intake() == {"demo_public_reports_created": 0}
