"""Load ISO 3166-1 countries with their English and Indonesian names (from pycountry)."""

from __future__ import annotations

import pycountry
from django.db import transaction

from sigap.core.models import Country
from sigap.core.parsing import country_name


@transaction.atomic
def load_countries() -> dict[str, int]:
    existing = {c.code: c for c in Country.objects.all()}
    created = updated = 0
    for entry in pycountry.countries:
        values = {
            "alpha3": entry.alpha_3,
            "name_en": country_name(entry.alpha_2, "en"),
            "name_id": country_name(entry.alpha_2, "id"),
        }
        current = existing.get(entry.alpha_2)
        if current is None:
            Country.objects.create(code=entry.alpha_2, **values)
            created += 1
        elif any(getattr(current, field) != value for field, value in values.items()):
            Country.objects.filter(code=entry.alpha_2).update(**values)
            updated += 1
    return {"countries_created": created, "countries_updated": updated}
