"""Paging of list pages: one page size and one way to keep the filters in the page links."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

PAGE_SIZE = 50


def paginate(request: HttpRequest, items: Any, per_page: int = PAGE_SIZE) -> tuple[Page, str]:
    """The requested page of `items`, and the query string of the other GET parameters (the
    filters) for `includes/pagination.html` to carry into its links."""
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()


@dataclass(frozen=True)
class Matches:
    """The first matches of a search, without counting them all: a search by a common name
    may match thousands, and the user narrows it rather than paging through."""

    rows: list[Any]
    more: bool

    def __iter__(self) -> Iterator[Any]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def first_matches(items: Any, limit: int = PAGE_SIZE) -> Matches:
    rows = list(items[: limit + 1])
    return Matches(rows[:limit], len(rows) > limit)
