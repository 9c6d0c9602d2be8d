"""Prevention down to the grassroots: activities recorded in a district or village of the
officer's region, and the coverage that shows the places at risk no prevention reached.
All data is synthetic."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sigap.cases import services as case_services
from sigap.core.access import scoped
from sigap.core.models import Region
from sigap.monitoring import prevention, services
from sigap.monitoring.models import Group, PreventionActivity
from sigap.monitoring.services import MonitoringError
from sigap.people.services import person_create
from tests.conftest import make_persona, sign_in

pytestmark = pytest.mark.django_db
DANAU_PANGGANG, BABIRIK, SUNGAI_NAMANG = "63.08.01", "63.08.02", "63.08.01.2003"


def record(actor, region: str, held_on: date | None = None, participants: int = 40):
    return prevention.activity_record(
        actor=actor, region=Region.objects.get(code=region), kind="socialisation",
        held_on=held_on or timezone.localdate(), place="Balai desa", audience="villagers",
        participants=participants, topic="Migrasi aman (sintetis)", notes="",
    )  # fmt: skip


def test_an_activity_is_recorded_in_a_district_or_village_of_the_officers_region(riduan):
    activity = record(riduan, SUNGAI_NAMANG)
    assert activity.agency_id == riduan.agency_id
    for region, code in (("63.08", "place_level"), ("63.03.01", "region_out_of_scope")):
        with pytest.raises(MonitoringError) as refused:
            record(riduan, region)
        assert refused.value.code == code
    with pytest.raises(MonitoringError):
        record(riduan, DANAU_PANGGANG, held_on=timezone.localdate() + timedelta(days=1))
    assert PreventionActivity.objects.count() == 1


def test_the_coverage_shows_places_at_risk_that_no_prevention_reached(riduan, siti):
    # Returned or watched people and a case come from Danau Panggang and Babirik; only
    # Danau Panggang had a socialisation this year (Babirik's was two years ago).
    for name, home in (("Ani", SUNGAI_NAMANG), ("Bunga", BABIRIK), ("Citra", "63.08.02.2001")):
        person = person_create(actor=riduan, full_name=f"{name} Sintetis", region_id="63.08",
                               home_region_id=home, birth_date=date(2000, 1, 1))  # fmt: skip
        services.enrol(actor=riduan, person=person, group=Group.PROSPECTIVE_MIGRANT)
    case_services.case_create(actor=siti, reported_on=date(2024, 3, 1), source="police",
                              region_id="63.08", origin_region_id=BABIRIK)  # fmt: skip
    record(riduan, SUNGAI_NAMANG, participants=55)
    record(riduan, BABIRIK, held_on=timezone.localdate() - timedelta(days=800))
    places = {place.code: place for place in prevention.coverage(riduan, "63.08")}
    assert len(places) == Region.objects.filter(parent_id="63.08").count()
    danau, babirik = places[DANAU_PANGGANG], places[BABIRIK]
    assert (danau.enrolments, danau.activities, danau.participants) == (1, 1, 55)
    assert not danau.unreached
    assert (babirik.enrolments, babirik.cases, babirik.activities) == (2, 1, 0)
    assert babirik.unreached
    assert prevention.coverage(riduan, "63.08")[0].code == BABIRIK  # the unreached first
    villages = {p.code: p for p in prevention.coverage(riduan, DANAU_PANGGANG)}
    assert villages[SUNGAI_NAMANG].activities == 1 and villages[SUNGAI_NAMANG].enrolments == 1


def test_the_prevention_pages(client, riduan):
    sign_in(client, riduan)
    form = {"kind": "training", "held_on": timezone.localdate().isoformat(),
            "district": "Danau Panggang", "village": "sungai  namang", "place": "Kantor desa",
            "audience": "village_officials",
            "participants": "12", "topic": "Tanda-tanda TPPO (sintetis)"}  # fmt: skip
    for wrong, why in (
        ({"district": "HSU"}, "Pilih kecamatan"),
        ({"village": "Kampung Rekaan"}, "Pandamaan"),  # the district's villages are listed
        ({"district": "Martapura, Kab. Banjar", "village": ""}, "di luar cakupan Anda"),
    ):
        answer = client.post(reverse("monitoring:activity_new"), {**form, **wrong})
        assert answer.status_code == 400 and why in answer.content.decode(), why
    assert not PreventionActivity.objects.exists()
    done = client.post(reverse("monitoring:activity_new"), form)
    assert done.status_code == 302 and PreventionActivity.objects.get().region_id == SUNGAI_NAMANG
    listed = client.get(reverse("monitoring:activity_list")).content.decode()
    assert "Tanda-tanda TPPO (sintetis)" in listed
    page = client.get(reverse("monitoring:coverage")).content.decode()
    assert 'id="coverage"' in page and "Danau Panggang" in page


def test_analysts_see_prevention_but_record_none(riduan):
    record(riduan, SUNGAI_NAMANG)
    analyst = make_persona("fauzan")
    assert scoped(analyst, PreventionActivity).count() == 1
    with pytest.raises(MonitoringError):
        record(analyst, "63.03.01")
