"""Benchmark: importing a list of returned migrant workers on PostgreSQL, beside PostgreSQL's own
COPY of the same file into an equivalent table, measured in the same run.

Run: .venv/bin/python -m bench.imports [--rows 100000]
Targets (issue 7): the CSV imports (validation and person matching included) at no less than a
third of COPY's speed; the same data as XLSX in at most twice the CSV time; memory flat as a
CSV grows (peak memory of a quarter-size and a full-size import compared).

Beside them, what no importer can go below: PostgreSQL's own time to store the rows the import
stored (copied out, then loaded back with COPY into SIGAP's tables, keys and indexes in place),
and the command's start with an empty list.

Every import runs `sigap import_pmi` in a fresh database copied from a template that holds the
reference data (regions, countries, agencies). The list is SYNTHETIC: a `;` CSV in
Windows-1252 with title rows, dates in three forms and a total row, like the lists offices send.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SERVER = "postgres://postgres@127.0.0.1:5432"
TEMPLATE = "sigap_bench_imports_template"
DATABASE = "sigap_bench_imports"
PLACES = ["Martapura, Kab. Banjar", "Banjarmasin", "Kab. Tapin", "HSU", "Kota Banjarbaru",
          "Pelaihari, Tanah Laut", "Barabai", "Kab. Tabalong", "Kotabaru", "Rantau"]  # fmt: skip
COUNTRIES = ["Malaysia", "Arab Saudi", "Taiwan", "Hong Kong", "Brunei Darussalam", "Singapura"]
REASONS = ["Selesai kontrak", "Deportasi", "Sakit", "Gaji tidak dibayar", "PMI non prosedural",
           "Cuti", "Dugaan korban TPPO"]  # fmt: skip
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]  # fmt: skip
HEADER = ["NO", "NAMA PMI", "NIK", "L/P", "TGL LAHIR", "KAB/KOTA ASAL", "NEGARA PENEMPATAN",
          "TGL KEPULANGAN", "KETERANGAN"]  # fmt: skip


def synthetic_rows(count: int, seed: int = 7) -> list[list[str]]:
    rng = random.Random(seed)  # noqa: S311 - synthetic data
    rows = []
    for number in range(1, count + 1):
        female = number % 3 != 0
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1970, 2004)
        place = f"63{rng.randint(1, 11):02d}{rng.randint(1, 12):02d}"
        born_code = f"{day + (40 if female else 0):02d}{month:02d}{year % 100:02d}"
        nik = f"{place}{born_code}{number % 10000:04d}"
        born = [f"{day:02d}/{month:02d}/{year}", f"{day} {MONTHS[month - 1]} {year}",
                f"{year}-{month:02d}-{day:02d}"][number % 3]  # fmt: skip
        returned = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2022, 2025)}"
        rows.append([str(number), f"Orang Sintetis {number} (fiktif)", nik,
                     "P" if female else "L", born, rng.choice(PLACES), rng.choice(COUNTRIES),
                     returned, rng.choice(REASONS)])  # fmt: skip
    return rows


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    lines = ["DATA KEPULANGAN PMI (DATA SINTETIS, TOLOK UKUR)", "", ";".join(HEADER)]
    lines += [";".join(row) for row in rows]
    lines.append(f"JUMLAH;{len(rows)} orang")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def write_xlsx(path: Path, rows: list[list[str]]) -> Path:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["DATA KEPULANGAN PMI (DATA SINTETIS, TOLOK UKUR)"])
    sheet.append([])
    sheet.append(HEADER)
    for row in rows:
        sheet.append([int(row[0]), *row[1:]])
    sheet.append(["JUMLAH", f"{len(rows)} orang"])
    book.save(path)
    return path


def admin(sql: str) -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(sql)


def environment(database: str) -> dict[str, str]:
    return {**os.environ, "SIGAP_ENV": "test", "SIGAP_DEBUG": "0",
            "SIGAP_DATABASE_URL": f"{SERVER}/{database}", "PYTHONPATH": str(ROOT)}  # fmt: skip


# Runs a command, then prints its time and peak memory: both measured from a small process of
# its own (its own start left out), since a child forked from this one (which holds the list's
# rows) starts as large as it.
TIMED = (
    "import resource, subprocess, sys, time; started = time.perf_counter(); "
    "code = subprocess.call(sys.argv[1:]); seconds = time.perf_counter() - started; "
    "print(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
    "sys.exit(code)"
)


def sigap(database: str, *args: str) -> tuple[float, str, int]:
    """Run a sigap command: (seconds, the last line it printed, its peak memory in MB)."""
    process = subprocess.run(  # noqa: S603
        [sys.executable, "-c", TIMED, str(BIN / "sigap"), *args], env=environment(database),
        capture_output=True, text=True, cwd=ROOT, check=False,
    )  # fmt: skip
    if process.returncode:
        raise SystemExit(f"sigap {' '.join(args)} failed:\n{process.stderr}")
    out = process.stdout.strip()
    last = out.splitlines()[-1] if out else ""
    seconds, peak = process.stderr.strip().splitlines()[-1].split()
    return float(seconds), last, int(peak) // 1024


def prepare_template() -> None:
    admin(f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)")
    admin(f"CREATE DATABASE {TEMPLATE}")
    sigap(TEMPLATE, "migrate", "--verbosity", "0")
    sigap(TEMPLATE, "load_reference")


def fresh_database() -> None:
    admin(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    admin(f"CREATE DATABASE {DATABASE} TEMPLATE {TEMPLATE}")


def copy_seconds(path: Path) -> float:
    """PostgreSQL's COPY of the file's table (title rows dropped) into an equivalent table."""
    fresh_database()
    data = path.read_bytes().split(b"\r\n", 2)[2]  # from the header on,
    data = data[: data.rindex(b"JUMLAH")]  # without the total row
    columns = ", ".join(f"c{n} text" for n in range(len(HEADER)))
    with psycopg.connect(f"{SERVER}/{DATABASE}") as connection:
        connection.execute(f"CREATE TABLE bench_copy ({columns})")
        connection.commit()
        started = time.perf_counter()
        with (
            connection.cursor() as cursor,
            cursor.copy(
                "COPY bench_copy FROM STDIN WITH (FORMAT csv, DELIMITER ';', HEADER true, "
                "ENCODING 'WIN1252')"
            ) as copy,
        ):
            copy.write(data)
        connection.commit()
        return time.perf_counter() - started


# What an import stores, in the order its keys need (the batch and its user stay in place).
STORED = ("people_person", "people_personnamekey", "imports_migrantreturn", "imports_importrow",
          "monitoring_enrolment")  # fmt: skip


def floor_seconds() -> tuple[float, int]:
    """PostgreSQL's own time to store what the import stored, without SIGAP: the rows of the
    last import copied out, their tables emptied, and the same rows loaded back with COPY in
    one transaction, keys, indexes and constraints in place (seconds, rows)."""
    with psycopg.connect(f"{SERVER}/{DATABASE}") as connection:
        saved: dict[str, bytes] = {}
        for table in STORED:
            with connection.cursor().copy(f"COPY {table} TO STDOUT") as copy:
                saved[table] = b"".join(bytes(block) for block in copy)
        # CASCADE: other tables point at these (cases' parties, follow-ups, ...); after an
        # import into a fresh database they are empty, so nothing else is emptied.
        connection.execute(f"TRUNCATE {', '.join(STORED)} CASCADE")
        connection.commit()
        started = time.perf_counter()
        for table in STORED:
            with connection.cursor().copy(f"COPY {table} FROM STDIN") as copy:
                copy.write(saved[table])
        connection.commit()
        seconds = time.perf_counter() - started
        count = sum(data.count(b"\n") for data in saved.values())
    return seconds, count


def startup_seconds(folder: Path) -> float:
    """`sigap import_pmi` of a list with a header and no rows: the command's own start."""
    empty = write_csv(folder / "empty.csv", [])
    fresh_database()
    seconds, _summary, _memory = sigap(DATABASE, "import_pmi", str(empty))
    return seconds


def import_run(path: Path) -> tuple[float, int, str]:
    """(seconds, peak memory in MB of the import process, its JSON summary) in a fresh database."""
    fresh_database()
    seconds, summary, memory = sigap(DATABASE, "import_pmi", str(path))
    return seconds, memory, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    options = parser.parse_args()
    prepare_template()
    rows = synthetic_rows(options.rows)
    with tempfile.TemporaryDirectory() as folder:
        quarter = write_csv(Path(folder) / "quarter.csv", rows[: options.rows // 4])
        full = write_csv(Path(folder) / "full.csv", rows)
        workbook = write_xlsx(Path(folder) / "full.xlsx", rows)
        copy = copy_seconds(full)
        csv_seconds, csv_memory, summary = import_run(full)
        floor, stored = floor_seconds()
        startup = startup_seconds(Path(folder))
        xlsx_seconds, xlsx_memory, xlsx_summary = import_run(workbook)
        quarter_seconds, quarter_memory, _ = import_run(quarter)
    admin(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
    admin(f"DROP DATABASE IF EXISTS {TEMPLATE} WITH (FORCE)")
    count = options.rows
    print(f"rows: {count:,}")
    print(f"COPY into an equivalent table: {copy:.2f} s, {count / copy:,.0f} rows/s")
    print(f"import of the CSV: {csv_seconds:.2f} s, {count / csv_seconds:,.0f} rows/s, "
          f"{csv_seconds / copy:.1f}x COPY's time (target at most 3x); {summary}")  # fmt: skip
    print(f"PostgreSQL alone, storing the import's {stored:,} rows with COPY into SIGAP's "
          f"tables (keys and indexes included): {floor:.2f} s, {floor / copy:.1f}x COPY's time; "
          f"the import takes {csv_seconds / floor:.1f}x that")  # fmt: skip
    print(f"the command's start, with a list of no rows: {startup:.2f} s")
    print(f"import of the XLSX: {xlsx_seconds:.2f} s, {xlsx_seconds / csv_seconds:.2f}x the CSV "
          f"(target at most 2x); {xlsx_summary}")  # fmt: skip
    print(f"peak memory: CSV of {count // 4:,} rows {quarter_memory} MB "
          f"({quarter_seconds:.1f} s), of {count:,} rows {csv_memory} MB; "
          f"XLSX of {count:,} rows {xlsx_memory} MB")  # fmt: skip


if __name__ == "__main__":
    main()
