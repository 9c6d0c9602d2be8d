"""The demo's import: BP3MI's 18 returns of the first quarter of 2024, synthetic, read from a
messy list through the services; a second run adds nothing."""

import pytest

from sigap.cases.demo import SYNTHETIC_MARK
from sigap.core.demo import create_demo_users
from sigap.imports.demo import create_demo_imports
from sigap.imports.models import ImportBatch, MigrantReturn

pytestmark = pytest.mark.django_db


def test_the_demo_list_of_eighteen_returns():
    create_demo_users()
    assert create_demo_imports() == {"demo_import_rows": 20, "demo_returns_imported": 18}
    batch = ImportBatch.objects.get()
    assert SYNTHETIC_MARK in batch.source and batch.created_by.username == "siti"
    assert batch.skipped == 2 and batch.status == "done"
    returns = MigrantReturn.objects.select_related("person")
    assert returns.count() == 18
    assert all("(fiktif)" in item.person.full_name for item in returns)
    assert returns.filter(needs_follow_up=True).exists()
    assert sum(item.person.nik == "" for item in returns) == 1  # a NIK Excel made a number
    assert create_demo_imports() == {"demo_import_rows": 0}
