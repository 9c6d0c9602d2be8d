"""The API of referrals, the services catalogue, meetings and action items: the same rules
as the pages (consent, who answers and who cancels, who organises, who reports progress)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from sigap.cases import services as case_services
from sigap.cases.models import PartyRole
from sigap.coordination.models import ActionItem, Meeting
from sigap.core.models import AuditEvent
from sigap.people.services import person_create
from sigap.referrals.models import Referral
from tests.conftest import make_persona

pytestmark = pytest.mark.django_db


@pytest.fixture
def victim(siti):
    case = case_services.case_create(
        actor=siti, reported_on=date(2024, 3, 1), source="police", region_id="63.03"
    )
    person = person_create(
        actor=siti, full_name="Halimah Sintetis", region_id="63.03", consent_share=True
    )
    return case_services.party_add(actor=siti, case=case, person=person, role=PartyRole.VICTIM)


def referral_body(victim, **extra):
    return {
        "case_id": victim.case_id, "party_id": victim.pk, "service": "psychosocial",
        "to_agency": "dinsos-kalsel", "reason": "Pendampingan (sintetis).", **extra,
    }  # fmt: skip


def test_the_catalogue_lists_the_services_with_their_limits(api_as, normila):
    response = api_as(normila).get("/services")
    services = {row["slug"]: row for row in response.json()}
    assert response.status_code == 200 and services["health"]["days_allowed"] == 7
    assert services["health"]["name"] == "Pertolongan pertama dan rehabilitasi kesehatan"


def test_a_referral_goes_from_the_secretariat_to_dinsos_and_back(api_as, siti, normila, victim):
    secretariat, dinsos = api_as(siti), api_as(normila)
    sent = secretariat.post("/referrals", referral_body(victim))
    assert sent.status_code == 201, sent.json()
    body = sent.json()
    assert body["status"] == "sent" and body["person"] == "Halimah Sintetis"
    assert body["due_on"] == (timezone.localdate() + timedelta(days=14)).isoformat()
    rid = body["id"]

    inbox = dinsos.get("/referrals").json()
    assert [row["id"] for row in inbox["results"]] == [rid]
    assert dinsos.get(f"/referrals/{rid}").json()["next_statuses"] == [
        "accepted", "declined"
    ]  # fmt: skip
    refused = secretariat.post(f"/referrals/{rid}/status", {"status": "accepted"})
    assert refused.status_code == 409 and refused.json()["code"] == "not_receiver"
    assert dinsos.post(f"/referrals/{rid}/status", {"status": "accepted"}).status_code == 200
    recorded = dinsos.post(
        f"/referrals/{rid}/services",
        {"delivered_on": "2024-03-05", "description": "Konseling pertama (sintetis)."},
    )
    assert recorded.status_code == 201 and recorded.json()["status"] == "in_progress"
    done = dinsos.post(f"/referrals/{rid}/status", {"status": "completed"})
    assert done.json()["status"] == "completed"
    history = secretariat.get(f"/referrals/{rid}").json()["history"]
    assert [e["after"] for e in history] == ["sent", "accepted", "in_progress", "completed"]
    assert AuditEvent.objects.filter(action="view", object_id=str(rid)).exists()


def test_sending_is_checked_like_the_page(api_as, siti, victim):
    secretariat = api_as(siti)
    wrong = secretariat.post("/referrals", referral_body(victim, service="x", to_agency="y"))
    assert wrong.status_code == 422 and {"service", "to_agency"} <= set(wrong.json()["errors"])
    victim.person.consent_share = False
    victim.person.save()
    refused = secretariat.post("/referrals", referral_body(victim))
    assert refused.status_code == 409 and refused.json()["code"] == "consent_required"
    override = secretariat.post(
        "/referrals", referral_body(victim, consent_override_reason="Darurat (sintetis).")
    )
    assert override.status_code == 201
    outsider = api_as(make_persona("riduan")).post("/referrals", referral_body(victim))
    assert outsider.status_code == 404  # a case out of the regency officer's scope
    assert Referral.objects.count() == 1


def test_declining_needs_a_reason(api_as, siti, normila, victim):
    rid = api_as(siti).post("/referrals", referral_body(victim)).json()["id"]
    dinsos = api_as(normila)
    refused = dinsos.post(f"/referrals/{rid}/status", {"status": "declined"})
    assert refused.status_code == 409 and refused.json()["code"] == "reason_required"
    declined = dinsos.post(f"/referrals/{rid}/status", {"status": "declined", "reason": "Penuh."})
    assert declined.json()["decline_reason"] == "Penuh."


def test_a_meeting_is_planned_held_and_followed_up(api_as, siti, normila):
    secretariat, dinsos = api_as(siti), api_as(normila)
    planned = secretariat.post("/meetings", {
        "title": "Rakor TPPO (sintetis)", "level": "province", "region": "63",
        "held_on": "03-12-2024", "starts_at": "09.00", "place": "Banjarbaru",
        "agencies": ["dinsos-kalsel", "polda-kalsel"],
    })  # fmt: skip
    assert planned.status_code == 201, planned.json()
    meeting = planned.json()
    assert meeting["number"].startswith("UND/2024/") and meeting["starts_at"] == "09:00:00"
    assert meeting["agencies"] == ["dinsos-kalsel", "polda-kalsel"]
    mid = meeting["id"]
    refused = dinsos.post("/meetings", {"title": "x", "level": "province", "region": "63",
                                        "held_on": "03-12-2024"})  # fmt: skip
    assert refused.status_code == 409 and refused.json()["code"] == "not_organiser"
    assert secretariat.post(f"/meetings/{mid}/decisions", {"text": "Sepakat."}).status_code == 201
    item = secretariat.post(
        f"/meetings/{mid}/action-items",
        {"what": "Data korban (sintetis)", "owner": "dinsos-kalsel", "due_on": "10-12-2024"},
    )
    assert item.status_code == 201 and item.json()["overdue"] is True
    iid = item.json()["id"]
    bad = secretariat.post(
        f"/meetings/{mid}/action-items", {"what": "x", "owner": "nope", "due_on": "besok lusa"}
    )
    assert bad.status_code == 422 and {"owner", "due_on"} <= set(bad.json()["errors"])

    mine = dinsos.get("/action-items").json()
    assert [row["id"] for row in mine["results"]] == [iid]
    progress = dinsos.post(f"/action-items/{iid}/updates", {"status": "in_progress", "note": "OK"})
    assert progress.status_code == 201 and progress.json()["status"] == "in_progress"
    drop = dinsos.post(f"/action-items/{iid}/updates", {"status": "dropped", "note": "x"})
    assert drop.status_code == 409 and drop.json()["code"] == "drop_by_organiser"
    done = dinsos.post(f"/action-items/{iid}/updates", {"status": "done"})
    assert done.json()["status"] == "done" and len(done.json()["updates"]) == 3
    assert ActionItem.objects.get(pk=iid).closed_at is not None

    changed = secretariat.put(f"/meetings/{mid}", {
        "title": "Rakor TPPO (sintetis)", "level": "province", "region": "63",
        "held_on": "04-12-2024", "place": "Kantor Gubernur",
    })  # fmt: skip
    assert changed.status_code == 200 and changed.json()["held_on"] == "2024-12-04"
    assert Meeting.objects.get(pk=mid).agencies.count() == 0
    detail = dinsos.get(f"/meetings/{mid}").json()
    assert detail["decisions"] == ["Sepakat."] and len(detail["action_items"]) == 1
    assert api_as(make_persona("rahmadi")).get(f"/meetings/{mid}").status_code == 404
