"""Shared by the parser tests."""

from __future__ import annotations


def rendered(error: Exception) -> str:
    """The message as an officer would read it, checked to have all its placeholders filled."""
    text = str(error)
    assert text
    assert "%(" not in text
    return text
