"""`sigap purge_expired`: records past their retention period are erased or anonymised."""

from datetime import date, timedelta

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

from sigap.core.models import AuditEvent
from sigap.people import retention
from sigap.people.models import Person
from sigap.people.selectors import person_search
from sigap.people.services import person_create

pytestmark = pytest.mark.django_db


def age(queryset, days):
    queryset.update(updated_at=timezone.now() - timedelta(days=days))


@pytest.fixture
def old_and_new(siti):
    old = person_create(
        actor=siti,
        full_name="Halimah binti Saberan",
        nik="6303015203900001",
        phone="+6281234567890",
        birth_date=date(1990, 3, 12),
        home_region_id="63.03.05",
        region_id="63.03",
        sex="F",
    )
    new = person_create(actor=siti, full_name="Jamilah", region_id="63.03")
    age(Person.objects.filter(pk=old.pk), 3651)
    return old, new


def test_persons_past_retention_are_anonymised_and_kept_for_statistics(
    run_command, siti, old_and_new
):
    old, new = old_and_new
    _, summary = run_command("purge_expired")
    assert summary["purged"]["persons"] == 1
    assert summary["retention_days"]["persons"] == 3650
    old.refresh_from_db()
    assert old.full_name == "" and old.nik == "" and old.phone == "" and old.nik_index == ""
    assert old.birth_date == date(1990, 1, 1) and old.birth_date_estimated
    assert old.home_region_id == "63.03" and old.sex == "F"
    assert old.anonymised_at is not None
    assert not person_search(siti, name="Halimah").exists()
    assert not person_search(siti, nik="6303015203900001").exists()
    new.refresh_from_db()
    assert new.full_name == "Jamilah"
    event = AuditEvent.objects.get(action="anonymise")
    assert event.object_id == str(old.pk) and "Halimah" not in str(event.details)


def test_purging_twice_changes_nothing_more(run_command, old_and_new):
    run_command("purge_expired")
    _, again = run_command("purge_expired")
    assert again["purged"]["persons"] == 0


def test_a_held_person_is_kept(run_command, old_and_new, monkeypatch):
    old, _ = old_and_new
    monkeypatch.setattr(retention, "HOLDS", [lambda: {old.pk}])
    _, summary = run_command("purge_expired")
    assert summary["purged"]["persons"] == 0


def test_old_login_records_are_deleted(run_command):
    AccessAttempt.objects.create(username="x", ip_address="10.0.0.1", failures_since_start=1)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(days=91))
    AccessAttempt.objects.create(username="y", ip_address="10.0.0.2", failures_since_start=1)
    _, summary = run_command("purge_expired")
    assert summary["purged"]["login_records"] == 1
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["y"]
