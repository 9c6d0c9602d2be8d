"""The audit browser: who may read it, masking of identities, filtered export behind sudo."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from sigap.core.models import AuditEvent
from sigap.people.services import person_create
from tests.conftest import PASSWORD, sign_in, totp_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def person_event(rahmadi):
    person = person_create(actor=rahmadi, full_name="Normah binti Ijai", region_id="63.03")
    return AuditEvent.objects.get(action="create", object_id=str(person.pk))


def test_the_secretariat_reads_the_names_it_may_see(client, siti, person_event):
    sign_in(client, siti)
    page = client.get("/audit/", {"action": "create"}).content.decode()
    assert "Normah binti Ijai" in page
    assert "people.person" in page


def test_an_admin_reads_the_log_with_identities_masked(client, sysadmin, person_event):
    sign_in(client, sysadmin)
    page = client.get("/audit/", {"action": "create"}).content.decode()
    assert "Normah" not in page
    assert "•••" in page


def test_filters_narrow_the_events(client, siti, person_event):
    sign_in(client, siti)
    page = client.get("/audit/", {"action": "login_failed"}).content.decode()
    assert "Tidak ada kejadian yang cocok" in page


def test_export_asks_to_confirm_it_is_you_then_downloads_and_is_audited(client, siti, person_event):
    sign_in(client, siti)
    response = client.get("/audit/ekspor/", {"action": "create"})
    assert response.status_code == 302
    assert response["Location"].startswith("/konfirmasi/?next=")
    device = TOTPDevice.objects.get(user=siti)
    confirm = client.post(
        "/konfirmasi/",
        {"password": PASSWORD, "code": totp_code(device), "next": "/audit/ekspor/?action=create"},
    )
    assert confirm["Location"] == "/audit/ekspor/?action=create"
    download = client.get("/audit/ekspor/", {"action": "create"})
    assert download["Content-Type"].startswith("text/csv")
    body = download.content.decode()
    assert "Normah binti Ijai" in body and body.count("\n") == 2
    export = AuditEvent.objects.get(action="export", actor=siti)
    assert export.details == {"rows": 1, "filters": {"action": "create"}}


def test_a_wrong_password_does_not_confirm(client, siti):
    sign_in(client, siti)
    device = TOTPDevice.objects.get(user=siti)
    response = client.post(
        "/konfirmasi/", {"password": "salah", "code": totp_code(device), "next": "/audit/ekspor/"}
    )
    assert "Kata sandi atau kode tidak benar" in response.content.decode()
    assert client.get("/audit/ekspor/").status_code == 302
    assert AuditEvent.objects.filter(action="sudo_failed", actor=siti).exists()


def test_the_audit_page_checks_each_person_once(
    client, siti, rahmadi, django_assert_max_num_queries
):
    person = person_create(actor=rahmadi, full_name="Normah", region_id="63.03")
    from sigap.people.services import person_update

    for number in range(10):
        person_update(actor=rahmadi, person=person, phone=f"+62812345678{number:02d}")
    sign_in(client, siti)
    with django_assert_max_num_queries(20):
        page = client.get("/audit/", {"object_id": str(person.pk)}).content.decode()
    assert page.count("+62812345678") == 19  # 10 changes: after each, before 9 (first: none)


def test_page_links_keep_the_filters(client, siti):
    from sigap.core import audit

    for _ in range(55):
        audit.record(actor=siti, action="login")
    sign_in(client, siti)
    page = client.get("/audit/", {"action": "login"}).content.decode()
    assert "page=2" in page
    assert "action=login&amp;" in page
    second = client.get("/audit/", {"action": "login", "page": "2"}).content.decode()
    assert "2 / 2" in second
