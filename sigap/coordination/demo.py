"""Demo coordination: SYNTHETIC meetings (rakor) of the province and of Hulu Sungai Utara,
with decisions and action items, some overdue on the day the demo is loaded, the next
meeting planned (with what it carries over), and a case hand-over waiting for an answer.

Made through the coordination services, then dated back where a real one would be older.
"""

from __future__ import annotations

from datetime import time, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from sigap.cases.demo import SYNTHETIC_MARK
from sigap.cases.models import Case, CaseStatus
from sigap.coordination import services, transfers
from sigap.coordination.models import ActionItem, ActionStatus, ActionUpdate, Meeting, TaskForce
from sigap.core.access import within_region
from sigap.core.models import Agency, User

PROVINCE_AGENCIES = [
    "dinsos-kalsel", "polda-kalsel", "bp3mi-kalsel", "disnakertrans-kalsel", "dinkes-kalsel",
    "imigrasi-banjarmasin", "kejati-kalsel", "uptd-ppa-kalsel", "polres-banjar",
]  # fmt: skip


def _mark(text: str) -> str:
    return f"{text} {SYNTHETIC_MARK}"


def _date_back(item: ActionItem, days: int) -> None:
    shift = timedelta(days=days)
    ActionItem.objects.filter(pk=item.pk).update(created_at=item.created_at - shift)
    ActionUpdate.objects.filter(item=item).update(at=timezone.now() - shift)


def _province(siti: User, users: dict[str, User], today: Any) -> dict[str, int]:
    agencies = {a.slug: a for a in Agency.objects.filter(slug__in=PROVINCE_AGENCIES)}
    held = today - timedelta(days=40)
    last = services.meeting_create(
        actor=siti, title="Rakor Gugus Tugas PP-TPPO Provinsi Kalimantan Selatan",
        level="province", region_id="63", held_on=held, starts_at=time(9, 0),
        place="Aula Kantor DPPPAKB, Banjarbaru",
        agenda="1. Evaluasi penanganan kasus triwulan ini\n2. Data kepulangan PMI dari BP3MI\n"
        "3. Rencana sosialisasi migrasi aman di desa asal PMI",
        agencies=list(agencies.values()),
    )  # fmt: skip
    services.meeting_record(
        actor=siti, meeting=last,
        minutes=_mark("Rapat membahas tiga kasus PMI purna dari Arab Saudi dan Malaysia, "
                      "serta data kepulangan triwulan ini. Peserta sepakat memperkuat "
                      "pendataan di desa."),
        agencies=list(agencies.values()), attendees=[u for u in users.values() if u.agency_id],
    )  # fmt: skip
    first = services.decision_add(
        actor=siti, meeting=last,
        text=_mark("Setiap PMI purna yang terindikasi TPPO dirujuk ke Dinas Sosial dalam 7 hari."),
    )  # fmt: skip
    services.decision_add(
        actor=siti, meeting=last,
        text=_mark("Sosialisasi migrasi aman dilaksanakan di tiga kabupaten asal PMI terbanyak."),
    )  # fmt: skip
    plan = [
        # (owner, what, due in days from the meeting, status, by)
        ("dinsos-kalsel", "Susun daftar penyintas yang membutuhkan rehabilitasi sosial", 14,
         ActionStatus.OPEN, None),
        ("polres-banjar", "Selidiki perekrut nonprosedural di Martapura", 21,
         ActionStatus.IN_PROGRESS, "rahmadi"),
        ("bp3mi-kalsel", "Kirim data kepulangan PMI triwulan ini ke sekretariat", 7,
         ActionStatus.DONE, None),
        ("dinsos-kalsel", "Siapkan rumah aman cadangan untuk korban anak", 60,
         ActionStatus.OPEN, None),
    ]  # fmt: skip
    for slug, what, days, status, by in plan:
        item = services.action_item_add(
            actor=siti, meeting=last, what=_mark(what), owner=agencies[slug],
            due_on=held + timedelta(days=days), decision=first,
        )  # fmt: skip
        if status != ActionStatus.OPEN:
            actor = users.get(by or "") or siti
            if status == ActionStatus.DONE:
                services.action_item_update(
                    actor=actor, item=item, status=ActionStatus.DONE,
                    note=_mark("Data dikirim lewat surat."),
                )  # fmt: skip
            else:
                services.action_item_update(
                    actor=actor, item=item, status=status,
                    note=_mark("Dua saksi sudah dimintai keterangan."),
                )  # fmt: skip
        _date_back(item, 40)
    services.meeting_create(
        actor=siti, title="Rakor Gugus Tugas PP-TPPO Provinsi Kalimantan Selatan",
        level="province", region_id="63", held_on=today + timedelta(days=10),
        starts_at=time(9, 0), place="Aula Bappeda Provinsi, Banjarbaru",
        agenda="1. Tindak lanjut rakor sebelumnya\n2. Evaluasi rujukan layanan korban",
        agencies=list(agencies.values()),
    )  # fmt: skip
    return {"demo_meetings_created": 2}


def _regency(riduan: User, today: Any) -> dict[str, int]:
    held = today - timedelta(days=25)
    meeting = services.meeting_create(
        actor=riduan, title="Rakor Gugus Tugas PP-TPPO Kabupaten Hulu Sungai Utara",
        level="regency", region_id="63.08", held_on=held, starts_at=time(13, 30),
        place="Aula Setda HSU, Amuntai",
        agenda="1. Pendataan calon PMI di desa\n2. Koordinasi dengan Polres HSU",
        agencies=list(Agency.objects.filter(slug__in=["gt-hsu", "polres-hsu"])),
    )  # fmt: skip
    item = services.action_item_add(
        actor=riduan, meeting=meeting, owner=riduan.agency,  # type: ignore[arg-type]
        what=_mark("Data calon PMI dari desa-desa di Amuntai dikumpulkan"),
        due_on=held + timedelta(days=14),
    )  # fmt: skip
    _date_back(item, 25)
    return {"demo_meetings_created": 1}


def _hand_over(riduan: User) -> int:
    """The HSU task force asks the province to take the lead of one of its cases."""
    case = (
        Case.objects.filter(within_region("region", "63.08"))
        .exclude(status=CaseStatus.CLOSED)
        .order_by("-reported_on")
        .first()
    )
    province = TaskForce.objects.filter(region_id="63").first()
    if case is None or province is None:
        return 0
    transfers.transfer_request(
        actor=riduan, case=case, to_task_force=province,
        reason=_mark("Korban dan perekrut berada di beberapa kabupaten; mohon dikoordinasikan "
                     "oleh gugus tugas provinsi."),
    )  # fmt: skip
    return 1


@transaction.atomic
def create_demo_coordination(today: Any = None) -> dict[str, Any]:
    """Nothing when any meeting exists (a second run adds nothing)."""
    if Meeting.objects.exists():
        return {"demo_meetings_created": 0}
    today = today or timezone.localdate()
    users = {u.username: u for u in User.objects.filter(last_name="(demo)")}
    siti, riduan = users.get("siti"), users.get("riduan")
    if siti is None or riduan is None:
        return {"demo_meetings_created": 0}
    summary = _province(siti, users, today)
    summary["demo_meetings_created"] += _regency(riduan, today)["demo_meetings_created"]
    summary["demo_hand_overs_created"] = _hand_over(riduan)
    return summary
