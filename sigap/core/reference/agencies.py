"""Seed the agencies of the task force. Seeds only add: an agency edited by an administrator
keeps its edits when the reference data is loaded again."""

from __future__ import annotations

import json
from pathlib import Path

from django.db import transaction

from sigap.core.models import Agency
from sigap.core.reference import AGENCIES_JSON


@transaction.atomic
def load_agencies(path: Path = AGENCIES_JSON) -> dict[str, int]:
    seeds = json.loads(path.read_text(encoding="utf-8"))
    existing = set(Agency.objects.values_list("slug", flat=True))
    created = 0
    for seed in seeds:
        if seed["slug"] in existing:
            continue
        Agency.objects.create(
            slug=seed["slug"],
            name=seed["name"],
            short_name=seed.get("short_name", ""),
            kind=seed["kind"],
            jurisdiction_id=seed["jurisdiction"],
        )
        created += 1
    return {"agencies_created": created, "agencies_kept": len(seeds) - created}
