"""The default risk questionnaire (version 1 of `risk`), built from DOMAIN.md's indicators:
deceptive and coercive recruitment signs, debts to a sponsor, documents held by others, an
unlicensed recruiter, non-procedural departure plans, previous exploitation, a child, and the
vulnerabilities that recruiters abuse. The secretariat publishes later versions in SIGAP.

Each question: (key, Indonesian, English, options); each option: (key, Indonesian, English,
weight). Scores from MEDIUM_FROM are medium risk, from HIGH_FROM high.

This is version 1, as databases hold it: never change it here (old follow-ups are read with
it); a changed questionnaire is a new version, published in SIGAP.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

SLUG = "risk"
TITLE = ("Skrining risiko TPPO", "Trafficking risk screening")
MEDIUM_FROM, HIGH_FROM = 4, 8

YES_NO_UNKNOWN = (("no", "Tidak", "No", 0), ("unknown", "Tidak tahu", "Don't know", 1))

Spec = tuple[str, str, str, tuple[tuple[str, str, str, int], ...]]


def _yes(weight: int) -> tuple[tuple[str, str, str, int], ...]:
    return (("yes", "Ya", "Yes", weight), *YES_NO_UNKNOWN)


QUESTIONS: tuple[Spec, ...] = (
    ("deceptive_offer",
     "Ada tawaran kerja (di luar negeri atau di kota lain) yang terlalu bagus: gaji tinggi, tanpa "
     "biaya, tanpa syarat keahlian?",
     "Is there a job offer (abroad or in another town) that is too good: high pay, no costs, no "
     "skills asked?", _yes(3)),
    ("unlicensed_recruiter",
     "Perekrut atau perusahaannya tidak berizin (tidak ada di daftar P3MI) atau tidak jelas?",
     "Is the recruiter or company unlicensed (not in the P3MI register) or unknown?", _yes(3)),
    ("non_procedural",
     "Berangkat atau berencana berangkat di luar prosedur resmi (visa kunjungan, umrah, magang, "
     "tanpa perjanjian penempatan)?",
     "Did or will the person leave outside the legal procedure (visit visa, umrah, internship, "
     "no placement agreement)?", _yes(3)),
    ("debt",
     "Punya utang kepada sponsor, perekrut atau agen (termasuk biaya yang dipotong dari gaji)?",
     "Does the person owe money to a sponsor, recruiter or agent (including fees taken from "
     "wages)?", _yes(3)),
    ("documents_held",
     "KTP, paspor atau dokumen lain dipegang orang lain?",
     "Are the person's ID card, passport or other documents held by someone else?", _yes(4)),
    ("previous_exploitation",
     "Pernah dieksploitasi: gaji tidak dibayar, kekerasan, dikurung, ancaman, dideportasi?",
     "Was the person exploited before: wages unpaid, violence, confinement, threats, "
     "deportation?", _yes(3)),
    ("child",
     "Apakah orang ini anak (di bawah 18 tahun)?",
     "Is the person a child (under 18)?", (("yes", "Ya", "Yes", 3), ("no", "Tidak", "No", 0))),
    ("online_recruitment",
     "Dihubungi perekrut lewat media sosial atau aplikasi pesan (Facebook, WhatsApp, TikTok, "
     "Telegram)?",
     "Is the person contacted by recruiters through social media or chat apps (Facebook, "
     "WhatsApp, TikTok, Telegram)?", _yes(2)),
    ("economic_pressure",
     "Keluarga dalam tekanan ekonomi berat (tanpa penghasilan, terlilit utang, menanggung "
     "banyak orang)?",
     "Is the household under heavy economic pressure (no income, debts, many dependants)?",
     _yes(2)),
    ("support",
     "Punya dukungan keluarga atau masyarakat dan tahu ke mana meminta bantuan?",
     "Does the person have family or community support and know where to get help?",
     (("yes", "Ya", "Yes", 0), ("no", "Tidak", "No", 2),
      ("unknown", "Tidak tahu", "Don't know", 1))),
)  # fmt: skip


def build(
    models: tuple[Any, Any, Any],
    *,
    slug: str,
    version: int,
    title: tuple[str, str],
    medium_from: int,
    high_from: int,
    questions: Sequence[Spec],
    created_by: Any = None,
) -> Any:
    """Write one version with its questions and options (`models`: the Questionnaire,
    Question and Option classes, real or a migration's)."""
    questionnaire_model, question_model, option_model = models
    made = questionnaire_model.objects.create(
        slug=slug, version=version, title_id=title[0], title_en=title[1],
        medium_from=medium_from, high_from=high_from, created_by=created_by,
    )  # fmt: skip
    for order, (key, text_id, text_en, options) in enumerate(questions, start=1):
        question = question_model.objects.create(
            questionnaire=made, key=key, order=order, text_id=text_id, text_en=text_en
        )
        option_model.objects.bulk_create(
            option_model(question=question, key=o_key, order=o_order, label_id=o_id,
                         label_en=o_en, weight=weight)
            for o_order, (o_key, o_id, o_en, weight) in enumerate(options, start=1)
        )  # fmt: skip
    return made


def load_default(models: tuple[Any, Any, Any]) -> Any:
    return build(models, slug=SLUG, version=1, title=TITLE, medium_from=MEDIUM_FROM,
                 high_from=HIGH_FROM, questions=QUESTIONS)  # fmt: skip
