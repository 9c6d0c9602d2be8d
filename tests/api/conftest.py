"""An API client that authenticates with a token, as an integrating system would."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sigap.api.services import token_create


class Api:
    """Calls the API with `Authorization: Bearer <key>` (no session, no cookie)."""

    def __init__(self, client: Any, key: str | None, **headers: str) -> None:
        self.client = client
        self.headers = dict(headers)
        if key is not None:
            self.headers["Authorization"] = f"Bearer {key}"

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(f"/api{path}", params, headers=self.headers)

    def post(self, path: str, body: Any = None, **params: Any) -> Any:
        query = "&".join(f"{k}={v}" for k, v in params.items())
        return self.client.post(
            f"/api{path}" + (f"?{query}" if query else ""),
            json.dumps(body if body is not None else {}),
            content_type="application/json",
            headers=self.headers,
        )

    def put(self, path: str, body: Any = None) -> Any:
        return self.client.put(
            f"/api{path}",
            json.dumps(body if body is not None else {}),
            content_type="application/json",
            headers=self.headers,
        )

    def patch(self, path: str, body: Any = None) -> Any:
        return self.client.patch(
            f"/api{path}",
            json.dumps(body if body is not None else {}),
            content_type="application/json",
            headers=self.headers,
        )


def api_for(client: Any, user: Any, **headers: str) -> Api:
    _token, key = token_create(actor=user, name="uji")
    return Api(client, key, **headers)


@pytest.fixture
def api_as(client):
    """api_as(user) -> an Api client holding a fresh token of that user."""

    def make(user: Any, **headers: str) -> Api:
        return api_for(client, user, **headers)

    return make
