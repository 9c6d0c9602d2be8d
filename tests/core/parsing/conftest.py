"""The parsers need no database; their tests only read messages, in English (the msgids)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True, scope="module")
def _english() -> Iterator[None]:
    with translation.override("en"):
        yield
