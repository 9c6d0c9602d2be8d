# ruff: noqa: E501 - page texts keep their lines whole, as the secretariat edits them
"""The first text of the public information pages, in both languages. The secretariat edits
them afterwards; loading again adds only the pages that are missing."""

from __future__ import annotations

from typing import Any

PAGES: list[dict[str, Any]] = [
    {
        "slug": "tanda-tanda",
        "title_id": "Tanda-tanda perdagangan orang",
        "title_en": "Signs of human trafficking",
        "body_id": """Perdagangan orang sering dimulai dengan tawaran kerja yang terlalu bagus. Waspadai bila:

- gaji yang dijanjikan jauh di atas biasanya, tanpa syarat keahlian;
- perekrut meminta Anda berangkat cepat dengan visa kunjungan, umrah, atau magang;
- Anda diminta membayar biaya besar atau berutang kepada sponsor;
- paspor, KTP, atau ponsel Anda ditahan orang lain;
- Anda tidak boleh keluar, tidak boleh menghubungi keluarga, atau diancam;
- pekerjaan berbeda dari yang dijanjikan, atau gaji tidak dibayar;
- anak-anak diajak bekerja atau dinikahkan untuk dibawa pergi.

Satu tanda saja sudah cukup untuk bertanya dan melapor.""",
        "body_en": """Trafficking often starts with a job offer that is too good. Be careful when:

- the promised wage is far above usual, with no skills required;
- the recruiter wants you to leave fast on a visit, umrah or internship visa;
- you must pay a large fee or take a debt with a sponsor;
- someone else keeps your passport, ID card or phone;
- you may not go out or contact your family, or you are threatened;
- the work is not what was promised, or wages are not paid;
- children are taken to work or married off to be taken away.

One sign is enough to ask and to report.""",
    },
    {
        "slug": "migrasi-aman",
        "title_id": "Langkah bekerja ke luar negeri dengan aman",
        "title_en": "Steps to work abroad safely",
        "body_id": """- Daftar melalui Dinas Tenaga Kerja kabupaten/kota atau perusahaan penempatan berizin (P3MI). Cek izinnya di halaman "Apakah perekrut ini berizin?".
- Minta perjanjian kerja tertulis: gaji, jam kerja, tempat kerja, dan majikan.
- Berangkat dengan visa kerja, bukan visa kunjungan atau umrah.
- Ikuti orientasi pra-pemberangkatan dan pastikan terdaftar dalam jaminan sosial.
- Simpan sendiri paspor dan salinan dokumen; tinggalkan salinan pada keluarga.
- Catat nomor perwakilan RI (KBRI/KJRI) di negara tujuan dan nomor layanan BP3MI.""",
        "body_en": """- Register through the regency/city manpower office or a licensed placement company (P3MI). Check its licence on the page "Is this recruiter licensed?".
- Ask for a written work contract: wage, hours, workplace and employer.
- Travel on a work visa, not a visit or umrah visa.
- Attend the pre-departure orientation and make sure you are enrolled in social security.
- Keep your passport and copies of documents yourself; leave copies with your family.
- Note the number of the Indonesian embassy or consulate in the destination and of BP3MI.""",
    },
    {
        "slug": "bantuan",
        "title_id": "Ke mana meminta bantuan",
        "title_en": "Where to get help",
        "body_id": """- Dalam bahaya sekarang: polisi 110.
- SAPA 129 (perempuan dan anak): telepon 129 atau WhatsApp 08111-129-129.
- Layanan pekerja migran BP3MI/BP2MI: hubungi kantor BP3MI Kalimantan Selatan.
- Dinas Sosial dan UPTD PPA di kabupaten/kota Anda.
- Di luar negeri: KBRI atau KJRI terdekat.

Anda juga dapat melapor lewat halaman Lapor di situs ini, tanpa menyebut nama.""",
        "body_en": """- In danger now: police 110.
- SAPA 129 (women and children): call 129 or WhatsApp 08111-129-129.
- Migrant worker services of BP3MI/BP2MI: contact the BP3MI office of South Kalimantan.
- The social affairs office and the UPTD PPA of your regency or city.
- Abroad: the nearest Indonesian embassy or consulate.

You can also report on the Report page of this site, without giving your name.""",
    },
]


def load_info_pages(model: Any = None) -> int:
    if model is None:
        from sigap.intake.models import InfoPage as model
    created = 0
    for order, page in enumerate(PAGES, start=1):
        _row, was_created = model.objects.get_or_create(
            slug=page["slug"], defaults={**page, "order": order}
        )
        created += was_created
    return created
