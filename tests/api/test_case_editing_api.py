"""Editing a case and deciding a victim's status through the API: the edit page's form and
the same services, scope, workflow refusals and audit."""

from datetime import date

import pytest

from sigap.cases import services
from sigap.cases.models import Case, CaseEvent, CaseParty
from sigap.core.models import AuditEvent
from sigap.people.services import person_create

pytestmark = pytest.mark.django_db

# What GET /cases/{id} answers that PATCH may send back.
EDITABLE = (
    "reported_on",
    "incident_on",
    "source",
    "region",
    "lead_agency",
    "assigned_officer",
    "origin_region",
    "transit",
    "destination_country",
    "destination_place",
    "recruitment_method",
    "recruitment_apps",
    "placement_company",
    "placement_company_licensed",
    "purposes",
    "means_of_control",
)


def a_case(officer, region="63.03.05", **fields):
    return services.case_create(
        actor=officer, reported_on=date(2024, 3, 12), source="police", region_id=region, **fields
    )


def a_victim(officer, case, role="victim", **fields):
    person = person_create(actor=officer, full_name="Salasiah", region_id="63.03", **fields)
    return services.party_add(actor=officer, case=case, person=person, role=role)


def test_only_the_fields_given_change_read_like_the_edit_page(api_as, rahmadi):
    case = a_case(rahmadi, transit="Batam", purposes=["forced_labour"])
    api = api_as(rahmadi)
    response = api.patch(
        f"/cases/{case.pk}",
        {
            "destination_country": "Malaysia",
            "recruitment_apps": ["Facebook", "WhatsApp", "Facebook"],
            "placement_company_licensed": False,
            "origin_region": "Martapura, Banjar",
            "means_of_control": ["withholds_documents", "debt_bondage"],
            "narrative": "Kronologi sintetis: dijanjikan kerja di kebun sawit.",
        },
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body == api.get(f"/cases/{case.pk}").json()  # the case as GET gives it
    assert body["destination_country"] == "MY"
    assert body["recruitment_apps"] == ["Facebook", "WhatsApp"]
    assert body["placement_company_licensed"] is False
    assert body["origin_region"].startswith("63.03")
    assert body["means_of_control"] == ["withholds_documents", "debt_bondage"]
    # What was not given keeps its value.
    assert body["transit"] == "Batam" and body["purposes"] == ["forced_labour"]
    assert body["reported_on"] == "2024-03-12" and body["source"] == "police"
    assert body["region"] == "63.03.05" and body["lead_agency"] == "polres-banjar"
    assert "narrative" not in body and "sawit" not in response.content.decode()
    case.refresh_from_db()
    assert case.narrative.startswith("Kronologi sintetis")
    # The service records the change: in the timeline, and in the log with the narrative sealed.
    event = AuditEvent.objects.get(action="change", object_id=str(case.pk))
    assert event.actor == rahmadi and "sawit" not in str(event.details)
    assert {"destination_country_id", "narrative"} <= set(event.details["changes"])
    assert "transit" not in event.details["changes"]
    updated = CaseEvent.objects.get(case=case, kind="updated")
    assert "destination_country_id" in updated.details["fields"]


def test_sending_back_what_get_gave_changes_nothing(api_as, rahmadi):
    case = a_case(rahmadi, destination_country_id="SA", recruitment_apps=["Facebook"])
    api = api_as(rahmadi)
    shown = api.get(f"/cases/{case.pk}").json()
    response = api.patch(f"/cases/{case.pk}", {field: shown[field] for field in EDITABLE})
    assert response.status_code == 200, response.json()
    assert response.json() == shown
    assert not AuditEvent.objects.filter(action="change").exists()
    assert not CaseEvent.objects.filter(case=case, kind="updated").exists()


def test_null_empties_a_field_and_the_child_flag_follows_the_incident_date(api_as, rahmadi):
    case = services.case_create(
        actor=rahmadi, reported_on=date(2025, 8, 1), source="police", region_id="63.03"
    )
    a_victim(rahmadi, case, birth_date=date(2007, 6, 1))  # 18 when reported
    assert Case.objects.get(pk=case.pk).child_victim is False
    api = api_as(rahmadi)
    response = api.patch(
        f"/cases/{case.pk}",
        {"incident_on": "01/02/2025", "assigned_officer": "rahmadi", "transit": "Batam"},
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["incident_on"] == "2025-02-01" and body["child_victim"] is True  # 17 then
    assert body["assigned_officer"] == "rahmadi" and body["transit"] == "Batam"
    response = api.patch(
        f"/cases/{case.pk}", {"incident_on": None, "assigned_officer": None, "transit": None}
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["incident_on"] is None and body["child_victim"] is False
    assert body["assigned_officer"] is None and body["transit"] == ""


def test_invalid_values_are_422_with_the_forms_messages_and_nothing_changes(api_as, rahmadi):
    case = a_case(rahmadi)
    api = api_as(rahmadi)
    response = api.patch(f"/cases/{case.pk}", {"incident_on": "13/03/2024"})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid"
    assert "tidak boleh sesudah tanggal laporan" in body["errors"]["incident_on"][0]["message"]
    assert body["detail"] == body["errors"]["incident_on"][0]["message"]
    response = api.patch(
        f"/cases/{case.pk}", {"reported_on": "31/02/2024", "source": "burung", "purposes": ["x"]}
    )
    errors = response.json()["errors"]
    assert response.status_code == 422 and set(errors) == {"reported_on", "source", "purposes"}
    assert "Tidak ada tanggal 31" in errors["reported_on"][0]["message"]
    # Required facts cannot be emptied.
    response = api.patch(f"/cases/{case.pk}", {"region": None, "reported_on": ""})
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"region", "reported_on"}
    # An agency officer leads their own agency's cases only; officers are of the lead agency.
    response = api.patch(f"/cases/{case.pk}", {"lead_agency": "dinsos-kalsel"})
    assert response.status_code == 422 and "lead_agency" in response.json()["errors"]
    response = api.patch(f"/cases/{case.pk}", {"assigned_officer": "normila"})
    assert response.status_code == 422 and "assigned_officer" in response.json()["errors"]
    # The body's structure: unknown fields and wrong types.
    response = api.patch(f"/cases/{case.pk}", {"status": "closed", "reference": "x"})
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"status", "reference"}
    response = api.patch(f"/cases/{case.pk}", {"purposes": "forced_labour"})
    assert response.status_code == 422 and "purposes" in response.json()["errors"]
    assert not AuditEvent.objects.filter(action="change").exists()
    stored = Case.objects.get(pk=case.pk)
    assert stored.incident_on is None and stored.source == "police"
    assert stored.status == "reported" and stored.reference == case.reference


def test_an_edit_out_of_ones_scope_and_a_closed_case_are_409s(api_as, rahmadi):
    case = a_case(rahmadi)
    api = api_as(rahmadi)
    response = api.patch(f"/cases/{case.pk}", {"region": "63.71"})
    assert response.status_code == 409
    assert response.json() == {
        "detail": "Kasus harus tetap berada di wilayah kerja (dan instansi) Anda sendiri.",
        "code": "out_of_scope",
    }
    assert Case.objects.get(pk=case.pk).region_id == "63.03.05"
    assert not AuditEvent.objects.filter(action="change").exists()

    services.case_close(actor=rahmadi, case=case, reason="Dilimpahkan (sintetis)")
    for body in ({"transit": "Batam"}, {"incident_on": "bukan tanggal"}):
        response = api.patch(f"/cases/{case.pk}", body)
        assert response.status_code == 409
        assert response.json()["code"] == "closed"
        assert "ditutup" in response.json()["detail"]
    assert Case.objects.get(pk=case.pk).transit == ""


def test_cases_out_of_scope_cannot_be_edited_and_the_secretariat_can(
    api_as, rahmadi, normila, siti
):
    case = a_case(rahmadi)
    response = api_as(normila).patch(f"/cases/{case.pk}", {"transit": "Batam"})
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert "TPPO" not in response.content.decode()
    assert AuditEvent.objects.filter(
        actor=normila, action="denied", object_id=str(case.pk)
    ).exists()
    assert api_as(rahmadi).patch("/cases/999999", {"transit": "Batam"}).status_code == 404
    assert Case.objects.get(pk=case.pk).transit == ""
    # The secretariat works across the province and may name any agency there.
    response = api_as(siti).patch(
        f"/cases/{case.pk}", {"transit": "Batam", "lead_agency": "dinsos-kalsel"}
    )
    assert response.status_code == 200, response.json()
    assert response.json()["transit"] == "Batam"
    assert response.json()["lead_agency"] == "dinsos-kalsel"
    assert AuditEvent.objects.filter(actor=siti, action="change", object_id=str(case.pk)).exists()


def test_a_victim_status_is_decided_with_who_and_when(api_as, rahmadi):
    case = a_case(rahmadi)
    victim = a_victim(rahmadi, case)
    api = api_as(rahmadi)
    listed = api.get(f"/cases/{case.pk}/parties").json()
    assert listed[0]["victim_status"] == "possible"
    assert listed[0]["victim_status_by"] is None and listed[0]["victim_status_at"] is None
    url = f"/cases/{case.pk}/parties/{victim.pk}/victim-status"
    response = api.post(url, {"status": "actual"})
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["id"] == victim.pk and body["name"] == "Salasiah" and body["role"] == "victim"
    assert body["victim_status"] == "actual" and body["victim_status_by"] == "rahmadi"
    assert body["victim_status_at"]
    victim.refresh_from_db()
    assert victim.victim_status == "actual" and victim.victim_status_by == rahmadi
    listed = api.get(f"/cases/{case.pk}/parties").json()
    assert listed[0]["victim_status_by"] == "rahmadi" and listed[0]["victim_status_at"]
    assert AuditEvent.objects.filter(
        actor=rahmadi, action="victim_status", details__party=victim.pk, details__after="actual"
    ).exists()
    assert CaseEvent.objects.filter(case=case, kind="victim_status").exists()
    response = api.post(url, {"status": "not_a_victim"})
    assert response.status_code == 200 and response.json()["victim_status"] == "not_a_victim"


def test_a_victim_status_is_one_of_three_for_a_victim_of_an_open_case(api_as, rahmadi):
    case = a_case(rahmadi)
    victim = a_victim(rahmadi, case, role="possible_victim")
    witness = services.party_add(
        actor=rahmadi,
        case=case,
        person=person_create(actor=rahmadi, full_name="Saksi", region_id="63.03"),
        role="witness",
    )
    api = api_as(rahmadi)
    url = f"/cases/{case.pk}/parties/{victim.pk}/victim-status"
    for body in ({"status": "korban"}, {"status": ""}):
        response = api.post(url, body)
        assert response.status_code == 422 and "status" in response.json()["errors"]
    for body in ({}, {"status": "actual", "by": "rahmadi"}):
        assert api.post(url, body).status_code == 422
    witness_url = f"/cases/{case.pk}/parties/{witness.pk}/victim-status"
    response = api.post(witness_url, {"status": "actual"})
    assert response.status_code == 409 and response.json()["code"] == "not_a_victim_party"
    assert CaseParty.objects.get(pk=witness.pk).victim_status == ""
    services.case_close(actor=rahmadi, case=case, reason="Selesai (sintetis)")
    response = api.post(url, {"status": "actual"})
    assert response.status_code == 409 and response.json()["code"] == "closed"
    assert CaseParty.objects.get(pk=victim.pk).victim_status == "possible"


def test_a_victim_status_out_of_scope_is_a_404(api_as, rahmadi, normila):
    case = a_case(rahmadi)
    victim = a_victim(rahmadi, case)
    other = a_case(rahmadi)
    response = api_as(normila).post(
        f"/cases/{case.pk}/parties/{victim.pk}/victim-status", {"status": "actual"}
    )
    assert response.status_code == 404
    # A party is found only under its own case.
    response = api_as(rahmadi).post(
        f"/cases/{other.pk}/parties/{victim.pk}/victim-status", {"status": "actual"}
    )
    assert response.status_code == 404
    assert CaseParty.objects.get(pk=victim.pk).victim_status == "possible"
