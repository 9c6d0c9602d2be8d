"""Shared by the parser tests."""

from __future__ import annotations

from hypothesis import strategies as st

# Whatever a form or a spreadsheet reader may hand a parser: every parser must answer any of
# these with a value or a ParseError, never another exception.
any_cell = st.one_of(
    st.text(),
    st.integers(),
    st.floats(),
    st.decimals(),
    st.times(),
    st.none(),
    st.booleans(),
)


def rendered(error: Exception) -> str:
    """The message as an officer would read it, checked to have all its placeholders filled."""
    text = str(error)
    assert text
    assert "%(" not in text
    return text
