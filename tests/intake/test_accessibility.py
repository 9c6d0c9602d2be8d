"""Basic accessibility of the public pages: a language, one main landmark, a first-level
heading, and a label for every field (a screen reader names each one)."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.fields: list[str] = []
        self.labels: set[str] = set()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.tags.append((tag, values))
        if tag == "label" and values.get("for"):
            self.labels.add(values["for"])
        if tag in ("input", "select", "textarea") and values.get("type") not in (
            "hidden", "submit"
        ):  # fmt: skip
            self.fields.append(values.get("id", ""))


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [("intake:report", {}), ("intake:status", {}), ("intake:recruiter_check", {}),
     ("intake:info_page", {"slug": "tanda-tanda"})],
)  # fmt: skip
def test_every_field_has_a_label_and_the_page_a_language_landmark_and_heading(client, name, kwargs):
    page = Page()
    page.feed(client.get(reverse(name, kwargs=kwargs)).content.decode())
    tags = [tag for tag, _values in page.tags]
    assert dict(page.tags)["html"].get("lang") == "id"
    assert tags.count("main") == 1 and tags.count("h1") == 1
    unlabelled = [field for field in page.fields if not field or field not in page.labels]
    assert not unlabelled, unlabelled
