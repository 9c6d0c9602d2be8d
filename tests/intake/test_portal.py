"""The public portal: a report with only what happened (and consent), anonymous or with a
contact; the tracking code shown once and found again; nothing private on the status page;
limits against abuse and code guessing; photo metadata removed before storage."""

import io
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from sigap.core.models import AuditEvent, Region
from sigap.intake import codes
from sigap.intake.models import PublicReport, ReportAttachment, ReportMessage

pytestmark = pytest.mark.django_db

MINIMAL = {
    "what_happened": "Tetangga kami dijanjikan kerja di Malaysia (sintetis).",
    "consent": "on",
    "children_involved": "unknown",
    "anonymous": "yes",
}


def submit(client, **extra):
    return client.post(reverse("intake:report"), {**MINIMAL, **extra})


def shown_code(response):
    match = re.search(r"data-tracking-code>([^<]+)<", response.content.decode())
    return match.group(1) if match else None


def test_the_form_is_light_and_shows_help_and_a_quick_exit(client):
    page = client.get(reverse("intake:report"))
    html = page.content.decode()
    assert page.status_code == 200 and 'lang="id"' in html
    assert "SAPA 129" in html and "110" in html and 'id="quick-exit"' in html
    weight = len(page.content) + sum(
        Path(finders.find(name)).stat().st_size
        for name in ("intake/portal.css", "intake/portal.js")
    )
    assert weight < 100_000, weight
    assert "bootstrap" not in html


def test_the_page_parts_kept_rendered_follow_the_chosen_language(client):
    """The header and footer are kept rendered per language: switching language must not
    serve the other language's copy."""
    for language, exit_label, footer in (
        ("id", "Keluar cepat", "Informasi"),
        ("en", "Quick exit", "Information"),
        ("id", "Keluar cepat", "Informasi"),
    ):
        client.cookies["django_language"] = language
        html = client.get(reverse("intake:status")).content.decode()
        assert f'lang="{language}"' in html
        assert f">{exit_label}</a>" in html and f">{footer}</a>" in html


def test_an_anonymous_report_needs_only_what_happened_and_consent(client):
    response = submit(client)
    assert response.status_code == 201
    code = shown_code(response)
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", code)
    report = PublicReport.objects.get()
    assert report.anonymous and report.contact_phone == "" and report.status == "received"
    assert report.code_end == code[-4:] and code.replace("-", "") not in report.code_hash
    assert report.channel == "web" and report.triage == "new"
    assert AuditEvent.objects.filter(
        object_type="intake.publicreport", actor_label="publik"
    ).exists()


def test_a_report_with_a_contact_keeps_the_number_in_e164(client):
    response = submit(client, anonymous="no", contact_name="Ibu Sari (sintetis)",
                      contact_phone="0812-3456-7890", regency=Region.objects.get(code="63.08").pk,
                      urgent="on", people_at_risk="3", children_involved="yes")  # fmt: skip
    assert response.status_code == 201
    report = PublicReport.objects.get()
    assert report.contact_phone == "+6281234567890" and not report.anonymous
    assert report.urgent and report.regency_id == "63.08" and report.children_involved == "yes"
    assert (report.triage_due_at - report.received_at).total_seconds() == 4 * 3600
    assert "danger now" in response.content.decode() or "dalam bahaya" in response.content.decode()


def test_what_is_missing_or_wrong_is_said_and_nothing_is_stored(client):
    empty = client.post(
        reverse("intake:report"), {"children_involved": "unknown", "anonymous": "yes"}
    )
    assert empty.status_code == 400 and "Bidang ini tidak boleh kosong." in empty.content.decode()
    no_number = submit(client, anonymous="no")
    assert "Isi nomor telepon atau WhatsApp" in no_number.content.decode()
    assert not PublicReport.objects.exists()


def test_a_bot_that_fills_the_hidden_field_gets_a_success_page_and_stores_nothing(client):
    response = client.post(reverse("intake:report"), {**MINIMAL, "website": "http://spam"})
    assert response.status_code == 200 and shown_code(response)
    assert not PublicReport.objects.exists()


def test_photo_metadata_such_as_gps_is_removed_before_storage(client):
    exif = Image.Exif()
    exif[0x010F] = "KameraSintetis"  # Make
    exif[0x8825] = {1: "S", 2: (3.0, 19.0, 0.0), 3: "E", 4: (114.0, 35.0, 0.0)}  # GPS
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, format="JPEG", exif=exif)
    assert b"KameraSintetis" in buffer.getvalue()
    photo = SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg")
    response = submit(client, attachments=photo)
    assert response.status_code == 201
    stored = ReportAttachment.objects.get()
    with stored.file.open("rb") as handle:
        content = handle.read()
    assert b"KameraSintetis" not in content
    with Image.open(io.BytesIO(content)) as image:
        assert image.size == (40, 30) and not image.getexif()
    assert stored.content_type == "image/jpeg"


def test_an_office_file_is_refused_with_a_reason(client):
    fake = SimpleUploadedFile("a.pdf", b"not a pdf at all", content_type="application/pdf")
    response = submit(client, attachments=fake)
    assert response.status_code == 400 and not PublicReport.objects.exists()


def test_the_status_page_shows_the_status_and_messages_only(client, siti):
    code = shown_code(submit(client, anonymous="no", contact_phone="081234567890"))
    report = PublicReport.objects.get()
    report.status = "under_review"
    report.save()
    ReportMessage.objects.create(report=report, text="Laporan sedang kami periksa.", sent_by=siti)
    page = client.post(reverse("intake:status"), {"kode": code.lower().replace("-", " ")})
    html = page.content.decode()
    assert 'data-status="under_review"' in html and "Sedang ditinjau" in html
    assert "Laporan sedang kami periksa." in html
    assert "Malaysia" not in html and "081234567890" not in html and "+62" not in html


def test_an_unknown_or_mistyped_code_is_not_found_and_nothing_more(client):
    code = codes.display(codes.new_code())
    page = client.post(reverse("intake:status"), {"kode": code})
    assert "Kode tidak ditemukan" in page.content.decode()
    submitted = shown_code(submit(client))
    typo = ("0" if submitted[0] != "0" else "1") + submitted[1:]
    assert (
        "Kode tidak ditemukan"
        in client.post(reverse("intake:status"), {"kode": typo}).content.decode()
    )


def test_guessing_codes_is_throttled_per_address(client, settings):
    settings.SIGAP_CODE_LOOKUP_RATE = "3/m"
    for _ in range(3):
        assert client.post(reverse("intake:status"), {"kode": "AAAA"}).status_code == 200
    blocked = client.post(reverse("intake:status"), {"kode": "AAAA"})
    assert blocked.status_code == 429 and "Tunggu" in blocked.content.decode()
    other = client.post(reverse("intake:status"), {"kode": "AAAA"}, REMOTE_ADDR="10.9.9.9")
    assert other.status_code == 200


def test_reports_from_one_address_are_limited(client, settings):
    settings.SIGAP_REPORT_RATE = "2/h"
    assert submit(client).status_code == 201 and submit(client).status_code == 201
    assert submit(client).status_code == 429
    assert PublicReport.objects.count() == 2


def test_place_suggestions_list_the_districts_and_villages_of_a_home_regency(client):
    response = client.get(reverse("intake:places"), {"kab": "63.08"})
    places = response.json()["places"]
    assert response.status_code == 200 and len(places) > 100
    assert all(", " in place for place in places)
    assert any(place.startswith("Amuntai") for place in places)
    assert client.get(reverse("intake:places"), {"kab": "31.71"}).status_code == 404
    assert client.get(reverse("intake:places"), {"kab": "x"}).json() == {"places": []}
