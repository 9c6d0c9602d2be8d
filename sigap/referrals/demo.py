"""Demo referrals: SYNTHETIC referrals of demo victims between the demo agencies, in every
state, some overdue on the day the demo is loaded (so reminders have something to say).

Made through the referral services like real ones, then dated back: a referral sent weeks
ago, with its history, is what an officer would find on a real morning.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from sigap.cases.demo import SYNTHETIC_MARK
from sigap.cases.models import VICTIM_ROLES, CaseParty, CaseStatus
from sigap.core.access import within_region
from sigap.core.models import Agency, User
from sigap.referrals import services
from sigap.referrals.models import Referral, ReferralEvent, ReferralStatus, ServiceType

R = ReferralStatus


@dataclass(frozen=True)
class DemoReferral:
    sender: str  # a demo username
    region: str  # the victim's case region (the sender's scope)
    service: str
    to: str  # agency slug
    days_ago: int  # when it was sent
    moves: tuple[str, ...]  # by the receiver, in order
    reason: str


DEMO_REFERRALS = [
    # Overdue for Dinas Sosial Kalsel (Normila): one waiting for an answer, two in hand.
    DemoReferral("siti", "63", "social_rehabilitation", "dinsos-kalsel", 45, (),
                 "Korban PMI purna dari Arab Saudi membutuhkan rehabilitasi sosial."),
    DemoReferral("siti", "63", "psychosocial", "dinsos-kalsel", 30, (R.ACCEPTED, R.IN_PROGRESS),
                 "Pendampingan psikososial setelah pemulangan."),
    DemoReferral("rahmadi", "63.03", "safe_house", "dinsos-kalsel", 20, (R.ACCEPTED,),
                 "Korban anak perlu rumah aman selama proses penyidikan."),
    # Within their time limits, or done.
    DemoReferral("siti", "63", "health", "dinkes-kalsel", 2, (),
                 "Pemeriksaan kesehatan awal korban yang baru dipulangkan."),
    DemoReferral("siti", "63.03", "law_enforcement", "polres-banjar", 6, (R.ACCEPTED,),
                 "Penyelidikan perekrut yang memberangkatkan korban secara nonprosedural."),
    DemoReferral("siti", "63", "repatriation", "dinsos-kalsel", 40, (R.ACCEPTED, R.IN_PROGRESS,
                 R.COMPLETED), "Pemulangan ke daerah asal setelah tiba di Banjarmasin."),
    DemoReferral("rahmadi", "63.03", "psychosocial", "dinsos-kalsel", 12, (R.DECLINED,),
                 "Konseling untuk korban dan keluarga."),
    DemoReferral("siti", "63", "economic_empowerment", "disnakertrans-kalsel", 5, (),
                 "Pelatihan kerja bagi penyintas untuk reintegrasi."),
]  # fmt: skip
SERVICE_NOTE = "Layanan diberikan sesuai rencana."
DECLINE_NOTE = "Layanan ini diberikan oleh Dinas Sosial kabupaten; mohon rujuk ke sana."


def _victims_for(user: User, region: str, count: int) -> list[CaseParty]:
    parties = (
        CaseParty.objects.filter(
            role__in=VICTIM_ROLES,
            person__anonymised_at__isnull=True,
        )
        .exclude(case__status__in=[CaseStatus.CLOSED, CaseStatus.NOT_INDICATED])
        .filter(within_region("case__region", region))
        .select_related("case", "person")
        .order_by("-case__reported_on", "pk")
    )  # fmt: skip
    if user.role == "agency_officer":
        parties = parties.filter(case__lead_agency_id=user.agency_id)
    if user.role != "secretariat":  # only the secretariat may refer without consent
        parties = parties.filter(person__consent_share=True)
    return list(parties[:count])


def _date_back(referral: Referral, days: int) -> None:
    """Move the referral, its history and its due date `days` into the past."""
    shift = timedelta(days=days)
    Referral.objects.filter(pk=referral.pk).update(
        created_at=referral.created_at - shift, due_on=referral.due_on - shift
    )
    for event in ReferralEvent.objects.filter(referral=referral).order_by("pk"):
        ReferralEvent.objects.filter(pk=event.pk).update(at=event.at - shift)
        shift = max(shift - timedelta(days=2), timedelta(0))


@transaction.atomic
def create_demo_referrals() -> dict[str, Any]:
    """The demo referrals; nothing when any referral exists (a second run adds nothing)."""
    if Referral.objects.exists():
        return {"demo_referrals_created": 0}
    users = {u.username: u for u in User.objects.filter(username__in=["siti", "rahmadi"])}
    receivers = {
        u.agency_id: u for u in User.objects.filter(last_name="(demo)", role="agency_officer")
    }
    taken: set[int] = set()
    created = 0
    for demo in DEMO_REFERRALS:
        sender = users.get(demo.sender)
        if sender is None:
            continue
        candidates = [p for p in _victims_for(sender, demo.region, 40) if p.pk not in taken]
        if not candidates:
            continue
        party = candidates[0]
        taken.add(party.pk)
        to = Agency.objects.get(slug=demo.to)
        override = (
            ""
            if party.person.consent_share
            else "Korban dalam keadaan darurat dan perlu segera dilayani."
        )
        referral = services.referral_send(
            actor=sender, party=party, service_type=ServiceType.objects.get(slug=demo.service),
            to_agency=to, reason=f"{demo.reason} {SYNTHETIC_MARK}",
            consent_override_reason=override and f"{override} {SYNTHETIC_MARK}",
        )  # fmt: skip
        receiver = receivers[to.pk] if demo.moves else sender  # moves only where a demo user is
        for move in demo.moves:
            if move == R.IN_PROGRESS:
                services.service_record_add(
                    actor=receiver, referral=referral,
                    delivered_on=timezone.localdate() - timedelta(days=demo.days_ago // 2),
                    description=f"{SERVICE_NOTE} {SYNTHETIC_MARK}",
                )  # fmt: skip
            else:
                reason = f"{DECLINE_NOTE} {SYNTHETIC_MARK}" if move == R.DECLINED else ""
                services.referral_move(receiver, referral, move, reason=reason)
        _date_back(referral, demo.days_ago)
        created += 1
    return {"demo_referrals_created": created}
