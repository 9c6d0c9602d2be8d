"""Reading the PDFs SIGAP makes, as their readers would: page count and text."""

from io import BytesIO

from pypdf import PdfReader


def pdf_text(content: bytes) -> str:
    reader = PdfReader(BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def pdf_response_text(response) -> str:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert content.startswith(b"%PDF-")
    return " ".join(pdf_text(content).split())
