"""Migrating a database with plain-text closing reasons encrypts them, and moves the reasons
kept in timeline events into encrypted notes."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)


def test_closing_reasons_are_encrypted_by_the_migration(kalsel_reference, rahmadi_user):
    executor = MigrationExecutor(connection)
    before = [("cases", "0003_notes_documents_outcomes")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    Case = old.get_model("cases", "Case")
    CaseEvent = old.get_model("cases", "CaseEvent")
    case = Case.objects.create(
        reference="TPPO/63.03/2024/0099",
        reported_on="2024-01-01",
        source="police",
        region_id="63.03",
        lead_agency_id=rahmadi_user.agency_id,
        created_by_id=rahmadi_user.pk,
        status="closed",
        closed_reason="Korban Masitah sudah pulang (sintetis)",
    )
    still_open = Case.objects.create(
        reference="TPPO/63.03/2024/0100",
        reported_on="2024-02-01",
        source="media",
        region_id="63.03",
        lead_agency_id=rahmadi_user.agency_id,
        created_by_id=rahmadi_user.pk,
    )
    CaseEvent.objects.create(
        case_id=case.pk,
        actor_id=rahmadi_user.pk,
        kind="status",
        details={"before": "in_handling", "after": "closed", "reason": "Korban Masitah pulang"},
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    from sigap.cases.models import Case as CurrentCase
    from sigap.cases.models import CaseEvent as CurrentEvent
    from sigap.cases.timeline import describe

    with connection.cursor() as cursor:
        cursor.execute("SELECT closed_reason FROM cases_case WHERE id = %s", [case.pk])
        assert "Masitah" not in cursor.fetchone()[0]
        cursor.execute("SELECT details FROM cases_caseevent WHERE case_id = %s", [case.pk])
        assert "Masitah" not in str(cursor.fetchone()[0])
    assert CurrentCase.objects.get(pk=case.pk).closed_reason.startswith("Korban Masitah")
    assert CurrentCase.objects.get(pk=still_open.pk).closed_reason == ""  # readable, blank
    event = CurrentEvent.objects.get(case_id=case.pk)
    assert "Alasan: Korban Masitah pulang" in describe(event)


@pytest.fixture
def rahmadi_user(kalsel_reference):
    from tests.conftest import make_persona

    return make_persona("rahmadi")
