"""The numbered referral letter (surat rujukan) as PDF: for the two agencies only, in Bahasa
Indonesia, with the consent statement or the secretariat's override."""

from datetime import date

import pytest
from django.urls import reverse

from sigap.cases import services as case_services
from sigap.cases.models import PartyRole
from sigap.core.models import Agency, AuditEvent
from sigap.people.services import person_create
from sigap.referrals import services
from sigap.referrals.models import ServiceType
from tests.conftest import make_persona, sign_in
from tests.pdf import pdf_response_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def referral(siti):
    case = case_services.case_create(
        actor=siti, reported_on=date(2024, 3, 1), source="police", region_id="63.03"
    )
    person = person_create(
        actor=siti, full_name="Rusmiati Sintetis", region_id="63.03", sex="F",
        birth_date=date(2001, 5, 4),
    )  # fmt: skip
    party = case_services.party_add(actor=siti, case=case, person=person, role=PartyRole.VICTIM)
    return services.referral_send(
        actor=siti, party=party, service_type=ServiceType.objects.get(slug="health"),
        to_agency=Agency.objects.get(slug="dinsos-kalsel"), reason="Perlu pemeriksaan (sintetis).",
        consent_override_reason="Korban dalam keadaan darurat (sintetis).",
    )  # fmt: skip


def test_the_letter_names_the_referral_service_person_due_date_and_override(client, referral):
    sign_in(client, make_persona("normila"))
    text = pdf_response_text(client.get(reverse("referrals:referral_letter", args=[referral.pk])))
    for expected in (
        "RAHASIA", referral.number, "Dinas Sosial", "Rusmiati Sintetis", "Perempuan",
        referral.case.reference, "Perlu pemeriksaan (sintetis).", "7 hari sejak rujukan",
        "Korban dalam keadaan darurat (sintetis).", "Sekretariat",
    ):  # fmt: skip
        assert expected in text, expected
    assert AuditEvent.objects.filter(action="download", details__document="letter").exists()


def test_an_agency_outside_the_referral_gets_no_letter(client, referral):
    sign_in(client, make_persona("rahmadi"))
    response = client.get(reverse("referrals:referral_letter", args=[referral.pk]))
    assert response.status_code == 404
