import pytest

from tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def test_a_region_is_found_by_its_nickname_with_its_hierarchy(client, rahmadi):
    sign_in(client, rahmadi)
    page = client.get("/wilayah/", {"q": "HSU", "within": "63"}).content.decode()
    assert "Kabupaten Hulu Sungai Utara" in page
    assert "63.08" in page
    assert "Kalimantan Selatan" in page  # the province in the breadcrumb
    assert "Amuntai Tengah" in page  # a district below it


def test_an_ambiguous_name_offers_the_candidates_instead_of_guessing(client, rahmadi):
    sign_in(client, rahmadi)
    page = client.get("/wilayah/", {"q": "Banjar", "within": ""}).content.decode()
    assert "63.03" in page
    assert "32.79" in page


def test_banjar_within_kalsel_is_kabupaten_banjar(client, rahmadi):
    sign_in(client, rahmadi)
    page = client.get("/wilayah/", {"q": "Banjar", "within": "63"}).content.decode()
    assert "Kabupaten Banjar" in page
    assert "Martapura" in page


def test_an_unknown_region_gets_a_clear_message(client, rahmadi):
    sign_in(client, rahmadi)
    page = client.get("/wilayah/", {"q": "Atlantis", "within": "63"}).content.decode()
    assert "Atlantis" in page
    assert "tidak ditemukan" in page


def test_htmx_requests_get_only_the_results(client, rahmadi):
    sign_in(client, rahmadi)
    response = client.get(
        "/wilayah/", {"q": "Tanbu", "within": "63"}, headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert "Kabupaten Tanah Bumbu" in page
    assert "<html" not in page


def test_an_empty_search_shows_the_form_with_the_home_province_selected(client, rahmadi):
    sign_in(client, rahmadi)
    page = client.get("/wilayah/").content.decode()
    assert '<option value="63" selected>' in page


def test_the_agency_directory_lists_the_seeded_agencies(client, normila):
    sign_in(client, normila)
    page = client.get("/instansi/").content.decode()
    assert "Balai Pelayanan Pelindungan Pekerja Migran Indonesia Kalimantan Selatan" in page
    assert "Polres Banjar" in page


@pytest.mark.parametrize("url", ["/wilayah/", "/instansi/"])
def test_reference_pages_need_a_login(client, url):
    assert client.get(url).status_code == 302


def test_an_empty_search_by_htmx_explains_what_is_missing(client, rahmadi):
    sign_in(client, rahmadi)
    response = client.get("/wilayah/", {"q": "", "within": "63"}, headers={"HX-Request": "true"})
    assert "Nama atau kode" in response.content.decode()
    assert "tidak boleh kosong" in response.content.decode()
