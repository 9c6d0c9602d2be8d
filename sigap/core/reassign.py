"""Handing over an officer's open work when they are rotated out (mutasi).

Each capability that assigns work to officers (cases, referrals, action items) registers a
reassigner here; `core.services.user_transfer_work` runs them all in one audited transaction.
"""

from __future__ import annotations

from collections.abc import Callable

from sigap.core.models import User

Reassigner = Callable[[User, User], int]
_REASSIGNERS: dict[str, Reassigner] = {}


def register(kind: str, reassign: Reassigner) -> None:
    """`reassign(from_user, to_user)` moves that kind of open work and returns how many."""
    _REASSIGNERS[kind] = reassign


def reassigners() -> dict[str, Reassigner]:
    return dict(_REASSIGNERS)
