import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from sigap.env import env_bool, env_choice, env_int, env_list, env_str, parse_key_ring
from sigap.keys import SECRETS, new_key


def test_it_reads_booleans_and_refuses_other_words(monkeypatch):
    monkeypatch.setenv("X_FLAG", "yes")
    assert env_bool("X_FLAG", False) is True
    monkeypatch.setenv("X_FLAG", "off")
    assert env_bool("X_FLAG", True) is False
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG must be true or false"):
        env_bool("X_FLAG", False)


def test_it_refuses_a_number_that_is_not_whole_or_too_small(monkeypatch):
    monkeypatch.setenv("X_NUM", "3.5")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("X_NUM", 1)
    monkeypatch.setenv("X_NUM", "0")
    with pytest.raises(ImproperlyConfigured, match="at least 1"):
        env_int("X_NUM", 1, minimum=1)


def test_it_splits_lists_and_checks_choices(monkeypatch):
    monkeypatch.setenv("X_LIST", " a.example , b.example,, ")
    assert env_list("X_LIST") == ["a.example", "b.example"]
    monkeypatch.setenv("X_CHOICE", "staging")
    with pytest.raises(ImproperlyConfigured, match="one of development, production"):
        env_choice("X_CHOICE", ("development", "production"), "development")


def test_a_required_value_must_be_set(monkeypatch):
    monkeypatch.delenv("X_REQUIRED", raising=False)
    with pytest.raises(ImproperlyConfigured, match="X_REQUIRED must be set"):
        env_str("X_REQUIRED", required=True)


def deployment_environment() -> dict[str, str]:
    """This process's environment without SIGAP's settings and the browser tests' switch."""
    return {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("SIGAP_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }


def _settings_in_subprocess(env: dict[str, str], expression: str) -> subprocess.CompletedProcess:
    """Import the settings in a fresh interpreter, as a deployment would."""
    clean = deployment_environment()
    clean.update(env)
    code = f"import sigap.settings as s; print(repr(({expression})))"
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=clean, capture_output=True, text=True, check=False
    )


def test_production_fails_loudly_without_a_secret_key(tmp_path):
    result = _settings_in_subprocess(
        {
            "SIGAP_ENV": "production",
            "SIGAP_ALLOWED_HOSTS": "sigap.example",
            "SIGAP_VAR_DIR": str(tmp_path),
        },
        "s.DEBUG",
    )
    assert result.returncode != 0
    assert "SIGAP_SECRET_KEY must be set" in result.stderr


def production_secrets() -> dict[str, str]:
    return {name: make() for name, make in SECRETS}


def test_production_fails_loudly_without_allowed_hosts(tmp_path):
    result = _settings_in_subprocess(
        {"SIGAP_ENV": "production", "SIGAP_VAR_DIR": str(tmp_path), **production_secrets()},
        "s.DEBUG",
    )
    assert "SIGAP_ALLOWED_HOSTS must name" in result.stderr


def test_an_unknown_time_zone_is_refused(tmp_path):
    result = _settings_in_subprocess(
        {"SIGAP_TIME_ZONE": "Asia/Atlantis", "SIGAP_VAR_DIR": str(tmp_path)}, "s.TIME_ZONE"
    )
    assert "is not a known time zone" in result.stderr


def test_defaults_are_wita_sqlite_under_var_and_indonesian(tmp_path):
    result = _settings_in_subprocess(
        {"SIGAP_VAR_DIR": str(tmp_path)},
        "s.TIME_ZONE, s.DATABASES['default']['NAME'], s.LANGUAGE_CODE, s.DEBUG, s.MEDIA_ROOT",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(
        ("Asia/Makassar", str(tmp_path / "sigap.sqlite3"), "id", True, tmp_path / "media")
    )
    # development keeps its own secrets under var/, readable by its owner only
    assert (tmp_path / "secrets.json").stat().st_mode & 0o777 == 0o600


def test_a_postgresql_url_is_understood(tmp_path):
    result = _settings_in_subprocess(
        {
            "SIGAP_VAR_DIR": str(tmp_path),
            "SIGAP_DATABASE_URL": "postgres://sigap:pw@db.internal:5433/sigap",
        },
        "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['PORT']",
    )
    assert result.stdout.strip() == "('django.db.backends.postgresql', 5433)"


def test_a_database_url_of_an_unknown_kind_is_refused(tmp_path):
    result = _settings_in_subprocess(
        {"SIGAP_VAR_DIR": str(tmp_path), "SIGAP_DATABASE_URL": "oracle2://x"}, "1"
    )
    assert "SIGAP_DATABASE_URL cannot be read" in result.stderr


def test_a_key_ring_keeps_its_order_and_refuses_bad_keys():
    first, second = new_key(), new_key()
    ring = parse_key_ring("X_KEYS", f"k2:{first}, k1:{second}")
    assert list(ring) == ["k2", "k1"]
    assert all(len(key) == 32 for key in ring.values())
    with pytest.raises(ImproperlyConfigured, match="must be 32 bytes"):
        parse_key_ring("X_KEYS", "k1:c2hvcnQ")
    with pytest.raises(ImproperlyConfigured, match="twice"):
        parse_key_ring("X_KEYS", f"k1:{first},k1:{second}")
    with pytest.raises(ImproperlyConfigured, match="look like"):
        parse_key_ring("X_KEYS", first)


def test_production_refuses_a_malformed_encryption_key(tmp_path):
    secrets = production_secrets() | {"SIGAP_ENCRYPTION_KEYS": "k1:not-a-key"}
    result = _settings_in_subprocess(
        {"SIGAP_ENV": "production", "SIGAP_ALLOWED_HOSTS": "sigap.example", **secrets}, "1"
    )
    assert "SIGAP_ENCRYPTION_KEYS holds a key that is not base64" in result.stderr


def test_the_deploy_check_passes_with_only_the_documented_production_settings(tmp_path):
    env = deployment_environment()
    env.update(
        SIGAP_ENV="production",
        SIGAP_ALLOWED_HOSTS="sigap.example.go.id",
        SIGAP_CACHE_URL="redis://127.0.0.1:6379/0",
        SIGAP_VAR_DIR=str(tmp_path),
        **production_secrets(),
    )
    result = subprocess.run(
        [sys.executable, "-m", "sigap", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
    # without a shared cache, the limits would count per process: a warning says so
    del env["SIGAP_CACHE_URL"]
    result = subprocess.run(
        [sys.executable, "-m", "sigap", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0 and "sigap.W001" in result.stderr
