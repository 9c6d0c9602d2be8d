"""The audit log is append-only."""

import pytest
from django.db import connection, transaction

from sigap.core import audit
from sigap.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="database-level rule on PostgreSQL")
@pytest.mark.parametrize("change", ["update", "delete"])
def test_postgresql_refuses_to_change_or_delete_an_audit_event(siti, change):
    event = audit.record(actor=siti, action="login")
    queryset = AuditEvent.objects.filter(pk=event.pk)
    attempt = (lambda: queryset.update(action="x")) if change == "update" else queryset.delete
    with pytest.raises(Exception, match="append-only"), transaction.atomic():
        attempt()
    assert AuditEvent.objects.get(pk=event.pk).action == "login"


def test_the_admin_cannot_add_change_or_delete_audit_events(client, sysadmin):
    from tests.conftest import sign_in

    sign_in(client, sysadmin)
    event = audit.record(actor=sysadmin, action="login")
    assert client.get(f"/admin/core/auditevent/{event.pk}/delete/").status_code == 403
    assert client.get("/admin/core/auditevent/add/").status_code == 403
    page = client.get(f"/admin/core/auditevent/{event.pk}/change/").content.decode()
    assert 'name="_save"' not in page


def test_the_admin_login_goes_through_sigaps_login(client):
    response = client.get("/admin/login/")
    assert response.status_code == 302
    assert response["Location"].startswith("/masuk/")


def test_authenticator_secrets_are_not_in_the_admin(client, sysadmin):
    from tests.conftest import sign_in

    sign_in(client, sysadmin)
    assert client.get("/admin/otp_totp/totpdevice/").status_code == 404
    assert "totpdevice" not in client.get("/admin/").content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="database-level rule on PostgreSQL")
def test_the_rotation_switch_allows_rewrapping_details_but_nothing_else(siti):
    event = audit.record(actor=siti, action="login")

    def rewrap(**changes):
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL sigap.rewrap_audit = 'on'")
            AuditEvent.objects.filter(pk=event.pk).update(**changes)

    rewrap(details={"x": 1})
    with pytest.raises(Exception, match="append-only"):
        rewrap(action="forged")
    assert AuditEvent.objects.get(pk=event.pk).action == "login"
