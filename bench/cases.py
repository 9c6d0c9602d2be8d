"""Benchmark: the case list and the case and person searches, run exactly as the pages run
them (the selectors, then the count and the first page of 50 rows), on synthetic data from
bench.generate in PostgreSQL.

Run: make bench   (or .venv/bin/python -m bench.cases [--size S|M|L] [--repeat N] [--only TEXT])
Target (issue 4): with 100,000 cases and 300,000 persons (size M) on PostgreSQL, the filtered
case list and the NIK and name searches answer in under 100 ms at the 95th percentile.

The database (default: sigap_bench_cases on the local server) is created if missing, migrated,
given the reference data (`sigap load_reference`) and the synthetic data; a later run with
the same size reuses it. Each query is run a few times to warm up, then --repeat times, with
search values cycling through samples of what exists (and of what does not). Timings are
of the database round trips and the Python that builds and reads the rows; rendering the page
is not included. SIGAP_ENV defaults to "test" (fixed public keys: the data is synthetic).
"""

from __future__ import annotations

import argparse
import math
import os
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/sigap_bench_cases"
TARGET_MS = 100.0


@dataclass(frozen=True)
class Scenario:
    name: str
    user: str
    run: Callable[[int], int]  # repetition number -> rows (a list: its count; a search: shown)


@dataclass(frozen=True)
class Figure:
    name: str
    user: str
    rows: int
    p50: float
    p95: float
    max: float

    @property
    def meets(self) -> bool:
        return self.p95 < TARGET_MS


def percentile(sorted_values: list[float], share: float) -> float:
    """Nearest-rank percentile of already sorted values."""
    return sorted_values[max(0, math.ceil(share * len(sorted_values)) - 1)]


def measure(scenario: Scenario, *, repeat: int, warmup: int) -> Figure:
    for number in range(warmup):
        scenario.run(number)
    timings, rows = [], []
    for number in range(repeat):
        started = time.perf_counter()
        rows.append(scenario.run(number))
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return Figure(
        scenario.name,
        scenario.user,
        sorted(rows)[len(rows) // 2],
        percentile(timings, 0.5),
        percentile(timings, 0.95),
        timings[-1],
    )


# --- the database --------------------------------------------------------------------------


def _server(url: str) -> tuple[str, str]:
    """(connection string of the server's maintenance database, the benchmark database)."""
    import dj_database_url
    from psycopg.conninfo import make_conninfo

    parts = dj_database_url.parse(url)
    if parts["ENGINE"] != "django.db.backends.postgresql":
        raise SystemExit("bench.cases measures PostgreSQL: give a postgres:// URL.")
    conninfo = make_conninfo(
        dbname="postgres",
        host=parts.get("HOST") or None,
        port=str(parts["PORT"]) if parts.get("PORT") else None,
        user=parts.get("USER") or None,
        password=parts.get("PASSWORD") or None,
    )
    return conninfo, str(parts["NAME"])


def create_database(url: str, *, drop: bool = False) -> bool:
    """Create the benchmark database if missing (dropping it first with `drop`); whether it
    was created."""
    import psycopg
    from psycopg import sql

    conninfo, name = _server(url)
    with psycopg.connect(conninfo, autocommit=True) as server:
        if drop:
            server.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        exists = server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists:
            return False
        server.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return True


def prepare(url: str, cases: int, *, seed: int) -> str:
    """Migrate, load the reference data and generate `cases` cases unless the database holds
    exactly them; return what was done, for the report. A database that does not migrate
    (its history differs from the code's, e.g. a migration was renamed) or holds another
    number of cases is made again: it is the benchmark's own."""
    import io

    from django.core.management import call_command
    from django.db import DatabaseError, connection, connections
    from django.db.migrations.exceptions import InconsistentMigrationHistory

    from bench.generate import PERSONS_PER_CASE, generate
    from sigap.cases.models import Case
    from sigap.core.models import Region
    from sigap.people.models import Person

    for attempt in range(2):
        if attempt:
            connections.close_all()
            create_database(url, drop=True)
        try:
            call_command("migrate", verbosity=0)
        except (DatabaseError, InconsistentMigrationHistory) as error:
            print(f"The database does not migrate ({error}): making it again.")
            continue
        # A migration that adds a column leaves it without statistics, and nothing would
        # trigger autovacuum's ANALYZE: the plans would be built on guesses.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        if not Region.objects.exists():
            print("Loading the reference data (sigap load_reference) ...")
            call_command("load_reference", stdout=io.StringIO())
        have = Case.objects.count(), Person.objects.count()
        if have == (cases, cases * PERSONS_PER_CASE):
            return f"reused {cases:,} cases and {have[1]:,} persons already generated"
        if have == (0, 0):
            print(f"Generating {cases:,} synthetic cases (seed {seed}) ...")
            summary = generate(cases, seed=seed)
            print(summary)
            return f"generated {summary}"
        print(f"The database holds {have[0]:,} cases and {have[1]:,} persons: making it again.")
    raise SystemExit("The benchmark database could not be prepared.")


def connect(url: str, *, drop: bool = False) -> bool:
    """Create the benchmark database if missing (see create_database) and set Django up on
    it; whether it was created. Nothing of SIGAP may be imported before: Django would
    otherwise connect to the default (development) database."""
    created = create_database(url, drop=drop)
    os.environ["SIGAP_DATABASE_URL"] = url
    os.environ.setdefault("SIGAP_ENV", "test")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sigap.settings")
    import django

    django.setup()
    from django.db import connection

    if connection.vendor != "postgresql" or connection.settings_dict["NAME"] != _server(url)[1]:
        raise SystemExit("Django is not connected to the benchmark database: stopping.")
    return created


# --- what is measured ---------------------------------------------------------------------


def bench_users() -> dict[str, Any]:
    """The personas of the demo (core.demo.PERSONAS) that the measured queries run as."""
    from sigap.core.demo import PERSONAS
    from sigap.core.models import Agency, User

    users = {}
    for persona in PERSONAS:
        if persona.username not in {"siti", "rahmadi", "riduan"}:
            continue
        user, created = User.objects.get_or_create(
            username=persona.username,
            defaults={
                "first_name": persona.first_name,
                "last_name": "(demo)",
                "role": persona.role,
                "agency": Agency.objects.get(slug=persona.agency),
                "region_id": persona.region,
            },
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        users[persona.username] = user
    return users


# Spelling variants an officer may type for a stored name (people.names unifies them).
SPELLINGS = {
    "muhammad": "Muhamad",
    "ahmad": "Achmad",
    "noor": "Nur",
    "siti": "Sitti",
    "abdul": "Abd.",
    "rizky": "Rizki",
    "syahrani": "Sahrani",
    "fauzan": "Fauzan",
    "rusdi": "Roesdi",
    "jailani": "Djailani",
    "zahra": "Sahra",
}


def spelling_variant(name: str) -> str:
    """The name as someone else may write it: another spelling of some words, lower case."""
    words = []
    for word in name.split():
        variant = SPELLINGS.get(word.lower())
        if variant is None and word.endswith("i"):
            variant = word[:-1] + "y"
        words.append(variant or word)
    return " ".join(words).lower()


@dataclass
class Samples:
    """Search values of one user: what exists in their sight, and what does not."""

    niks: list[str]
    names: list[str]
    references: list[str]


def samples_for(user: Any, rng: random.Random, count: int = 100) -> Samples:
    from sigap.cases.selectors import cases_for
    from sigap.people.names import name_keys
    from sigap.people.selectors import person_search

    person_ids = list(person_search(user).exclude(nik_index="").values_list("pk", flat=True))
    picked = rng.sample(person_ids, min(count, len(person_ids)))
    persons = list(person_search(user).filter(pk__in=picked))
    niks = [person.nik for person in persons]
    names = []
    for person in persons:
        variant = spelling_variant(person.full_name)
        same = name_keys(variant) == name_keys(person.full_name)
        names.append(variant if same else person.full_name.lower())
    case_ids = list(cases_for(user).values_list("pk", flat=True))
    picked = rng.sample(case_ids, min(count, len(case_ids)))
    references = list(cases_for(user).filter(pk__in=picked).values_list("reference", flat=True))
    return Samples(niks=niks, names=names, references=references)


def missing_niks(rng: random.Random, count: int = 50) -> list[str]:
    """Well-formed NIKs that no generated person has (serial 0000 is never generated)."""
    from sigap.core.synthetic import districts_of, synthetic_nik

    niks = []
    for _ in range(count):
        born = date(1970, 1, 1) + timedelta(days=rng.randint(0, 15_000))
        nik = synthetic_nik(rng, rng.choice(districts_of()), born, rng.choice("MF"))
        niks.append(nik[:-4] + "0000")
    return niks


def scenarios(users: dict[str, Any], seed: int) -> list[Scenario]:
    from django.core.paginator import Paginator
    from django.db.models import QuerySet

    from bench.generate import DEFAULT_END
    from sigap.cases.selectors import SORTS, CaseFilters, case_search, cases_for, with_labels
    from sigap.cases.vocabulary import Purpose
    from sigap.core.models import Agency, Country, Region
    from sigap.core.pagination import PAGE_SIZE, first_matches
    from sigap.people.selectors import display_name, person_search

    def page_of(queryset: QuerySet[Any]) -> int:
        """What paginate() and the list template do: the count, then the first page."""
        page = Paginator(queryset, PAGE_SIZE).get_page(1)
        rows = list(page.object_list)
        assert len(rows) <= PAGE_SIZE  # noqa: S101
        return int(page.paginator.count)

    def person_matches(user: Any, queryset: QuerySet[Any]) -> int:
        """The person list's search: its order, the first 50 matches and their names."""
        matches = first_matches(queryset.order_by("-created_at", "-id"))
        for person in matches:
            display_name(user, person)
        return len(matches)

    rng = random.Random(seed)  # noqa: S311 - picks sample values, not security
    region = Region.objects.get
    agency = Agency.objects.get
    country = Country.objects.get
    end = DEFAULT_END
    last_90_days = {"since": end - timedelta(days=90), "until": end}
    year = {"since": date(end.year - 2, 1, 1), "until": date(end.year - 2, 12, 31)}
    areas = {"siti": region(code="63.03"), "rahmadi": region(code="63.03.05")}
    leads = {"siti": agency(slug="bp3mi-kalsel"), "rahmadi": agency(slug="polres-banjar")}
    unknown = missing_niks(rng)
    common_names = ["siti", "muhammad", "noor hayati", "ahmad rahman"]

    result: list[Scenario] = []

    def add(name: str, username: str, run: Callable[[int], int]) -> None:
        result.append(Scenario(name, username, run))

    def case_list(username: str, label: str, **filters: Any) -> None:
        user = users[username]
        add(
            f"case list: {label}",
            username,
            lambda _: page_of(cases_for(user, CaseFilters(**filters))),
        )

    for username in ("siti", "rahmadi"):
        case_list(username, "no filter")
        case_list(username, "status", status="in_handling")
        case_list(username, f"region {areas[username].code}", region=areas[username])
        case_list(username, "period (last 90 days)", **last_90_days)
        case_list(username, f"period (year {end.year - 2})", **year)
        case_list(username, "purpose", purpose=Purpose.FORCED_CRIMINALITY)
        case_list(username, "child victim", child=True)
        case_list(username, "lead agency", lead_agency=leads[username])
        case_list(username, "destination MY", destination_country=country(code="MY"))
        case_list(
            username,
            "status + region + year + purpose + destination",
            status="closed",
            region=areas[username],
            purpose=Purpose.FORCED_LABOUR,
            destination_country=country(code="MY"),
            **year,
        )
        case_list(
            username,
            "child + last 90 days",
            child=True,
            **last_90_days,
        )
        for sort in SORTS:
            if sort != "-reported_on":
                case_list(username, f"sort {sort}", sort=sort)
    case_list("riduan", "no filter")

    for username in ("siti", "rahmadi"):
        user = users[username]
        mine = samples_for(user, rng)
        refs, niks, names = mine.references, mine.niks, mine.names

        def cycle(values: list[str]) -> Callable[[int], str]:
            return lambda number: values[number % len(values)]

        ref, nik, name, gone = cycle(refs), cycle(niks), cycle(names), cycle(unknown)
        tail = cycle([reference.split("/", 2)[2] for reference in refs])
        common = cycle(common_names)

        def search(user: Any = user, **values: Callable[[int], str]) -> Callable[[int], int]:
            """What the case list does with a search: its first 50 matches, not a count."""

            def run(n: int) -> int:
                found = first_matches(case_search(user, **{k: v(n) for k, v in values.items()}))
                with_labels(found.rows)
                return len(found)

            return run

        def persons(user: Any = user, **values: Callable[[int], str]) -> Callable[[int], int]:
            return lambda n: person_matches(
                user, person_search(user, **{k: v(n) for k, v in values.items()})
            )

        add("case search: reference (whole)", username, search(reference=ref))
        add("case search: reference (its end, e.g. 2024/0007)", username, search(reference=tail))
        add("case search: NIK (exists)", username, search(nik=nik))
        add("case search: NIK (no such person)", username, search(nik=gone))
        add("case search: name (spelling variant of a full name)", username, search(name=name))
        add("case search: name (common, e.g. 'siti')", username, search(name=common))
        add("person search: NIK (exists)", username, persons(nik=nik))
        add("person search: NIK (no such person)", username, persons(nik=gone))
        add("person search: name (spelling variant of a full name)", username, persons(name=name))
        add("person search: name (common, e.g. 'siti')", username, persons(name=common))
    return result


def explain(scenario: Scenario) -> None:
    """Print the plan of each query of one run of the scenario (EXPLAIN ANALYZE)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        scenario.run(0)
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            print(f"\n-- {scenario.user}: {scenario.name}\n{query['sql']}")
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {query['sql']}")
            print("\n".join(row[0] for row in cursor.fetchall()))


def table(figures: list[Figure]) -> str:
    lines = [
        "| query | user | rows found (median) | p50 ms | p95 ms | max ms | p95 < 100 ms |",
        "|---|---|--:|--:|--:|--:|---|",
    ]
    for figure in figures:
        lines.append(
            f"| {figure.name} | {figure.user} | {figure.rows:,} | {figure.p50:.1f} | "
            f"{figure.p95:.1f} | {figure.max:.1f} | {'yes' if figure.meets else '**no**'} |"
        )
    return "\n".join(lines)


def main() -> None:
    # Nothing of SIGAP (bench.generate included) is imported before SIGAP_DATABASE_URL names
    # the benchmark database: Django would otherwise connect to the default (development) one.
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", choices=["S", "M", "L"], default="M")
    parser.add_argument("--cases", type=int, help="a number of cases instead of a size")
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--repeat", type=int, default=100, help="timed runs of each query")
    parser.add_argument("--warmup", type=int, default=5, help="untimed runs before")
    parser.add_argument("--only", default="", help="only the queries whose name has this text")
    parser.add_argument("--explain", action="store_true", help="print the query plans instead")
    parser.add_argument("--fresh", action="store_true", help="generate the data again")
    parser.add_argument(
        "--seed", type=int, help="of the generated data (default: bench.generate's)"
    )
    options = parser.parse_args()

    created = connect(options.database_url, drop=options.fresh)
    from django.db import connection

    from bench.generate import DEFAULT_SEED, SIZES

    cases = options.cases or SIZES[options.size]
    seed = DEFAULT_SEED if options.seed is None else options.seed
    started = time.perf_counter()
    done = prepare(options.database_url, cases, seed=seed)
    print(f"Database {connection.settings_dict['NAME']}{' (new)' if created else ''}: {done}")
    print(f"Prepared in {time.perf_counter() - started:.1f} s.")

    users = bench_users()
    chosen = [s for s in scenarios(users, seed) if options.only in s.name]
    if options.explain:
        for scenario in chosen:
            explain(scenario)
        return
    print(
        f"\n{options.repeat} timed runs of each query after {options.warmup} untimed ones "
        f"({cases:,} cases, PostgreSQL {getattr(connection, 'pg_version', 0) // 10000}):\n"
    )
    figures = []
    for scenario in chosen:
        figure = measure(scenario, repeat=options.repeat, warmup=options.warmup)
        figures.append(figure)
        print(
            f"  {figure.user:<8} {figure.name:<56} p95 {figure.p95:7.1f} ms"
            f"{'' if figure.meets else '  MISSES THE TARGET'}",
            flush=True,
        )
    print()
    print(table(figures))
    missed = [f for f in figures if not f.meets]
    print(
        f"\n{len(figures) - len(missed)} of {len(figures)} queries under {TARGET_MS:.0f} ms (p95)."
    )


if __name__ == "__main__":
    main()
