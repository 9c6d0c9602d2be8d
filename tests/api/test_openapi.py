"""The OpenAPI document and the interactive docs, served by SIGAP itself (no CDN)."""

import json
import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

PATHS = {
    "/api/me",
    "/api/persons",
    "/api/persons/search",
    "/api/persons/{person_id}",
    "/api/cases",
    "/api/cases/search",
    "/api/cases/{case_id}",
    "/api/cases/{case_id}/status",
    "/api/cases/{case_id}/parties",
    "/api/cases/{case_id}/parties/{party_id}/screenings",
    "/api/cases/{case_id}/parties/{party_id}/victim-status",
    "/api/services",
    "/api/referrals",
    "/api/referrals/{referral_id}",
    "/api/referrals/{referral_id}/status",
    "/api/referrals/{referral_id}/services",
    "/api/meetings",
    "/api/meetings/{meeting_id}",
    "/api/meetings/{meeting_id}/decisions",
    "/api/meetings/{meeting_id}/action-items",
    "/api/action-items",
    "/api/action-items/{item_id}",
    "/api/action-items/{item_id}/updates",
    "/api/enrolments",
    "/api/enrolments/{enrolment_id}",
    "/api/enrolments/{enrolment_id}/close",
    "/api/enrolments/{enrolment_id}/follow-ups",
    "/api/follow-ups/{follow_up_id}/escalate",
    "/api/questionnaires/current",
    "/api/prevention-activities",
}


def test_the_openapi_document_is_json_listing_every_path_behind_a_bearer_token(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["info"]["title"] == "SIGAP API"
    assert set(document["paths"]) == PATHS
    assert document["components"]["securitySchemes"]["ApiTokenAuth"] == {
        "type": "http",
        "scheme": "bearer",
    }
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert operation["security"] == [{"ApiTokenAuth": []}], (method, path)
    # Names and NIKs are never URL parameters: searches are bodies.
    for operations in document["paths"].values():
        for operation in operations.values():
            names = {parameter["name"] for parameter in operation.get("parameters", [])}
            assert not names & {"nik", "name", "full_name"}


def test_partial_updates_are_patch_operations_whose_fields_are_all_optional(client):
    document = json.loads(client.get("/api/openapi.json").content)
    assert set(document["paths"]["/api/cases/{case_id}"]) == {"get", "patch"}
    assert set(document["paths"]["/api/persons/{person_id}"]) == {"get", "patch"}
    schemas = document["components"]["schemas"]
    for name in ("CasePatchIn", "PersonPatchIn"):
        assert not schemas[name].get("required"), name
        assert schemas[name]["additionalProperties"] is False
    assert "estimated_age" in schemas["PersonIn"]["properties"]
    assert "estimated_age" in schemas["PersonPatchIn"]["properties"]
    party = schemas["PartyOut"]["properties"]
    assert {"victim_status", "victim_status_by", "victim_status_at"} <= set(party)


def test_the_docs_page_loads_its_files_from_sigap_not_a_cdn(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui-bundle.js" in html and "/api/openapi.json" in html
    assert not re.search(r"(src|href)=\"(https?:)?//", html), "an asset from another host"
    assert "cdn" not in html.lower()
    assert '"validatorUrl": null' in html
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assets = re.findall(r"(?:src|href)=\"/static/([^\"]+)\"", html)
    assert len(assets) >= 3
    for asset in assets:  # found by the staticfiles finders: collected and served by SIGAP
        assert finders.find(asset), asset
