"""Benchmark: the monitoring board with 1,000,000 enrolments on PostgreSQL, run exactly as the
page runs it (`monitoring.selectors.board`: the four counts and the overdue and due-this-week
lists of 50, with the names the user may see).

Run: .venv/bin/python -m bench.monitoring [--enrolments 1000000] [--repeat 100]
Target (issue 8): with 1,000,000 enrolments, the "due this week / overdue" board for a regency
answers in under 200 ms at the 95th percentile.

The database (sigap_bench_monitoring on the local server) is created if missing, migrated and
given the reference data; then 250,000 SYNTHETIC persons, each enrolled in the four groups
(1,000,000 enrolments; 85 % active, spread over Kalimantan Selatan's 13 regencies, their
next follow-ups from two months ago to four months ahead). A later run with the same number
reuses it. SIGAP_ENV defaults to "test" (fixed public keys: the data is synthetic).
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import timedelta
from typing import Any

from bench.cases import Figure, Scenario, connect, measure

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/sigap_bench_monitoring"
TARGET_MS = 200.0
GROUPS = ("returnee_at_risk", "prospective_migrant", "child_at_risk", "survivor")
CHUNK = 50_000


def generate(enrolments: int, *, seed: int = 8) -> str:
    from django.db import connection, transaction
    from django.utils import timezone

    from sigap.core import bulk
    from sigap.core.models import Agency, AgencyKind, Region, RegionLevel, User
    from sigap.monitoring.models import Enrolment
    from sigap.people.services import NewPerson, persons_create_many

    rng = random.Random(seed)  # noqa: S311 - synthetic data
    system = User.objects.system_actor()
    regencies = list(
        Region.objects.filter(parent_id="63", level=RegionLevel.REGENCY).values_list(
            "code", flat=True
        )
    )
    task_forces = dict(
        Agency.objects.filter(kind=AgencyKind.TASK_FORCE).values_list("jurisdiction_id", "pk")
    )
    today = timezone.localdate()
    persons = enrolments // len(GROUPS)
    started = time.perf_counter()
    for first in range(0, persons, CHUNK):
        count = min(CHUNK, persons - first)
        places = [rng.choice(regencies) for _ in range(count)]
        with transaction.atomic():
            ids = persons_create_many(actor=system, persons=[
                NewPerson(full_name=f"Orang Sintetis {first + n} (fiktif)", nik="", sex="F",
                          birth_date=None, home_region_id=place, region_id=place,
                          agency_id=task_forces[place])
                for n, place in enumerate(places)
            ])  # fmt: skip
            table = bulk.Table(Enrolment, ["person", "group", "agency", "region", "started_on",
                                           "status", "source", "risk_level", "next_due",
                                           "created_by"])  # fmt: skip
            for person, place in zip(ids, places, strict=True):
                for group in GROUPS:
                    active = rng.random() < 0.85
                    due = today + timedelta(days=rng.randint(-60, 120)) if active else None
                    table.add(person, group, task_forces[place], place,
                              today - timedelta(days=rng.randint(0, 700)),
                              "active" if active else "closed", "manual",
                              rng.choice(["", "low", "medium", "medium", "high"]), due,
                              system.pk)  # fmt: skip
            table.write()
        print(f"  {first + count:,} persons, {(first + count) * len(GROUPS):,} enrolments "
              f"({time.perf_counter() - started:.0f} s)")  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE monitoring_enrolment")
        cursor.execute("ANALYZE people_person")
    return f"{persons:,} persons, {persons * len(GROUPS):,} enrolments"


def prepare(enrolments: int) -> str:
    import io

    from django.core.management import call_command

    from sigap.core.models import Region
    from sigap.monitoring.models import Enrolment

    call_command("migrate", verbosity=0)
    if not Region.objects.exists():
        call_command("load_reference", stdout=io.StringIO())
    have = Enrolment.objects.count()
    if have == enrolments:
        return f"reused {have:,} enrolments"
    if have:
        raise SystemExit(f"The database holds {have:,} enrolments: run again with --fresh.")
    return f"generated {generate(enrolments)}"


def users() -> dict[str, Any]:
    from sigap.core.models import Agency, User

    made = {}
    for name, role, agency, region in (
        ("siti", "secretariat", "sekretariat-gt-kalsel", "63"),
        ("riduan", "regency_officer", "gt-hsu", "63.08"),
        ("officer-banjar", "agency_officer", "gt-banjar", "63.03"),
    ):
        user, _created = User.objects.get_or_create(username=name, defaults={
            "role": role, "agency": Agency.objects.get(slug=agency), "region_id": region,
        })  # fmt: skip
        made[name] = user
    return made


def scenarios(people: dict[str, Any]) -> list[Scenario]:
    from django.utils import timezone

    from sigap.monitoring.selectors import board

    today = timezone.localdate()

    def run(user: Any, region: str = "") -> Any:
        def once(_number: int) -> int:
            result = board(user, today, region)
            return result.active

        return once

    return [
        Scenario("board of a regency (regency officer, Hulu Sungai Utara)", "riduan",
                 run(people["riduan"])),
        Scenario("board of a regency (agency officer, GT Banjar)", "officer-banjar",
                 run(people["officer-banjar"])),
        Scenario("board narrowed to a regency (secretariat, Tapin)", "siti",
                 run(people["siti"], "63.05")),
        Scenario("board of the province (secretariat, all 13 regencies)", "siti",
                 run(people["siti"])),
    ]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enrolments", type=int, default=1_000_000)
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--fresh", action="store_true", help="generate the data again")
    options = parser.parse_args()
    created = connect(options.database_url, drop=options.fresh)
    from django.db import connection

    started = time.perf_counter()
    done = prepare(options.enrolments)
    print(f"Database {connection.settings_dict['NAME']}{' (new)' if created else ''}: {done} "
          f"in {time.perf_counter() - started:.0f} s")  # fmt: skip
    figures: list[Figure] = []
    for scenario in scenarios(users()):
        figure = measure(scenario, repeat=options.repeat, warmup=options.warmup)
        figures.append(figure)
        verdict = "meets" if figure.p95 < TARGET_MS else "MISSES"
        print(f"{figure.name}: {figure.rows:,} active; p50 {figure.p50:.1f} ms, "
              f"p95 {figure.p95:.1f} ms, max {figure.max:.1f} ms "
              f"({verdict} p95 < {TARGET_MS:.0f} ms)")  # fmt: skip


if __name__ == "__main__":
    main()
