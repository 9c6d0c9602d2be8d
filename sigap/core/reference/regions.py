"""Load Kemendagri regions and their boundaries, changing only what differs."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.db import transaction

from sigap.core.models import Region, RegionBoundary
from sigap.core.reference import BOUNDARIES_DIR, WILAYAH_CSV

BATCH = 5000
Row = tuple[str, str, str, str | None]


def read_wilayah(path: Path = WILAYAH_CSV, *, within: str | None = None) -> Iterator[Row]:
    """Rows of the region file; with `within` (a code), only that region and its subtree."""
    with path.open(encoding="utf-8", newline="") as handle:
        for line in csv.DictReader(handle):
            code = line["code"]
            if within and code != within and not code.startswith(within + "."):
                continue
            yield code, line["name"], line["level"], line["parent_code"] or None


@transaction.atomic
def load_regions(path: Path = WILAYAH_CSV, *, within: str | None = None) -> dict[str, int]:
    """Insert new regions and update changed ones; regions missing from the file are kept
    (records may point at them) and counted. `within` loads one subtree (used by tests)."""
    existing: dict[str, Row] = {
        code: (code, name, level, parent)
        for code, name, level, parent in Region.objects.values_list(
            "code", "name", "level", "parent_id"
        )
    }
    new: list[Region] = []
    changed: list[Region] = []
    seen: set[str] = set()
    for row in read_wilayah(path, within=within):
        seen.add(row[0])
        before = existing.get(row[0])
        if before == row:
            continue
        region = Region(code=row[0], name=row[1], level=row[2], parent_id=row[3])
        (new if before is None else changed).append(region)
    Region.objects.bulk_create(new, batch_size=BATCH)
    Region.objects.bulk_update(changed, ["name", "level", "parent"], batch_size=BATCH)
    return {
        "regions_in_file": len(seen),
        "regions_created": len(new),
        "regions_updated": len(changed),
        "regions_not_in_file": 0 if within else len(existing.keys() - seen),
    }


def _boundary_features(directory: Path) -> Iterator[dict[str, Any]]:
    for path in sorted(directory.glob("*.geojson")):
        with path.open(encoding="utf-8") as handle:
            yield from json.load(handle)["features"]


@transaction.atomic
def load_boundaries(directory: Path = BOUNDARIES_DIR) -> dict[str, int]:
    known = set(
        Region.objects.filter(level__in=["province", "regency", "district"]).values_list(
            "code", flat=True
        )
    )
    loaded = 0
    skipped = 0
    for feature in _boundary_features(directory):
        code = feature["properties"]["code"]
        if code not in known:
            skipped += 1
            continue
        lng, lat = feature["properties"]["center"]
        RegionBoundary.objects.update_or_create(
            region_id=code,
            defaults={"geometry": feature["geometry"], "center_lng": lng, "center_lat": lat},
        )
        loaded += 1
    return {"boundaries_loaded": loaded, "boundaries_without_region": skipped}
