"""User journey: an officer logs in, finds a region, switches language, logs out."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import log_in, with_authenticator
from tests.conftest import PASSWORD, make_persona


def test_an_officer_logs_in_sees_home_and_switches_language(page, screenshot):
    device = with_authenticator(make_persona("rahmadi"))
    page.goto("/")
    expect(page).to_have_url("/masuk/?next=/")
    screenshot(page, "01-masuk")

    log_in(page, "rahmadi", PASSWORD, device=device)
    expect(page.get_by_role("heading", level=1)).to_have_text("Selamat datang, Rahmadi")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    expect(page.get_by_text("Polres Banjar").first).to_be_visible()
    screenshot(page, "02-beranda")

    page.get_by_label("Bahasa").select_option("en")
    page.get_by_role("button", name="Ganti").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Rahmadi")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    screenshot(page, "03-home-english")

    page.get_by_label("Language").select_option("id")
    page.get_by_role("button", name="Change").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Selamat datang, Rahmadi")

    page.get_by_role("button", name="Keluar").click()
    expect(page).to_have_url("/masuk/")


def test_a_wrong_password_is_explained(page):
    make_persona("normila")
    log_in(page, "normila", "bukan-sandinya")
    expect(page.get_by_role("alert")).to_contain_text("Nama pengguna atau kata sandi salah")


def test_an_officer_finds_a_region_by_its_nickname_without_reloading(page, screenshot):
    device = with_authenticator(make_persona("siti"))
    log_in(page, "siti", PASSWORD, device=device)
    page.get_by_role("link", name="Cari wilayah").click()
    page.get_by_label("Nama atau kode").fill("Batola")
    page.get_by_role("button", name="Cari").click()
    expect(page.get_by_role("heading", level=2)).to_contain_text("Kabupaten Barito Kuala")
    expect(page).to_have_url(re.compile(r"q=Batola"))
    screenshot(page, "04-cari-wilayah")


def test_the_layout_works_on_a_phone(browser, live_server, kalsel_reference, screenshot):
    device = with_authenticator(make_persona("riduan"))
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, is_mobile=True
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    log_in(page, "riduan", PASSWORD, device=device)
    menu = page.get_by_role("button", name="Menu")
    agencies = page.get_by_role("link", name="Instansi", exact=True)
    expect(menu).to_be_visible()
    expect(agencies).to_be_hidden()  # the main menu folds away on a narrow screen
    menu.click()
    expect(agencies).to_be_visible()
    screenshot(page, "05-ponsel")
    context.close()
    assert not errors


def test_the_longest_menu_never_makes_a_page_scroll_sideways(page):
    """The secretariat's menu is the longest: it wraps rather than widening the page."""
    log_in(page, "siti", PASSWORD, device=with_authenticator(make_persona("siti")))
    for width in (1280, 1200, 360):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto("/")
        assert page.evaluate("document.documentElement.scrollWidth") <= width, width
