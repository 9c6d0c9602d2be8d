"""Documents: type told by content (spoofed names refused), size limit, encrypted on disk,
downloaded only through the access-checked view, every download audited."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sigap.cases import services
from sigap.cases.models import CaseDocument, CaseEvent
from sigap.core.models import AuditEvent
from sigap.core.uploads import RejectedUpload
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"  # synthetic, minimal


def png_bytes():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def zip_bytes(*names):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>" if not name.endswith(".exe") else "MZ")
    return buffer.getvalue()


def docx_bytes(*extra):
    return zip_bytes("[Content_Types].xml", "word/document.xml", *extra)


def odt_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def upload(client, case, name, content, title="Laporan polisi (sintetis)"):
    return client.post(
        f"/kasus/{case.pk}/dokumen/",
        {"title": title, "upload": SimpleUploadedFile(name, content)},
        follow=True,
    )


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("laporan.pdf", PDF, "application/pdf"),
        ("foto.png", png_bytes(), "image/png"),
        ("berita-acara.docx", docx_bytes(), "application/vnd.openxmlformats-officedocument"),
        ("catatan.odt", odt_bytes(), "application/vnd.oasis.opendocument.text"),
    ],
)
def test_accepted_kinds_are_stored_encrypted_and_download_decrypted(
    client, rahmadi, case, media, name, content, content_type
):
    sign_in(client, rahmadi)
    page = upload(client, case, name, content).content.decode()
    assert "Dokumen dilampirkan" in page
    document = CaseDocument.objects.get()
    assert document.content_type.startswith(content_type)
    on_disk = (media / document.file.name).read_bytes()
    assert content not in on_disk and name not in document.file.name
    response = client.get(f"/kasus/{case.pk}/dokumen/{document.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response["Content-Type"] == document.content_type
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert AuditEvent.objects.filter(action="download", object_id=str(case.pk)).count() == 1
    assert CaseEvent.objects.filter(case=case, kind="document_added").exists()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("surat.pdf", b"MZ\x90\x00" + b"\x00" * 200, "bukan PDF"),  # a program named .pdf
        ("foto.jpg", b"<html><script>alert(1)</script></html>", "bukan PDF"),  # a web page
        ("data.docx", b"PK\x03\x04" + b"\x00" * 100, "bukan PDF"),  # a broken zip
        ("arsip.pdf", zip_bytes("evil.exe"), "bukan PDF"),  # a plain zip named .pdf
        ("catatan.txt", b"teks biasa", "bukan PDF"),
        # a real office file with a program inside, or with macros
        ("laporan.docx", docx_bytes("word/payload.exe"), "membawa program"),
        ("laporan.docx", docx_bytes("word/vbaProject.bin"), "makro"),
        # a zip that only names itself like Word: no [Content_Types].xml
        ("laporan.docx", zip_bytes("word/document.xml", "word/payload.bin"), "bukan PDF"),
        # starts like a PDF, but is not one (no end): e.g. a web page behind a PDF header
        ("surat.pdf", b"%PDF-1.4\n<html><script>alert(1)</script></html>", "PDF ini tidak"),
        ("foto.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "Gambar ini rusak"),
    ],
)
def test_spoofed_and_unaccepted_files_are_refused_with_a_message(
    client, rahmadi, case, media, name, content, reason
):
    sign_in(client, rahmadi)
    page = upload(client, case, name, content).content.decode()
    assert reason in page
    assert not CaseDocument.objects.exists()
    assert not [path for path in media.rglob("*") if path.is_file()]


def test_too_large_and_empty_files_are_refused(client, rahmadi, case, media, settings):
    settings.SIGAP_UPLOAD_MAX_MB = 1
    sign_in(client, rahmadi)
    # dropped while it arrives, before the whole file is received
    page = upload(client, case, "besar.pdf", PDF + b"0" * (1024 * 1024)).content.decode()
    assert "lebih besar dari batas 1,0" in page
    page = upload(client, case, "kosong.pdf", b"").content.decode()
    assert "Pilih berkas" in page
    assert not CaseDocument.objects.exists()


def test_the_service_checks_the_size_too(rahmadi, case, media, settings):
    settings.SIGAP_UPLOAD_MAX_MB = 1
    with pytest.raises(RejectedUpload, match="batasnya 1,0"):
        services.document_add(
            actor=rahmadi,
            case=case,
            title="x",
            upload=SimpleUploadedFile("x.pdf", PDF + b"0" * (1024 * 1024)),
        )


def test_a_document_outside_scope_is_not_found_and_the_denial_audited(
    client, rahmadi, normila, case, media
):
    document = services.document_add(
        actor=rahmadi, case=case, title="BAP", upload=SimpleUploadedFile("bap.pdf", PDF)
    )
    sign_in(client, normila)  # Dinsos: does not lead this case
    response = client.get(f"/kasus/{case.pk}/dokumen/{document.pk}/")
    assert response.status_code == 404
    assert AuditEvent.objects.filter(actor=normila, action="denied").exists()
    assert not AuditEvent.objects.filter(action="download").exists()


def test_a_document_of_another_case_is_not_reached_through_this_one(client, rahmadi, case, media):
    from datetime import date

    other = services.case_create(
        actor=rahmadi, reported_on=date(2024, 4, 1), source="media", region_id="63.03"
    )
    document = services.document_add(
        actor=rahmadi, case=other, title="BAP", upload=SimpleUploadedFile("bap.pdf", PDF)
    )
    sign_in(client, rahmadi)
    assert client.get(f"/kasus/{case.pk}/dokumen/{document.pk}/").status_code == 404


def test_the_service_refuses_directly_too(rahmadi, case, media):
    with pytest.raises(RejectedUpload):
        services.document_add(
            actor=rahmadi, case=case, title="x", upload=SimpleUploadedFile("x.pdf", b"MZ" * 50)
        )
    assert not CaseDocument.objects.exists()
