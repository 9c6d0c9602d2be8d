"""The API tokens page: officers create (after re-confirming), see and revoke their own
tokens; the key is shown once; roles that do not see identities get no tokens."""

import re

import pytest

from sigap.api.models import ApiToken
from sigap.api.services import token_create
from sigap.core.models import AuditEvent
from tests.api.conftest import Api
from tests.conftest import sign_in, with_sudo

pytestmark = pytest.mark.django_db


def test_creating_a_token_asks_to_confirm_it_is_you_first(client, rahmadi):
    sign_in(client, rahmadi)
    response = client.get("/akun/token-api/baru/")
    assert response.status_code == 302 and response["Location"].startswith("/konfirmasi/")
    assert client.post("/akun/token-api/baru/", {"name": "x", "days": 30}).status_code == 302
    assert not ApiToken.objects.exists()


def test_an_officer_creates_a_token_sees_it_once_and_uses_it(client, rahmadi):
    with_sudo(sign_in(client, rahmadi))
    assert client.get("/akun/token-api/baru/").status_code == 200
    page = client.post("/akun/token-api/baru/", {"name": "Aplikasi Polres", "days": 30})
    assert page.status_code == 200
    key = re.search(r'value="(sigap_[^"]+)"', page.content.decode())[1]
    token = ApiToken.objects.get()
    assert token.user == rahmadi and token.name == "Aplikasi Polres"
    assert "no-store" in page["Cache-Control"]
    assert Api(client.__class__(), key).get("/me").json()["username"] == "rahmadi"
    listing = client.get("/akun/token-api/").content.decode()
    assert "Aplikasi Polres" in listing and token.prefix in listing and key not in listing
    event = AuditEvent.objects.get(action="api_token_create")
    assert event.actor == rahmadi and event.object_id == str(token.pk)
    assert key not in str(event.details)


def test_the_number_of_days_is_checked(client, rahmadi):
    with_sudo(sign_in(client, rahmadi))
    page = client.post("/akun/token-api/baru/", {"name": "x", "days": 100000}).content.decode()
    assert "is-invalid" in page and not ApiToken.objects.exists()


def test_an_officer_revokes_their_own_token_but_not_anothers(client, rahmadi, normila):
    mine, key = token_create(actor=rahmadi, name="milik saya")
    theirs, _key = token_create(actor=normila, name="milik orang lain")
    sign_in(client, rahmadi)
    assert client.post(f"/akun/token-api/{theirs.pk}/cabut/").status_code == 404
    response = client.post(f"/akun/token-api/{mine.pk}/cabut/")
    assert response.status_code == 302 and response["Location"] == "/akun/token-api/"
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.revoked_at is not None and theirs.revoked_at is None
    assert AuditEvent.objects.filter(action="api_token_revoke", actor=rahmadi).count() == 1
    assert Api(client.__class__(), key).get("/me").status_code == 401
    assert "milik orang lain" not in client.get("/akun/token-api/").content.decode()


def test_roles_that_never_see_identities_get_no_tokens(client, fauzan):
    sign_in(client, fauzan)
    assert client.get("/akun/token-api/").status_code == 404
    assert client.get("/akun/token-api/baru/").status_code == 404
    assert AuditEvent.objects.filter(actor=fauzan, action="denied").exists()
    assert "/akun/token-api/" not in client.get("/").content.decode()


def test_the_home_page_links_to_the_tokens_page(client, rahmadi):
    sign_in(client, rahmadi)
    assert "/akun/token-api/" in client.get("/").content.decode()
    assert "/api/docs" in client.get("/akun/token-api/").content.decode()
