"""A stolen dump or backup of a deployment with the demo data reveals none of its identities."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from sigap.people.models import Person

pytestmark = pytest.mark.django_db


def identifying_values():
    values = set()
    for person in Person.objects.all():
        values |= {person.full_name, person.nik, person.phone}
    return {value for value in values if value}


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
