"""Triage of public reports: who sees them, the queue (urgent first, by deadline), spam,
duplicates, needing information, acceptance into a case (or a link to one), messages to the
reporter on the tracking page, and reports recorded from the hotline."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sigap.cases import services as case_services
from sigap.cases.models import Case
from sigap.core.models import Region
from sigap.intake import selectors, services
from sigap.intake.models import PublicReport
from sigap.intake.services import IntakeError
from tests.conftest import make_persona, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def aisyah():
    return make_persona("aisyah")


def submit(what="Ada calo menawarkan kerja ke Arab Saudi (sintetis).", **fields):
    values = {"what_happened": what, "consent": True, "anonymous": True,
              "children_involved": "unknown", **fields}  # fmt: skip
    report, code = services.report_submit(fields=values)
    return report, code


def test_only_triage_officers_and_the_secretariat_see_reports(client, aisyah, siti, normila):
    report, _code = submit(regency=Region.objects.get(code="63.08"))
    assert selectors.queue(aisyah).get() == report and selectors.queue(siti).get() == report
    assert not selectors.queue(normila).exists()
    assert not selectors.queue(make_persona("riduan")).exists()  # no regency triage role
    sign_in(client, normila)
    assert client.get(reverse("intake:queue")).status_code == 404


def test_the_queue_puts_urgent_reports_first_then_by_deadline(aisyah):
    calm, _ = submit("Tenang (sintetis).")
    urgent, _ = submit("Mendesak (sintetis).", urgent=True)
    waiting, _ = submit("Perlu info (sintetis).")
    services.report_triage(actor=aisyah, report=waiting, triage="needs_info")
    spam, _ = submit("Iklan (sintetis).")
    services.report_triage(actor=aisyah, report=spam, triage="spam")
    assert list(selectors.queue(aisyah)) == [urgent, calm, waiting]
    assert list(selectors.queue(aisyah, closed=True)) == [spam]
    spam.refresh_from_db()
    assert spam.status == "closed"
    assert (urgent.triage_due_at - urgent.received_at) < (calm.triage_due_at - calm.received_at)


def test_a_duplicate_points_to_the_other_report(aisyah):
    first, _ = submit()
    second, _ = submit()
    with pytest.raises(IntakeError, match="duplicate_of_itself"):
        services.report_triage(actor=aisyah, report=first, triage="duplicate", duplicate_of=first)
    services.report_triage(actor=aisyah, report=second, triage="duplicate", duplicate_of=first)
    second.refresh_from_db()
    assert second.duplicate_of == first and second.status == "closed"


def test_accepting_opens_a_community_report_case_by_the_secretariat_only(aisyah, siti):
    report, _ = submit(regency=Region.objects.get(code="63.08"), urgent=True,
                       recruiters="PT Fiktif Jaya (fiktif)", place="Amuntai")  # fmt: skip
    with pytest.raises(IntakeError, match="accept_by_secretariat"):
        services.report_accept(actor=aisyah, report=report)
    case = services.report_accept(actor=siti, report=report)
    assert case.source == "community_report" and case.region_id == "63.08"
    assert "Ada calo menawarkan kerja" in case.narrative and "PT Fiktif Jaya" in case.narrative
    assert case.reported_on == timezone.localdate(report.received_at)
    report.refresh_from_db()
    assert report.case == case and report.triage == "accepted" and report.status == "followed_up"
    with pytest.raises(IntakeError, match="wrong_state"):
        services.report_accept(actor=siti, report=report)


def test_accepting_can_link_an_existing_case(client, siti):
    case = case_services.case_create(
        actor=siti, reported_on=date(2024, 3, 1), source="police", region_id="63.03"
    )
    report, _ = submit()
    sign_in(client, siti)
    client.post(reverse("intake:report_triage", args=[report.pk]),
                {"triage": "accept", "case": case.reference})  # fmt: skip
    report.refresh_from_db()
    assert report.case == case and Case.objects.count() == 1


def test_a_message_reaches_the_tracking_page(client, aisyah):
    report, code = submit()
    sign_in(client, aisyah)
    client.post(reverse("intake:message_send", args=[report.pk]),
                {"text": "Mohon hubungi SAPA 129 untuk keterangan tambahan.",
                 "status": "under_review"})  # fmt: skip
    client.logout()
    page = client.post(reverse("intake:status"), {"kode": code}).content.decode()
    assert "Mohon hubungi SAPA 129" in page and "Sedang ditinjau" in page


def test_a_report_from_the_hotline_is_recorded_with_its_channel(client, aisyah):
    sign_in(client, aisyah)
    response = client.post(reverse("intake:report_record"), {
        "channel": "phone", "what_happened": "Penelepon melaporkan penampungan ilegal (sintetis).",
        "children_involved": "yes", "anonymous": "yes", "consent": "on",
    })  # fmt: skip
    assert response.status_code == 200 and "data-tracking-code" in response.content.decode()
    report = PublicReport.objects.get()
    assert report.channel == "phone" and report.recorded_by == aisyah


def test_the_detail_page_shows_everything_to_triage_and_is_audited(client, aisyah):
    report, _ = submit(anonymous=False, contact_phone="+6281234567890")
    report.triage_due_at = timezone.now() - timedelta(hours=1)
    report.save()
    sign_in(client, aisyah)
    page = client.get(reverse("intake:report_detail", args=[report.pk])).content.decode()
    assert "Ada calo menawarkan kerja" in page and "+6281234567890" in page
    assert "Melewati tenggat" in page
