"""Combining provenances (private): a result is only as reliable as its weakest input."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from nanokit.model.enums import Provenance

__all__ = ["RANK", "WEAKEST", "weakest"]

RANK: Final[dict[Provenance, int]] = {
    Provenance.MEASURED: 0,
    Provenance.SELF_REPORTED: 1,
    Provenance.ESTIMATED: 2,
}
"""Reliability, strongest first: measured, self-reported, estimated (a guess)."""

WEAKEST: Final[tuple[Provenance, ...]] = tuple(sorted(RANK, key=RANK.__getitem__))
"""Provenances by rank: `WEAKEST[RANK[p]] is p`."""


def weakest(provenances: Iterable[Provenance]) -> Provenance:
    """The least reliable provenance of `provenances` (measured when there are none)."""
    rank = max((RANK[p] for p in provenances), default=0)
    return WEAKEST[rank]
