"""Parameters of the strategic bargaining models: number kinds, player names and checked
numbers, shared by :mod:`.rubinstein` and :mod:`.baron_ferejohn`."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from .. import _numbers as nb
from ..exceptions import InvalidProblemError

__all__ = ["parameter_kind", "distinct_names", "check_positive", "convert"]


def parameter_kind(values: Sequence[Any], what: str = "parameters") -> str:
    """The number kind of the parameters; refuses non-numbers (bools and strings included)
    and NaN or infinite floats, naming ``what``."""
    kinds = set()
    for value in values:
        kind = nb.INVALID if isinstance(value, (bool, np.bool_)) else nb.kind_of([value])
        if kind == nb.INVALID:
            raise InvalidProblemError(
                f"{what}: {value!r} is not a number (use int, float, Fraction or a sympy "
                "expression)."
            )
        if kind == nb.FLOAT and not math.isfinite(float(value)):
            raise InvalidProblemError(f"{what}: {value!r} is not a finite number.")
        kinds.add(kind)
    if nb.SYMBOLIC in kinds:
        return nb.SYMBOLIC
    if nb.FLOAT in kinds:
        return nb.FLOAT
    return nb.EXACT


def distinct_names(players, count: int | None = None) -> tuple:
    """Distinct non-empty player names (``count`` of them when given)."""
    if isinstance(players, (str, bytes)) or not isinstance(players, Iterable):
        raise InvalidProblemError(f"players must be a list of names, got {players!r}.")
    names = tuple(str(p) for p in players)
    if not names or len(set(names)) != len(names):
        raise InvalidProblemError(
            f"player names must be distinct and non-empty, got {list(names)}."
        )
    if count is not None and len(names) != count:
        raise InvalidProblemError(f"give {count} player names, got {len(names)}.")
    return names


def check_positive(value, what: str, kind: str) -> None:
    """Refuse a non-positive (numeric) value."""
    if kind != nb.SYMBOLIC and not float(value) > 0:
        raise InvalidProblemError(f"{what} must be positive, got {value}.")


def convert(values: Sequence[Any], kind: str) -> list:
    """Each value as a number of ``kind``."""
    return [nb.as_number(v, kind) for v in values]
