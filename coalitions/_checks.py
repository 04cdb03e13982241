"""Checks of plain arguments (tolerances, counts, lists of names) shared by the front doors.

Each check returns the argument in a normal form or raises a :class:`CoalitionsError`
subclass whose message names the argument, what it got and what it needs, so that a bad
keyword never surfaces as a ``TypeError`` from a comparison deep inside a solver. Imports no
subpackage.
"""

from __future__ import annotations

import functools
import math
from numbers import Integral, Real
from typing import Any, Callable

import numpy as np

from .exceptions import CoalitionsError, InvalidArgumentError, InvalidGameError

__all__ = ["check_tolerance", "check_integer", "as_list", "name_list", "finite_floats",
           "as_label"]


def check_tolerance(atol: Any, function: str) -> float:
    """``atol`` as a float: a finite, non-negative real number."""
    if isinstance(atol, bool) or not isinstance(atol, Real) or not math.isfinite(atol) \
            or atol < 0:
        raise InvalidArgumentError(
            f"{function}: atol must be a finite number >= 0 (default 1e-9), got {atol!r}.")
    return float(atol)


def check_integer(value: Any, name: str, function: str, *, low: int | None = None,
                  high: int | None = None) -> int:
    """``value`` as an int within ``[low, high]`` (bools and floats are refused)."""
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise InvalidArgumentError(
            f"{function}: {name} must be an integer, got {value!r} "
            f"({type(value).__name__}).")
    value = int(value)
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = (f"between {low} and {high}" if low is not None and high is not None else
                  f"at least {low}" if low is not None else f"at most {high}")
        raise InvalidArgumentError(f"{function}: {name} must be {bounds}, got {value}.")
    return value


def as_list(value: Any, what: str, error: type[CoalitionsError] = InvalidArgumentError,
            *, expected: str = "a list") -> list:
    """The items of a list-like argument; strings, bytes, mappings and None are refused (a
    string is iterable, but never meant as a list of its characters)."""
    if isinstance(value, (str, bytes, dict)) or value is None:
        raise error(f"{what} must be {expected}, got {value!r}.")
    try:
        return list(value)
    except TypeError:
        raise error(f"{what} must be {expected}, got {value!r} "
                    f"({type(value).__name__}).") from None


def name_list(value: Any, what: str, error: type[CoalitionsError] = InvalidArgumentError
              ) -> list:
    """Player names given as one name (a string) or an iterable of hashable names."""
    if isinstance(value, str):
        return [value]
    names = as_list(value, what, error, expected="a list of player names")
    for name in names:
        try:
            hash(name)
        except TypeError:
            raise error(f"{what} must list player names, got {name!r} inside it.") from None
    return names


def finite_floats(function: Callable) -> Callable:
    """Decorator for float computations on worths that may overflow (1e300 and up).

    numpy's overflow warnings are silenced inside ``function`` and its answer is checked
    instead: a float vector (``result.x``, an array or a list) with an infinite or NaN entry
    raises :class:`InvalidGameError` naming the cure, rather than returning a silently wrong
    allocation. Games built inside are checked by :class:`~coalitions.TUGame` itself.
    """
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with np.errstate(over="ignore", invalid="ignore"):
            result = function(*args, **kwargs)
        vector = getattr(result, "x", result)
        if isinstance(vector, (list, tuple, np.ndarray)):
            floats = [v for v in vector if isinstance(v, (float, np.floating))]
            if floats and not np.isfinite(floats).all():
                raise InvalidGameError(
                    f"{function.__name__}: float arithmetic overflowed on worths this large "
                    "(the answer is not finite); give the game exact values (int or Fraction) "
                    "or rescale it with scaled_game(game, factor).")
        return result
    return wrapper


def as_label(value: Any, what: str, function: str) -> str:
    """A concept or method name in its one spelling: lowercase words joined by hyphens.

    ``"Shapley_Shubik"``, ``"shapley shubik"`` and ``"shapley-shubik"`` all become
    ``"shapley-shubik"``, the spelling results carry in ``concept`` and ``method``.
    """
    if not isinstance(value, str):
        raise InvalidArgumentError(
            f"{function}: {what} must be a name (a string), got {value!r}.")
    return "-".join(value.strip().lower().replace("_", " ").replace("-", " ").split())
