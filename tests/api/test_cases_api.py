"""Cases, parties and screening through the API: the same services, scope, workflow and
messages as the pages."""

from datetime import date

import pytest

from sigap.cases import services
from sigap.cases.models import Case, CaseEvent, Screening
from sigap.cases.screening import ELEMENTS
from sigap.core.models import AuditEvent
from sigap.people.services import person_create

pytestmark = pytest.mark.django_db

NIK = "6303015203900001"
CASE = {
    "reported_on": "12 Maret 2024",
    "source": "police",
    "region": "Martapura, Kab. Banjar",
    "destination_country": "Arab Saudi",
    "recruitment_method": "job_offer",
    "purposes": ["forced_labour"],
    "narrative": "Dijanjikan kerja di Riyadh (sintetis).",
}


def answers(**yes):
    return {
        element: {value: "yes" if value in yes.get(element, ()) else "no" for value in choices}
        for element, choices in ELEMENTS.items()
    }


def a_case(officer, region="63.03", **fields):
    return services.case_create(
        actor=officer, reported_on=date(2024, 3, 12), source="police", region_id=region, **fields
    )


def test_register_add_a_victim_screen_and_see_it_indicated_with_reasons(api_as, rahmadi):
    api = api_as(rahmadi)
    response = api.post("/cases", CASE)
    assert response.status_code == 201, response.json()
    body = response.json()
    case = Case.objects.get()
    assert body["reference"] == "TPPO/63.03/2024/0001" == case.reference
    assert body["destination_country"] == "SA" and body["lead_agency"] == "polres-banjar"
    assert "narrative" not in body and "Riyadh" not in response.content.decode()
    assert case.narrative.startswith("Dijanjikan")
    assert body["next_statuses"] == ["closed", "screening"]

    person = person_create(actor=rahmadi, full_name="Masitah", nik=NIK, region_id="63.03")
    response = api.post(f"/cases/{case.pk}/parties", {"person_id": person.pk, "role": "victim"})
    assert response.status_code == 201, response.json()
    party = response.json()
    assert party["name"] == "Masitah" and party["victim_status"] == "possible"
    assert api.post(f"/cases/{case.pk}/status", {"status": "screening"}).status_code == 200

    screened = api.post(
        f"/cases/{case.pk}/parties/{party['id']}/screenings",
        {
            "answers": {
                **answers(act=["recruitment"], means=["fraud"], purpose=["forced_labour"]),
                "indicators": {"deception": "yes"},
            }
        },
    )
    assert screened.status_code == 201, screened.json()
    result = screened.json()
    assert result["outcome"] == "indicated" and result["outcome_label"] == "Terindikasi TPPO"
    assert any("Penipuan" in reason for reason in result["reasons"])
    assert result["elements"] == {"act": "yes", "means": "yes", "purpose": "yes"}
    assert result["checklist_findings"][0]["items"]
    assert result["answers"]["vulnerability"]["poverty"] == "unknown"
    case.refresh_from_db()
    assert case.status == "indicated"

    history = api.get(f"/cases/{case.pk}/parties/{party['id']}/screenings").json()
    assert [item["id"] for item in history] == [result["id"]]
    assert history[0]["reasons"] == result["reasons"]
    kinds = list(CaseEvent.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds == ["status", "screened", "status", "party_added", "created"]
    actions = set(AuditEvent.objects.filter(actor=rahmadi).values_list("action", flat=True))
    assert {"create", "party_add", "status", "screen", "view"} <= actions


def test_a_workflow_refusal_is_a_409_with_the_pages_message(api_as, rahmadi):
    case = a_case(rahmadi)
    api = api_as(rahmadi)
    response = api.post(f"/cases/{case.pk}/status", {"status": "closed", "reason": ""})
    assert response.status_code == 409
    assert response.json() == {
        "detail": "Tuliskan alasan penutupan kasus.",
        "code": "reason_required",
    }
    response = api.post(f"/cases/{case.pk}/status", {"status": "in_prosecution"})
    assert response.status_code == 409 and response.json()["code"] == "wrong_state"
    response = api.post(f"/cases/{case.pk}/status", {"status": "terbang"})
    assert response.status_code == 409 and response.json()["code"] == "wrong_state"
    case.refresh_from_db()
    assert case.status == "reported"
    response = api.post(f"/cases/{case.pk}/status", {"status": "closed", "reason": "Ganda"})
    assert response.status_code == 200 and response.json()["closed_reason"] == "Ganda"


def test_only_a_victim_is_screened_and_answers_are_checked(api_as, rahmadi):
    case = a_case(rahmadi)
    witness = person_create(actor=rahmadi, full_name="Saksi", region_id="63.03")
    party = services.party_add(actor=rahmadi, case=case, person=witness, role="witness")
    api = api_as(rahmadi)
    url = f"/cases/{case.pk}/parties/{party.pk}/screenings"
    response = api.post(url, {"answers": answers()})
    assert response.status_code == 409 and response.json()["code"] == "not_a_victim_party"
    response = api.post(url, {"answers": {"act": {"terbang": "yes"}}})
    assert response.status_code == 422 and "answers.act.terbang" in response.json()["errors"]
    response = api.post(url, {"answers": {"act": {"recruitment": "mungkin"}}})
    assert response.status_code == 422
    response = api.post(url, {"answers": {"sikap": {}}})
    assert response.status_code == 422
    assert not Screening.objects.exists()


def test_cases_of_another_agency_do_not_exist_for_an_officer(api_as, rahmadi, normila, siti):
    case = a_case(rahmadi)
    victim = person_create(actor=rahmadi, full_name="Masitah", nik=NIK, region_id="63.03")
    party = services.party_add(actor=rahmadi, case=case, person=victim, role="victim")
    theirs = api_as(normila)
    assert theirs.get("/cases").json()["count"] == 0
    for path in (
        f"/cases/{case.pk}",
        f"/cases/{case.pk}/parties",
        f"/cases/{case.pk}/parties/{party.pk}/screenings",
    ):
        response = theirs.get(path)
        assert response.status_code == 404, path
        assert "TPPO" not in response.content.decode()
    response = theirs.post(f"/cases/{case.pk}/status", {"status": "screening"})
    assert response.status_code == 404
    response = theirs.post(f"/cases/{case.pk}/parties", {"person_id": victim.pk, "role": "witness"})
    assert response.status_code == 404
    assert theirs.post("/cases/search", {"nik": NIK}).json()["count"] == 0
    assert theirs.post("/cases/search", {"reference": case.reference}).json()["count"] == 0
    assert AuditEvent.objects.filter(
        actor=normila, action="denied", object_id=str(case.pk)
    ).exists()
    # The secretariat sees the whole province.
    assert api_as(siti).get(f"/cases/{case.pk}").status_code == 200
    found = api_as(rahmadi).post("/cases/search", {"nik": NIK}).json()
    assert [row["id"] for row in found["results"]] == [case.pk]
    assert AuditEvent.objects.filter(
        actor=rahmadi, action="search", object_type="cases.case", details__found=[case.pk]
    ).exists()


def test_a_person_out_of_sight_cannot_be_added_and_a_repeat_is_a_409(api_as, rahmadi, normila):
    case = a_case(rahmadi)
    hidden = person_create(actor=normila, full_name="Halimah", region_id="63.71")
    api = api_as(rahmadi)
    response = api.post(f"/cases/{case.pk}/parties", {"person_id": hidden.pk, "role": "victim"})
    assert response.status_code == 422
    message = response.json()["errors"]["person_id"][0]["message"]
    assert message == "Orang tersebut tidak berada dalam cakupan Anda."
    response = api.post(f"/cases/{case.pk}/parties", {"person_id": 999999, "role": "victim"})
    assert response.json()["errors"]["person_id"][0]["message"] == message
    mine = person_create(actor=rahmadi, full_name="Masitah", region_id="63.03")
    body = {"person_id": mine.pk, "role": "victim"}
    assert api.post(f"/cases/{case.pk}/parties", body).status_code == 201
    response = api.post(f"/cases/{case.pk}/parties", body)
    assert response.status_code == 409 and response.json()["code"] == "already_party"
    response = api.post(f"/cases/{case.pk}/parties", {**body, "role": "raja"})
    assert response.status_code == 422 and "role" in response.json()["errors"]


def test_case_registration_is_validated_like_the_page(api_as, rahmadi):
    api = api_as(rahmadi)
    response = api.post("/cases", {**CASE, "region": "Bjm"})
    assert response.status_code == 422
    region_message = response.json()["errors"]["region"][0]["message"]
    assert "wilayah kerja (dan instansi) Anda" in region_message
    response = api.post("/cases", {**CASE, "reported_on": "31/02/2024", "source": "burung"})
    errors = response.json()["errors"]
    assert "Tidak ada tanggal 31" in errors["reported_on"][0]["message"]
    assert "source" in errors
    # An agency officer leads their own agency's cases only.
    response = api.post("/cases", {**CASE, "lead_agency": "dinsos-kalsel"})
    assert response.status_code == 422 and "lead_agency" in response.json()["errors"]
    assert not Case.objects.exists()
    response = api.post(
        "/cases",
        {
            **CASE,
            "assigned_officer": "rahmadi",
            "recruitment_apps": ["Facebook", "WhatsApp"],
            "means_of_control": ["withholds_documents"],
            "placement_company_licensed": False,
        },
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["assigned_officer"] == "rahmadi"
    assert body["recruitment_apps"] == ["Facebook", "WhatsApp"]
    assert body["means_of_control"] == ["withholds_documents"]
    assert body["placement_company_licensed"] is False


def test_the_list_has_the_pages_filters_and_sorts(api_as, rahmadi, siti):
    early = a_case(rahmadi, purposes=["forced_labour"], destination_country_id="MY")
    late = services.case_create(
        actor=siti, reported_on=date(2025, 1, 5), source="media", region_id="63.08"
    )
    api = api_as(siti)

    def ids(**params):
        response = api.get("/cases", **params)
        assert response.status_code == 200, response.json()
        return [row["id"] for row in response.json()["results"]]

    assert ids() == [late.pk, early.pk]
    assert ids(sort="reported_on") == [early.pk, late.pk]
    assert ids(region="63.03") == [early.pk]
    assert ids(since="2025-01-01") == [late.pk]
    assert ids(until="31/12/2024") == [early.pk]
    assert ids(purpose="forced_labour") == [early.pk]
    assert ids(destination_country="MY") == [early.pk]
    assert ids(destination_country="Malaysia") == [early.pk]
    assert ids(lead_agency="polres-banjar") == [early.pk]
    assert ids(lead_agency=str(early.lead_agency_id)) == [early.pk]
    assert ids(status="reported", child="false") == [late.pk, early.pk]
    assert ids(child="true") == []
    for bad in (
        {"status": "terbang"},
        {"region": "Atlantis"},
        {"since": "31/02/2024"},
        {"purpose": "x"},
        {"lead_agency": "tidak-ada"},
        {"destination_country": "Narnia"},
        {"sort": "name"},
        {"child": "mungkin"},
    ):
        response = api.get("/cases", **bad)
        assert response.status_code == 422, bad
        assert set(response.json()["errors"]) == set(bad), response.json()
