"""Case pages: register, add a victim, screen, see it indicated with the reasons, timeline."""

import pytest

from sigap.cases.models import Case, CaseEvent
from sigap.people.services import person_create
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def screening_post(**yes):
    data = {}
    from sigap.cases.screening import ELEMENTS

    for element, choices in ELEMENTS.items():
        for value in choices.values:
            data[f"{element}__{value}"] = "yes" if value in yes.get(element, ()) else "no"
    return data


def test_an_officer_registers_screens_and_moves_a_case(client, rahmadi):
    sign_in(client, rahmadi)
    response = client.post(
        "/kasus/baru/",
        {
            "reported_on": "12 Maret 2024",
            "source": "police",
            "region": "Martapura, Kab. Banjar",
            "destination_country": "Arab Saudi",
            "recruitment_method": "job_offer",
            "purposes": ["forced_labour"],
            "narrative": "Dijanjikan kerja di Riyadh (sintetis).",
        },
    )
    case = Case.objects.get()
    assert response["Location"] == f"/kasus/{case.pk}/"
    assert case.reference == "TPPO/63.03/2024/0001"
    assert case.destination_country_id == "SA" and case.narrative.startswith("Dijanjikan")

    person = person_create(actor=rahmadi, full_name="Masitah", region_id="63.03")
    client.post(f"/kasus/{case.pk}/pihak/", {"person": person.pk, "role": "victim"})
    client.post(f"/kasus/{case.pk}/status/", {"status": "screening"})
    party = case.parties.get()
    client.post(
        f"/kasus/{case.pk}/pihak/{party.pk}/penapisan/",
        screening_post(act=["recruitment"], means=["fraud"], purpose=["forced_labour"]),
    )
    case.refresh_from_db()
    assert case.status == "indicated"
    page = client.get(f"/kasus/{case.pk}/").content.decode()
    assert "Terindikasi TPPO" in page and "Penipuan" in page and "Masitah" in page
    kinds = list(CaseEvent.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds == ["status", "screened", "status", "party_added", "created"]


def test_closing_without_a_reason_is_refused_with_a_message(client, rahmadi):
    from datetime import date

    from sigap.cases import services

    case = services.case_create(
        actor=rahmadi, reported_on=date(2024, 1, 1), source="media", region_id="63.03"
    )
    sign_in(client, rahmadi)
    page = client.post(f"/kasus/{case.pk}/status/", {"status": "closed", "reason": ""}, follow=True)
    assert "Tuliskan alasan penutupan kasus" in page.content.decode()
    case.refresh_from_db()
    assert case.status == "reported"


def test_a_case_outside_the_region_cannot_be_registered(client, rahmadi):
    sign_in(client, rahmadi)
    page = client.post(
        "/kasus/baru/",
        {
            "reported_on": "12/03/2024",
            "source": "police",
            "region": "Bjm",
            "recruitment_method": "unknown",
        },
    ).content.decode()
    assert "harus tetap berada di wilayah kerja (dan instansi) Anda" in page
    assert not Case.objects.exists()
