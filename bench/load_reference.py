"""Benchmark: `sigap load_reference` on an empty database, then again (nothing to change).

Run: make bench   (or .venv/bin/python -m bench.load_reference [--database-url URL])
Target (issue 2): under 15 s on the 2-core machine, for all 91,599 regions.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIGAP = [sys.executable, "-m", "sigap"]


def timed(args: list[str], env: dict[str, str]) -> tuple[float, dict[str, object]]:
    started = time.perf_counter()
    result = subprocess.run(  # noqa: S603
        SIGAP + args, env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    seconds = time.perf_counter() - started
    last = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "{}"
    return seconds, json.loads(last) if last.startswith("{") else {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, SIGAP_ENV="development", SIGAP_VAR_DIR=tmp)
        if options.database_url:
            env["SIGAP_DATABASE_URL"] = options.database_url
        subprocess.run([*SIGAP, "migrate", "--verbosity", "0"], env=env, cwd=ROOT, check=True)  # noqa: S603
        first, summary = timed(["load_reference"], env)
        second, again = timed(["load_reference"], env)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    database = "PostgreSQL" if options.database_url else "SQLite"
    print(
        f"load_reference on {database}: first run {first:.1f} s "
        f"({summary.get('regions_created')} regions created), second run {second:.1f} s "
        f"({again.get('regions_updated')} updated); peak memory {peak_mb:.0f} MB"
    )


if __name__ == "__main__":
    main()
