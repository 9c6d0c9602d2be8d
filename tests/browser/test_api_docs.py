"""The API's interactive docs: Swagger UI served by SIGAP itself (no CDN), under the
Content-Security-Policy with no violation, and usable with a token."""

import re

from playwright.sync_api import expect

from sigap.api.services import token_create
from tests.conftest import make_persona


def test_the_docs_render_and_call_the_api_with_a_token(page, live_server, screenshot):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    _token, key = token_create(actor=make_persona("rahmadi"), name="dokumentasi")
    page.goto("/api/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("SIGAP API")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    expect(page.get_by_text("/api/persons/search", exact=True)).to_be_visible()
    screenshot(page, "api-docs")

    page.get_by_role("button", name=re.compile("Authorize")).first.click()
    page.locator(".modal-ux input").fill(key)
    page.locator(".modal-ux button.authorize").click()
    page.locator(".modal-ux button.btn-done").click()

    block = page.locator("#operations-account-me")
    block.locator(".opblock-summary").click()
    block.get_by_role("button", name="Try it out").click()
    block.get_by_role("button", name="Execute").click()
    live = block.locator(".live-responses-table .response")
    expect(live.locator(".response-col_status")).to_have_text("200")
    expect(live.locator(".highlight-code")).to_contain_text('"username": "rahmadi"')
    screenshot(page, "api-docs-try-it-out")
    outside = [url for url in requested if not url.startswith((live_server.url, "data:"))]
    assert not outside, f"requests to other hosts: {outside}"
