"""Synthetic cases, persons and case parties for benchmarks. Nothing here is a real person or
a real case: names and NIKs come from sigap.core.synthetic, everything else is drawn at random.

Sizes: S = 10,000 cases and 30,000 persons, M = 100,000 and 300,000, L = 1,000,000 and
3,000,000 (three persons per case: a victim, an alleged perpetrator or recruiter, and a
reporter or family contact; about one case in ten also links a recruiter or a victim of an
earlier case in the same regency, so some persons are shared).

The rows are what the services write (people.services.person_create, cases.services.case_create
and party_add), without running them row by row:

- encrypted fields go through EncryptedTextField itself (fresh nonce per value, blanks too),
- `nik_index` and the PersonNameKey rows come from people.search, as person_create makes them,
- pseudonyms (Orang-<year>-<NNNN>) and references (TPPO/<regency>/<year>/<NNNN>) continue the
  core.Sequence counters, which are advanced, so later registrations never collide,
- `child_victim` is cases.services.child_at_exploitation over the case's victims,
- each case and person is in the scope of the agency leading / registering it.

Not written: the audit log and the case timeline (CaseEvent), which none of the benchmarks
reading these rows look at; a benchmark that needs them adds them.

Writing: one transaction; COPY on PostgreSQL (values prepared by the model fields, exactly as
bulk_create prepares them), bulk_create elsewhere. The data depends only on the seed, the
number of cases and the end date, not on the day it is generated.

Run: SIGAP_DATABASE_URL=postgres://... .venv/bin/python -m bench.generate --size S
(the database must be migrated and have its reference data; `python -m bench.cases` does both
for its own database). SIGAP_ENV defaults to "test": its fixed public keys encrypt the data,
so only a SIGAP run with the same keys can read it.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections import defaultdict, deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TypeVar

import django
from django.apps import apps

if not apps.ready:  # run as a script; under pytest or bench.cases Django is set up already
    # Never fall back to SIGAP's default database (the development one): the data goes where
    # it is explicitly sent.
    if not os.environ.get("SIGAP_DATABASE_URL"):
        sys.exit("Set SIGAP_DATABASE_URL to the database to fill (never a real one).")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sigap.settings")
    os.environ.setdefault("SIGAP_ENV", "test")
    django.setup()

from django.core.management.color import no_style
from django.db import connection, connections, models, transaction
from django.db.models import Q
from django.utils import timezone

from sigap.cases.models import (
    VICTIM_ROLES,
    Case,
    CaseParty,
    CaseSource,
    CaseStatus,
    PartyRole,
    RecruitmentMethod,
    VictimStatus,
)
from sigap.cases.services import child_at_exploitation
from sigap.cases.vocabulary import MeansOfControl, Purpose
from sigap.core.models import Agency, Region, RegionLevel, Role, User
from sigap.core.models import Sequence as Counter
from sigap.core.synthetic import (
    FAMILY_NAMES,
    FEMALE_NAMES,
    MALE_NAMES,
    synthetic_nik,
)
from sigap.people.models import Person, PersonNameKey, Sex
from sigap.people.search import name_index_keys, nik_index
from sigap.people.services import PSEUDONYM_PREFIX

T = TypeVar("T")
SIZES = {"S": 10_000, "M": 100_000, "L": 1_000_000}
PERSONS_PER_CASE = 3
DEFAULT_SEED = 2026
# Reports are spread over the five years up to this day (a constant, so the data is the same
# whatever day it is generated).
DEFAULT_END = date(2026, 10, 31)
YEARS = 5
CHUNK = 2_000  # cases per write
PROVINCE = "63"
BENCH_USER_PREFIX = "bench-"

# Kalimantan Selatan's regencies and cities, weighted by population (thousands, rounded).
REGENCY_WEIGHTS = {
    "63.01": 350,  # Tanah Laut
    "63.02": 330,  # Kotabaru
    "63.03": 580,  # Banjar
    "63.04": 320,  # Barito Kuala
    "63.05": 190,  # Tapin
    "63.06": 230,  # Hulu Sungai Selatan
    "63.07": 270,  # Hulu Sungai Tengah
    "63.08": 230,  # Hulu Sungai Utara
    "63.09": 260,  # Tabalong
    "63.10": 340,  # Tanah Bumbu
    "63.11": 130,  # Balangan
    "63.71": 660,  # Banjarmasin
    "63.72": 260,  # Banjarbaru
}
# How often an agency of each kind leads a case. A provincial agency where the regency has
# its own agency of the same kind (Polda beside a Polres) leads a quarter as often.
AGENCY_WEIGHTS = {
    "police": 30,
    "task_force": 16,
    "migrant_protection": 10,
    "women_children": 8,
    "social": 7,
    "secretariat": 4,
    "manpower": 3,
    "ngo": 3,
    "immigration": 2,
    "prosecution": 2,
    "health": 1,
    "education": 1,
    "other": 1,
}
SOURCES = {
    CaseSource.COMMUNITY_REPORT: 30,
    CaseSource.BP3MI_REPATRIATION: 25,
    CaseSource.POLICE: 20,
    CaseSource.MONITORING: 10,
    CaseSource.MEDIA: 5,
    CaseSource.OTHER: 10,
}
S = CaseStatus
# Status by the age of the report: recent cases are open, old ones mostly closed.
STATUSES = [
    (
        30,
        {S.REPORTED: 35, S.SCREENING: 35, S.INDICATED: 10, S.NOT_INDICATED: 10, S.IN_HANDLING: 10},
    ),
    (
        180,
        {
            S.REPORTED: 5,
            S.SCREENING: 10,
            S.INDICATED: 15,
            S.NOT_INDICATED: 15,
            S.IN_HANDLING: 30,
            S.REFERRED: 10,
            S.IN_PROSECUTION: 10,
            S.CLOSED: 5,
        },
    ),
    (
        10**6,
        {
            S.REPORTED: 1,
            S.SCREENING: 2,
            S.INDICATED: 3,
            S.NOT_INDICATED: 10,
            S.IN_HANDLING: 12,
            S.REFERRED: 8,
            S.IN_PROSECUTION: 12,
            S.CLOSED: 48,
            S.REOPENED: 4,
        },
    ),
]
HANDLED = frozenset({S.IN_HANDLING, S.REFERRED, S.IN_PROSECUTION, S.CLOSED, S.REOPENED})
CLOSED_REASONS = [
    "Korban telah dipulangkan dan direintegrasikan ke keluarga.",
    "Perkara telah diputus pengadilan.",
    "Tidak ditemukan unsur TPPO setelah pendalaman.",
    "Dilimpahkan ke daerah asal korban.",
]
# Destination country (None: within Indonesia) -> (weight, places, main purposes).
P = Purpose
DESTINATIONS: dict[str | None, tuple[int, list[str], list[str]]] = {
    "MY": (30, ["Kuala Lumpur", "Johor Bahru", "Kota Kinabalu", "Tawau"], [P.FORCED_LABOUR]),
    "SA": (12, ["Riyadh", "Jeddah", "Dammam"], [P.FORCED_LABOUR, P.SERVITUDE]),
    "KH": (10, ["Sihanoukville", "Phnom Penh", "Bavet"], [P.FORCED_CRIMINALITY]),
    "MM": (5, ["Myawaddy", "Shwe Kokko"], [P.FORCED_CRIMINALITY]),
    "TW": (6, ["Taipei", "Kaohsiung"], [P.FORCED_LABOUR]),
    "HK": (4, ["Hong Kong"], [P.FORCED_LABOUR, P.SERVITUDE]),
    "AE": (4, ["Dubai", "Abu Dhabi"], [P.FORCED_LABOUR, P.SERVITUDE]),
    "SG": (3, ["Singapura"], [P.FORCED_LABOUR]),
    "QA": (2, ["Doha"], [P.FORCED_LABOUR]),
    "BN": (2, ["Bandar Seri Begawan"], [P.FORCED_LABOUR]),
    "TH": (2, ["Bangkok", "Mae Sot"], [P.FORCED_CRIMINALITY]),
    "LA": (1, ["Golden Triangle SEZ"], [P.FORCED_CRIMINALITY]),
    "PH": (1, ["Manila", "Pampanga"], [P.FORCED_CRIMINALITY]),
    "KR": (2, ["Busan"], [P.FORCED_LABOUR]),
    "JP": (2, ["Osaka"], [P.FORCED_LABOUR]),
    "TR": (1, ["Istanbul"], [P.FORCED_LABOUR, P.SERVITUDE]),
    None: (
        13,
        ["Jakarta", "Batam", "Surabaya", "Balikpapan", "Samarinda", "Banjarmasin"],
        [P.PROSTITUTION, P.SEXUAL_EXPLOITATION, P.FORCED_LABOUR, P.FORCED_MARRIAGE],
    ),
}
TRANSITS = ["Batam", "Nunukan", "Entikong", "Tanjung Pinang", "Jakarta", "Surabaya", "Dumai"]
M = RecruitmentMethod
METHODS = {
    M.BROKER: 25,
    M.JOB_OFFER: 20,
    M.INTERNET: 20,
    M.FAMILIAL: 8,
    M.INTIMATE_PARTNER: 5,
    M.MARRIAGE_BROKER: 3,
    M.BENEFACTOR: 3,
    M.WORK: 3,
    M.OTHER: 3,
    M.UNKNOWN: 10,
}
APPS = ["facebook", "whatsapp", "telegram", "tiktok", "instagram", "michat"]
STREETS = ["Jl. A. Yani", "Jl. Veteran", "Jl. Pramuka", "Jl. Sultan Adam", "Jl. Gatot Subroto"]
PHONE_PREFIXES = ["811", "812", "813", "821", "822", "852", "853", "857", "878"]


@dataclass(frozen=True)
class Summary:
    cases: int
    persons: int
    parties: int
    name_keys: int
    seconds: float

    def __str__(self) -> str:
        return (
            f"{self.cases:,} cases, {self.persons:,} persons, {self.parties:,} case parties, "
            f"{self.name_keys:,} name keys in {self.seconds:.1f} s"
        )


def weighted(rng: random.Random, weights: Mapping[T, float]) -> T:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@lru_cache(maxsize=65_536)
def _name_keys(full_name: str, aliases: str) -> tuple[str, ...]:
    """people.search.name_index_keys (what person_create stores), cached: names repeat."""
    return tuple(sorted(name_index_keys(full_name, aliases)))


def _synthetic_name(rng: random.Random, sex: str) -> str:
    """A first name, often a second one, sometimes a family name, from core.synthetic."""
    given = MALE_NAMES if sex == Sex.MALE else FEMALE_NAMES
    first = rng.choice(given)
    second = rng.choice(given) if rng.random() < 0.45 else ""
    if second == first:
        second = ""
    return " ".join(part for part in (first, second, rng.choice(FAMILY_NAMES)) if part)


def _years_before(day: date, years: int, rng: random.Random) -> date:
    return day - timedelta(days=years * 365 + years // 4 + rng.randint(0, 364))


class _World:
    """What the rows point at: regions, agencies and one synthetic officer per agency."""

    def __init__(self) -> None:
        regions = Region.objects.filter(code__startswith=PROVINCE + ".").values_list(
            "code", "level"
        )
        self.districts: dict[str, list[str]] = defaultdict(list)
        self.villages: dict[str, list[str]] = defaultdict(list)
        for code, level in regions:
            if level == RegionLevel.DISTRICT:
                self.districts[code[:5]].append(code)
            elif level == RegionLevel.VILLAGE:
                self.villages[code[:5]].append(code)
        self.regencies = [code for code in REGENCY_WEIGHTS if self.villages.get(code)]
        if not self.regencies:
            raise SystemExit(
                "No regions of Kalimantan Selatan: load the reference data first "
                "(sigap load_reference)."
            )
        self.regency_weights = [REGENCY_WEIGHTS[code] for code in self.regencies]
        agencies = list(
            Agency.objects.filter(is_active=True, jurisdiction__code__startswith=PROVINCE).order_by(
                "slug"
            )
        )
        if not agencies:
            raise SystemExit("No agencies: load the reference data first (sigap load_reference).")
        self.province_agencies = [a for a in agencies if a.jurisdiction_id == PROVINCE]
        self.officers = {agency.pk: _bench_officer(agency).pk for agency in agencies}
        # regency -> (agency ids, weights) of the agencies that may lead a case there.
        self.leads: dict[str, tuple[list[int], list[float]]] = {}
        for regency in self.regencies:
            local = [a for a in agencies if a.jurisdiction_id == regency]
            local_kinds = {a.kind for a in local}
            ids, weights = [], []
            for agency in local + self.province_agencies:
                weight = float(AGENCY_WEIGHTS.get(agency.kind, 1))
                if agency.jurisdiction_id == PROVINCE and agency.kind in local_kinds:
                    weight /= 4
                ids.append(agency.pk)
                weights.append(weight)
            self.leads[regency] = (ids, weights)
        self.province_ids = {a.pk for a in self.province_agencies}

    def village(self, rng: random.Random, regency: str) -> str:
        return rng.choice(self.villages[regency])

    def regency(self, rng: random.Random) -> str:
        return rng.choices(self.regencies, weights=self.regency_weights)[0]


def _bench_officer(agency: Agency) -> User:
    """The synthetic officer who registers the agency's generated records (cannot sign in)."""
    user, created = User.objects.get_or_create(
        username=f"{BENCH_USER_PREFIX}{agency.slug}"[:150],
        defaults={
            "first_name": "Petugas",
            "last_name": "(data sintetis)",
            "email": f"{agency.slug}@bench.sigap.invalid",
            "role": Role.AGENCY_OFFICER,
            "agency": agency,
            "region_id": agency.jurisdiction_id,
        },
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


class _Counters:
    """core.Sequence counters, read (and locked) at the start, written back at the end."""

    def __init__(self) -> None:
        self.values: dict[str, int] = dict(
            Counter.objects.select_for_update()
            .filter(Q(name__startswith="case:") | Q(name__startswith="pseudonym:"))
            .values_list("name", "last")
        )
        self.touched: set[str] = set()

    def next(self, name: str) -> int:
        value = self.values.get(name, 0) + 1
        self.values[name] = value
        self.touched.add(name)
        return value

    def save(self) -> None:
        for name in sorted(self.touched):
            Counter.objects.update_or_create(name=name, defaults={"last": self.values[name]})


def _next_id(model: type[models.Model]) -> int:
    last = model._default_manager.aggregate(last=models.Max("pk"))["last"]
    return (last or 0) + 1


def _write(model: type[models.Model], rows: Sequence[models.Model]) -> None:
    """Insert `rows` (primary keys set). On PostgreSQL by COPY, each value prepared by its
    field as bulk_create prepares it (pre_save, then get_db_prep_save: encryption, JSON)."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(rows, batch_size=500)
        return
    db = connections[connection.alias]  # the wrapper itself, not the per-call proxy
    fields = model._meta.concrete_fields
    quote = db.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    sql = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
    with db.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row([f.get_db_prep_save(f.pre_save(row, True), db) for f in fields])


@dataclass
class _Batch:
    persons: list[Person] = field(default_factory=list)
    name_keys: list[PersonNameKey] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    parties: list[CaseParty] = field(default_factory=list)

    def write(self) -> None:
        _write(Person, self.persons)
        _write(PersonNameKey, self.name_keys)
        _write(Case, self.cases)
        _write(CaseParty, self.parties)


@dataclass
class _Totals:
    persons: int = 0
    name_keys: int = 0
    parties: int = 0


class _Generator:
    def __init__(self, cases: int, *, seed: int, end: date) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
        self.total = cases
        self.end = end
        self.start = end.replace(year=end.year - YEARS) + timedelta(days=1)
        self.world = _World()
        self.counters = _Counters()
        self.next_person = _next_id(Person)
        self.next_key = _next_id(PersonNameKey)
        self.next_case = _next_id(Case)
        self.next_party = _next_id(CaseParty)
        # Recent recruiters and victims per regency, for the cases that share a person.
        self.recruiters: dict[str, deque[Person]] = defaultdict(lambda: deque(maxlen=300))
        self.victims: dict[str, deque[Person]] = defaultdict(lambda: deque(maxlen=300))
        self.niks: set[int] = set()
        self.totals = _Totals()
        self.batch = _Batch()

    # --- persons -------------------------------------------------------------------------

    def person(
        self,
        case: Case,
        role: str,
        *,
        born: date,
        regency: str,
        sex: str | None = None,
    ) -> Person:
        rng = self.rng
        sex = sex or rng.choice([Sex.FEMALE, Sex.MALE])
        full_name = _synthetic_name(rng, sex)
        victim = role in VICTIM_ROLES
        foreign = role in {PartyRole.ALLEGED_PERPETRATOR, PartyRole.RECRUITER} and (
            rng.random() < 0.08
        )
        home = "" if foreign else self.world.village(rng, regency)
        has_nik = not foreign and rng.random() < (0.92 if victim else 0.6)
        aliases = ""
        if not victim and rng.random() < 0.2:
            aliases = rng.choice(MALE_NAMES if sex == Sex.MALE else FEMALE_NAMES)
        consent = victim and rng.random() < 0.85
        child = victim and self._age(born, case) < 18
        created_at = case.created_at + timedelta(minutes=rng.randint(1, 90))
        year = timezone.localtime(created_at).year
        number = self.counters.next(f"pseudonym:{year}")
        person = Person(
            pk=self.next_person,
            full_name=full_name,
            aliases=aliases,
            nik=self._unique_nik(home[:8], born, sex) if has_nik else "",
            sex=sex,
            birth_date=born,
            birth_date_estimated=rng.random() < 0.1,
            citizenship_id="MY" if foreign else "ID",
            home_region_id=home or None,
            phone=self._phone()
            if rng.random() < (0.9 if role == PartyRole.REPORTER else 0.5)
            else "",
            address=self._address() if home and rng.random() < 0.5 else "",
            notes="Data sintetis untuk uji kinerja: bukan orang sungguhan."
            if rng.random() < 0.1
            else "",
            consent_services=consent,
            consent_share=consent and rng.random() < 0.6,
            consent_by_guardian=consent and child,
            consent_recorded_at=created_at if consent else None,
            identity_protected=rng.random() < (0.7 if child else 0.15 if victim else 0.02),
            pseudonym=f"{PSEUDONYM_PREFIX}-{year}-{number:04d}",
            agency_id=case.lead_agency_id,
            region_id=case.region_id,
            created_at=created_at,
            created_by_id=case.created_by_id,
        )
        person.nik_index = nik_index(person.nik)
        self.next_person += 1
        self.batch.persons.append(person)
        for key in _name_keys(person.full_name, person.aliases):
            self.batch.name_keys.append(PersonNameKey(pk=self.next_key, person=person, key=key))
            self.next_key += 1
        return person

    def _unique_nik(self, district: str, born: date, sex: str) -> str:
        """A NIK no other generated person has: person_create would queue a same-NIK pair
        for the secretariat (people.DuplicateCandidate), which is not generated here."""
        while True:
            nik = synthetic_nik(self.rng, district, born, sex)
            if int(nik) not in self.niks:
                self.niks.add(int(nik))
                return nik

    def _age(self, born: date, case: Case) -> int:
        day = case.incident_on or case.reported_on
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))

    def _phone(self) -> str:
        rng = self.rng
        return f"+62{rng.choice(PHONE_PREFIXES)}{rng.randint(1_000_000, 99_999_999)}"

    def _address(self) -> str:
        rng = self.rng
        return (
            f"{rng.choice(STREETS)} No. {rng.randint(1, 250)}, "
            f"RT {rng.randint(1, 30):03d}/RW {rng.randint(1, 12):03d}"
        )

    def party(self, case: Case, person: Person, role: str) -> None:
        rng = self.rng
        status, by, at = "", None, None
        if role in VICTIM_ROLES:
            status = VictimStatus.POSSIBLE
            if case.status in HANDLED and rng.random() < 0.6:
                status = VictimStatus.ACTUAL
            elif case.status == S.NOT_INDICATED and rng.random() < 0.5:
                status = VictimStatus.NOT_A_VICTIM
            if status != VictimStatus.POSSIBLE:
                by, at = case.created_by_id, case.created_at + timedelta(days=rng.randint(3, 60))
        self.batch.parties.append(
            CaseParty(
                pk=self.next_party,
                case=case,
                person=person,
                role=role,
                victim_status=status,
                victim_status_by_id=by,
                victim_status_at=at,
                added_at=case.created_at + timedelta(minutes=rng.randint(1, 120)),
            )
        )
        self.next_party += 1
        self.totals.parties += 1

    # --- cases ---------------------------------------------------------------------------

    def reported_on(self, number: int) -> date:
        """Reports in order over the years, a little more each year."""
        days = (self.end - self.start).days
        share = ((number + self.rng.random()) / self.total) ** 0.85
        return self.start + timedelta(days=min(days, int(share * (days + 1))))

    def case(self, number: int) -> None:
        rng, world = self.rng, self.world
        regency = world.regency(rng)
        ids, weights = world.leads[regency]
        agency_id = rng.choices(ids, weights=weights)[0]
        roll = rng.random()
        if agency_id in world.province_ids and roll < 0.15:
            region = PROVINCE
        elif roll < 0.4:
            region = regency
        else:
            region = rng.choice(world.districts[regency])
        reported = self.reported_on(number)
        incident = reported - timedelta(days=rng.randint(7, 540)) if rng.random() < 0.8 else None
        age_days = (self.end - reported).days
        status = weighted(rng, next(w for limit, w in STATUSES if age_days < limit))
        destination = weighted(rng, {code: entry[0] for code, entry in DESTINATIONS.items()})
        _, places, main_purposes = DESTINATIONS[destination]
        purposes = [rng.choice(main_purposes)]
        if rng.random() < 0.3:
            extra = rng.choice(list(Purpose))
            if extra not in purposes:
                purposes.append(extra)
        method = weighted(rng, METHODS)
        officer = world.officers[agency_id]
        created_at = timezone.make_aware(
            datetime.combine(reported, datetime.min.time())
            + timedelta(minutes=rng.randint(420, 960))
        )
        code = region[:5]
        reference = (
            f"TPPO/{code}/{reported.year}/{self.counters.next(f'case:{code}:{reported.year}'):04d}"
        )
        place = rng.choice(places)
        case = Case(
            pk=self.next_case,
            reference=reference,
            reported_on=reported,
            incident_on=incident,
            source=weighted(rng, SOURCES),
            status=status,
            region_id=region,
            lead_agency_id=agency_id,
            assigned_officer_id=officer if rng.random() < 0.7 else None,
            origin_region_id=None,  # the victim's home, set below
            transit=rng.choice(TRANSITS) if destination and rng.random() < 0.5 else "",
            destination_country_id=destination,
            destination_place=place,
            recruitment_method=method,
            recruitment_apps=sorted(rng.sample(APPS, rng.randint(1, 2)))
            if method in {M.INTERNET, M.JOB_OFFER}
            else [],
            placement_company=f"PT Sintetis Jaya {rng.randint(1, 400)}"
            if destination and rng.random() < 0.3
            else "",
            placement_company_licensed=rng.random() < 0.4 if destination else None,
            purposes=purposes,
            means_of_control=sorted(rng.sample(list(MeansOfControl), rng.randint(0, 3))),
            narrative=(
                f"Data sintetis untuk uji kinerja. Korban direkrut ({method}) dan "
                f"diberangkatkan ke {place}."
            ),
            closed_reason=rng.choice(CLOSED_REASONS) if status == S.CLOSED else "",
            created_at=created_at,
            created_by_id=officer,
        )
        self.next_case += 1

        # A victim (one in five a child at the time of exploitation), a perpetrator or
        # recruiter, and a reporter or family contact.
        day = incident or reported
        victim_age = rng.randint(12, 17) if rng.random() < 0.2 else rng.randint(18, 45)
        victim_role = PartyRole.VICTIM if status in HANDLED else PartyRole.POSSIBLE_VICTIM
        victim = self.person(
            case,
            victim_role,
            born=_years_before(day, victim_age, rng),
            regency=regency if rng.random() < 0.85 else world.regency(rng),
        )
        case.origin_region_id = victim.home_region_id
        perpetrator_role = rng.choice([PartyRole.RECRUITER, PartyRole.ALLEGED_PERPETRATOR])
        perpetrator = self.person(
            case,
            perpetrator_role,
            born=_years_before(day, rng.randint(22, 60), rng),
            regency=regency if rng.random() < 0.7 else world.regency(rng),
            sex=Sex.MALE if rng.random() < 0.7 else Sex.FEMALE,
        )
        contact_role = rng.choice([PartyRole.REPORTER, PartyRole.FAMILY_CONTACT])
        contact = self.person(
            case, contact_role, born=_years_before(day, rng.randint(18, 65), rng), regency=regency
        )
        victims = [victim]
        parties = [(victim, victim_role), (perpetrator, perpetrator_role), (contact, contact_role)]
        # Shared persons: a recruiter active in several cases, a victim trafficked again.
        if rng.random() < 0.08 and self.recruiters[regency]:
            parties.append((rng.choice(self.recruiters[regency]), PartyRole.RECRUITER))
        if rng.random() < 0.03 and self.victims[regency]:
            again = rng.choice(self.victims[regency])
            parties.append((again, victim_role))
            victims.append(again)
        if perpetrator_role == PartyRole.RECRUITER:
            self.recruiters[regency].append(perpetrator)
        self.victims[regency].append(victim)

        case.child_victim = any(child_at_exploitation(case, person) for person in victims)
        self.batch.cases.append(case)
        for person, role in parties:
            self.party(case, person, role)

    def run(self, chunk: int, report: Callable[[str], None]) -> _Totals:
        started = time.perf_counter()
        for first in range(0, self.total, chunk):
            for number in range(first, min(self.total, first + chunk)):
                self.case(number)
            self.totals.persons += len(self.batch.persons)
            self.totals.name_keys += len(self.batch.name_keys)
            self.batch.write()
            self.batch = _Batch()
            done = min(self.total, first + chunk)
            if done == self.total or done % (chunk * 10) == 0:
                elapsed = time.perf_counter() - started
                report(f"  {done:,} / {self.total:,} cases written ({elapsed:.1f} s)")
        self.counters.save()
        if connection.vendor == "postgresql":
            models_written = [Person, PersonNameKey, Case, CaseParty]
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(no_style(), models_written):
                    cursor.execute(statement)
        return self.totals


def generate(
    cases: int,
    *,
    seed: int = DEFAULT_SEED,
    end: date = DEFAULT_END,
    chunk: int = CHUNK,
    report: Callable[[str], None] = print,
    analyze: bool = True,
) -> Summary:
    """Add `cases` synthetic cases, with three new persons each, to the database; return
    what was written and how long it took (including VACUUM ANALYZE on PostgreSQL)."""
    started = time.perf_counter()
    with transaction.atomic():
        generator = _Generator(cases, seed=seed, end=end)
        totals = generator.run(chunk, report)
    if analyze and connection.vendor == "postgresql":
        report("  VACUUM ANALYZE")
        with connection.cursor() as cursor:
            for model in (Person, PersonNameKey, Case, CaseParty, Counter):
                cursor.execute(
                    f"VACUUM (ANALYZE) {connection.ops.quote_name(model._meta.db_table)}"
                )
    return Summary(
        cases=cases,
        persons=totals.persons,
        parties=totals.parties,
        name_keys=totals.name_keys,
        seconds=time.perf_counter() - started,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--size", choices=sorted(SIZES), default="S")
    parser.add_argument("--cases", type=int, help="a number of cases instead of a size")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--end", type=date.fromisoformat, default=DEFAULT_END)
    options = parser.parse_args(argv)
    cases = options.cases or SIZES[options.size]
    print(f"Generating {cases:,} synthetic cases into {connection.settings_dict['NAME']} ...")
    summary = generate(cases, seed=options.seed, end=options.end)
    print(summary)


if __name__ == "__main__":
    main()
