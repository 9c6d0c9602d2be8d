"""Demo cases: a few hundred SYNTHETIC cases shaped like Kalimantan Selatan's reality,
registered by the demo officers (core.demo) through the case services, so each has its
parties, screenings, timeline and audit events like a real one.

Nothing here is a real case or person: every narrative ends with "(data sintetis)", every
person's notes say they are synthetic and company names are marked "(fiktif)". The case dates
(reported, incident) lie in the past; the services stamp their events with the time of the run.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from sigap.cases import services
from sigap.cases.models import (
    Case,
    CaseParty,
    CaseSource,
    CaseStatus,
    PartyRole,
    RecruitmentMethod,
    VictimStatus,
)
from sigap.cases.vocabulary import Means, Purpose
from sigap.core.models import Agency, AgencyKind, Country, Region, RegionLevel, User
from sigap.core.synthetic import FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, synthetic_nik
from sigap.people.models import Person, Sex
from sigap.people.services import person_create

DEMO_CASES = 300
YEARS = 5
SYNTHETIC_MARK = "(data sintetis)"
PERSON_NOTE = "Data sintetis untuk demo: bukan orang sungguhan."

S = CaseStatus
Src = CaseSource
M = RecruitmentMethod


def table(text: str) -> dict[str, float]:
    """ "a 3, b .5" -> {"a": 3.0, "b": 0.5}: weights and chances, written compactly."""
    pairs = (item.split() for item in text.split(",") if item.strip())
    return {key: float(value) for key, value in pairs}


def pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def some(rng: random.Random, chances: dict[str, float]) -> list[str]:
    """Each item with its own chance (1 = always); never empty when `chances` is not."""
    drawn = [item for item, chance in chances.items() if rng.random() < chance]
    return drawn or list(chances)[:1]


# --- The mix ------------------------------------------------------------------------------
# Weights per 100 cases, from what the province's task force sees (DOMAIN.md section 5):
# - domestic (36): women domestic workers (PMI) returned by BP3MI from Saudi Arabia, Malaysia
#   and the Gulf, mostly sent non-procedurally despite the moratorium on the Middle East.
#   BP3MI repatriations are Kalsel's main source of cases (its 2022 victims came back from
#   Saudi Arabia), so the largest group;
# - plantation (9): oil-palm workers in Sabah/Sarawak, Kalimantan's own route through Nunukan;
# - scam (25 from mid-2022, 3 before): young men and women held in online-scam compounds in
#   Cambodia, Myanmar, Laos and the Philippines after social-media job ads, a wave since 2022;
# - child (20): children sexually exploited around mining camps, in cities and online, or
#   married off: the main pattern within the country;
# - fishing (10): crews (ABK) of foreign fishing vessels, mostly from the coastal regencies; a
#   smaller share in a province whose people mostly migrate for domestic and plantation work.
SCAM_WAVE = date(2022, 7, 1)


def scenario_weights(reported_on: date) -> dict[str, float]:
    scam = 25 if reported_on >= SCAM_WAVE else 3
    return {"domestic": 36, "plantation": 9, "scam": scam, "child": 20, "fishing": 10}


# Who registers, per scenario (core.demo.PERSONAS): siti (secretariat, any regency), normila
# (Dinsos province: repatriated adults and children), rahmadi (Polres Banjar, only 63.03),
# riduan (task force of Hulu Sungai Utara, only 63.08).
OFFICER_WEIGHTS = {
    "domestic": table("siti 34, normila 26, rahmadi 18, riduan 22"),
    "plantation": table("siti 40, normila 25, rahmadi 15, riduan 20"),
    "scam": table("siti 40, normila 15, rahmadi 30, riduan 15"),
    "fishing": table("siti 55, normila 25, rahmadi 15, riduan 5"),
    "child": table("siti 35, normila 25, rahmadi 30, riduan 10"),
}
FIXED_REGENCY = {"rahmadi": "63.03", "riduan": "63.08"}
POLICE_OFFICERS = frozenset({"rahmadi"})  # they decide victim status (actual / not a victim)

# Regencies of the cases siti and normila register, roughly by population (63.01 Tanah Laut,
# .02 Kotabaru, .03 Banjar, .04 Barito Kuala, .05 Tapin, .06-.08 Hulu Sungai Selatan, Tengah,
# Utara, .09 Tabalong, .10 Tanah Bumbu, .11 Balangan, .71 Banjarmasin, .72 Banjarbaru), then
# tilted by scenario (assumed, not measured): migrant workers from the Hulu Sungai regencies,
# scam victims from the two cities, fishing crews from the coast, exploited children around
# the mining regencies and in the cities.
REGENCY_BASE = table(
    "63.01 7, 63.02 7, 63.03 12, 63.04 6, 63.05 4, 63.06 5, 63.07 6, 63.08 6, 63.09 5, "
    "63.10 8, 63.11 3, 63.71 14, 63.72 6"
)
REGENCY_TILT = {
    "domestic": table("63.08 2.5, 63.07 2, 63.06 2, 63.03 1.5, 63.11 1.5"),
    "plantation": table("63.08 2, 63.07 2, 63.06 2, 63.11 2, 63.09 1.5"),
    "scam": table("63.71 2, 63.72 2"),
    "fishing": table(
        "63.02 3, 63.10 3, 63.01 2.5, 63.04 2, "
        "63.05 .3, 63.06 .3, 63.07 .3, 63.08 .3, 63.09 .3, 63.11 .3"
    ),
    "child": table("63.10 2.5, 63.02 2, 63.09 1.5, 63.71 1.5, 63.72 1.5"),
}


# --- Stories ------------------------------------------------------------------------------
@dataclass
class Story:
    """What happened: the case fields, what the screening finds and the narrative."""

    scenario: str
    sex: str
    age: int  # of the (first) victim at the incident
    incident_days: tuple[int, int]  # the incident lies this many days before the report
    source: str
    country: str
    place: str
    narrative: str
    transit: str = ""
    method: str = M.UNKNOWN
    apps: list[str] = field(default_factory=list)
    company: str = ""
    licensed: bool | None = None
    acts: list[str] = field(default_factory=list)
    means: list[str] = field(default_factory=list)
    purposes: list[str] = field(default_factory=list)
    control: list[str] = field(default_factory=list)
    vulnerability: list[str] = field(default_factory=list)
    perpetrator_role: str = PartyRole.RECRUITER
    perpetrator_sex: str = "M"
    group: bool = False  # other victims are plausible (scam compounds, vessels)

    @property
    def child(self) -> bool:
        return self.age < 18

    @property
    def indicators(self) -> list[str]:
        """The ILO forced-labour indicators the story shows (the screening's checklist)."""
        found = {CONTROL_INDICATOR[item] for item in self.control if item in CONTROL_INDICATOR}
        if self.vulnerability:
            found.add("abuse_of_vulnerability")
        if Means.FRAUD in self.means:
            found.add("deception")
        return sorted(found)


CONTROL_INDICATOR = {
    "withholds_documents": "retention_of_documents",
    "takes_earnings": "withholding_of_wages",
    "excessive_working_hours": "excessive_overtime",
    "restricts_movement": "restriction_of_movement",
    "physical_abuse": "violence",
    "sexual_abuse": "violence",
    "threats": "intimidation",
    "psychological_abuse": "intimidation",
    "threat_of_law_enforcement": "intimidation",
    "debt_bondage": "debt_bondage",
    "false_promises": "deception",
    "withholds_necessities": "abusive_conditions",
    "restricts_medical_care": "abusive_conditions",
}
# A means used shows as a means of control too.
MEANS_CONTROL = {"debt_bondage": "debt_bondage", "use_of_violence": "physical_abuse"}


@dataclass(frozen=True)
class Pattern:
    """A scenario's elements, each item with its chance, and the sentence of the narrative
    that tells each means of control."""

    acts: str
    means: str
    purposes: str
    control: str
    vulnerability: str
    events: dict[str, str] = field(default_factory=dict)

    def tell(self, rng: random.Random, opening: str, ending: str, **fields: Any) -> Story:
        means = some(rng, table(self.means))
        control = some(rng, table(self.control))
        control += [MEANS_CONTROL[m] for m in means if m in MEANS_CONTROL]
        numbers = {"months": rng.randint(3, 14), "hours": rng.randint(16, 20)}
        events = [text.format(**numbers) for item, text in self.events.items() if item in control]
        return Story(
            narrative=sentences([opening, *events, ending, SYNTHETIC_MARK]),
            acts=some(rng, table(self.acts)),
            means=means,
            purposes=some(rng, table(self.purposes)),
            control=sorted(set(control)),
            vulnerability=some(rng, table(self.vulnerability)),
            **fields,
        )


@dataclass(frozen=True)
class Setting:
    """Names the narrative uses."""

    regency_name: str
    country_names: dict[str, str]

    def country(self, code: str) -> str:
        return self.country_names.get(code, code)


def sentences(parts: Sequence[str]) -> str:
    return " ".join(part for part in parts if part)


def sex_word(sex: str, *, child: bool = False) -> str:
    word = "perempuan" if sex == Sex.FEMALE else "laki-laki"
    return f"anak {word}" if child else word


def age_between(rng: random.Random, low: int, high: int, mode: int) -> int:
    return round(rng.triangular(low, high, mode))


def fictional_company(rng: random.Random, kind: str = "Tenaga Kerja") -> str:
    first = rng.choice(["Amanah", "Bina", "Cahaya", "Insan", "Mitra", "Sinar", "Tunas", "Duta"])
    second = rng.choice(["Karya", "Sejahtera", "Mandiri", "Prima", "Barokah", "Abadi", "Utama"])
    return f"PT {first} {second} {kind} (fiktif)"


def unfounded(scenario: str, sex: str, age: int, **fields: Any) -> Story:
    """A report that screening does not indicate (no means for an adult; no exploitation)."""
    return Story(scenario=scenario, sex=sex, age=age, incident_days=(30, 365), **fields)


ENDINGS: dict[str, str] = {
    Src.BP3MI_REPATRIATION: "Korban dipulangkan melalui BP3MI Kalimantan Selatan.",
    Src.COMMUNITY_REPORT: "Keluarga melapor setelah korban mengirim pesan minta tolong; "
    "korban kemudian dipulangkan.",
    Src.POLICE: "Polisi menerima laporan keluarga dan memeriksa perekrut setelah korban pulang.",
    Src.MEDIA: "Kasus diberitakan media setelah video korban beredar; korban dipulangkan.",
    Src.MONITORING: "Pendamping desa menemukan kasus ini saat memantau keluarga pekerja migran.",
    Src.OTHER: "Korban dipulangkan pemerintah melalui KBRI dan diserahkan ke daerah asal.",
}

# Domestic workers: country -> (weight, places, monthly wage promised); and the routes.
DOMESTIC_DESTINATIONS = {
    "SA": (45, ["Riyadh", "Jeddah", "Dammam", "Makkah", "Madinah", "Taif"], "1.500 riyal"),
    "MY": (
        25,
        ["Kuala Lumpur", "Johor Bahru", "Kota Kinabalu, Sabah", "Kuching, Sarawak"],
        "RM 1.500",
    ),
    "AE": (10, ["Dubai", "Abu Dhabi", "Sharjah"], "1.800 dirham"),
    "QA": (6, ["Doha"], "1.500 riyal Qatar"),
    "KW": (5, ["Kota Kuwait"], "110 dinar"),
    "OM": (4, ["Muskat", "Salalah"], "130 rial"),
    "BH": (3, ["Manama"], "130 dinar"),
    "JO": (2, ["Amman"], "250 dinar"),
}
ROUTES = {  # (transit, how the victim travelled)
    "SA": [
        ("Jakarta", "dengan visa umrah lewat Jakarta"),
        ("Jakarta", "dengan visa ziarah lewat Jakarta"),
        ("Batam - Kuala Lumpur", "lewat Batam dan Kuala Lumpur dengan visa kunjungan"),
    ],
    # Malaysia: to the peninsula through Batam, to Sabah through Nunukan, to Sarawak overland.
    "MY": [("Batam - Johor Bahru", "dengan visa pelancong lewat Batam")],
    "Sabah": [("Nunukan - Tawau", "lewat jalur tidak resmi Nunukan-Tawau")],
    "Sarawak": [("Entikong", "lewat pos lintas batas Entikong tanpa dokumen kerja")],
    "gulf": [
        ("Jakarta", "dengan visa kunjungan lewat Jakarta"),
        ("Jakarta - Dubai", "dengan visa kunjungan, transit di Dubai"),
    ],
}
DOMESTIC = Pattern(
    acts="recruitment 1, transportation 1, sending 1, harbouring .5, receipt .4",
    means="fraud 1, debt_bondage .5, abuse_of_power .5, use_of_violence .2, falsification .3",
    purposes="forced_labour .75, servitude .45, labour_for_profit .2",
    control="false_promises 1, withholds_documents .9, takes_earnings .7, "
    "excessive_working_hours .85, restricts_movement .6, psychological_abuse .4, "
    "withholds_necessities .2",
    vulnerability="irregular_migration 1, poverty .8, low_education .6, language .5, "
    "family_problems .2, dependency .3",
    events={
        "withholds_documents": "Paspor ditahan majikan.",
        "excessive_working_hours": "Bekerja sekitar {hours} jam sehari tanpa hari libur.",
        "takes_earnings": "Gaji {months} bulan tidak dibayar.",
        "debt_bondage": "Gaji dipotong untuk melunasi 'utang' biaya keberangkatan kepada agen.",
        "restricts_movement": "Korban dilarang keluar rumah dan telepon genggamnya disita.",
        "physical_abuse": "Korban mengalami kekerasan fisik dari majikan.",
    },
)


def region_of(place: str) -> str:
    """ "Tawau, Sabah" -> "Sabah": the Malaysian state of a place in Borneo, else ""."""
    return next((state for state in ("Sabah", "Sarawak") if place.endswith(state)), "")


def domestic_story(rng: random.Random, where: Setting, found: bool) -> Story:
    country = pick(rng, {code: d[0] for code, d in DOMESTIC_DESTINATIONS.items()})
    _, places, wage = DOMESTIC_DESTINATIONS[country]
    place = rng.choice(places)
    transit, route = rng.choice(ROUTES.get(region_of(place) or country, ROUTES["gulf"]))
    age = age_between(rng, 19, 48, 30)
    source = pick(
        rng, table("bp3mi_repatriation 70, community_report 15, media 5, monitoring 5, police 5")
    )
    victim = f"Korban, perempuan {age} tahun asal {where.regency_name}"
    where_to = f"di {place}, {where.country(country)}"
    if not found:
        company = fictional_company(rng) if country == "MY" else ""
        return unfounded(
            "domestic",
            "F",
            age,
            source=source,
            country=country,
            place=place,
            narrative=sentences(
                [
                    f"{victim}, bekerja sebagai asisten rumah tangga {where_to} "
                    + (f"lewat {company}, P3MI berizin." if company else "atas kemauan sendiri."),
                    "Pulang sebelum kontrak selesai karena sakit dan mengadu soal sisa gaji.",
                    "Tidak ditemukan penipuan, jerat utang atau kekerasan; ditangani sebagai "
                    "masalah ketenagakerjaan.",
                    SYNTHETIC_MARK,
                ]
            ),
            transit=transit,
            method=M.JOB_OFFER if company else M.OTHER,
            company=company,
            licensed=True if company else None,
            acts=["recruitment"],
        )
    company = fictional_company(rng)
    recruiters = [
        ("oleh seorang sponsor (calo) dari kampungnya", M.BROKER, "", None),
        ("oleh calo yang dikenalkan kerabatnya", M.BROKER, "", None),
        ("lewat lowongan di grup Facebook", M.INTERNET, "", None),
        (f"lewat {company}, perusahaan penempatan tanpa izin SIP3MI", M.JOB_OFFER, company, False),
    ]
    if country == "MY":  # a licensed company placing her with another employer than agreed
        recruiters.append((f"lewat {company}, P3MI berizin", M.JOB_OFFER, company, True))
    recruiter, method, company, licensed = rng.choice(recruiters)
    return DOMESTIC.tell(
        rng,
        f"{victim}, direkrut {recruiter}. Ia dijanjikan bekerja sebagai asisten rumah tangga "
        f"{where_to} dengan gaji {wage} sebulan. Berangkat "
        + ("" if licensed else "secara non-prosedural ")
        + f"{route}.",
        ENDINGS[source],
        scenario="domestic",
        sex="F",
        age=age,
        incident_days=(90, 720),
        source=source,
        country=country,
        place=place,
        transit=transit,
        method=method,
        apps=["Facebook"] if method == M.INTERNET else [],
        company=company,
        licensed=licensed,
    )


PLANTATION = Pattern(
    acts="recruitment 1, transportation 1, sending 1, transfer .3",
    means="fraud 1, debt_bondage .7, abuse_of_power .4",
    purposes="forced_labour 1, labour_for_profit .3",
    control="false_promises 1, withholds_documents 1, takes_earnings .6, "
    "excessive_working_hours .5, threat_of_law_enforcement .5, restricts_movement .3",
    vulnerability="irregular_migration 1, no_documents 1, poverty .8, low_education .6",
    events={
        "withholds_documents": "Paspor ditahan mandor.",
        "debt_bondage": "Upah dipotong untuk 'utang' biaya perjalanan sehingga korban tidak "
        "bisa pulang.",
        "takes_earnings": "Upah {months} bulan tidak dibayar.",
        "excessive_working_hours": "Bekerja dari subuh sampai malam setiap hari.",
        "threat_of_law_enforcement": "Korban diancam dilaporkan ke polisi Malaysia karena "
        "tidak berdokumen.",
    },
)
PLANTATION_PLACES = [
    "Tawau, Sabah",
    "Lahad Datu, Sabah",
    "Sandakan, Sabah",
    "Keningau, Sabah",
    "Miri, Sarawak",
    "Bintulu, Sarawak",
]


def plantation_story(rng: random.Random, where: Setting, found: bool) -> Story:
    sex = "M" if rng.random() < 0.75 else "F"
    age = age_between(rng, 19, 50, 32)
    place = rng.choice(PLANTATION_PLACES)
    transit, route = rng.choice(ROUTES[region_of(place)])
    source = pick(rng, table("bp3mi_repatriation 60, community_report 25, media 10, monitoring 5"))
    victim = f"Korban, {sex_word(sex)} {age} tahun asal {where.regency_name}"
    if not found:
        return unfounded(
            "plantation",
            sex,
            age,
            source=source,
            country="MY",
            place=place,
            narrative=sentences(
                [
                    f"{victim}, bekerja di perkebunan kelapa sawit di {place}, Malaysia, dengan "
                    "permit kerja yang sah.",
                    "Pulang setelah kontrak selesai dan mengadu soal potongan upah.",
                    "Tidak ditemukan penipuan, jerat utang atau kekerasan.",
                    SYNTHETIC_MARK,
                ]
            ),
            transit=transit,
            method=M.JOB_OFFER,
            company=fictional_company(rng),
            licensed=True,
            acts=["recruitment"],
        )
    ending = (
        f"Korban dideportasi lewat {transit.split(' - ')[0]} dan diterima BP3MI sebelum "
        "dipulangkan ke daerah asal."
        if source == Src.BP3MI_REPATRIATION
        else ENDINGS[source]
    )
    return PLANTATION.tell(
        rng,
        f"{victim}, direkrut calo untuk bekerja di perkebunan kelapa sawit di {place}, "
        f"Malaysia, dengan upah RM 1.800 sebulan. Berangkat {route}.",
        ending,
        scenario="plantation",
        sex=sex,
        age=age,
        incident_days=(60, 540),
        source=source,
        country="MY",
        place=place,
        transit=transit,
        method=M.BROKER,
    )


# Scam compounds: country -> (weight, places, routes, where the job was said to be).
SCAM_DESTINATIONS = {
    "KH": (
        50,
        ["Sihanoukville", "Phnom Penh", "Bavet", "Poipet"],
        [
            ("Jakarta - Phnom Penh", "dengan visa kunjungan lewat Jakarta"),
            ("Kuala Lumpur - Phnom Penh", "lewat Kuala Lumpur"),
            ("Batam - Singapura - Phnom Penh", "lewat Batam dan Singapura"),
        ],
        "Kamboja",
    ),
    "MM": (
        30,
        ["Myawaddy", "Shwe Kokko", "Tachileik"],
        [("Bangkok - Mae Sot", "lewat Bangkok dan jalur darat Mae Sot")],
        "Thailand",
    ),
    "LA": (
        10,
        ["Kawasan Ekonomi Khusus Segitiga Emas, Bokeo"],
        [("Bangkok - Chiang Rai", "lewat Bangkok dan Chiang Rai")],
        "Thailand",
    ),
    "PH": (
        10,
        ["Pasay, Metro Manila", "Clark, Pampanga"],
        [("Jakarta - Manila", "lewat Jakarta")],
        "Filipina",
    ),
}
SCAM = Pattern(
    acts="recruitment 1, transportation 1, harbouring .5, transfer .4, receipt .5",
    means="fraud 1, confinement .8, use_of_violence .5, threat_of_violence .6, debt_bondage .4",
    purposes="forced_criminality 1, forced_labour .2",
    control="false_promises 1, withholds_documents .8, restricts_movement .9, threats .7, "
    "takes_earnings .5, psychological_abuse .3",
    vulnerability="language 1, poverty .4, dependency .3",
    events={
        "withholds_documents": "Paspor diambil begitu tiba.",
        "restricts_movement": "Korban dikurung di kompleks berpagar yang dijaga.",
        "physical_abuse": "Korban dipukul dan disetrum bila target tidak tercapai.",
        "debt_bondage": "Korban diminta membayar 'denda' ribuan dolar untuk bisa keluar.",
    },
)
SCAM_ENDINGS: dict[str, str] = {
    Src.COMMUNITY_REPORT: "Keluarga melapor setelah korban mengirim pesan minta tolong; korban "
    "dibebaskan dan dipulangkan melalui KBRI.",
    Src.POLICE: "Polisi mengungkap kasus dari laporan keluarga; korban dipulangkan melalui KBRI.",
    Src.MEDIA: "Kasus diberitakan media setelah video korban beredar; korban dipulangkan "
    "melalui KBRI.",
    Src.OTHER: "Korban dipulangkan pemerintah melalui KBRI dan diserahkan ke daerah asal.",
    Src.BP3MI_REPATRIATION: "Korban diterima BP3MI saat pemulangan dan diserahkan ke daerah asal.",
}
SCAM_JOBS = ["customer service", "admin pemasaran", "operator entri data", "staf IT", "penerjemah"]


def scam_story(rng: random.Random, where: Setting, found: bool) -> Story:
    country = pick(rng, {code: d[0] for code, d in SCAM_DESTINATIONS.items()})
    _, places, routes, lure = SCAM_DESTINATIONS[country]
    place = rng.choice(places)
    transit, route = rng.choice(routes)
    sex = "M" if rng.random() < 0.6 else "F"
    age = age_between(rng, 18, 35, 24)
    apps = rng.sample(
        ["Facebook", "Telegram", "WhatsApp", "Instagram", "TikTok"],
        k=2 if rng.random() < 0.3 else 1,
    )
    source = pick(
        rng, table("community_report 40, police 15, media 15, other 20, bp3mi_repatriation 10")
    )
    schooling = rng.choice(["lulusan SMA", "lulusan SMK", "lulusan D3", "sarjana"])
    victim = f"Korban, {sex_word(sex)} {age} tahun asal {where.regency_name} ({schooling})"
    where_to = f"{place}, {where.country(country)}"
    if not found:
        return unfounded(
            "scam",
            sex,
            age,
            source=Src.COMMUNITY_REPORT,
            country=country,
            place=place,
            narrative=sentences(
                [
                    f"{victim}, bekerja di perusahaan daring di {where_to}, mengetahui jenis "
                    "pekerjaannya sejak awal dan bebas pulang.",
                    "Dilaporkan keluarga karena hilang kontak; tidak ditemukan penipuan, "
                    "penyekapan atau kekerasan.",
                    SYNTHETIC_MARK,
                ]
            ),
            transit=transit,
            method=M.INTERNET,
            apps=apps,
            acts=["recruitment"],
            group=True,
        )
    salary = rng.choice(["800", "1.000", "1.200", "1.500"])
    return SCAM.tell(
        rng,
        sentences(
            [
                f"{victim}, melamar lowongan sebagai {rng.choice(SCAM_JOBS)} di {lure} yang "
                f"dilihat di {apps[0]} dengan gaji {salary} dolar AS sebulan.",
                f"Diberangkatkan {route}, lalu dibawa ke kompleks penipuan daring di {where_to}.",
                "Korban dipaksa menipu orang lewat investasi palsu dan modus asmara dengan target "
                "harian.",
            ]
        ),
        SCAM_ENDINGS[source],
        scenario="scam",
        sex=sex,
        age=age,
        incident_days=(30, 300),
        source=source,
        country=country,
        place=place,
        transit=transit,
        method=M.INTERNET,
        apps=apps,
        perpetrator_sex=rng.choice("MF"),
        group=True,
    )


# Fishing: country (flag state or port) -> (weight, [(place, the vessel in words)]).
FISHING_DESTINATIONS = {
    "TW": (
        35,
        [
            ("Kapal tuna berbendera Taiwan, Samudra Hindia", "kapal tuna berbendera Taiwan"),
            ("Pelabuhan Kaohsiung", "kapal ikan berpangkalan di Kaohsiung, Taiwan"),
        ],
    ),
    "KR": (
        15,
        [
            (
                "Kapal berbendera Korea Selatan, Samudra Atlantik",
                "kapal cumi berbendera Korea Selatan",
            )
        ],
    ),
    "CN": (15, [("Kapal berbendera Tiongkok, Samudra Pasifik", "kapal rawai berbendera Tiongkok")]),
    "FJ": (10, [("Pelabuhan Suva", "kapal ikan asing yang berpangkalan di Suva, Fiji")]),
    "MU": (
        10,
        [("Pelabuhan Port Louis", "kapal ikan asing yang berlabuh di Port Louis, Mauritius")],
    ),
    "ZA": (10, [("Pelabuhan Cape Town", "kapal ikan asing yang berlabuh di Cape Town")]),
    "PE": (5, [("Pelabuhan Callao", "kapal cumi asing yang berlabuh di Callao, Peru")]),
}
FISHING_ROUTES = [
    ("Jakarta (Muara Baru)", "lewat Pelabuhan Muara Baru, Jakarta"),
    ("Pemalang, Jawa Tengah", "lewat agensi awak kapal di Pemalang"),
    ("Tegal, Jawa Tengah", "lewat agensi awak kapal di Tegal"),
    ("Bitung, Sulawesi Utara", "lewat Bitung"),
]
FISHING = Pattern(
    acts="recruitment 1, transportation 1, sending 1, transfer .3",
    means="fraud 1, debt_bondage .7, use_of_violence .4, abuse_of_power .4, falsification .3",
    purposes="forced_labour 1, slavery .15",
    control="false_promises 1, withholds_documents .8, takes_earnings .8, "
    "excessive_working_hours .9, withholds_necessities .4, restricts_medical_care .3, "
    "restricts_movement .5",
    vulnerability="poverty .9, low_education .7, language .6",
    events={
        "withholds_documents": "Paspor dan buku pelaut ditahan kapten.",
        "excessive_working_hours": "Di laut bekerja lebih dari 18 jam sehari.",
        "takes_earnings": "Gaji ditahan agensi sebagai 'jaminan' dan tidak dibayar.",
        "debt_bondage": "Biaya pengurusan dokumen dipotong dari gaji sebagai utang.",
        "physical_abuse": "Korban dipukul mandor kapal bila dianggap lamban.",
        "withholds_necessities": "Makanan dan air minum dibatasi.",
        "restricts_medical_care": "Korban tidak dirawat saat sakit.",
    },
)


def fishing_story(rng: random.Random, where: Setting, found: bool) -> Story:
    country = pick(rng, {code: d[0] for code, d in FISHING_DESTINATIONS.items()})
    place, vessel = rng.choice(FISHING_DESTINATIONS[country][1])
    transit, route = rng.choice(FISHING_ROUTES)
    age = age_between(rng, 18, 45, 26)
    source = pick(
        rng, table("community_report 35, bp3mi_repatriation 30, media 15, other 10, police 10")
    )
    victim = f"Korban, laki-laki {age} tahun asal {where.regency_name}"
    company = fictional_company(rng, "Manning Agency")
    if not found:
        return unfounded(
            "fishing",
            "M",
            age,
            source=source,
            country=country,
            place=place,
            narrative=sentences(
                [
                    f"{victim}, bekerja sebagai anak buah kapal (ABK) {vessel} dengan perjanjian "
                    f"kerja laut yang sah lewat {company}, agensi berizin; gaji dibayar.",
                    "Pulang setelah kontrak selesai dan mengadu soal potongan biaya.",
                    "Tidak ditemukan penipuan, jerat utang atau kekerasan.",
                    SYNTHETIC_MARK,
                ]
            ),
            transit=transit,
            method=M.JOB_OFFER,
            company=company,
            licensed=True,
            acts=["recruitment"],
            group=True,
        )
    recruiter, method, company = rng.choice(
        [
            ("oleh calo (sponsor) di kampungnya", M.BROKER, ""),
            (f"lewat {company}, agensi awak kapal tanpa izin", M.JOB_OFFER, company),
            ("lewat lowongan di Facebook", M.INTERNET, ""),
        ]
    )
    salary = rng.choice(["350", "400", "450", "500"])
    return FISHING.tell(
        rng,
        f"{victim}, direkrut {recruiter}. Ia dijanjikan bekerja sebagai anak buah kapal (ABK) "
        f"{vessel} dengan gaji {salary} dolar AS sebulan. Diberangkatkan {route}.",
        ENDINGS[source],
        scenario="fishing",
        sex="M",
        age=age,
        incident_days=(120, 720),
        source=source,
        country=country,
        place=place,
        transit=transit,
        method=method,
        apps=["Facebook"] if method == M.INTERNET else [],
        company=company,
        licensed=False if company else None,
        group=True,
    )


# Children (under 18 at the time): no means is needed, so about half the screenings record
# none; the act and the purpose indicate trafficking on their own.
CHILD_PLACES = [  # (place, transit)
    ("kafe dekat area tambang batu bara di Kabupaten Tanah Bumbu", ""),
    ("warung remang-remang di jalan tambang, Kabupaten Kotabaru", ""),
    ("kafe dekat area tambang di Kabupaten Tabalong", ""),
    ("tempat hiburan malam di Kota Batam", "Banjarmasin - Batam (kapal laut)"),
    ("penginapan di Kota Banjarmasin", ""),
]
COMMERCIAL = Pattern(
    acts="recruitment 1, transportation 1, harbouring 1, receipt .5",
    means="fraud 1, abuse_of_power .5, debt_bondage .3",
    purposes="prostitution 1",
    control="takes_earnings 1, sexual_abuse 1, restricts_movement .6, threats .5, "
    "psychoactive_substances .15",
    vulnerability="poverty .7, family_problems .5, low_education .4",
)
ONLINE = Pattern(
    acts="recruitment 1",
    means="fraud 1, threat_of_violence .7",
    purposes="sexual_exploitation 1",
    control="threats 1, psychological_abuse 1, sexual_abuse .5",
    vulnerability="family_problems .4",
)
MARRIAGE = Pattern(
    acts="recruitment 1, transfer 1, receipt 1",
    means="payment 1, abuse_of_power .5",
    purposes="forced_marriage 1",
    control="restricts_movement 1, sexual_abuse .5, psychological_abuse .5",
    vulnerability="poverty 1, low_education .6",
)
MARRIAGE_ABROAD = Pattern(
    acts="recruitment 1, transportation 1, sending 1, receipt 1",
    means="fraud 1, falsification 1, payment 1",
    purposes="forced_marriage 1, servitude 1",
    control="false_promises 1, withholds_documents 1, restricts_movement 1",
    vulnerability="poverty 1, language 1",
)
CHILD_DISCOVERY: dict[str, dict[str, str]] = {
    "commercial": {
        Src.POLICE: "Kasus terungkap dalam razia polisi.",
        Src.COMMUNITY_REPORT: "Orang tua melapor setelah korban tidak pulang dua minggu.",
        Src.MONITORING: "Pendamping desa melapor setelah korban lama tidak masuk sekolah.",
    },
    "online": {
        Src.POLICE: "Polisi siber menemukan konten korban saat patroli daring.",
        Src.COMMUNITY_REPORT: "Orang tua melapor setelah menemukan percakapan di telepon korban.",
        Src.MONITORING: "Guru BK melapor setelah korban bercerita kepada temannya.",
    },
    "marriage": {
        Src.POLICE: "Polisi menerima laporan dari guru korban.",
        Src.COMMUNITY_REPORT: "Kerabat korban melapor ke UPTD PPA.",
        Src.MONITORING: "Kader desa melapor saat memantau perkawinan anak.",
    },
}


def child_story(rng: random.Random, where: Setting, found: bool) -> Story:
    age = age_between(rng, 13, 17, 16)
    source = pick(rng, table("police 35, community_report 45, monitoring 20"))
    kind = pick(rng, table("commercial 50, online 25, marriage 20, marriage_abroad 5"))
    sex = "M" if kind == "online" and rng.random() < 0.25 else "F"
    victim = f"Korban, {sex_word(sex, child=True)} {age} tahun asal {where.regency_name}"
    common: dict[str, Any] = {
        "scenario": "child",
        "sex": sex,
        "age": age,
        "source": source,
        "country": "ID",
        "perpetrator_role": PartyRole.ALLEGED_PERPETRATOR,
        "perpetrator_sex": rng.choice("MF"),
    }
    if not found:
        return unfounded(
            **{**common, "source": Src.COMMUNITY_REPORT},
            place=where.regency_name,
            narrative=sentences(
                [
                    f"{victim}, dilaporkan hilang dan diduga dibawa orang yang dikenal lewat media "
                    "sosial.",
                    "Ternyata korban pergi ke rumah kerabat; tidak ditemukan eksploitasi.",
                    SYNTHETIC_MARK,
                ]
            ),
        )
    if kind == "commercial":
        place, transit = rng.choice(CHILD_PLACES)
        recruiter, method = rng.choice(
            [
                ("dibujuk seorang teman sebaya", M.PUBLIC_AREA),
                ("dibujuk pacarnya", M.INTIMATE_PARTNER),
                ("ditawari kerja oleh perempuan yang mengaku pemilik kafe", M.JOB_OFFER),
            ]
        )
        apps = ["MiChat"] if rng.random() < 0.5 else []
        story = COMMERCIAL.tell(
            rng,
            sentences(
                [
                    f"{victim}, {recruiter} dan dijanjikan bekerja sebagai pelayan di {place}.",
                    "Di sana korban ditampung di mes dan dipaksa melayani tamu laki-laki; uang "
                    "bayarannya diambil mucikari.",
                    "Korban dipasarkan lewat aplikasi MiChat." if apps else "",
                ]
            ),
            CHILD_DISCOVERY[kind][source],
            **common,
            incident_days=(7, 150),
            place=place,
            transit=transit,
            method=method,
            apps=apps,
        )
    elif kind == "online":
        apps = rng.sample(["Facebook", "Instagram", "TikTok", "WhatsApp", "Telegram"], k=2)
        story = ONLINE.tell(
            rng,
            f"{victim}, dikenal pelaku lewat {apps[0]}, dibujuk mengirim foto dan video pribadi, "
            "lalu dipaksa melakukan panggilan video seksual untuk pelanggan yang membayar pelaku.",
            CHILD_DISCOVERY[kind][source],
            **common,
            incident_days=(7, 120),
            place=f"Daring (pelaku di {where.regency_name})",
            method=M.INTERNET,
            apps=apps,
        )
    elif kind == "marriage":
        story = MARRIAGE.tell(
            rng,
            f"{victim}, dinikahkan secara siri dengan laki-laki dewasa setelah perantara memberi "
            "uang kepada keluarganya. Korban berhenti sekolah dan dilarang keluar rumah.",
            CHILD_DISCOVERY[kind][source],
            **common,
            incident_days=(30, 365),
            place=where.regency_name,
            method=rng.choice([M.FAMILIAL, M.MARRIAGE_BROKER]),
        )
    else:
        place = rng.choice(["Provinsi Hebei", "Provinsi Henan", "Provinsi Shandong"])
        story = MARRIAGE_ABROAD.tell(
            rng,
            sentences(
                [
                    f"{victim}, dikenalkan makelar jodoh kepada laki-laki asal Tiongkok dengan "
                    "janji hidup berkecukupan; umurnya dipalsukan dalam dokumen.",
                    f"Setelah menikah korban dibawa ke {place}, dipaksa bekerja dan dilarang "
                    "menghubungi keluarga.",
                ]
            ),
            "Keluarga melapor; korban dipulangkan melalui KBRI.",
            **{**common, "country": "CN", "perpetrator_role": PartyRole.RECRUITER},
            incident_days=(30, 365),
            place=place,
            transit="Jakarta",
            method=M.MARRIAGE_BROKER,
        )
    if rng.random() < 0.5:
        story.means = []  # not recorded: for a child the act and purpose suffice
    return story


STORIES = {
    "domestic": domestic_story,
    "plantation": plantation_story,
    "scam": scam_story,
    "fishing": fishing_story,
    "child": child_story,
}


# --- Progress through the workflow --------------------------------------------------------
# Steps beyond plain status moves: a screening with the given outcome, a victim-status decision.
SCREEN_INSUFFICIENT = "screen:insufficient"
SCREEN_INDICATED = "screen:indicated"
SCREEN_NOT_INDICATED = "screen:not_indicated"
DECIDE = "decide"

# How far a case has got, by its age in days (recent cases are still being reported and
# screened; older ones handled, referred, prosecuted or closed). "x+closed" was closed from x,
# "x+reopened" closed from x and reopened.
PROGRESS_BY_AGE = [
    (
        45,
        table(
            "reported 45, screening 25, insufficient 15, indicated 10, not_indicated 4, "
            "reported+closed 5"
        ),
    ),
    (
        120,
        table(
            "reported 3, screening 7, insufficient 12, indicated 15, not_indicated 12, "
            "in_handling 35, referred 10, reported+closed 4, not_indicated+closed 6"
        ),
    ),
    (
        365,
        table(
            "insufficient 4, indicated 3, not_indicated 5, in_handling 22, referred 18, "
            "in_prosecution 15, reported+closed 2, not_indicated+closed 7, indicated+closed 3, "
            "in_handling+closed 15, referred+closed 8"
        ),
    ),
    (
        YEARS * 366,
        table(
            "in_handling 9, referred 8, in_prosecution 15, reported+closed 3, "
            "not_indicated+closed 8, indicated+closed 4, in_handling+closed 25, "
            "referred+closed 10, in_prosecution+closed 15, in_handling+reopened 3"
        ),
    ),
]
CLOSE_REASONS = {
    "reported": [
        "Laporan ganda: kasus yang sama sudah terdaftar.",
        "Pelapor dan korban tidak dapat dihubungi; informasi tidak cukup untuk ditindaklanjuti.",
    ],
    "not_indicated": [
        "Tidak terindikasi TPPO; diteruskan ke Disnakertrans sebagai perselisihan ketenagakerjaan.",
        "Tidak terindikasi TPPO; yang bersangkutan sudah kembali ke keluarga.",
    ],
    "not_indicated_child": ["Tidak terindikasi TPPO; anak sudah kembali ke keluarga."],
    "indicated": [
        "Korban menolak layanan lanjutan dan memilih kembali ke keluarga.",
        "Korban pindah ke luar provinsi; kasus diserahkan ke gugus tugas daerah tujuan.",
    ],
    "in_handling": [
        "Layanan selesai: pemulangan, rehabilitasi sosial dan reintegrasi ke keluarga.",
        "Layanan selesai; korban mengikuti pelatihan kerja dan kembali ke keluarga.",
    ],
    "referred": [
        "Rujukan selesai: layanan diberikan instansi penerima dan korban kembali ke keluarga.",
    ],
    "in_prosecution": [
        "Putusan berkekuatan hukum tetap: terdakwa dipidana penjara dan membayar restitusi.",
        "Putusan berkekuatan hukum tetap: terdakwa dipidana penjara.",
    ],
}
ACTIVE = ("in_handling", "referred", "in_prosecution")


def progress_for(rng: random.Random, age_days: int) -> str:
    for limit, weights in PROGRESS_BY_AGE:
        if age_days <= limit:
            return pick(rng, weights)
    return pick(rng, PROGRESS_BY_AGE[-1][1])


def steps_for(rng: random.Random, progress: str, *, decides: bool) -> list[str]:
    """The workflow steps that bring a new case to `progress` (`decides`: the officer may
    decide victim status, i.e. the police)."""
    stage, _, end = progress.partition("+")
    steps: list[str] = []
    if stage != "reported":
        steps.append(S.SCREENING)
    if stage == "insufficient" or (stage != "screening" and steps and rng.random() < 0.15):
        steps.append(SCREEN_INSUFFICIENT)  # a first interview left something unknown
    if stage == "not_indicated":
        steps += [SCREEN_NOT_INDICATED, *([DECIDE] if decides else [])]
    if stage == "indicated" or stage in ACTIVE:
        steps.append(SCREEN_INDICATED)
    if stage in ACTIVE:
        steps += [S.IN_HANDLING, *([DECIDE] if decides else [])]
    if stage == "referred" or (stage == "in_prosecution" and rng.random() < 0.5):
        steps.append(S.REFERRED)
    if stage == "in_prosecution":
        steps.append(S.IN_PROSECUTION)
    if end:
        steps.append(S.CLOSED)
    if end == "reopened":
        steps.append(S.REOPENED)
    return steps


def screening_answers(story: Story, outcome: str) -> dict[str, dict[str, str]]:
    """Answers that tell the story: every element and checklist, "yes" where the story says so
    and unknown (left out) elsewhere."""

    def yes(items: Sequence[str]) -> dict[str, str]:
        return dict.fromkeys(items, "yes")

    answers: dict[str, dict[str, str]] = {
        name: {} for name in ("act", "means", "purpose", "indicators", "control", "vulnerability")
    }
    if outcome == "indicated":
        answers.update(
            act=yes(story.acts),
            means=yes(story.means),
            purpose=yes(story.purposes),
            indicators=yes(story.indicators),
            control=yes(story.control),
            vulnerability=yes(story.vulnerability),
        )
    elif outcome == "insufficient":
        # A first interview: the act is clear; the means (for a child, the purpose) not yet.
        answers.update(act=yes(story.acts[:1]), indicators=yes(story.indicators[:1]))
        if not story.child:
            answers["purpose"] = yes(story.purposes)
    elif story.child:  # not indicated: the child was not exploited
        answers["purpose"] = dict.fromkeys(Purpose.values, "no")
    else:  # not indicated: an adult recruited for work without any of the means
        answers.update(act=yes(story.acts), means=dict.fromkeys(Means.values, "no"))
    return answers


# --- Registering --------------------------------------------------------------------------
@dataclass(frozen=True)
class World:
    """What the demo draws on: the demo officers and the reference data."""

    officers: dict[str, User]
    homes: dict[str, list[str]]  # regency -> village codes (districts when no villages)
    regency_names: dict[str, str]
    country_names: dict[str, str]
    agencies: dict[str, Agency]  # by slug
    police: dict[str, Agency]  # by jurisdiction (regency)

    @classmethod
    def load(cls) -> World:
        names = {name for weights in OFFICER_WEIGHTS.values() for name in weights}
        officers = {u.username: u for u in User.objects.filter(username__in=names)}
        if set(officers) != names:
            raise RuntimeError("Demo cases need the demo users (core.demo) first.")
        villages = codes_by_regency(RegionLevel.VILLAGE)
        districts = codes_by_regency(RegionLevel.DISTRICT)
        homes = {code: villages.get(code) or districts[code] for code in REGENCY_BASE}
        agencies = {a.slug: a for a in Agency.objects.filter(jurisdiction__code__startswith="63")}
        return cls(
            officers=officers,
            homes=homes,
            regency_names=dict(
                Region.objects.filter(code__in=REGENCY_BASE).values_list("code", "name")
            ),
            country_names=dict(Country.objects.values_list("code", "name_id")),
            agencies=agencies,
            police={a.jurisdiction_id: a for a in agencies.values() if a.kind == AgencyKind.POLICE},
        )


def codes_by_regency(level: str) -> dict[str, list[str]]:
    codes: dict[str, list[str]] = defaultdict(list)
    for code in Region.objects.filter(level=level, code__startswith="63.").values_list(
        "code", flat=True
    ):
        codes[code[:5]].append(code)
    return codes


@dataclass
class Plan:
    officer: str
    regency: str
    reported_on: date
    incident_on: date
    story: Story
    progress: str
    lead_agency: Agency | None  # None: the officer's own agency


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def report_date(rng: random.Random, today: date) -> date:
    """A day in the last YEARS years; more cases in recent years (the density rises linearly,
    the last year about twice the first), as awareness and reporting grew."""
    span = (today - years_before(today, YEARS)).days
    later = math.sqrt(1 + 3 * rng.random()) - 1  # in [0, 1] with density (1 + x) / 1.5
    return today - timedelta(days=round(span * (1 - later)))


def make_plan(rng: random.Random, world: World, today: date) -> Plan:
    reported_on = report_date(rng, today)
    scenario = pick(rng, scenario_weights(reported_on))
    officer = pick(rng, OFFICER_WEIGHTS[scenario])
    regency = FIXED_REGENCY.get(officer) or pick(
        rng,
        {code: w * REGENCY_TILT[scenario].get(code, 1) for code, w in REGENCY_BASE.items()},
    )
    progress = progress_for(rng, (today - reported_on).days)
    where = Setting(world.regency_names.get(regency, regency), world.country_names)
    story = STORIES[scenario](rng, where, not progress.startswith("not_indicated"))
    incident_on = reported_on - timedelta(days=rng.randint(*story.incident_days))
    return Plan(
        officer=officer,
        regency=regency,
        reported_on=reported_on,
        incident_on=incident_on,
        story=story,
        progress=progress,
        lead_agency=lead_agency_for(rng, world, officer, regency, story, progress),
    )


def lead_agency_for(
    rng: random.Random, world: World, officer: str, regency: str, story: Story, progress: str
) -> Agency | None:
    """The secretariat registers cases that other agencies lead: the regency's police when
    prosecuted, UPTD PPA for children, BP3MI for repatriated workers. Agency and regency
    officers register the cases their own agency leads."""
    if officer != "siti":
        return None
    if progress.startswith("in_prosecution") and rng.random() < 0.5:
        return world.police.get(regency)
    if story.child and rng.random() < 0.35:
        return world.agencies.get("uptd-ppa-kalsel")
    if story.source == Src.BP3MI_REPATRIATION and rng.random() < 0.3:
        return world.agencies.get("bp3mi-kalsel")
    return None


def born(rng: random.Random, on: date, age: int) -> date:
    """A birth date that makes the person exactly `age` (whole years) on the day `on`."""
    return on - timedelta(days=age * 365 + rng.randint(10, 355))


def new_person(
    rng: random.Random,
    actor: User,
    *,
    sex: str,
    birth_date: date,
    home: str,
    region: str,
    victim: bool = False,
    child: bool = False,
) -> Person:
    first = rng.choice(MALE_NAMES if sex == Sex.MALE else FEMALE_NAMES)
    consent = victim and rng.random() < 0.9
    return person_create(
        actor=actor,
        full_name=f"{first} {rng.choice(FAMILY_NAMES)}".strip(),
        nik=synthetic_nik(rng, home[:8], birth_date, sex),
        sex=sex,
        birth_date=birth_date,
        citizenship_id="ID",
        home_region_id=home,
        region_id=region,
        phone=f"+62813{rng.randint(10_000_000, 99_999_999)}" if rng.random() < 0.6 else "",
        notes=PERSON_NOTE,
        consent_services=consent,
        consent_share=consent and rng.random() < 0.6,
        consent_by_guardian=consent and child,
        # Children's identities are always protected (Law 21/2007 art. 44, SPPA).
        identity_protected=child or (victim and rng.random() < 0.15),
    )


def register(rng: random.Random, world: World, plan: Plan) -> Case:
    """One case, through the services, as its officer would enter it."""
    actor = world.officers[plan.officer]
    story = plan.story
    home = rng.choice(world.homes[plan.regency])
    fields: dict[str, Any] = {}
    if plan.lead_agency is not None:
        fields["lead_agency"] = plan.lead_agency
    own = plan.lead_agency is None or plan.lead_agency.pk == actor.agency_id
    case = services.case_create(
        actor=actor,
        reported_on=plan.reported_on,
        incident_on=plan.incident_on,
        source=story.source,
        region_id=plan.regency,
        assigned_officer=actor if own else None,
        origin_region_id=home,
        transit=story.transit,
        destination_country_id=story.country,
        destination_place=story.place,
        recruitment_method=story.method,
        recruitment_apps=story.apps,
        placement_company=story.company,
        placement_company_licensed=story.licensed,
        purposes=story.purposes,
        means_of_control=story.control,
        narrative=story.narrative,
        **fields,
    )
    victims = add_parties(rng, world, plan, case, home)
    for step in steps_for(rng, plan.progress, decides=plan.officer in POLICE_OFFICERS):
        take_step(actor, case, victims, step, plan)
    return case


def add_parties(
    rng: random.Random, world: World, plan: Plan, case: Case, home: str
) -> list[CaseParty]:
    """The victims (a second one in some group cases), often the recruiter or perpetrator,
    sometimes a relative who reported or is the contact."""
    actor, story, region = world.officers[plan.officer], plan.story, plan.regency
    stage = plan.progress.partition("+")[0]
    role = PartyRole.VICTIM if stage in ("indicated", *ACTIVE) else PartyRole.POSSIBLE_VICTIM
    ages = [story.age]
    if story.group and rng.random() < 0.2:
        ages.append(max(18, story.age + rng.randint(-4, 6)))
    victims = []
    for number, age in enumerate(ages):
        sex = story.sex if number == 0 or story.scenario == "fishing" else rng.choice("MF")
        person = new_person(
            rng,
            actor,
            sex=sex,
            birth_date=born(rng, plan.incident_on, age),
            home=home if number == 0 else rng.choice(world.homes[region]),
            region=region,
            victim=True,
            child=age < 18,
        )
        victims.append(services.party_add(actor=actor, case=case, person=person, role=role))
    if stage == "in_prosecution" or rng.random() < 0.65:
        perpetrator = new_person(
            rng,
            actor,
            sex=story.perpetrator_sex,
            birth_date=born(rng, plan.incident_on, rng.randint(25, 58)),
            home=rng.choice(world.homes[region]),
            region=region,
        )
        services.party_add(actor=actor, case=case, person=perpetrator, role=story.perpetrator_role)
    relative = PartyRole.FAMILY_CONTACT if rng.random() < 0.25 else None
    if story.source == Src.COMMUNITY_REPORT and rng.random() < 0.6:
        relative = PartyRole.REPORTER
    if relative:
        parent_age = story.age + rng.randint(20, 32) if story.child else rng.randint(20, 60)
        person = new_person(
            rng,
            actor,
            sex=rng.choice("MF"),
            birth_date=born(rng, plan.reported_on, parent_age),
            home=home,
            region=region,
        )
        services.party_add(actor=actor, case=case, person=person, role=relative)
    return victims


def take_step(actor: User, case: Case, victims: list[CaseParty], step: str, plan: Plan) -> None:
    if step.startswith("screen:"):
        answers = screening_answers(plan.story, step.partition(":")[2])
        for party in victims:
            services.screening_record(actor=actor, party=party, answers=answers)
    elif step == DECIDE:
        found = plan.progress.partition("+")[0] != "not_indicated"
        for party in victims:
            services.victim_status_decide(
                actor=actor,
                party=party,
                status=VictimStatus.ACTUAL if found else VictimStatus.NOT_A_VICTIM,
            )
    elif step == S.CLOSED:
        stage = plan.progress.partition("+")[0]
        reasons = (plan.story.child and CLOSE_REASONS.get(f"{stage}_child")) or CLOSE_REASONS[stage]
        reason = reasons[plan.reported_on.toordinal() % len(reasons)]
        services.case_close(actor=actor, case=case, reason=reason)
    else:
        services.case_move(actor, case, step)


@transaction.atomic
def create_demo_cases(
    seed: int = 2024, count: int = DEMO_CASES, today: date | None = None
) -> dict[str, Any]:
    """About `count` synthetic cases over the last YEARS years up to `today`; nothing when any
    case exists (a second run adds nothing). Needs the demo users (core.demo)."""
    if Case.objects.exists():
        return {"demo_cases_created": 0}
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    world = World.load()
    today = today or timezone.localdate()
    plans = sorted(
        (make_plan(rng, world, today) for _ in range(count)), key=lambda plan: plan.reported_on
    )
    for plan in plans:  # in date order, so reference numbers follow the report dates
        register(rng, world, plan)
    return {"demo_cases_created": len(plans)}
