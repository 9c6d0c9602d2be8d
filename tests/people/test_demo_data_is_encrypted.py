"""A stolen dump or backup of a deployment with the demo data reveals none of its identities."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from sigap.core.models import User
from sigap.people.models import Person

pytestmark = pytest.mark.django_db


def identifying_values():
    """Names, NIKs and phones of the demo persons; a one-word name that is also part of a
    demo officer's name (e.g. "Aisyah") is left out: officers' names are not secret."""
    staff = " ".join(
        f"{user.first_name} {user.last_name} {user.username}" for user in User.objects.all()
    )
    values = set()
    for person in Person.objects.all():
        values |= {person.full_name, person.nik, person.phone}
    return {value for value in values if value and value not in staff}


def all_rows_as_text():
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            chunks.append(repr(cursor.fetchall()))
    return "\n".join(chunks)


def test_no_demo_identity_is_in_the_raw_rows_or_a_full_dump(run_command):
    run_command("demo_data")
    secrets = identifying_values()
    assert len(secrets) > 90  # 40 synthetic persons: names, NIKs, phones (names repeat)
    rows = all_rows_as_text()
    dump = StringIO()
    call_command("dumpdata", stdout=dump)
    for secret in secrets:
        assert secret not in rows, secret
        assert secret not in dump.getvalue(), secret
