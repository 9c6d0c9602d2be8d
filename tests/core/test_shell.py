"""The shell: login, home page per role, language switch, health check, error pages."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_home_page_asks_an_anonymous_visitor_to_log_in(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/masuk/?next=/")


def test_an_officer_logs_in_and_sees_what_they_can_do(client, rahmadi):
    response = client.post("/masuk/", {"username": "rahmadi", "password": PASSWORD}, follow=True)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Selamat datang, Rahmadi" in page
    assert "Polres Banjar" in page
    assert "Petugas instansi" in page
    assert reverse("core:region_lookup") in page
    assert reverse("admin:index") not in page  # not staff


def test_an_admin_sees_the_administration(client, sysadmin):
    client.force_login(sysadmin)
    page = client.get("/").content.decode()
    assert reverse("admin:index") in page
    assert client.get(reverse("admin:core_region_changelist")).status_code == 200


def test_a_user_without_a_role_is_told_whom_to_ask(client, outsider):
    client.force_login(outsider)
    page = client.get("/").content.decode()
    assert "belum memiliki peran" in page


def test_a_wrong_password_gets_a_clear_message_in_indonesian(client, rahmadi):
    response = client.post("/masuk/", {"username": "rahmadi", "password": "salah"})
    assert response.status_code == 200
    assert "Nama pengguna atau kata sandi salah" in response.content.decode()


def test_logout_is_a_post_and_ends_the_session(client, rahmadi):
    client.force_login(rahmadi)
    response = client.post("/keluar/")
    assert response.status_code == 302
    assert client.get("/").status_code == 302


def test_the_language_can_be_switched_to_english_and_back(client, rahmadi):
    client.force_login(rahmadi)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/").content.decode()
    assert "Welcome, Rahmadi" in page
    assert '<html lang="en">' in page
    client.post("/i18n/setlang/", {"language": "id", "next": "/"})
    assert "Selamat datang, Rahmadi" in client.get("/").content.decode()


def test_indonesian_is_the_default_even_for_an_english_browser(rahmadi):
    browser = Client(headers={"accept-language": "en-US,en;q=0.9"})
    browser.force_login(rahmadi)
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
    client.force_login(rahmadi)
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
    client.force_login(rahmadi)
    page = client.get("/").content.decode()
    assert "/static/vendor/bootstrap/bootstrap.min.css" in page
    assert "/static/vendor/htmx/htmx.min.js" in page
    assert "cdn" not in page.lower()
    assert "<script>" not in page


def test_the_demo_banner_shows_only_on_demo_deployments(client, rahmadi, settings):
    client.force_login(rahmadi)
    assert "sintetis" not in client.get("/").content.decode()
    settings.SIGAP_DEMO = True
    assert "sintetis" in client.get("/").content.decode()


def test_the_page_has_landmarks_and_a_skip_link(client, rahmadi):
    client.force_login(rahmadi)
    page = client.get("/").content.decode()
    for marker in ('href="#main"', "<header", '<main id="main"', "<nav", "<footer"):
        assert marker in page
