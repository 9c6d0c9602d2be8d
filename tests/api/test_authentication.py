"""Token authentication: no token, a bad, revoked or expired one, or a user who may no
longer use the API is a 401 in JSON; a session cookie is not an API credential."""

from datetime import timedelta

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from sigap.api.models import ApiToken
from sigap.api.selectors import hash_key
from sigap.api.services import token_create, token_revoke
from tests.api.conftest import Api
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def assert_401(response, words):
    """A 401 in JSON whose detail is the message of `words` in the user's language
    (Indonesian unless asked otherwise)."""
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response["WWW-Authenticate"].startswith("Bearer")
    body = response.json()
    assert body["code"] == "not_authenticated"
    with translation.override(response["Content-Language"]):
        assert body["detail"] == gettext(MESSAGES[words])


MESSAGES = {
    "missing": "Authentication is required: send the header Authorization: Bearer <token>.",
    "scheme": "Send the token as Authorization: Bearer <token>.",
    "invalid": (
        "This API token is not valid: it is unknown, revoked, or its user may not use the API."
    ),
    "expired": "This API token has expired; create a new one on the API tokens page.",
}


def test_a_request_without_credentials_is_refused(client):
    response = Api(client, None).get("/persons")
    assert_401(response, "missing")
    assert response["Content-Language"] == "id"
    assert_401(Api(client, None).post("/cases/search", {"nik": "6303015203900001"}), "missing")


def test_a_wrong_scheme_or_an_unknown_token_is_refused(client, rahmadi):
    assert_401(Api(client, None, Authorization="Basic dXNlcjpwYXNz").get("/me"), "scheme")
    assert_401(Api(client, "sigap_tidak-ada").get("/me"), "invalid")
    assert_401(Api(client, "bukan-token").get("/me"), "invalid")


def test_a_revoked_token_is_refused(client, rahmadi):
    token, key = token_create(actor=rahmadi, name="uji")
    assert Api(client, key).get("/me").status_code == 200
    token_revoke(actor=rahmadi, token=token)
    assert_401(Api(client, key).get("/me"), "invalid")


def test_an_expired_token_is_refused_with_its_reason(client, rahmadi):
    token, key = token_create(actor=rahmadi, name="uji")
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert_401(Api(client, key).get("/me"), "expired")


def test_an_inactive_user_or_a_role_without_identities_loses_the_api(client, rahmadi, normila):
    _token, key = token_create(actor=rahmadi, name="uji")
    rahmadi.is_active = False
    rahmadi.save()
    assert_401(Api(client, key).get("/me"), "invalid")
    _token, key = token_create(actor=normila, name="uji")
    normila.role = "analyst"
    normila.save()
    assert_401(Api(client, key).get("/persons"), "invalid")


def test_the_401_speaks_english_to_a_client_that_asks_for_it(client):
    response = Api(client, None, **{"Accept-Language": "en"}).get("/persons")
    assert_401(response, "missing")
    assert response.json()["detail"].startswith("Authentication is required")
    assert response["Content-Language"] == "en"


def test_a_signed_in_session_is_not_an_api_credential(client, rahmadi):
    sign_in(client, rahmadi)
    assert client.get("/api/persons").status_code == 401
    response = client.post("/api/persons", "{}", content_type="application/json")
    assert response.status_code == 401


def test_only_the_hash_of_the_key_is_stored_and_use_is_remembered(client, rahmadi):
    token, key = token_create(actor=rahmadi, name="uji")
    assert key.startswith(token.prefix) and token.key_hash == hash_key(key)
    row = ApiToken.objects.values().get(pk=token.pk)
    assert not any(key in str(value) for value in row.values())
    body = Api(client, key).get("/me").json()
    assert body["username"] == "rahmadi" and body["agency"] == "polres-banjar"
    assert body["token_prefix"] == token.prefix
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_token_request_is_not_sent_to_the_second_factor_nor_cached(client, rahmadi):
    _token, key = token_create(actor=rahmadi, name="uji")
    response = Api(client, key).get("/persons")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "sessionid" not in response.cookies


def test_a_new_token_expires_after_the_configured_days(rahmadi, settings):
    settings.SIGAP_API_TOKEN_DAYS = 30
    token, _key = token_create(actor=rahmadi, name="uji")
    assert timedelta(days=29) < token.expires_at - timezone.now() <= timedelta(days=30)
    token, _key = token_create(actor=rahmadi, name="uji", days=7)
    assert token.expires_at - timezone.now() <= timedelta(days=7)


def test_guessing_tokens_and_flooding_are_rate_limited(client, rahmadi, settings):
    """Per address without a valid token, per user with one; the limit answers 429 in the
    user's language (the rates are read when the API is built, so the test reads them)."""
    from sigap.api.api import api

    assert [throttle.rate for throttle in api.throttle] == [settings.SIGAP_API_RATE]
    allowed = int(settings.SIGAP_API_ANON_RATE.split("/")[0])
    guesses = [
        client.get("/api/cases", headers={"Authorization": f"Bearer sigap_guess{n}"})
        for n in range(allowed + 1)
    ]
    assert {r.status_code for r in guesses[:allowed]} == {401}
    assert guesses[-1].status_code == 429
    assert "Terlalu banyak permintaan" in guesses[-1].json()["detail"]
    from tests.api.conftest import api_for

    good = api_for(client, rahmadi)
    assert good.get("/cases").status_code == 429  # not even a right token, from that address
    from django.core.cache import cache

    cache.clear()  # the period has passed
    assert good.get("/cases").status_code == 200


def test_a_user_past_the_per_user_rate_gets_429_and_another_user_does_not(
    client, rahmadi, siti, monkeypatch
):
    from sigap.api.api import api
    from tests.api.conftest import api_for

    (per_user,) = api.throttle
    monkeypatch.setattr(per_user, "num_requests", 2)  # as if SIGAP_API_RATE were "2/m"
    busy = api_for(client, rahmadi)
    answers = [busy.get("/cases").status_code for _ in range(3)]
    assert answers == [200, 200, 429]
    response = busy.get("/cases")
    assert response.json()["code"] == "throttled" and int(response["Retry-After"]) > 0
    assert api_for(client, siti).get("/cases").status_code == 200
