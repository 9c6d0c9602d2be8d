import csv

import pytest

from sigap.coordination.models import TaskForceMember
from sigap.core.models import Agency, AuditEvent, Country, Region, RegionBoundary, User
from sigap.core.reference import AGENCIES_JSON, WILAYAH_CSV
from sigap.core.reference.agencies import load_agencies
from sigap.core.reference.regions import load_regions

pytestmark = pytest.mark.django_db


def test_all_regions_of_the_file_are_loaded_with_their_hierarchy():
    with WILAYAH_CSV.open(encoding="utf-8") as handle:
        rows = sum(1 for _ in csv.DictReader(handle))
    assert rows == 91_599
    assert Region.objects.count() == rows
    assert Region.objects.filter(level="province").count() == 38
    assert Region.objects.filter(level="regency").count() == 514
    banjar = Region.objects.get(code="63.03")
    assert banjar.name == "Kabupaten Banjar"
    assert banjar.parent_id == "63"
    assert Region.objects.filter(parent_id="63").count() == 13


def test_kota_is_told_apart_from_kabupaten_by_its_code():
    assert Region.objects.get(code="63.71").is_kota
    assert not Region.objects.get(code="63.03").is_kota


def test_boundaries_are_loaded_for_kalsel_and_the_provinces():
    assert (
        RegionBoundary.objects.filter(region__parent_id="63", region__level="regency").count() == 13
    )
    assert RegionBoundary.objects.filter(region__level="province").count() == 38
    tanah_laut = RegionBoundary.objects.get(region_id="63.01")
    assert tanah_laut.geometry["type"] in {"Polygon", "MultiPolygon"}
    assert 114 < tanah_laut.center_lng < 116
    assert -5 < tanah_laut.center_lat < -3


def test_countries_have_indonesian_and_english_names():
    assert Country.objects.count() == 249
    saudi = Country.objects.get(code="SA")
    assert saudi.name_en == "Saudi Arabia"
    assert saudi.name_id == "Arab Saudi"
    assert Country.objects.get(code="KR").alpha3 == "KOR"


def test_agencies_are_seeded_with_kind_and_jurisdiction():
    assert Agency.objects.get(slug="polres-banjar").jurisdiction_id == "63.03"
    assert Agency.objects.get(slug="bp3mi-kalsel").kind == "migrant_protection"
    assert Agency.objects.filter(kind="task_force").count() == 13


def test_reloading_agencies_keeps_an_administrators_edits():
    Agency.objects.filter(slug="dinsos-kalsel").update(name="Dinas Sosial (diubah admin)")
    TaskForceMember.objects.filter(agency__slug="lpa-kalsel").delete()  # it protects the agency
    Agency.objects.filter(slug="lpa-kalsel").delete()
    summary = load_agencies(AGENCIES_JSON)
    assert summary["agencies_created"] == 1
    assert Agency.objects.get(slug="dinsos-kalsel").name == "Dinas Sosial (diubah admin)"


def test_reloading_regions_changes_only_what_differs(tmp_path):
    Region.objects.filter(code="63.03").update(name="Banjar (salah)")
    summary = load_regions()
    assert summary == {
        "regions_in_file": 91_599,
        "regions_created": 0,
        "regions_updated": 1,
        "regions_not_in_file": 0,
    }
    assert Region.objects.get(code="63.03").name == "Kabupaten Banjar"


def test_a_region_missing_from_a_newer_file_is_kept_and_counted(tmp_path):
    smaller = tmp_path / "wilayah.csv"
    with WILAYAH_CSV.open(encoding="utf-8") as source:
        lines = [line for line in source if not line.startswith("63.72")]
    smaller.write_text("".join(lines), encoding="utf-8")
    summary = load_regions(smaller)
    assert summary["regions_not_in_file"] > 0
    assert Region.objects.filter(code="63.72").exists()


def test_load_reference_is_idempotent_and_audited(run_command):
    _, first = run_command("load_reference")
    _, second = run_command("load_reference")
    assert first["command"] == "load_reference"
    assert second["regions_created"] == 0
    assert second["regions_updated"] == 0
    assert second["countries_created"] == 0
    assert second["agencies_created"] == 0
    assert second["boundaries_loaded"] == 38 + 13 + 156
    events = AuditEvent.objects.filter(action="command", object_id="load_reference")
    assert events.count() == 2
    assert events.first().actor.username == "sigap-system"


def test_a_command_can_act_as_a_named_user(run_command, siti):
    run_command("load_reference", "--user", "siti")
    event = AuditEvent.objects.get(object_id="load_reference")
    assert event.actor == siti
    assert event.actor_label == "siti"


def test_a_command_refuses_an_unknown_user(run_command):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="No user named 'nobody'"):
        run_command("load_reference", "--user", "nobody")
    assert not User.objects.filter(username="nobody").exists()
