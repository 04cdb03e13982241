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
:func:`kind_of` names the kind of a collection of numbers, and :func:`to_scaled_int` turns
rationals into integers over their common denominator (integer sums are about 50 times faster
than ``Fraction`` sums). This module imports nothing from the package but the exceptions.
"""

from __future__ import annotations

import math
import numbers
import sys
from collections.abc import Callable, Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np

from .exceptions import InvalidGameError

__all__ = [
    "FLOAT",
    "EXACT",
    "SYMBOLIC",
    "INVALID",
    "kind_of",
    "coerce_values",
    "constant",
    "to_float_array",
    "to_exact_array",
    "to_scaled_int",
    "distinct_objects",
    "map_distinct",
    "int_if_integral",
    "round_trip_text",
    "is_zero",
    "simplify_symbolic",
    "as_number",
    "import_sympy",
    "is_sympy",
    "read_only",
    "INT64_SUMS",
    "int_dtype",
    "array_dtype",
]

FLOAT = "float"
EXACT = "exact"
SYMBOLIC = "symbolic"
#: What :func:`kind_of` answers for a collection with an item that is not a number.
INVALID = "invalid"

#: Integers below this bound, and sums of a few of them, stay exact in int64 (the headroom the
#: integer paths keep before they switch to Python ints).
INT64_SUMS = 1 << 62


def int_dtype(bound: int) -> Any:
    """``numpy.int64`` when every integer to be held (and sums of a few) stays below ``bound``
    and ``bound`` is below :data:`INT64_SUMS`, else ``object`` (Python integers, exact at any
    size): the one home of the choice every integer path makes.

    >>> int_dtype(2**40), int_dtype(2**62)
    (<class 'numpy.int64'>, <class 'object'>)
    """
    return np.int64 if bound < INT64_SUMS else object


def array_dtype(kind: str) -> Any:
    """The dtype of an array of values of number ``kind``: ``numpy.float64`` for
    :data:`FLOAT`, ``object`` for exact and symbolic values (kept as the objects they are).

    >>> array_dtype(FLOAT), array_dtype(EXACT)
    (<class 'numpy.float64'>, <class 'object'>)
    """
    return np.float64 if kind == FLOAT else object


def import_sympy():
    """The sympy module, imported on first use (importing sympy costs about 0.3 s)."""
    import sympy

    return sympy


def is_sympy(value: Any) -> bool:
    """Whether ``value`` is a sympy object, without importing sympy when it is not loaded.

    Instances of undefined functions (``Function("f")(x)``) have no module, hence the
    ``isinstance`` test once sympy is loaded.

    Examples
    --------
    >>> from fractions import Fraction
    >>> is_sympy(Fraction(1, 2)), is_sympy(import_sympy().Rational(1, 2))
    (False, True)
    """
    if (type(value).__module__ or "").startswith("sympy"):
        return True
    sympy = sys.modules.get("sympy")
    return sympy is not None and isinstance(value, sympy.Basic)


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
    if is_sympy(value):
        return Fraction(int(value.p), int(value.q))
    raise InvalidGameError(f"{where} must be a number, got {value!r}.")


def _classify(value: Any) -> str:
    """Kind of one scalar, or raise InvalidGameError naming what is wrong."""
    if isinstance(value, (bool, np.bool_, numbers.Integral, Fraction, Decimal)):
        return EXACT
    if isinstance(value, (float, np.floating)):
        return FLOAT
    if is_sympy(value):
        if getattr(value, "free_symbols", None):
            return SYMBOLIC
        if getattr(value, "is_Rational", False):
            return EXACT
        if getattr(value, "is_number", False):
            # sqrt(2), pi, ...: exact but irrational, kept symbolic.
            return SYMBOLIC
    return INVALID


def kind_of(values: Iterable[Any]) -> str:
    """The number kind of a collection of scalars.

    ``"symbolic"`` when some value is a sympy expression with symbols or an irrational sympy
    number, else ``"float"`` when some value is a float, else ``"exact"`` (ints, bools,
    Fractions, Decimals, sympy rationals; also for no values at all). :data:`INVALID` when some
    value is not a number at all (a string, None, a list, ...): the caller raises its own
    error, naming the value.

    Parameters
    ----------
    values : iterable
        Scalars (a numpy array is read element by element).

    Returns
    -------
    str
        :data:`FLOAT`, :data:`EXACT`, :data:`SYMBOLIC` or :data:`INVALID`.

    Examples
    --------
    >>> from fractions import Fraction
    >>> kind_of([1, Fraction(1, 2)]), kind_of([1, 0.5]), kind_of([1, "2"])
    ('exact', 'float', 'invalid')
    >>> kind_of([import_sympy().Symbol("x"), 0.5])
    'symbolic'
    """
    kinds = {_classify(value) for value in values}
    for kind in (INVALID, SYMBOLIC, FLOAT):
        if kind in kinds:
            return kind
    return EXACT


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
        if values.dtype.kind in "iub":  # one Fraction per distinct value, shared (immutable)
            distinct, where = np.unique(values, return_inverse=True)
            fractions = np.array([Fraction(int(v)) for v in distinct.tolist()], dtype=object)
            return fractions[where.reshape(-1)], EXACT
        raise InvalidGameError(f"{what} must be numbers, got an array of dtype {values.dtype}.")
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise InvalidGameError(
            f"{what} must be a sequence of numbers, got {type(values).__name__}."
        )
    items = list(values)
    kinds = set()
    for position, item in enumerate(items):
        kind = _classify(item)
        if kind == INVALID:
            raise InvalidGameError(
                f"{what}[{position}] = {item!r} is not a number (use int, float, Fraction or a "
                "sympy expression)."
            )
        kinds.add(kind)
    if SYMBOLIC in kinds:
        sympy = import_sympy()
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
        if isinstance(value, (float, np.floating)):
            return Fraction(repr(float(value)))  # the decimal the float prints as: 0.1 -> 1/10
        return _exact_scalar(value, "value")
    if _classify(value) == INVALID:  # a string is never parsed: sympify would evaluate it
        raise InvalidGameError(
            f"{value!r} is not a number (use int, float, Fraction or a sympy expression)."
        )
    return import_sympy().sympify(value)


def constant(value: Fraction | int, kind: str) -> Any:
    """A rational constant in the number type of ``kind`` (float, Fraction or sympy Rational)."""
    if kind == FLOAT:
        return float(value)
    value = Fraction(value)
    if kind == EXACT:
        return value
    return import_sympy().Rational(value.numerator, value.denominator)


def int_if_integral(value: Any) -> Any:
    """``value`` as an int when it is a whole Fraction, else ``value`` unchanged (for display
    and for results that read best as integers).

    Examples
    --------
    >>> int_if_integral(Fraction(4, 2)), int_if_integral(Fraction(1, 2)), int_if_integral(0.5)
    (2, Fraction(1, 2), 0.5)
    """
    if isinstance(value, Fraction) and value.denominator == 1:
        return value.numerator
    return value


def round_trip_text(value: Any) -> str:
    """A number as text that reads back exactly: a float by ``repr`` (the shortest string
    that round-trips), an int or Fraction by ``str`` (``"1/3"``).

    Examples
    --------
    >>> from fractions import Fraction
    >>> round_trip_text(0.1), round_trip_text(Fraction(1, 3)), round_trip_text(2)
    ('0.1', '1/3', '2')
    """
    return repr(float(value)) if isinstance(value, float) else str(value)


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


def read_only(values: Any, kind: str | None = None) -> np.ndarray:
    """The values as a read-only array (the one home of ``setflags(write=False)``).

    With a number ``kind`` the array is built fresh: float64 for :data:`FLOAT` (any shape),
    else a one-dimensional object array whose entries are the values themselves (Fractions,
    integers and sympy expressions are kept, never converted). Without ``kind`` an ndarray
    is frozen in place and returned as it is (no copy, so a view stays a view); any other
    input goes through :func:`numpy.asarray`.

    Parameters
    ----------
    values : array_like
        The entries.
    kind : {"float", "exact", "symbolic"}, optional
        The number kind the array holds; ``None`` keeps the dtype (and the object) given.

    Returns
    -------
    numpy.ndarray
        The array, with ``flags.writeable`` False.

    Examples
    --------
    >>> from fractions import Fraction
    >>> x = read_only([Fraction(1, 2), 1], EXACT)
    >>> x.dtype, x.tolist(), x.flags.writeable
    (dtype('O'), [Fraction(1, 2), 1], False)
    >>> read_only([Fraction(1, 2), 1], FLOAT).tolist()
    [0.5, 1.0]
    >>> table = np.zeros(2)
    >>> read_only(table) is table, table.flags.writeable
    (True, False)
    """
    if kind is None:
        array = values if isinstance(values, np.ndarray) else np.asarray(values)
    elif kind == FLOAT:
        array = np.array(values, dtype=np.float64)
    else:
        array = np.empty(len(values), dtype=object)
        array[:] = list(values)
    array.setflags(write=False)
    return array


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
    return import_sympy().simplify(value) == 0


def simplify_symbolic(values: Iterable[Any]) -> list[Any]:
    """Expand and collect symbolic results so that equal expressions print alike."""
    sympy = import_sympy()
    return [
        sympy.nsimplify(sympy.expand(v), rational=True)
        if not getattr(v, "free_symbols", None)
        else sympy.expand(v)
        for v in values
    ]


def distinct_objects(values: Any) -> tuple[np.ndarray, np.ndarray]:
    """The distinct objects of an array, by identity, and each entry's index among them.

    Exact tables are often filled with a few shared objects (an n x n inclusion matrix set to
    one Fraction), so work done once per distinct object and spread back by ``take`` replaces
    n**2 Fraction operations. Equal but separate objects stay separate: that costs speed,
    never correctness.

    Returns
    -------
    objects : numpy.ndarray
        One-dimensional object array of the distinct objects.
    codes : numpy.ndarray
        Integer array in the shape of ``values`` with ``objects[codes] == values``.

    Examples
    --------
    >>> from fractions import Fraction
    >>> half = Fraction(1, 2)
    >>> objects, codes = distinct_objects([[half, half], [half, 0]])
    >>> sorted(objects.tolist()), objects[codes].tolist()
    ([0, Fraction(1, 2)], [[Fraction(1, 2), Fraction(1, 2)], [Fraction(1, 2), 0]])
    """
    array = np.asarray(values, dtype=object)
    flat = array.reshape(-1)
    ids = np.fromiter(map(id, flat), dtype=np.int64, count=flat.size)
    _, first, codes = np.unique(ids, return_index=True, return_inverse=True)
    return flat[first], codes.reshape(array.shape)


def map_distinct(function: Callable[[Any], Any], values: Any, dtype: Any = object) -> np.ndarray:
    """``function`` applied to every entry of ``values``, called once per distinct object
    (:func:`distinct_objects`); the result has ``values``' shape and the given ``dtype``.

    Examples
    --------
    >>> from fractions import Fraction
    >>> map_distinct(float, [Fraction(1, 4)] * 3, dtype=float).tolist()
    [0.25, 0.25, 0.25]
    """
    objects, codes = distinct_objects(values)
    done = np.empty(len(objects), dtype=dtype)
    done[:] = (
        [function(v) for v in objects.tolist()]
        if dtype is object
        else list(map(function, objects.tolist()))
    )
    return done[codes]


def to_scaled_int(
    values: Any, *, int64_max: int | None = None, dtype: Any = None
) -> tuple[np.ndarray, int]:
    r"""Integers over the common denominator: ``(k, d)`` with ``values == k / d``.

    .. math:: d = \operatorname{lcm}_j \operatorname{den}(v_j), \qquad k_j = v_j d.

    Parameters
    ----------
    values : array_like of rationals
        ints, Fractions, numpy integers or sympy rationals (anything ``Fraction()`` takes
        exactly, such as a Decimal), in any shape.
    int64_max : int, optional
        The integers come back as int64 when every ``|k_j|`` is below this bound. The default,
        ``2**62 // (len + 1)``, makes every sum of a subset of them fit in int64 too.
    dtype : {None, object}, optional
        ``object`` always gives Python integers (an object array), e.g. for products of the
        integers that int64 could overflow.

    Returns
    -------
    ints : numpy.ndarray
        The integers ``k``, in the shape of ``values``: int64 when safe (see ``int64_max``),
        else an object array of Python ints (any size).
    scale : int
        The least common denominator ``d`` (1 for integers and for no values).

    Examples
    --------
    >>> from fractions import Fraction
    >>> ints, scale = to_scaled_int([Fraction(1, 2), Fraction(2, 3), 4])
    >>> ints.tolist(), scale, ints.dtype
    ([3, 4, 24], 6, dtype('int64'))
    >>> to_scaled_int([2**70, 1])[0].dtype
    dtype('O')
    """
    shape = np.shape(values)
    if isinstance(values, np.ndarray) and values.dtype == object:
        objects, codes = distinct_objects(values)  # each shared object converted once
    else:  # numbers in a list or a numeric array: every entry is its own object
        objects = np.asarray(values, dtype=object).reshape(-1)
        codes = np.arange(objects.size)
    items = [
        v if isinstance(v, Fraction) else _exact_scalar(v, "value") if is_sympy(v) else Fraction(v)
        for v in objects.tolist()
    ]
    scale = math.lcm(*{f.denominator for f in items}) if items else 1
    ints = [f.numerator * (scale // f.denominator) for f in items]
    if dtype is None:
        bound = INT64_SUMS // (codes.size + 1) if int64_max is None else int64_max
        if max(map(abs, ints), default=0) < bound:
            return np.array(ints, dtype=np.int64)[codes].reshape(shape), scale
    out = np.empty(len(ints), dtype=object)
    out[:] = ints
    return out[codes].reshape(shape), scale
