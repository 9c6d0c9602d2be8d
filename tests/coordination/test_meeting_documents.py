"""Planning and changing a meeting, and its documents: the invitation (undangan) and the
minutes (notulen) as PDF in Bahasa Indonesia, with the decisions and action items per agency."""

from datetime import date, time, timedelta

import pytest
from django.urls import reverse

from sigap.coordination import services
from sigap.coordination.services import CoordinationError
from sigap.core.models import Agency, AuditEvent
from tests.conftest import make_persona, sign_in
from tests.pdf import pdf_response_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def agencies():
    return {slug: Agency.objects.get(slug=slug) for slug in ("dinsos-kalsel", "polres-banjar")}


@pytest.fixture
def earlier(siti, agencies):
    meeting = services.meeting_create(
        actor=siti, title="Rakor triwulan III (sintetis)", level="province", region_id="63",
        held_on=date(2024, 8, 20),
    )  # fmt: skip
    services.action_item_add(
        actor=siti, meeting=meeting, what="Pendataan PMI purna (sintetis)",
        owner=agencies["dinsos-kalsel"], due_on=date(2024, 9, 30),
    )  # fmt: skip
    return meeting


@pytest.fixture
def rakor(siti, agencies, earlier):
    meeting = services.meeting_create(
        actor=siti, title="Rakor Gugus Tugas TPPO (sintetis)", level="province", region_id="63",
        held_on=date(2024, 11, 28), starts_at=time(9, 0), place="Aula Bappeda, Banjarbaru",
        agenda="1. Evaluasi kasus\n2. Data BP2MI", agencies=list(agencies.values()),
    )  # fmt: skip
    services.decision_add(actor=siti, meeting=meeting, text="Rumah aman disiapkan (sintetis).")
    services.action_item_add(
        actor=siti, meeting=meeting, what="Siapkan rumah aman (sintetis)",
        owner=agencies["dinsos-kalsel"], due_on=meeting.held_on + timedelta(days=14),
    )  # fmt: skip
    services.action_item_add(
        actor=siti, meeting=meeting, what="Penyelidikan perekrut (sintetis)",
        owner=agencies["polres-banjar"], due_on=meeting.held_on + timedelta(days=30),
    )  # fmt: skip
    services.meeting_record(
        actor=siti, meeting=meeting, minutes="Dibahas tiga kasus (sintetis).",
        agencies=list(agencies.values()), attendees=[siti],
    )  # fmt: skip
    return meeting


def test_a_planned_meeting_gets_a_letter_number_per_year(siti, earlier, rakor):
    assert earlier.number == "UND/2024/0001" and rakor.number == "UND/2024/0002"


def test_organisers_change_a_planned_meeting_and_the_change_is_audited(siti, rahmadi, rakor):
    services.meeting_change(
        actor=siti, meeting=rakor, held_on=date(2024, 12, 3), place="Kantor Gubernur",
        agencies=[],
    )  # fmt: skip
    rakor.refresh_from_db()
    assert rakor.held_on == date(2024, 12, 3) and rakor.agencies.count() == 0
    change = AuditEvent.objects.filter(action="change", object_id=str(rakor.pk)).first()
    assert {"held_on", "place", "agencies"} <= set(change.details["changes"])
    with pytest.raises(CoordinationError, match="not_organiser"):
        services.meeting_change(actor=rahmadi, meeting=rakor, place="x")
    riduan = make_persona("riduan")
    regency = services.meeting_create(
        actor=riduan, title="Rakor HSU", level="regency", region_id="63.08",
        held_on=date(2024, 12, 1),
    )  # fmt: skip
    with pytest.raises(CoordinationError, match="out_of_scope"):  # out of the regency's reach
        services.meeting_change(actor=riduan, meeting=regency, region_id="63.03")
    regency.refresh_from_db()
    assert regency.region_id == "63.08"


def test_the_edit_page_changes_the_meeting(client, siti, rakor):
    sign_in(client, siti)
    url = reverse("coordination:meeting_edit", args=[rakor.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Aula Bappeda" in page.content.decode()
    response = client.post(url, {
        "title": rakor.title, "level": "province", "region": "63", "held_on": "05-12-2024",
        "starts_at": "13.30", "place": "Aula Bappeda", "agenda": "Evaluasi",
        "agencies": [Agency.objects.get(slug="dinsos-kalsel").pk],
    })  # fmt: skip
    assert response.status_code == 302
    rakor.refresh_from_db()
    assert rakor.held_on == date(2024, 12, 5) and rakor.starts_at == time(13, 30)
    assert list(rakor.agencies.values_list("slug", flat=True)) == ["dinsos-kalsel"]
    wrong = client.post(url, {"title": "", "level": "province", "region": "63", "held_on": "x"})
    assert wrong.status_code == 200 and "Bidang ini tidak boleh kosong." in wrong.content.decode()


def test_the_invitation_says_when_where_what_and_to_whom_without_item_texts(client, siti, rakor):
    sign_in(client, siti)
    text = pdf_response_text(
        client.get(reverse("coordination:meeting_invitation", args=[rakor.pk]))
    )
    for expected in (
        "UND/2024/0002", "Undangan Rakor Gugus Tugas TPPO (sintetis)", "Kamis, 28 November 2024",
        "09.00 WITA", "Aula Bappeda, Banjarbaru", "Evaluasi kasus", "Dinas Sosial",
        "Tindak lanjut rapat sebelumnya yang belum selesai",
    ):  # fmt: skip
        assert expected in text, expected
    assert "Pendataan PMI purna" not in text  # items may name victims: counts only
    assert AuditEvent.objects.filter(action="download", details__document="invitation").exists()


def test_the_minutes_list_decisions_and_action_items_per_agency(client, siti, rakor):
    sign_in(client, siti)
    text = pdf_response_text(
        client.get(reverse("coordination:meeting_minutes_pdf", args=[rakor.pk]))
    )
    for expected in (
        "RAHASIA", "NOTULEN RAPAT KOORDINASI", "Dibahas tiga kasus (sintetis).",
        "Rumah aman disiapkan (sintetis).", "Siapkan rumah aman (sintetis)",
        "Penyelidikan perekrut (sintetis)", "12-12-2024", "Terbuka",
        "Pendataan PMI purna (sintetis)",  # carried over from the earlier meeting
        "Siti Rahmah",
    ):  # fmt: skip
        assert expected in text, expected
    assert text.index("Dinas Sosial") < text.index("Siapkan rumah aman")


def test_an_agency_officer_gets_the_minutes_with_their_own_items_only(client, normila, rakor):
    sign_in(client, normila)
    text = pdf_response_text(
        client.get(reverse("coordination:meeting_minutes_pdf", args=[rakor.pk]))
    )
    assert "Siapkan rumah aman" in text and "Penyelidikan perekrut" not in text
