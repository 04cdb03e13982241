"""Shared helpers for the core-family tests: reference answers and game generators."""

from __future__ import annotations

import csv
from fractions import Fraction
from pathlib import Path

import numpy as np

import coalitions as co

_CANDIDATES = [Path(__file__).resolve().parents[1] / "data" / "reference_cases.csv",
               Path(__file__).resolve().parents[3] / "shared" / "data" / "reference_cases.csv",
               Path("/work/shared/data/reference_cases.csv")]


def reference(case_id: str) -> dict:
    for path in _CANDIDATES:
        if path.exists():
            with path.open(newline="", encoding="utf-8") as handle:
                for row in csv.DictReader(handle):
                    if row["id"] == case_id:
                        return row
    raise LookupError(f"reference case {case_id} not found in {_CANDIDATES}")


def vector(text: str) -> list[Fraction]:
    """'(1;0;0)' -> [1, 0, 0] as Fractions."""
    return [Fraction(part.strip()) for part in text.strip().strip("()").split(";")]


def zero_normalised_game(n: int, rng, high: int = 100) -> co.TUGame:
    """Random integer game with v({i}) = 0 (the imputation set is never empty)."""
    values = rng.integers(0, high + 1, size=1 << n).astype(np.int64)
    values[0] = 0
    for i in range(n):
        values[1 << i] = 0
    return co.TUGame(values)


def convex_game(n: int, rng, high: int = 5) -> co.TUGame:
    """Sum of unanimity games with non-negative dividends: a convex game."""
    table = rng.integers(0, high + 1, size=1 << n).astype(np.int64)
    table[0] = 0
    for i in range(n):  # zeta transform: v(S) = sum of dividends of subsets of S
        view = table.reshape(-1, 2, 1 << i)
        view[:, 1, :] += view[:, 0, :]
    return co.TUGame(table)


def random_rational_game(n: int, rng) -> co.TUGame:
    """Random rational game from a mix of families, many with ties."""
    family = rng.integers(0, 4)
    if family == 0:
        return zero_normalised_game(n, rng, high=int(rng.choice([1, 2, 10, 100])))
    if family == 1:
        return convex_game(n, rng)
    if family == 2:
        values = rng.integers(-3, 4, size=1 << n).astype(np.int64)
        values[0] = 0
        return co.TUGame(values)
    claims = [int(c) for c in rng.integers(0, 20, size=n)]
    estate = int(rng.integers(0, sum(claims) + 1))
    return co.bankruptcy_game(estate, claims)
