"""Reference data shipped with SIGAP (see NOTICE for sources) and its idempotent loaders."""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
WILAYAH_CSV = DATA_DIR / "wilayah.csv"
BOUNDARIES_DIR = DATA_DIR / "boundaries"
AGENCIES_JSON = DATA_DIR / "agencies.json"
