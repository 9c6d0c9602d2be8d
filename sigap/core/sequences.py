"""Numbers that are never given twice, safe under concurrent writers."""

from __future__ import annotations

from django.db import transaction

from sigap.core.models import Sequence


def next_value(name: str) -> int:
    """The next number of the sequence `name` (1 for a new one). The row stays locked until
    the caller's transaction ends, so a rolled-back caller gives its number back."""
    return next_values(name, 1)[0]


@transaction.atomic
def next_values(name: str, count: int) -> range:
    """The next `count` numbers of the sequence `name`, taken together (an import numbers
    thousands of records at once), under the same lock as `next_value`."""
    Sequence.objects.get_or_create(name=name)
    sequence = Sequence.objects.select_for_update().get(name=name)
    first = sequence.last + 1
    sequence.last += count
    sequence.save(update_fields=["last"])
    return range(first, sequence.last + 1)
