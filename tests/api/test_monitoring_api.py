"""The monitoring API: enrolments, follow-ups with the questionnaire and escalation, with the
same rules as the pages (scope, schedule, one case per follow-up). All data is synthetic."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from sigap.cases.models import Case
from sigap.monitoring import questionnaire as default
from sigap.monitoring.models import Enrolment
from sigap.people.services import person_create

pytestmark = pytest.mark.django_db

NONE = {key: "no" for key, *_rest in default.QUESTIONS} | {"support": "yes"}


@pytest.fixture
def person(riduan):
    return person_create(actor=riduan, full_name="Sari Sintetis", sex="F",
                         birth_date=date(2008, 5, 5), region_id="63.08",
                         home_region_id="63.08")  # fmt: skip


def test_an_officer_enrols_follows_up_and_escalates_through_the_api(api_as, riduan, person):
    api = api_as(riduan)
    created = api.post("/enrolments", {"person_id": person.pk, "group": "child_at_risk",
                                       "reason": "Putus sekolah (sintetis)."})  # fmt: skip
    assert created.status_code == 201, created.content
    enrolment = created.json()
    assert enrolment["person"] == "Sari Sintetis" and enrolment["region"] == "63.08"
    again = api.post("/enrolments", {"person_id": person.pk, "group": "child_at_risk"})
    assert again.status_code == 200 and again.json()["id"] == enrolment["id"]

    questionnaire = api.get("/questionnaires/current").json()
    assert questionnaire["version"] == 1 and len(questionnaire["questions"]) == 10
    today = timezone.localdate()
    answered = api.post(f"/enrolments/{enrolment['id']}/follow-ups", {
        "kind": "visit", "done_on": today.strftime("%d/%m/%Y"),  # day first, as on the pages
        "answers": NONE | {"documents_held": "yes", "child": "yes", "debt": "yes"},
    })  # fmt: skip
    assert answered.status_code == 201, answered.content
    follow_up = answered.json()
    assert (follow_up["risk_level"], follow_up["score"]) == ("high", 10)
    assert follow_up["next_due"] == (today + timedelta(days=14)).isoformat()
    assert {r["question"] for r in follow_up["reasons"]} == {"documents_held", "child", "debt"}

    opened = api.post(f"/follow-ups/{follow_up['id']}/escalate")
    assert opened.status_code == 200
    assert api.post(f"/follow-ups/{follow_up['id']}/escalate").json() == opened.json()
    assert Case.objects.count() == 1
    detail = api.get(f"/enrolments/{enrolment['id']}").json()
    assert detail["follow_ups"][0]["case_id"] == opened.json()["case_id"]
    assert detail["risk_level"] == "high"


def test_answers_that_do_not_fit_are_a_422_in_the_users_language(api_as, riduan, person):
    api = api_as(riduan, HTTP_ACCEPT_LANGUAGE="id")
    enrolment = api.post("/enrolments", {"person_id": person.pk, "group": "survivor"}).json()
    refused = api.post(f"/enrolments/{enrolment['id']}/follow-ups", {
        "kind": "visit", "done_on": timezone.localdate().isoformat(), "answers": {"debt": "yes"},
    })  # fmt: skip
    assert refused.status_code == 422
    assert "Jawab:" in str(refused.json())
    wrong_group = api.post("/enrolments", {"person_id": person.pk, "group": "tourist"})
    assert wrong_group.status_code == 422


def test_lists_and_records_keep_to_the_scope(api_as, riduan, rahmadi, siti, person):
    api_as(riduan).post("/enrolments", {"person_id": person.pk, "group": "child_at_risk"})
    enrolment = Enrolment.objects.get()
    Enrolment.objects.filter(pk=enrolment.pk).update(next_due=timezone.localdate() - timedelta(1))
    assert api_as(siti).get("/enrolments", due="overdue").json()["count"] == 1
    assert api_as(siti).get("/enrolments", region="63.03").json()["count"] == 0
    assert api_as(rahmadi).get("/enrolments").json()["count"] == 0
    assert api_as(rahmadi).get(f"/enrolments/{enrolment.pk}").status_code == 404
    closing = api_as(rahmadi).post(f"/enrolments/{enrolment.pk}/close", {"reason": "x"})
    assert closing.status_code == 404


def test_prevention_activities_through_the_api(api_as, riduan, siti):
    body = {"kind": "socialisation", "held_on": "02/11/2026", "district": "Danau Panggang",
            "village": "Sungai Namang", "audience": "students", "participants": 60,
            "topic": "Kerja ke luar negeri yang aman (sintetis)"}  # fmt: skip
    created = api_as(riduan).post("/prevention-activities", body)
    assert created.status_code == 201, created.content
    assert created.json()["region"] == "63.08.01.2003"
    wrong = api_as(riduan).post("/prevention-activities", {**body, "district": "Banjar"})
    assert wrong.status_code == 422 and "district" in wrong.json()["errors"]
    listed = api_as(siti).get("/prevention-activities", region="HSU").json()
    assert listed["count"] == 1 and listed["results"][0]["participants"] == 60


def test_the_responsible_agency_is_chosen_by_slug(api_as, siti, person):
    body = {"person_id": person.pk, "group": "child_at_risk", "agency": "gt-hsu"}
    assert api_as(siti).post("/enrolments", {**body, "agency": "tidak-ada"}).status_code == 422
    assert api_as(siti).post("/enrolments", {**body, "agency": "polres-banjar"}).status_code == 409
    created = api_as(siti).post("/enrolments", body)
    assert created.status_code == 201 and created.json()["agency"] == "gt-hsu"
