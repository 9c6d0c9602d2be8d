"""The licensed-recruiter check: search by name (legal form, case and punctuation ignored)
or licence number, an expired licence shown as expired, "not found" explaining the risk; the
register kept by administrators by hand and by CSV import."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from sigap.core.models import AuditEvent
from sigap.intake import recruiters
from sigap.intake.models import PlacementCompany
from tests.conftest import make_persona, sign_in

pytestmark = pytest.mark.django_db


def company(name, licence, status="active", valid_until=None):
    return PlacementCompany.objects.create(
        name=name, search_name=recruiters.search_name(name), licence_number=licence,
        status=status, valid_until=valid_until,
    )  # fmt: skip


def test_search_by_name_or_licence_number():
    jaya = company("PT. Borneo Jaya Abadi (fiktif)", "SIP3MI 123/2024")
    company("CV Sumber Rezeki (fiktif)", "SIP3MI 456/2023", status="revoked")
    assert recruiters.search("borneo jaya") == [jaya]
    assert recruiters.search("PT Borneo-Jaya") == [jaya]
    assert recruiters.search("123/2024") == [jaya]
    assert recruiters.search("sip3mi 123/2024") == [jaya]
    assert recruiters.search("Nusantara") == []


def test_an_active_licence_past_its_date_is_expired():
    old = company("PT Lama (fiktif)", "L-1", valid_until=timezone.localdate() - timedelta(days=1))
    assert old.status_today == "expired" and old.status_today_label == "Kedaluwarsa"


def test_the_public_page_shows_the_status_or_explains_the_risk(client):
    company("PT Borneo Jaya Abadi (fiktif)", "SIP3MI 123/2024", status="suspended",
            valid_until=date(2027, 1, 1))  # fmt: skip
    page = client.get(reverse("intake:recruiter_check"), {"q": "borneo"}).content.decode()
    assert 'data-licence="suspended"' in page and "Dibekukan" in page
    assert "tidak boleh merekrut" in page
    missing = client.get(reverse("intake:recruiter_check"), {"q": "PT Tidak Ada"}).content.decode()
    assert 'id="recruiter-not-found"' in missing and "nonprosedural" in missing
    assert reverse("intake:report") in missing and "SAPA 129" in missing


def test_administrators_keep_the_register(client):
    admin = make_persona("admin")
    sign_in(client, admin)
    response = client.post(reverse("intake:register"), {
        "name": "PT Kalsel Mandiri (fiktif)", "licence_number": "SIP3MI 9/2025",
        "status": "active", "valid_until": "31/12/2026", "province": "63",
    })  # fmt: skip
    assert response.status_code == 302
    saved = PlacementCompany.objects.get()
    assert saved.search_name == "kalsel mandiri fiktif" and saved.province_id == "63"
    assert saved.valid_until == date(2026, 12, 31)
    assert AuditEvent.objects.filter(object_type="intake.placementcompany").exists()
    client.logout()
    sign_in(client, make_persona("siti"))
    assert client.get(reverse("intake:register")).status_code == 404


def test_a_csv_import_upserts_by_licence_and_reports_bad_rows(client):
    company("PT Lama (fiktif)", "SIP3MI 1/2020", status="active")
    text = (
        "Nama Perusahaan;Nomor Izin;Status;Berlaku Sampai;Provinsi\n"
        "PT Lama Sekali (fiktif);SIP3MI 1/2020;dicabut;01/02/2024;Kalimantan Selatan\n"
        "PT Baru Jaya (fiktif);SIP3MI 2/2025;aktif;31-12-2026;Jawa Timur\n"
        "PT Tanpa Status (fiktif);SIP3MI 3/2025;entah;;\n"
        ";;;;\n"
        "Perusahaan Café (fiktif);SIP3MI 4/2025;kedaluwarsa;;\n"
    )
    upload = SimpleUploadedFile("p3mi.csv", text.encode("cp1252"), content_type="text/csv")
    sign_in(client, make_persona("admin"))
    page = client.post(reverse("intake:register_import"), {"file": upload}).content.decode()
    assert "2 ditambahkan, 1 diperbarui, 1 ditolak" in page and "Baris 4" in page
    old = PlacementCompany.objects.get(licence_number="SIP3MI 1/2020")
    assert old.status == "revoked" and old.name == "PT Lama Sekali (fiktif)"
    assert old.province_id == "63" and old.valid_until == date(2024, 2, 1)
    assert (
        PlacementCompany.objects.get(licence_number="SIP3MI 4/2025").name
        == "Perusahaan Café (fiktif)"
    )
    assert PlacementCompany.objects.get(licence_number="SIP3MI 2/2025").province_id == "35"


def test_a_file_without_the_needed_columns_is_refused_whole(client):
    upload = SimpleUploadedFile("x.csv", b"a,b\n1,2\n", content_type="text/csv")
    sign_in(client, make_persona("admin"))
    page = client.post(reverse("intake:register_import"), {"file": upload}).content.decode()
    assert "nomor izin" in page and not PlacementCompany.objects.exists()
