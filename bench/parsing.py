"""Benchmark: build the default region index, then time the parsers an import runs per row.

Run: .venv/bin/python -m bench.parsing [--calls N]
Timings live here rather than in the tests: a timed test fails on a busy machine and says
nothing on a fast one. The figures are for comparing changes on the same machine.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import time
from collections.abc import Callable
from datetime import date

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sigap.settings")
os.environ.setdefault("SIGAP_ENV", "test")

import django

django.setup()

from sigap.core.parsing import (  # noqa: E402
    ParseError,
    RegionIndex,
    default_index,
    parse_date,
    parse_nik,
    resolve_region,
)

TODAY = date(2025, 6, 1)
# What officers type, cycled through: names with and without context, codes, and failures.
REGIONS = [
    "Kec. Martapura, Kab. Banjar",
    "Banjar",
    "Bjm",
    "Kota Banjarbaru",
    "63.03.01",
    "6303012001",
    "Sleman",
    "Gotham",
]
NIKS = ["6303015203900001", "6371031208850123", "6303 0152 0390 0001", "6399015203900001"]
DATES = [
    "12/03/2024",
    "12 Maret 2024",
    "Selasa, 12 Maret 2024 pukul 10.00",
    "2024-03-12T10:00:00+08:00",
    "45363",
    "12/03/24",
    "31/02/2024",
]


def per_call(calls: int, values: list[str], parse: Callable[[str], object]) -> float:
    """Microseconds per call of ``parse`` over ``calls`` values cycled from ``values``; values
    that raise ParseError count too, since an import meets them as well."""
    started = time.perf_counter()
    for position in range(calls):
        with contextlib.suppress(ParseError):
            parse(values[position % len(values)])
    return (time.perf_counter() - started) / calls * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--calls", type=int, default=100_000, help="calls per parser")
    options = parser.parse_args()

    started = time.perf_counter()
    index = RegionIndex.from_csv()
    built = time.perf_counter() - started
    default_index()  # the cached one the parsers use, built before the timing starts

    print(f"region index: {len(index):,} regions built in {built:.2f} s")
    print(f"{options.calls:,} calls each:")
    figures = {
        "resolve_region": per_call(options.calls, REGIONS, lambda text: resolve_region(text)),
        "resolve_region within 63": per_call(
            options.calls, REGIONS, lambda text: resolve_region(text, within="63")
        ),
        "parse_nik": per_call(options.calls, NIKS, lambda text: parse_nik(text, today=TODAY)),
        "parse_date": per_call(options.calls, DATES, lambda text: parse_date(text, today=TODAY)),
    }
    for name, microseconds in figures.items():
        total = microseconds * options.calls / 1e6
        print(f"  {name:<26} {microseconds:6.1f} µs per call, {total:5.2f} s in all")


if __name__ == "__main__":
    main()
