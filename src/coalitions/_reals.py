"""Real-number inputs of the models: finite float arrays and policy points.

Part of the private core (it imports no subpackage): the bargaining, spatial and linkage
models of :mod:`coalitions.games` validate their numbers here, and the solvers of
:mod:`coalitions.bargaining` check the points and bounds they are given the same way.
"""

from __future__ import annotations

import numbers
from decimal import Decimal

import numpy as np

from . import _numbers as nb
from .exceptions import InvalidProblemError

__all__ = ["is_real", "real_array", "policy_point", "LARGEST_COORDINATE"]


def is_real(value) -> bool:
    """Whether ``value`` is a real number (not a bool, a string or another object)."""
    if isinstance(value, (bool, np.bool_)):
        return False
    if isinstance(value, (numbers.Real, Decimal)):
        return True
    return (
        nb.is_sympy(value)
        and bool(getattr(value, "is_number", False))
        and getattr(value, "is_real", False) is True
    )


def real_array(values, what: str, *, ndim: int | None = None) -> np.ndarray:
    """A finite float64 array of ``values``, refusing strings, bools, NaN, inf and ragged
    nesting with an error that names ``what``."""
    if isinstance(values, np.ndarray) and values.dtype.kind in "iuf":
        array = values.astype(np.float64)
    else:
        if isinstance(values, (str, bytes)) or values is None:
            raise InvalidProblemError(f"{what} must be a number or numbers, got {values!r}.")
        try:
            cells = np.array(values, dtype=object)
        except (TypeError, ValueError):
            raise InvalidProblemError(
                f"{what} must be a (rectangular) array of numbers, got {values!r}."
            ) from None
        for cell in cells.ravel():
            if not is_real(cell):
                raise InvalidProblemError(
                    f"{what} must hold numbers only; {cell!r} is not a number"
                    + (" (rows must all have the same length)." if isinstance(cell, list) else ".")
                )
        try:
            array = np.array([float(v) for v in cells.ravel()], dtype=np.float64).reshape(
                cells.shape
            )
        except OverflowError:
            raise InvalidProblemError(f"{what} holds a number too large for a float.") from None
    if ndim is not None and array.ndim != ndim:
        raise InvalidProblemError(
            f"{what} must be {'a list of numbers' if ndim == 1 else f'{ndim}-dimensional'}, "
            f"got shape {array.shape}."
        )
    if not np.isfinite(array).all():
        raise InvalidProblemError(f"{what} contains NaN or infinite entries; use finite numbers.")
    return array


LARGEST_COORDINATE = 1e100
"""Ideal points and the status quo are at most this large, weights within its inverse and
itself: weighted squared distances then stay finite in float64."""


def policy_point(value, what: str, dimension: int | None = None) -> np.ndarray:
    """A number or a pair as a float vector (refusing strings, bools, NaN and huge values)."""
    point = np.atleast_1d(real_array(value, what))
    if (
        point.ndim != 1
        or point.size not in (1, 2)
        or (dimension is not None and point.size != dimension)
    ):
        want = (
            "a number or a pair"
            if dimension is None
            else (
                "a number (one dimension, as the ideal points)"
                if dimension == 1
                else "a pair (x, y) (two dimensions, as the ideal points)"
            )
        )
        raise InvalidProblemError(f"{what} must be {want}, got {value!r}.")
    if (np.abs(point) > LARGEST_COORDINATE).any():
        raise InvalidProblemError(
            f"{what} = {value!r} is larger than {LARGEST_COORDINATE:g}; rescale the policy space."
        )
    return point
