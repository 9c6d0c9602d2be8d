"""The demo's monitoring (every name SYNTHETIC): the risky returns of the demo's import are
already enrolled by the import itself; here, follow-ups of some of them (one found high risk,
one now overdue), and in Hulu Sungai Utara a prospective migrant worker and a child at risk
watched by its task force (one due this week, one overdue), and three prevention activities
there."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from sigap.core.models import Agency, Region, User
from sigap.monitoring import prevention, questionnaire, services
from sigap.monitoring.models import Enrolment, FollowUp, Group
from sigap.people.services import person_create

NONE = {key: "no" for key, *_rest in questionnaire.QUESTIONS} | {"support": "yes"}
HIGH = NONE | {"documents_held": "yes", "debt": "yes", "previous_exploitation": "yes",
               "support": "unknown"}  # fmt: skip
MEDIUM = NONE | {"debt": "yes", "economic_pressure": "yes"}


def create_demo_monitoring() -> dict[str, Any]:
    """Nothing when any follow-up exists (a second run adds nothing)."""
    siti = User.objects.filter(username="siti", last_name="(demo)").first()
    riduan = User.objects.filter(username="riduan", last_name="(demo)").first()
    if FollowUp.objects.exists() or siti is None or riduan is None:
        return {"demo_follow_ups": 0}
    today = timezone.localdate()
    made = 0
    imported = list(Enrolment.objects.filter(source="import").order_by("pk")[:2])
    for enrolment, answers, days_ago in zip(imported, (HIGH, MEDIUM), (5, 40), strict=False):
        services.follow_up_record(
            actor=siti, enrolment=enrolment, kind="visit", done_on=today - timedelta(days=days_ago),
            answers=answers, notes="Kunjungan rumah (catatan sintetis).",
        )  # fmt: skip
        made += 1
    task_force = Agency.objects.get(slug="gt-hsu")
    watched = (
        ("Nurhayati (fiktif)", date(2003, 6, 1), Group.PROSPECTIVE_MIGRANT, 10,
         "Didekati sponsor untuk bekerja di Arab Saudi dengan visa kunjungan (sintetis)."),
        ("Rizka Amelia (fiktif)", date(2011, 2, 14), Group.CHILD_AT_RISK, 30,
         "Putus sekolah, ditawari kerja di kota lain (sintetis)."),
    )  # fmt: skip
    for name, born, group, days_ago, reason in watched:
        person = person_create(actor=riduan, full_name=name, sex="F", birth_date=born,
                               home_region_id="63.08", region_id="63.08",
                               notes="Orang rekaan untuk demo (data sintetis).")  # fmt: skip
        services.enrol(actor=riduan, person=person, group=group, agency=task_force, reason=reason,
                       started_on=today - timedelta(days=days_ago))  # fmt: skip
    activities = (
        ("socialisation", 45, "63.08.05", "students", 120, "SMA Negeri (sintetis)",
         "Tawaran kerja di luar negeri yang menipu (sintetis)"),
        ("training", 80, "63.08.01", "village_officials", 18, "Balai desa (sintetis)",
         "Tanda-tanda TPPO dan ke mana melapor (sintetis)"),
        ("watch_group", 20, "63.08.05", "religious_leaders", 25, "Masjid (sintetis)",
         "Kelompok pengawas migrasi aman (sintetis)"),
    )  # fmt: skip
    for kind, days_ago, district, audience, count, place, topic in activities:
        prevention.activity_record(
            actor=riduan, region=Region.objects.get(code=district), kind=kind,
            held_on=today - timedelta(days=days_ago), place=place, audience=audience,
            participants=count, topic=topic, notes="Kegiatan rekaan untuk demo (sintetis).",
        )  # fmt: skip
    return {"demo_follow_ups": made, "demo_enrolments": Enrolment.objects.count(),
            "demo_prevention_activities": len(activities)}  # fmt: skip
