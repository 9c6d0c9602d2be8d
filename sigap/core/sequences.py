"""Numbers that are never given twice, safe under concurrent writers."""

from __future__ import annotations

from django.db import transaction

from sigap.core.models import Sequence


@transaction.atomic
def next_value(name: str) -> int:
    """The next number of the sequence `name` (1 for a new one). The row stays locked until
    the caller's transaction ends, so a rolled-back caller gives its number back."""
    Sequence.objects.get_or_create(name=name)
    sequence = Sequence.objects.select_for_update().get(name=name)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return sequence.last
