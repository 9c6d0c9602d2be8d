"""Letters and minutes as PDF: a Django template rendered in Bahasa Indonesia by WeasyPrint.

The document fetches nothing: its style is inline and every outside address is refused, so
text that officers typed cannot make the server reach the network or read its files.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation

PDF_LANGUAGE = "id"  # official letters are in Bahasa Indonesia whatever the interface language


def render_pdf(template: str, context: dict[str, Any]) -> bytes:
    # Imported here: WeasyPrint takes most of a second to load, which every web and test
    # process would otherwise pay at start-up.
    from weasyprint import HTML  # type: ignore[import-untyped]
    from weasyprint.urls import URLFetcher  # type: ignore[import-untyped]

    with translation.override(PDF_LANGUAGE):
        html = render_to_string(template, context)
    fetcher = URLFetcher(allowed_protocols=("data",))
    return HTML(string=html, base_url=None, url_fetcher=fetcher).write_pdf()


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    """A PDF download (NoStoreMiddleware keeps it out of caches: it may name victims)."""
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
