"""The game the LP concepts actually solve: zero-normalised worths, scaled, with the map back.

Every LP concept of the core family (core, least core, nucleolus, prenucleolus, per-capita
nucleolus, core vertices) is covariant under strategic equivalence: adding an additive game
``a(S) = sum_{i in S} a_i`` shifts the answer by ``a`` and multiplying by ``lambda > 0`` scales
it. So the LPs never see the game itself but its *normal form*

* worths ``v``: ``v0(S) = v(S) - sum_{i in S} v({i})``, payoffs ``x = a + x0``;
* costs ``c``: ``v0(S) = sum_{i in S} c({i}) - c(S)`` (the savings game), cost shares
  ``y = a - x0``;

with ``a_i`` the game's own singleton number. In both cases the excess is unchanged:
``v0(S) - x0(S)`` equals ``v(S) - x(S)`` for worths and ``y(S) - c(S)`` for costs. The float
table handed to HiGHS is ``v0`` divided by a power of two at least ``max |v0|`` (exact in
binary), so that the LP sees numbers of order one whatever the offset of the game: with
``v(S) = b(S) + 10**9 |S|`` the LP sees ``b``'s zero normalisation, not ``4 * 10**9``.

Rational games (and float games whose worths are integers below 2**52) keep ``v0`` exactly as
integers over a common denominator; answers are rebuilt and verified in that exact arithmetic.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._bits import mask_bits, popcounts, split_on, subset_sums
from .._checks import check_numeric
from ..games.tu import TUGame

__all__ = ["NormalForm", "normal_form", "pow2", "exact_float", "INT64_SAFE", "ExcessWeights"]

_ZERO = Fraction(0)

#: Integers below this are summed in int64 without overflow in the excess passes.
INT64_SAFE = 1 << 61
_INTEGRAL_FLOAT = 2.0**52


@dataclass(frozen=True)
class ExcessWeights:
    """Positive weights ``w(S)`` of a weighted nucleolus: the excess of ``S`` is divided by
    ``w(S)``. ``floats`` is the table of ``2**n`` floats (the LP's), ``exact(mask)`` the exact
    weight (a Fraction) for the exact checks."""

    floats: np.ndarray
    exact: Callable[[int], Fraction]


def _additive_subtract(table: np.ndarray, singles: Sequence[Any], n: int) -> None:
    """In place: ``table[S] -= sum_{i in S} singles[i]`` (n vectorised passes, no copy; none
    for a player whose singleton number is 0)."""
    for i in range(n):
        if not singles[i]:
            continue
        _, with_i = split_on(table, i)
        with_i -= singles[i]


def _exponent_at_least(value: float) -> int:
    """The least k with 2**k >= value for a positive finite float (0 otherwise)."""
    if not value > 0 or not math.isfinite(value):
        return 0
    return math.frexp(value)[1]


def exact_float(value: Any) -> float:
    """``float(value)``, the same bits, without the generic ``numbers.Rational`` conversion
    for a Fraction (the result paths convert a few per call)."""
    if type(value) is Fraction:
        return value.numerator / value.denominator
    return float(value)


def pow2(k: int) -> Fraction:
    """``2**k`` as an exact Fraction (k may be negative)."""
    return Fraction(1 << k) if k >= 0 else Fraction(1, 1 << -k)


#: The common denominators :meth:`NormalForm.rational_point` tries, the small ones first.
_DENOMINATORS = (np.arange(1, 61, dtype=np.float64), np.arange(61, 5041, dtype=np.float64))

#: Largest power of two by which the LP units magnify the worths of a float game.
_MAX_MAGNIFICATION = 900


class NormalForm:
    """The zero-normalised worths game ``v0`` of a TU game (see the module docstring).

    Attributes
    ----------
    game : TUGame
        The original game.
    n : int
    sign : int
        +1 for worths, -1 for a cost game.
    exact : bool
        True when ``v0`` is known exactly: ``v0 = ints / den``.
    ints : numpy.ndarray or None
        Integer numerators (int64, or object for huge values) of ``v0``.
    den : int
        Common denominator of ``v0`` (1 for float games).
    floats : numpy.ndarray
        ``v0 / 2**lp_exponent`` in float64 ("LP units"), read-only; every entry is at most 1
        in absolute value.
    lp_exponent : int
        The power of two that ``floats`` are divided by (kept as an exponent: it may lie
        outside the float range for exact games).
    singles : list
        ``a_i``, the game's own singleton numbers (Fractions when exact, floats otherwise).
    """

    def __init__(self, game: TUGame, function: str):
        check_numeric(game, function, "solves linear programs")
        self.game = game
        self.players = game.players
        self.n = n = game.n_players
        self.sign = -1 if game.is_cost else 1
        self.out_kind = game.kind
        values = game.values
        full = (1 << n) - 1
        largest = 0.0
        if game.kind == nb.FLOAT:
            largest = float(np.abs(values).max(initial=0.0))
        integral = (
            game.kind == nb.FLOAT
            and largest < _INTEGRAL_FLOAT
            and bool((values == values.round()).all())
        )
        self.exact = game.kind == nb.EXACT or integral
        if self.exact:
            ints: np.ndarray
            if integral:
                ints, den = values.astype(np.int64), 1
                top = int(largest)
            else:
                # int64 below 2**53, where the conversion to floats below is exact
                ints, den = nb.to_scaled_int(values, int64_max=INT64_SAFE >> 8)
                top = -1  # not known yet
            singles_int = [int(ints[1 << i]) for i in range(n)]
            if not any(singles_int) and self.sign > 0:
                work = ints  # zero-normalised already (a fresh array)
            else:
                if ints.dtype == object:
                    work = ints.copy()
                else:
                    if top < 0:
                        top = int(np.abs(ints).max(initial=0))
                    work = ints.astype(object) if top * (n + 1) >= INT64_SAFE else ints.copy()
                _additive_subtract(work, singles_int, n)
                if self.sign < 0:
                    work = -work
                top = -1
            if work.dtype == object:
                top = max((abs(int(v)) for v in work.tolist()), default=0)
                if top * (n + 1) < INT64_SAFE:
                    work = work.astype(np.int64)
            elif top < 0:
                top = int(np.abs(work).max(initial=0))
            self.ints: Any = work
            self.den = den
            #: Float rounding of the normal form, in LP units (none: it is exact).
            self.rounding = 0.0
            # v({i}): Fractions for an exact game, floats otherwise
            self.singles: list[Fraction | float] = [
                Fraction(s, den) if s else _ZERO for s in singles_int
            ]
            # 2**k >= top / den: top < 2**bits(top) and den >= 2**(bits(den) - 1)
            k = top.bit_length() - den.bit_length() + 1 if top else 0
            if work.dtype != object and den < (1 << 53):
                floats = work.astype(np.float64)
                if den != 1:
                    floats /= den
                floats = np.ldexp(floats, -k)
            else:
                unit = pow2(-k) / den
                floats = np.array([float(int(v) * unit) for v in work.tolist()])
        else:
            self.ints, self.den = None, 1
            self.singles = [float(values[1 << i]) for i in range(n)]
            # scale first by a power of two (exact) so that the normalisation cannot overflow
            k0 = _exponent_at_least(float(np.abs(values).max(initial=0.0)))
            k0 += (n + 1).bit_length()
            floats = np.ldexp(np.asarray(values, dtype=np.float64), -k0)
            _additive_subtract(floats, [math.ldexp(a, -k0) for a in self.singles], n)
            if self.sign < 0:
                np.negative(floats, out=floats)
            k1 = _exponent_at_least(float(np.abs(floats).max(initial=0.0))) if n else 0
            # the subtraction above rounds each worth by up to eps * max|v|; in LP units that
            # is large when the zero-normalised game is tiny beside the worths themselves, so
            # the LP units never magnify the worths beyond 2**900 (the rounding stays finite)
            mantissa, exponent = math.frexp(float(np.abs(values).max(initial=0.0)))
            k1 = max(k1, exponent - _MAX_MAGNIFICATION - k0)
            floats = np.ldexp(floats, -k1)
            k = k0 + k1
            # eps relative to the largest worth, and one subnormal step absolute
            raw = math.ldexp(mantissa, exponent - k)
            tiny = math.ldexp(1.0, -1074 - k)
            self.rounding = 4.0 * (n + 2) * (float(np.finfo(np.float64).eps) * raw + tiny)
        self.lp_exponent = k
        floats[0] = 0.0
        self.floats = nb.read_only(floats)
        self.full = full

    # ------------------------------------------------------------- exact values of v0
    def value(self, mask: int) -> Fraction:
        """Exact ``v0(S)`` (exact normal forms only)."""
        return Fraction(int(self.ints[mask]), self.den)

    @property
    def grand(self) -> Fraction:
        return self.value(self.full)

    # ------------------------------------------------------------- payoffs both ways
    def to_payoffs(self, x0: Sequence[Any]) -> np.ndarray:
        """Payoffs (or cost shares) of the original game from ``x0``, in its number kind."""
        if self.out_kind == nb.EXACT:
            return nb.read_only(
                [a + self.sign * Fraction(v) for a, v in zip(self.singles, x0)], nb.EXACT
            )
        floats = [exact_float(a) + self.sign * exact_float(v) for a, v in zip(self.singles, x0)]
        return nb.read_only(np.array(floats, dtype=np.float64) + 0.0)  # -0.0 -> 0.0

    def from_payoffs(self, x: Sequence[Any], *, exact: bool) -> list:
        """``x0 = sign * (x - a)``: Fractions when ``exact`` (and the form is exact), floats
        otherwise."""
        if exact and self.exact:
            return [self.sign * (Fraction(v) - a) for v, a in zip(x, self.singles)]
        return [self.sign * (float(v) - float(a)) for v, a in zip(x, self.singles)]

    # ------------------------------------------------------------- LP units
    def to_lp(self, value: Any) -> float:
        """A number in the game's units (exact or float) as a float in LP units."""
        if isinstance(value, (int, Fraction)) and not isinstance(value, bool):
            return float(Fraction(value) * pow2(-self.lp_exponent))
        try:
            return math.ldexp(float(value), -self.lp_exponent)
        except OverflowError:  # far beyond the game's scale (a game of tiny worths)
            return math.copysign(math.inf, value)

    def from_lp(self, value: float) -> Any:
        """A float in LP units back in the game's units: exact for exact forms."""
        if self.exact:
            return Fraction(float(value)) * pow2(self.lp_exponent)
        return math.ldexp(float(value), self.lp_exponent)

    def to_amount(self, e0: Any) -> Any:
        """An excess level (epsilon, a nucleolus level) in the original game's units and kind."""
        if self.out_kind == nb.EXACT:
            return Fraction(e0)
        return float(e0)

    # ------------------------------------------------------------- excesses
    def float_excesses(
        self,
        x0: Sequence[Any],
        per_capita: bool = False,
        weights: ExcessWeights | None = None,
    ) -> np.ndarray:
        """Excesses ``v0(S) - x0(S)`` of every mask in LP units (float), per capita or over
        ``weights``."""
        scaled = np.asarray([self.to_lp(v) for v in x0], dtype=np.float64)
        exc = self.floats - subset_sums(scaled, self.n)
        if per_capita:
            exc = exc / np.maximum(popcounts(self.n), 1)
        if weights is not None:
            exc = exc / weights.floats
        return exc

    def top_excesses(
        self,
        x0: Sequence[Any],
        *,
        per_capita: bool = False,
        exact: bool = True,
        count: int = 4096,
        fexc: np.ndarray | None = None,
        weights: ExcessWeights | None = None,
    ):
        """The coalitions with the largest excesses at ``x0``, with exact keys.

        Returns ``(masks, keys, complete_above, d)``: every proper coalition whose key is at
        least ``complete_above`` is among ``masks`` (None when all are). With ``exact`` the
        keys are Python integers equal to ``d`` times the excess (per capita: the excess over
        ``|S|``); otherwise they are the float excesses in LP units and ``d`` is 1. A
        float pass over the whole table picks the candidates, so exact arithmetic only touches
        a few thousand coalitions.
        """
        n = self.n
        full = self.full
        every = full - 1 <= 2 * count  # few coalitions: all of them, no float pass to choose
        try:
            x_scale = 0.0 if exact and every else max((abs(self.to_lp(v)) for v in x0), default=0.0)
            if fexc is None and not (exact and every):
                with np.errstate(over="raise", invalid="raise"):
                    fexc = self.float_excesses(x0, per_capita, weights)
        except (OverflowError, FloatingPointError):
            if not exact:
                raise
            fexc, x_scale = None, math.inf  # beyond floats: every coalition, exactly
        inner = fexc[1:full] if fexc is not None else None
        margin = 1e-7 * max(1.0, x_scale)
        if inner is None or every:
            masks = np.arange(1, full, dtype=np.int64)
            bound = None
        else:
            kth = np.partition(inner, inner.size - count)[inner.size - count]
            masks = np.flatnonzero(inner >= kth - 2 * margin).astype(np.int64) + 1
            bound = kth - margin
        if not exact:
            assert fexc is not None  # float excesses failing re-raised above when not exact
            return masks, fexc[masks], bound, 1
        # one denominator d for x0 and v0 = ints / den: the last integer is d / den
        scaled, _ = nb.to_scaled_int([*x0, Fraction(1, self.den)], dtype=object)
        *x_int, factor = scaled.tolist()
        d = factor * self.den
        ints = self.ints
        if ints.dtype != object:
            big_v = int(np.abs(ints).max(initial=0))
        else:
            big_v = max(abs(int(i)) for i in ints.tolist())
        if big_v * factor + sum(abs(v) for v in x_int) < INT64_SAFE and ints.dtype != object:
            if masks.size > (1 << n) >> 4:  # many candidates: one int64 pass over the table
                keys = (ints * factor - subset_sums(np.array(x_int, dtype=np.int64), n))[masks]
            else:
                keys = ints[masks] * factor - mask_bits(masks, n, np.int64) @ np.array(
                    x_int, dtype=np.int64
                )
            keys = keys.astype(object) if per_capita else keys
        else:
            v_int = np.array([int(i) * factor for i in ints[masks].tolist()], dtype=object)
            keys = v_int - mask_bits(masks, n, np.int64).astype(object) @ np.array(
                x_int, dtype=object
            )
        if per_capita:
            lcm = math.lcm(*range(1, n + 1))
            sizes = mask_bits(masks, n, np.int64).sum(axis=1)
            keys = keys * np.array([lcm // int(k) for k in sizes], dtype=object)
            d = d * lcm
        if weights is not None:  # exact keys: d times the excess over w(S)
            keys = np.array(
                [Fraction(int(k)) / weights.exact(int(m)) for k, m in zip(keys, masks)],
                dtype=object,
            )
        if bound is not None:
            # the float keys are excesses in LP units (per capita: over |S|); exactly:
            bound = Fraction(bound) * pow2(self.lp_exponent) * d
        return masks, keys, bound, d

    def rational_point(self, x_float: np.ndarray) -> list[Fraction] | None:
        """The efficient rational point of least common denominator (at most 5040) nearest
        a float point in LP units, in the units of ``ints`` (``x0 * den``); None when there
        is none. A guess, for callers that check it exactly."""
        scaled = np.ldexp(np.asarray(x_float, dtype=np.float64), self.lp_exponent) * self.den
        if not np.isfinite(scaled).all():
            return None
        big = max(1.0, float(np.abs(scaled).max()))
        for denominators in _DENOMINATORS:  # the common small ones first
            grid = scaled[None, :] * denominators[:, None]
            rounded = np.rint(grid)
            close = np.flatnonzero(np.abs(grid - rounded).max(axis=1) <= big * 2.0**-40)
            if close.size:
                break
        else:
            return None
        q = int(denominators[close[0]])
        if big * q >= _INTEGRAL_FLOAT:
            return None
        units = [Fraction(int(v), q) for v in rounded[close[0]].tolist()]
        if sum(units) != int(self.ints[self.full]):
            return None
        return units

    def integer_excesses(self, units: Sequence[Fraction], *also: Fraction):
        """``(keys, scale)``: ``keys[S] = scale * (ints[S] - units(S))`` over all ``2**n``
        masks, exactly (int64 when the numbers allow, Python integers otherwise), with
        ``scale`` the least common denominator of ``units`` and ``also``; ``units`` in the
        units of ``ints`` (``x0 * den``)."""
        scale = math.lcm(*(u.denominator for u in (*units, *also)))
        z = [int(u * scale) for u in units]
        ints = self.ints
        top = int(np.abs(ints).max(initial=0)) if ints.dtype != object else INT64_SAFE
        big = top * scale + sum(abs(v) for v in z) + sum(abs(int(a * scale)) for a in also)
        if big < INT64_SAFE:
            keys = ints * scale - subset_sums(np.array(z, dtype=np.int64), self.n)
        else:
            table = ints.astype(object) * scale
            keys = table - subset_sums(np.array(z, dtype=object), self.n)
        return keys, scale

    def exact_max_excess(self, x0: Sequence[Any]) -> Fraction:
        """The exact largest excess ``v0(S) - x0(S)`` over the proper coalitions."""
        _masks, keys, _bound, d = self.top_excesses(x0, count=64)
        top = max(keys.tolist()) if keys.dtype == object else int(keys.max())
        return Fraction(int(top), d)

    def float_max_excess(self, x0: Sequence[Any]) -> float:
        """The largest excess over the proper coalitions, in float and in the game's units."""
        exc = self.float_excesses(x0)
        return self.from_lp_float(float(exc[1 : self.full].max()))

    def from_lp_float(self, value: float) -> float:
        """A float in LP units back in the game's units, as a float."""
        return math.ldexp(float(value), self.lp_exponent)


def normal_form(game: TUGame, function: str) -> NormalForm:
    """The :class:`NormalForm` of ``game`` (symbolic games are refused, naming ``function``)."""
    return NormalForm(game, function)
