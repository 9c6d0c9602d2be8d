"""The demo's import: BP3MI's list of 18 migrant workers from Kalimantan Selatan who
returned in the first quarter of 2024 (the figure named at the 2024 rakor; every name and
number here is SYNTHETIC), written as offices send it and imported through the services."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path
from typing import Any

from sigap.cases.demo import SYNTHETIC_MARK
from sigap.core.models import User
from sigap.imports import services
from sigap.imports.models import ImportBatch

WOMEN = ["Siti", "Nur", "Rahmah", "Aminah", "Fitri", "Yuliani", "Masitah", "Nurul", "Jamilah",
         "Rina", "Halimah", "Zainab", "Dewi"]  # fmt: skip
MEN = ["Rusdi", "Ahmad", "Hendra", "Saleh", "Rizky", "Muhammad", "Fauzan"]
LAST = ["Hasanah", "Wahyuni", "Fauzi", "Rahman", "Lestari", "Saputra", "Anwar", "Maulida"]
PLACES = [
    "Martapura, Kab. Banjar",
    "Banjarmasin",
    "Kab. Tapin",
    "HSU",
    "Amuntai, HSU",
    "Kota Banjarbaru",
    "Pelaihari, Tanah Laut",
    "Barabai",
    "Kab. Tabalong",
    "Kotabaru",
]
COUNTRIES = ["Malaysia", "Arab Saudi", "Taiwan", "Hong Kong", "Brunei Darussalam", "Singapura"]
REASONS = [
    "Selesai kontrak",
    "Deportasi",
    "Sakit",
    "Gaji tidak dibayar",
    "PMI non prosedural",
    "Cuti",
    "Selesai kontrak",
    "Dugaan korban TPPO",
]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]  # fmt: skip
JOBS = ["PRT", "ABK", "Perkebunan sawit", "Caregiver", "Operator pabrik"]


def demo_list(path: Path, seed: int = 2024) -> Path:
    """The list as a `;` CSV from an Indonesian Excel: title rows, dates in several forms,
    one NIK that Excel turned into a number, a total row."""
    rng = random.Random(seed)  # noqa: S311 - synthetic demo data, not a secret
    lines = [f"DATA KEPULANGAN PMI ASAL KALIMANTAN SELATAN TRIWULAN I 2024 {SYNTHETIC_MARK}",
             "", "NO;NAMA PMI;NIK;L/P;TGL LAHIR;KAB/KOTA ASAL;NEGARA PENEMPATAN;JABATAN;"
             "TGL KEPULANGAN;KETERANGAN"]  # fmt: skip
    for number in range(1, 19):
        female = rng.random() < 0.7
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1975, 2003)
        nik = f"630{rng.randint(1, 9)}{rng.randint(1, 12):02d}{day + (40 if female else 0):02d}"
        nik += f"{month:02d}{year % 100:02d}{number:04d}"
        if number == 7:
            nik = f"{nik[0]},{nik[1:6]}E+15"  # what Excel shows of a NIK kept as a number
        born = [
            f"{day:02d}/{month:02d}/{year}",
            f"{day} {MONTHS[month - 1]} {year}",
            f"{year}-{month:02d}-{day:02d}",
        ][number % 3]
        returned = f"{rng.randint(1, 28):02d}/{rng.randint(1, 3):02d}/2024"
        name = f"{rng.choice(WOMEN if female else MEN)} {rng.choice(LAST)} (fiktif)"
        lines.append(";".join([
            str(number), name, nik, "P" if female else "L", born, rng.choice(PLACES),
            rng.choice(COUNTRIES), rng.choice(JOBS), returned, rng.choice(REASONS),
        ]))  # fmt: skip
    lines += ["JUMLAH;18 orang;;;;;;;;", "Sumber: BP3MI Kalimantan Selatan (data sintetis)"]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def create_demo_imports() -> dict[str, Any]:
    """Nothing when any batch exists (a second run adds nothing)."""
    siti = User.objects.filter(username="siti", last_name="(demo)").first()
    if ImportBatch.objects.exists() or siti is None or siti.agency is None:
        return {"demo_import_rows": 0}
    with tempfile.TemporaryDirectory() as folder:
        path = demo_list(Path(folder) / "kepulangan-pmi-triwulan-1-2024.csv")
        batch, _prepared = services.batch_start(
            path, actor=siti, agency=siti.agency, region_code=str(siti.region_id),
            file_name=path.name, source=f"BP3MI Kalimantan Selatan {SYNTHETIC_MARK}",
        )  # fmt: skip
        counts = services.run(batch, path, actor=siti)
    return {"demo_import_rows": sum(counts.values()), "demo_returns_imported": counts["imported"]}
