"""The boundary between float, exact (``Fraction``) and symbolic (sympy) numbers.

A game's values have one *kind*:

``"float"``
    a contiguous float64 array; algorithms work on whole arrays.
``"exact"``
    an object array of :class:`fractions.Fraction` (from ints, Fractions, Decimals or sympy
    rationals); results are exact.
``"symbolic"``
    an object array of sympy expressions (at least one value has free symbols); results are
    sympy expressions.

Formulas are written once and receive their constants through :func:`constant`.
"""

from __future__ import annotations

import math
import numbers
from decimal import Decimal
from fractions import Fraction
from typing import Any, Iterable

import numpy as np

from .exceptions import InvalidGameError

__all__ = ["FLOAT", "EXACT", "SYMBOLIC", "coerce_values", "constant", "to_float_array",
           "to_exact_array", "is_zero", "simplify_symbolic", "as_number"]

FLOAT = "float"
EXACT = "exact"
SYMBOLIC = "symbolic"


def _sympy():
    import sympy  # imported lazily: sympy costs ~0.3 s to import

    return sympy


def _is_sympy(value: Any) -> bool:
    module = type(value).__module__
    return module.startswith("sympy")


def _exact_scalar(value: Any, where: str) -> Fraction:
    if isinstance(value, Fraction):
        return value
    if isinstance(value, (bool, np.bool_)):
        return Fraction(int(value))
    if isinstance(value, numbers.Integral):
        return Fraction(int(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidGameError(f"{where} is {value}; values must be finite numbers.")
        return Fraction(value)
    if _is_sympy(value):
        return Fraction(int(value.p), int(value.q))
    raise InvalidGameError(f"{where} must be a number, got {value!r}.")


def _classify(value: Any) -> str:
    """Kind of one scalar, or raise InvalidGameError naming what is wrong."""
    if isinstance(value, (bool, np.bool_, numbers.Integral, Fraction, Decimal)):
        return EXACT
    if isinstance(value, (float, np.floating)):
        return FLOAT
    if _is_sympy(value):
        if getattr(value, "free_symbols", None):
            return SYMBOLIC
        if getattr(value, "is_Rational", False):
            return EXACT
        if getattr(value, "is_number", False):
            # sqrt(2), pi, ...: exact but irrational, kept symbolic.
            return SYMBOLIC
    return "invalid"


def coerce_values(values: Any, *, what: str = "values") -> tuple[np.ndarray, str]:
    """Return ``(array, kind)`` for a 1-D sequence of numbers.

    Float input gives a C-contiguous float64 array (no copy when it already is one); integer,
    Fraction, Decimal or sympy-rational input gives an object array of Fractions; input with
    sympy symbols gives an object array of sympy expressions.

    Raises
    ------
    InvalidGameError
        If the values are not one-dimensional, not numbers, NaN or infinite.
    """
    if isinstance(values, np.ndarray) and values.dtype != object:
        if values.ndim != 1:
            raise InvalidGameError(
                f"{what} must be one-dimensional, got an array of shape {values.shape}."
            )
        if values.dtype.kind == "f":
            array = np.ascontiguousarray(values, dtype=np.float64)
            _check_finite(array, what)
            return array, FLOAT
        if values.dtype.kind in "iub":
            return np.array([Fraction(int(v)) for v in values.tolist()], dtype=object), EXACT
        raise InvalidGameError(f"{what} must be numbers, got an array of dtype {values.dtype}.")
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidGameError(f"{what} must be a sequence of numbers, got {type(values).__name__}.")
    items = list(values)
    kinds = set()
    for position, item in enumerate(items):
        kind = _classify(item)
        if kind == "invalid":
            raise InvalidGameError(
                f"{what}[{position}] = {item!r} is not a number (use int, float, Fraction or a "
                "sympy expression)."
            )
        kinds.add(kind)
    if SYMBOLIC in kinds:
        sympy = _sympy()
        return np.array([sympy.sympify(v) for v in items] or [], dtype=object), SYMBOLIC
    if FLOAT in kinds:
        array = np.array([float(v) for v in items], dtype=np.float64)
        _check_finite(array, what)
        return array, FLOAT
    array = np.empty(len(items), dtype=object)
    for position, item in enumerate(items):
        array[position] = _exact_scalar(item, f"{what}[{position}]")
    return array, EXACT


def _check_finite(array: np.ndarray, what: str) -> None:
    if not np.isfinite(array).all():
        bad = np.flatnonzero(~np.isfinite(array))
        raise InvalidGameError(
            f"{what} contain {bad.size} NaN or infinite entr{'y' if bad.size == 1 else 'ies'} "
            f"(first at index {int(bad[0])}); every value must be a finite number."
        )


def as_number(value: Any, kind: str) -> Any:
    """Convert one scalar to the number type of ``kind``."""
    if kind == FLOAT:
        return float(value)
    if kind == EXACT:
        if isinstance(value, float):
            return Fraction(repr(value))
        return _exact_scalar(value, "value")
    if _classify(value) == "invalid":   # a string is never parsed: sympify would evaluate it
        raise InvalidGameError(
            f"{value!r} is not a number (use int, float, Fraction or a sympy expression).")
    return _sympy().sympify(value)


def constant(value: Fraction | int, kind: str) -> Any:
    """A rational constant in the number type of ``kind`` (float, Fraction or sympy Rational)."""
    if kind == FLOAT:
        return float(value)
    value = Fraction(value)
    if kind == EXACT:
        return value
    return _sympy().Rational(value.numerator, value.denominator)


def to_float_array(values: np.ndarray, kind: str) -> np.ndarray:
    """Float64 copy of values of any kind (symbolic values must have no free symbols)."""
    if kind == FLOAT:
        return values
    if kind == SYMBOLIC:
        free = set().union(*(getattr(v, "free_symbols", set()) for v in values))
        if free:
            names = ", ".join(sorted(str(s) for s in free))
            raise InvalidGameError(
                f"cannot convert a symbolic game to floats: symbols {names} have no value; "
                "substitute them first (game.subs({...}))."
            )
    return np.array([float(v) for v in values], dtype=np.float64)


def to_exact_array(values: np.ndarray, kind: str) -> np.ndarray:
    """Object array of Fractions. A float becomes the shortest decimal that round-trips
    (0.1 -> 1/10), which is what a user who typed the float meant."""
    if kind == EXACT:
        return values
    out = np.empty(len(values), dtype=object)
    for position, value in enumerate(values.tolist()):
        if kind == FLOAT:
            out[position] = Fraction(repr(float(value)))
        else:
            if not getattr(value, "is_Rational", False):
                raise InvalidGameError(
                    f"value {value} is not rational; only rational symbolic values convert "
                    "to exact."
                )
            out[position] = Fraction(int(value.p), int(value.q))
    return out


def is_zero(value: Any, kind: str, atol: float = 0.0) -> bool:
    """Whether a scalar is zero (within ``atol`` for floats, exactly otherwise)."""
    if kind == FLOAT:
        return abs(value) <= atol
    if kind == EXACT:
        return value == 0
    return _sympy().simplify(value) == 0


def simplify_symbolic(values: Iterable[Any]) -> list[Any]:
    """Expand and collect symbolic results so that equal expressions print alike."""
    sympy = _sympy()
    return [sympy.nsimplify(sympy.expand(v), rational=True) if not getattr(v, "free_symbols", None)
            else sympy.expand(v) for v in values]


def factorial(k: int) -> int:
    return math.factorial(k)
