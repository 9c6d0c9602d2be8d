"""The indexes that imports fill, as the migrations leave them on PostgreSQL (where they
rename and drop instead of running Django's operations, see core.migration_operations):
keys found by equality have one index, without the pattern-matching twin, and foreign keys
led by a composite index have none of their own."""

from __future__ import annotations

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's own indexes"),
]

TABLES = ["people_person", "people_personnamekey", "imports_importrow", "imports_migrantreturn"]


def indexes() -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s)", [TABLES]
        )
        return dict(cursor.fetchall())


def test_equality_keys_have_one_plain_index_each():
    found = indexes()
    for name, column in [("person_nik_index", "nik_index"),
                         ("person_citizenship", "citizenship_id"),
                         ("import_row_fingerprint", "fingerprint"),
                         ("return_country", "destination_country_id")]:  # fmt: skip
        assert found[name].endswith(f"USING btree ({column})")
        twins = [n for n, d in found.items() if f"({column} varchar_pattern_ops)" in d]
        assert twins == [], twins
    assert "person_pseudonym_unique" in found  # the unique constraint's index
    assert not [n for n, d in found.items() if "(pseudonym varchar_pattern_ops)" in d]
    # Region codes keep theirs: scopes find records by a code's prefix.
    assert any("(region_id varchar_pattern_ops)" in d for d in found.values())


def test_foreign_keys_led_by_a_composite_index_have_none_of_their_own():
    definitions = indexes().values()
    for table, column in [("people_personnamekey", "person_id"),
                          ("imports_importrow", "batch_id"),
                          ("imports_migrantreturn", "person_id")]:  # fmt: skip
        own = [d for d in definitions if f".{table} USING btree ({column})" in d]
        led = [d for d in definitions if f".{table} USING btree ({column}, " in d]
        assert own == [] and len(led) == 1, (table, own, led)
