"""Synthetic people for demo data, tests and benchmarks. Nothing here is a real person.

Names are drawn from common Banjar and Indonesian names; NIKs are built to pass the structural
checks of `parse_nik` (real region codes, real dates, non-zero serial) but are invented.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from django.utils import timezone

from sigap.core.reference.regions import read_wilayah

MALE_NAMES = [
    "Ahmad",
    "Muhammad",
    "Rahmadi",
    "Fauzan",
    "Riduan",
    "Syahrani",
    "Anang",
    "Hairul",
    "Rusdi",
    "Jailani",
    "Abdul Hadi",
    "Mahmud",
    "Arbain",
    "Saberan",
    "Fahriansyah",
    "Rizky",
    "Gazali",
]
FEMALE_NAMES = [
    "Siti",
    "Normila",
    "Rahmah",
    "Aisyah",
    "Noor Hayati",
    "Fitriani",
    "Halimah",
    "Salasiah",
    "Mariatul",
    "Rusmilawati",
    "Jamilah",
    "Nurul",
    "Hairiyah",
    "Masitah",
    "Rabiatul",
    "Zahra",
]
FAMILY_NAMES = [
    "",
    "",
    "",
    "Rahman",
    "Hidayat",
    "Aini",
    "Fitri",
    "Saputra",
    "Wahyuni",
    "Anwar",
    "Hasan",
    "Jannah",
    "Hidayah",
    "Ramadhani",
    "Kurniawan",
    "Lestari",
]


@dataclass(frozen=True)
class SyntheticPerson:
    full_name: str
    sex: str
    birth_date: date
    nik: str
    home_district: str


@lru_cache
def districts_of(province: str = "63") -> tuple[str, ...]:
    return tuple(code for code, _, level, _ in read_wilayah(within=province) if level == "district")


def synthetic_nik(rng: random.Random, district: str, birth_date: date, sex: str) -> str:
    day = birth_date.day + (40 if sex == "F" else 0)
    serial = rng.randint(1, 9999)
    return f"{district.replace('.', '')}{day:02d}{birth_date:%m%y}{serial:04d}"


def synthetic_person(rng: random.Random, *, today: date | None = None) -> SyntheticPerson:
    today = today or timezone.localdate()
    sex = rng.choice("MF")
    first = rng.choice(MALE_NAMES if sex == "M" else FEMALE_NAMES)
    family = rng.choice(FAMILY_NAMES)
    birth_date = today - timedelta(days=rng.randint(15 * 365, 55 * 365))
    district = rng.choice(districts_of())
    return SyntheticPerson(
        full_name=f"{first} {family}".strip(),
        sex=sex,
        birth_date=birth_date,
        nik=synthetic_nik(rng, district, birth_date, sex),
        home_district=district,
    )
