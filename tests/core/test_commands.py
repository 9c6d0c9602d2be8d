import re

import pytest

from sigap.core.demo import DEMO_PASSWORD, PERSONAS
from sigap.core.models import Role, User
from sigap.core.parsing import parse_nik
from sigap.core.synthetic import synthetic_person

pytestmark = pytest.mark.django_db


def test_demo_data_creates_a_user_of_every_role_marked_as_demo(run_command):
    out, summary = run_command("demo_data", "--print-logins", "--cases", "0")
    assert summary["demo_users"] == len(PERSONAS)
    roles = set(User.objects.exclude(role="").values_list("role", flat=True))
    assert roles == set(Role.values)
    for user in User.objects.filter(username__in=[p.username for p in PERSONAS]):
        assert user.last_name == "(demo)"
        assert user.email.endswith(".invalid")
    assert "siti" in out
    assert DEMO_PASSWORD in out
    assert User.objects.get(username="rahmadi").check_password(DEMO_PASSWORD)


def test_demo_data_is_refused_in_production(run_command, settings):
    from django.core.management import CommandError

    settings.SIGAP_ENV = "production"
    with pytest.raises(CommandError, match="never made in production"):
        run_command("demo_data")
    assert not User.objects.filter(username="siti").exists()


def test_demo_data_is_idempotent(run_command):
    run_command("demo_data", "--cases", "3")
    _, again = run_command("demo_data", "--cases", "3")
    assert again["demo_users_created"] == 0
    assert again["demo_persons_created"] == 0
    assert again["demo_cases_created"] == 0


def test_demo_persons_are_synthetic_valid_and_within_their_officers_scope(run_command):
    from sigap.core import access
    from sigap.people.models import Person

    _, summary = run_command("demo_data", "--cases", "0")  # the persons without case parties
    # not those of the demo's import, nor those its monitoring registers
    registered = Person.objects.filter(migrant_returns=None, enrolments=None)
    assert summary["demo_persons_created"] == registered.count() == 40
    watched = Person.objects.filter(migrant_returns=None).exclude(enrolments=None).count()
    assert summary["demo_returns_imported"] == Person.objects.count() - 40 - watched == 18
    for person in registered.select_related("created_by"):
        assert parse_nik(person.nik).district_code == person.home_region_id
        assert "sintetis" in person.notes
        assert access.scoped(person.created_by, Person).filter(pk=person.pk).exists()
    assert User.objects.filter(username="siti").count() == 1
    from sigap.people.models import DuplicateCandidate

    assert DuplicateCandidate.objects.filter(status="open").count() == 1  # one to show


def test_synthetic_people_have_niks_that_pass_the_parser():
    import random
    from datetime import date

    rng = random.Random(7)
    today = date(2026, 11, 27)
    for _ in range(300):
        person = synthetic_person(rng, today=today)
        nik = parse_nik(person.nik, today=today)
        assert nik.birth_date == person.birth_date
        assert nik.sex == person.sex
        assert nik.district_code == person.home_district


def test_generate_keys_prints_export_lines_with_fresh_secrets(capsys):
    from django.core.management import call_command

    call_command("generate_keys")
    first = capsys.readouterr().out
    call_command("generate_keys")
    second = capsys.readouterr().out
    assert re.search(r"^export SIGAP_SECRET_KEY=\S{50,}$", first, re.MULTILINE)
    assert re.search(r"^export SIGAP_ENCRYPTION_KEYS=k\d{8}:[\w-]{43}$", first, re.MULTILINE)
    assert re.search(r"^export SIGAP_BLIND_INDEX_KEY=[\w-]{43}$", first, re.MULTILINE)
    assert first != second
