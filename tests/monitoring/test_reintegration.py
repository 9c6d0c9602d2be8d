"""Reintegration plans of survivors: goals served by the survivor's referrals, progress
reviews, and the closure once no goal is open; only for a survivor's active watch. All data
is synthetic."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from sigap.cases import services as case_services
from sigap.cases.models import PartyRole
from sigap.core.models import Agency
from sigap.monitoring import reintegration, services
from sigap.monitoring.models import Group, PlanStatus
from sigap.monitoring.services import MonitoringError
from sigap.people.services import person_create
from sigap.referrals import services as referral_services
from sigap.referrals.models import ServiceType
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def survivor(siti):
    """A survivor of a case in Kab. Banjar, referred to Dinsos for psychosocial support."""
    person = person_create(actor=siti, full_name="Rosita Sintetis", sex="F", region_id="63.03",
                           birth_date=date(1998, 8, 8), consent_share=True)  # fmt: skip
    case = case_services.case_create(actor=siti, reported_on=date(2024, 3, 1), source="police",
                                     region_id="63.03")  # fmt: skip
    party = case_services.party_add(actor=siti, case=case, person=person, role=PartyRole.VICTIM)
    referral = referral_services.referral_send(
        actor=siti, party=party, service_type=ServiceType.objects.get(slug="psychosocial"),
        to_agency=Agency.objects.get(slug="dinsos-kalsel"), reason="Pendampingan (sintetis).",
    )  # fmt: skip
    enrolment, _new = services.enrol(actor=siti, person=person, group=Group.SURVIVOR,
                                     region_id="63.03")  # fmt: skip
    return enrolment, referral


def test_a_plan_runs_from_goals_to_closure(siti, survivor):
    enrolment, referral = survivor
    plan = reintegration.plan_open(actor=siti, enrolment=enrolment)
    assert reintegration.plan_open(actor=siti, enrolment=enrolment) == plan  # one plan
    health = reintegration.goal_add(actor=siti, plan=plan, area="health",
                                    description="Pulih dari trauma (sintetis).",
                                    referral=referral)  # fmt: skip
    work = reintegration.goal_add(actor=siti, plan=plan, area="livelihood",
                                  description="Usaha warung (sintetis).")  # fmt: skip
    reintegration.review_add(actor=siti, plan=plan, reviewed_on=timezone.localdate(),
                             progress="Konseling berjalan (sintetis).")  # fmt: skip
    with pytest.raises(MonitoringError) as refused:
        reintegration.plan_close(actor=siti, plan=plan, summary="Selesai.")
    assert refused.value.code == "goals_open"
    reintegration.goal_move(actor=siti, goal=health, status="achieved")
    reintegration.goal_move(actor=siti, goal=work, status="dropped")
    closed = reintegration.plan_close(actor=siti, plan=plan, summary="Mandiri (sintetis).")
    assert closed.status == PlanStatus.CLOSED
    with pytest.raises(MonitoringError):
        reintegration.goal_add(actor=siti, plan=plan, area="legal", description="x")


def test_a_plan_is_for_survivors_and_a_goal_takes_only_their_referrals(siti, survivor, riduan):
    enrolment, referral = survivor
    other = person_create(actor=siti, full_name="Sinta Sintetis", region_id="63.03")
    watched, _new = services.enrol(actor=siti, person=other, group=Group.CHILD_AT_RISK)
    with pytest.raises(MonitoringError) as refused:
        reintegration.plan_open(actor=siti, enrolment=watched)
    assert refused.value.code == "not_survivor"
    plan = reintegration.plan_open(actor=siti, enrolment=enrolment)
    stranger, _new = services.enrol(actor=siti, person=other, group=Group.SURVIVOR)
    foreign = reintegration.plan_open(actor=siti, enrolment=stranger)
    with pytest.raises(MonitoringError) as refused:
        reintegration.goal_add(actor=siti, plan=foreign, area="health", description="x",
                               referral=referral)  # fmt: skip
    assert refused.value.code == "referral_not_theirs"
    with pytest.raises(MonitoringError):  # Hulu Sungai Utara's officer keeps no Banjar plan
        reintegration.goal_add(actor=riduan, plan=plan, area="health", description="x")


def test_the_plan_on_the_enrolment_page(client, siti, survivor):
    enrolment, referral = survivor
    sign_in(client, siti)
    base = reverse("monitoring:enrolment_detail", args=[enrolment.pk])
    client.post(reverse("monitoring:plan_open", args=[enrolment.pk]))
    client.post(reverse("monitoring:goal_add", args=[enrolment.pk]), {
        "area": "documents", "description": "KTP baru (sintetis).", "referral": referral.pk,
    })  # fmt: skip
    today = timezone.localdate().isoformat()
    empty = client.post(reverse("monitoring:review_add", args=[enrolment.pk]),
                        {"reviewed_on": today, "progress": ""})  # fmt: skip
    assert empty.status_code == 302
    page = client.get(base).content.decode()
    assert "KTP baru (sintetis)." in page and referral.number in page
    goal = enrolment.reintegration_plan.goals.get()
    client.post(reverse("monitoring:goal_move", args=[enrolment.pk, goal.pk]),
                {"status": "achieved"})  # fmt: skip
    client.post(reverse("monitoring:plan_close", args=[enrolment.pk]), {"summary": "Selesai."})
    enrolment.reintegration_plan.refresh_from_db()
    assert enrolment.reintegration_plan.status == PlanStatus.CLOSED
    assert not enrolment.reintegration_plan.reviews.exists()  # the empty review was refused
