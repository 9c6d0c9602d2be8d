"""The services catalogue (seeded per kind of agency, kept by the secretariat) and the inbox
where an officer runs the day: referrals to answer, action items, hand-overs, overdue first."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sigap.cases import services as case_services
from sigap.cases.models import PartyRole
from sigap.coordination import services as coordination
from sigap.core.models import Agency, AuditEvent, Region
from sigap.people.services import person_create
from sigap.referrals import services
from sigap.referrals.catalogue import load_agency_services
from sigap.referrals.models import AgencyService, Referral, ServiceType
from sigap.referrals.services import ReferralError
from tests.conftest import make_persona, sign_in

pytestmark = pytest.mark.django_db


def provided(slug):
    return set(
        AgencyService.objects.filter(agency__slug=slug).values_list("service_type__slug", flat=True)
    )


def test_each_agency_declares_the_usual_services_of_its_kind_once():
    assert provided("dinsos-kalsel") >= {"psychosocial", "social_rehabilitation", "safe_house"}
    assert provided("dinkes-kalsel") == {"health"}
    assert (
        AgencyService.objects.get(
            agency__slug="polres-hsu", service_type__slug="complaint"
        ).region_id
        == "63.08"
    )
    assert load_agency_services() == {"agency_services_created": 0}


def test_the_secretariat_declares_and_removes_services_within_its_region(siti, normila):
    dinkes = Agency.objects.get(slug="dinkes-kalsel")
    psychosocial = ServiceType.objects.get(slug="psychosocial")
    row = services.agency_service_add(
        actor=siti,
        agency=dinkes,
        service_type=psychosocial,
        region=Region.objects.get(code="63.03"),
    )
    assert "psychosocial" in provided("dinkes-kalsel")
    with pytest.raises(ReferralError, match="outside_jurisdiction"):
        services.agency_service_add(
            actor=siti, agency=Agency.objects.get(slug="polres-hsu"), service_type=psychosocial,
            region=Region.objects.get(code="63.03"),
        )  # fmt: skip
    with pytest.raises(ReferralError, match="not_allowed"):
        services.agency_service_remove(actor=normila, row=row)
    services.agency_service_remove(actor=siti, row=row)
    assert "psychosocial" not in provided("dinkes-kalsel")
    assert AuditEvent.objects.filter(action="agency_service_remove").exists()


def test_the_catalogue_page(client, siti, normila):
    sign_in(client, normila)
    page = client.get(reverse("referrals:service_catalogue")).content.decode()
    assert "Pertolongan pertama dan rehabilitasi kesehatan" in page and "Dinkes" in page
    assert "Nyatakan layanan instansi" not in page
    client.logout()
    sign_in(client, siti)
    response = client.post(
        reverse("referrals:agency_service_add"),
        {"agency": Agency.objects.get(slug="lpa-kalsel").pk,
         "service_type": ServiceType.objects.get(slug="reintegration").pk, "region": "63"},
    )  # fmt: skip
    assert response.status_code == 302 and "reintegration" in provided("lpa-kalsel")


def test_the_inbox_puts_what_is_overdue_first(client, siti, normila):
    case = case_services.case_create(
        actor=siti, reported_on=date(2024, 3, 1), source="police", region_id="63.03"
    )
    dinsos = normila.agency
    for name in ("Aminah Sintetis", "Rukayah Sintetis"):
        person = person_create(actor=siti, full_name=name, region_id="63.03", consent_share=True)
        party = case_services.party_add(actor=siti, case=case, person=person, role=PartyRole.VICTIM)
        services.referral_send(
            actor=siti, party=party, service_type=ServiceType.objects.get(slug="psychosocial"),
            to_agency=dinsos, reason="x",
        )  # fmt: skip
    late = Referral.objects.order_by("pk").last()
    Referral.objects.filter(pk=late.pk).update(due_on=timezone.localdate() - timedelta(days=3))
    meeting = coordination.meeting_create(
        actor=siti, title="Rakor (sintetis)", level="province", region_id="63",
        held_on=date(2024, 11, 28),
    )  # fmt: skip
    coordination.action_item_add(
        actor=siti, meeting=meeting, what="Data korban (sintetis)", owner=dinsos,
        due_on=date(2024, 12, 5),
    )  # fmt: skip
    sign_in(client, normila)
    page = client.get(reverse("coordination:inbox")).content.decode()
    assert page.index("Rukayah Sintetis") < page.index("Aminah Sintetis")  # overdue first
    assert "Data korban (sintetis)" in page and "Rujukan baru" in page
    rahmadi = make_persona("rahmadi")
    client.logout()
    sign_in(client, rahmadi)
    other = client.get(reverse("coordination:inbox")).content.decode()
    assert "Aminah" not in other and "Data korban" not in other
