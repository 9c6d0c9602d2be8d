"""The shell: login, home page per role, language switch, health check, error pages."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from sigap.core.models import AuditEvent
from tests.conftest import PASSWORD, sign_in, totp_code

pytestmark = pytest.mark.django_db


def test_the_home_page_asks_an_anonymous_visitor_to_log_in(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/masuk/?next=/")


def test_an_officer_logs_in_with_a_second_factor_and_sees_what_they_can_do(client, rahmadi):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=rahmadi, name="ponsel", confirmed=True)
    response = client.post("/masuk/", {"username": "rahmadi", "password": PASSWORD})
    assert response["Location"] == "/"
    assert client.get("/")["Location"] == "/masuk/verifikasi/?next=%2F"
    response = client.post(
        "/masuk/verifikasi/", {"code": totp_code(device), "next": "/"}, follow=True
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Selamat datang, Rahmadi" in page
    assert "Polres Banjar" in page
    assert "Petugas instansi" in page
    assert reverse("core:region_lookup") in page
    assert reverse("admin:index") not in page  # not staff


def test_a_wrong_second_factor_code_is_refused_with_a_clear_message(client, rahmadi):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    TOTPDevice.objects.create(user=rahmadi, name="ponsel", confirmed=True)
    client.post("/masuk/", {"username": "rahmadi", "password": PASSWORD})
    wrong = client.post("/masuk/verifikasi/", {"code": "000000", "next": "/"})
    assert "Kode ini tidak berlaku" in wrong.content.decode()
    assert client.get("/").status_code == 302  # still not through
    assert AuditEvent.objects.filter(action="2fa_failed", actor=rahmadi).count() == 1


def test_a_backup_code_works_once(client, rahmadi):
    from sigap.core.twofactor import new_backup_codes

    codes = new_backup_codes(rahmadi)
    client.post("/masuk/", {"username": "rahmadi", "password": PASSWORD})
    client.post("/masuk/verifikasi/", {"code": codes[0], "next": "/"})
    assert client.get("/").status_code == 200
    client.post("/keluar/")
    client.post("/masuk/", {"username": "rahmadi", "password": PASSWORD})
    reused = client.post("/masuk/verifikasi/", {"code": codes[0], "next": "/"})
    assert "Kode ini tidak berlaku" in reused.content.decode()


def test_an_officer_without_an_authenticator_must_set_one_up(client, normila):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.post("/masuk/", {"username": "normila", "password": PASSWORD})
    setup = client.get("/instansi/", follow=True)
    assert setup.redirect_chain[-1][0] == "/masuk/atur-2fa/?next=%2Finstansi%2F"
    page = setup.content.decode()
    assert "<svg" in page and "Atur masuk dua langkah" in page
    device = TOTPDevice.objects.get(user=normila, confirmed=False)
    wrong = client.post(
        "/masuk/atur-2fa/", {"password": "salah", "code": totp_code(device), "next": "/instansi/"}
    )
    assert "Ini bukan kata sandi Anda" in wrong.content.decode()
    done = client.post(
        "/masuk/atur-2fa/",
        {"password": PASSWORD, "code": totp_code(device), "next": "/instansi/"},
    )
    codes = done.context["codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get("/instansi/").status_code == 200
    assert AuditEvent.objects.filter(action="2fa_enrolled", actor=normila).exists()


def test_an_analyst_needs_no_second_factor(client, fauzan):
    client.post("/masuk/", {"username": "fauzan", "password": PASSWORD})
    assert client.get("/").status_code == 200


def test_an_account_locks_after_five_wrong_passwords(client, rahmadi):
    for _ in range(5):
        client.post("/masuk/", {"username": "rahmadi", "password": "salah"})
    locked = client.post("/masuk/", {"username": "rahmadi", "password": PASSWORD})
    assert locked.status_code == 429
    assert "Terlalu banyak percobaan yang gagal" in locked.content.decode()
    assert AuditEvent.objects.filter(action="login_failed", object_id=str(rahmadi.pk)).count() >= 5


def test_an_address_is_refused_after_many_failures_across_accounts(client, settings, rahmadi):
    settings.SIGAP_LOGIN_IP_FAILURE_LIMIT = 3
    for name in ("a", "b", "c"):
        client.post("/masuk/", {"username": name, "password": "salah"})
    refused = client.post("/masuk/", {"username": "rahmadi", "password": PASSWORD})
    assert refused.status_code == 429
    assert AuditEvent.objects.filter(action="login_throttled").exists()


def test_logins_and_logouts_are_audited(client, fauzan):
    client.post("/masuk/", {"username": "fauzan", "password": PASSWORD})
    client.post("/keluar/")
    actions = list(AuditEvent.objects.filter(actor=fauzan).values_list("action", flat=True))
    assert sorted(actions) == ["login", "logout"]


def test_an_admin_sees_the_administration(client, sysadmin):
    sign_in(client, sysadmin)
    page = client.get("/").content.decode()
    assert reverse("admin:index") in page
    assert client.get(reverse("admin:core_region_changelist")).status_code == 200


def test_a_user_without_a_role_is_told_whom_to_ask(client, outsider):
    sign_in(client, outsider)
    page = client.get("/").content.decode()
    assert "belum memiliki peran" in page


def test_a_wrong_password_gets_a_clear_message_in_indonesian(client, rahmadi):
    response = client.post("/masuk/", {"username": "rahmadi", "password": "salah"})
    assert response.status_code == 200
    assert "Nama pengguna atau kata sandi salah" in response.content.decode()


def test_logout_is_a_post_and_ends_the_session(client, rahmadi):
    sign_in(client, rahmadi)
    response = client.post("/keluar/")
    assert response.status_code == 302
    assert client.get("/").status_code == 302


def test_the_language_can_be_switched_to_english_and_back(client, rahmadi):
    sign_in(client, rahmadi)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/").content.decode()
    assert "Welcome, Rahmadi" in page
    assert '<html lang="en">' in page
    client.post("/i18n/setlang/", {"language": "id", "next": "/"})
    assert "Selamat datang, Rahmadi" in client.get("/").content.decode()


def test_indonesian_is_the_default_even_for_an_english_browser(rahmadi):
    browser = Client(headers={"accept-language": "en-US,en;q=0.9"})
    sign_in(browser, rahmadi)
    page = browser.get("/").content.decode()
    assert '<html lang="id">' in page


def test_healthz_reports_the_database_and_the_worker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["worker"]["status"] == "unknown"
    assert "no-cache" in response["Cache-Control"]


def test_an_unknown_page_is_a_plain_404_without_details(client, rahmadi):
    sign_in(client, rahmadi)
    response = client.get("/tidak-ada/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Halaman tidak ditemukan" in page
    assert "Traceback" not in page
    assert "urlpatterns" not in page


def test_a_server_error_shows_a_friendly_page_without_a_stack_trace(settings):
    from django.test import RequestFactory
    from django.views.defaults import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    page = response.content.decode()
    assert "Terjadi kesalahan pada sistem" in page
    assert "Traceback" not in page


def test_pages_load_assets_from_the_app_not_a_cdn(client, rahmadi):
    sign_in(client, rahmadi)
    page = client.get("/").content.decode()
    assert "/static/vendor/bootstrap/bootstrap.min.css" in page
    assert "/static/vendor/htmx/htmx.min.js" in page
    # Every script, stylesheet, image and font comes from this server: no
    # src or href points at another host (a CDN among them).
    assets = re.findall(r'(?:src|href)="([^"]*)"', page)
    assert assets
    assert not [url for url in assets if re.match(r"(?:[a-z]+:)?//", url, re.I)]
    assert "<script>" not in page


def test_the_demo_banner_shows_only_on_demo_deployments(client, rahmadi, settings):
    sign_in(client, rahmadi)
    assert "sintetis" not in client.get("/").content.decode()
    settings.SIGAP_DEMO = True
    assert "sintetis" in client.get("/").content.decode()


def test_the_page_has_landmarks_and_a_skip_link(client, rahmadi):
    sign_in(client, rahmadi)
    page = client.get("/").content.decode()
    for marker in ('href="#main"', "<header", '<main id="main"', "<nav", "<footer"):
        assert marker in page


def test_pages_carry_the_security_headers(client, rahmadi):
    sign_in(client, rahmadi)
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pages_of_a_signed_in_user_are_never_cached(client, rahmadi):
    sign_in(client, rahmadi)
    assert "no-store" in client.get("/").headers["Cache-Control"]


def test_a_password_typed_as_username_is_not_logged(client):
    client.post("/masuk/", {"username": "RahasiaSandi2026!", "password": "x"})
    event = AuditEvent.objects.get(action="login_failed")
    assert "RahasiaSandi2026!" not in str(event.details)
