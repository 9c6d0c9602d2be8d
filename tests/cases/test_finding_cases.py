"""Finding cases: filters, sorting and search, all within the user's scope; a NIK or a name
searched for never appears in a URL."""

import re
from datetime import date

import pytest

from sigap.cases import services
from sigap.cases.models import PartyRole
from sigap.cases.selectors import CaseFilters, case_search, cases_for
from sigap.core.models import Agency, AuditEvent, Country, Region
from sigap.people.services import person_create
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db
NIK = "6303015203900001"  # synthetic


def register(actor, *, day, region="63.03", **fields):
    return services.case_create(
        actor=actor, reported_on=day, source="police", region_id=region, **fields
    )


@pytest.fixture
def cases(rahmadi, siti, riduan_user):
    saudi = register(
        rahmadi,
        day=date(2023, 5, 1),
        destination_country_id="SA",
        purposes=["forced_labour", "servitude"],
    )
    scam = register(
        rahmadi, day=date(2024, 8, 1), destination_country_id="KH", purposes=["forced_criminality"]
    )
    hsu = register(riduan_user, day=date(2024, 2, 1), region="63.08", purposes=["prostitution"])
    victim = person_create(
        actor=rahmadi,
        full_name="Muhammad Noor Rahmah",
        nik=NIK,
        region_id="63.03",
        birth_date=date(2008, 1, 1),
    )
    services.party_add(actor=rahmadi, case=scam, person=victim, role=PartyRole.VICTIM)
    return {"saudi": saudi, "scam": scam, "hsu": hsu}


@pytest.fixture
def riduan_user(db):
    from tests.conftest import make_persona

    return make_persona("riduan")


def refs(queryset):
    return [case.reference for case in queryset]


def test_filters_each_narrow_the_list(siti, cases):
    def only(**filters):
        return set(refs(cases_for(siti, CaseFilters(**filters))))

    saudi, scam, hsu = (cases[k].reference for k in ("saudi", "scam", "hsu"))
    assert only() == {saudi, scam, hsu}
    assert only(region=Region.objects.get(code="63.08")) == {hsu}
    assert only(since=date(2024, 1, 1)) == {scam, hsu}
    assert only(until=date(2023, 12, 31)) == {saudi}
    assert only(purpose="servitude") == {saudi}
    assert only(purpose="forced_labour") == {saudi}  # "forced_labour" is not "labour_for_profit"
    assert only(child=True) == {scam}  # born 2008: 16 at the report in 2024
    assert only(child=False) == {saudi, hsu}
    assert only(destination_country=Country.objects.get(code="KH")) == {scam}
    assert only(lead_agency=Agency.objects.get(slug="gt-hsu")) == {hsu}
    assert only(status="reported", purpose="forced_criminality") == {scam}


def test_sorting(siti, cases):
    newest = refs(cases_for(siti, CaseFilters(sort="-reported_on")))
    oldest = refs(cases_for(siti, CaseFilters(sort="reported_on")))
    assert newest == list(reversed(oldest))
    assert newest[0] == cases["scam"].reference
    by_reference = refs(cases_for(siti, CaseFilters(sort="reference")))
    assert by_reference == sorted(by_reference)


def test_scope_limits_lists_and_search(rahmadi, normila, cases):
    assert set(refs(cases_for(rahmadi))) == {cases["saudi"].reference, cases["scam"].reference}
    assert refs(cases_for(normila)) == []  # Dinsos leads none of them
    assert refs(case_search(normila, nik=NIK)) == []
    assert refs(case_search(rahmadi, reference=cases["hsu"].reference)) == []


def test_search_by_reference_nik_and_spelling_variants(siti, cases):
    scam = cases["scam"].reference
    assert refs(case_search(siti, reference=scam)) == [scam]
    assert refs(case_search(siti, reference=scam.split("/", 3)[3].lower())) != []
    year, number = scam.split("/")[2:]
    ending = refs(case_search(siti, reference=f"{year}/{int(number)}"))  # e.g. "2024/1"
    assert scam in ending  # with the same year and number of other regencies, if any
    assert all(ref.endswith(f"/{year}/{number}") for ref in ending)
    assert refs(case_search(siti, reference=f"tppo/63.03/{year}/{number}")) == [scam]
    assert refs(case_search(siti, nik="6303 0152 0390 0001")) == [scam]
    assert refs(case_search(siti, nik="6303015203900002")) == []
    assert refs(case_search(siti, name="M. Nur Rachmah")) == [scam]


def test_the_search_is_posted_and_stays_out_of_urls(client, siti, cases):
    sign_in(client, siti)
    listing = client.get("/kasus/").content.decode()
    search_form = re.search(r'<form method="(\w+)"[^>]*role="search"', listing)
    assert search_form and search_form.group(1) == "post"  # the browser sends it in the body
    response = client.post("/kasus/", {"nik": NIK})
    page = response.content.decode()
    assert cases["scam"].reference in page and cases["saudi"].reference not in page
    links = re.findall(r'(?:href|action)="([^"]*)"', page)
    assert links and not [link for link in links if NIK in link or "nik=" in link]
    assert NIK not in str(AuditEvent.objects.filter(action="search").values("details").first())
    empty = client.post("/kasus/", {}).content.decode()
    assert "Ketik nomor register, NIK, atau nama" in empty


def test_filter_page_with_a_bad_value_explains_and_shows_all(client, siti, cases):
    sign_in(client, siti)
    page = client.get("/kasus/", {"destination_country": "Atlantis"}).content.decode()
    assert "tidak dikenal" in page or "tidak ditemukan" in page
    assert cases["saudi"].reference in page
    filtered = client.get("/kasus/", {"destination_country": "Kamboja", "sort": "reference"})
    text = filtered.content.decode()
    assert cases["scam"].reference in text and cases["saudi"].reference not in text
