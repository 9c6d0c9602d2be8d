"""Reference data shipped with SIGAP (see NOTICE for sources) and its idempotent loaders."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
WILAYAH_CSV = DATA_DIR / "wilayah.csv"
BOUNDARIES_DIR = DATA_DIR / "boundaries"
AGENCIES_JSON = DATA_DIR / "agencies.json"

# Loaders of other apps' reference data that needs the agencies (core may not import them):
# `sigap load_reference` runs them after its own, in the order they were registered.
EXTRA_LOADERS: list[Callable[[], dict[str, Any]]] = []


def register_loader(loader: Callable[[], dict[str, Any]]) -> None:
    EXTRA_LOADERS.append(loader)
