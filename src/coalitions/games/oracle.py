"""Games given by a value oracle: a function evaluated lazily, one coalition or a batch."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

from .._bits import mask_bits
from .._checks import player_names
from .._display import html_block
from .._players import PlayerSet
from ..exceptions import InvalidGameError

__all__ = ["OracleGame", "EMPTY_COALITION_ATOL"]

#: Largest ``|v(empty)|`` an OracleGame accepts (floating-point noise of a zero).
EMPTY_COALITION_ATOL = 1e-9


class OracleGame(PlayerSet):
    """A TU game whose worth ``v(S)`` is computed on demand by a function.

    Use it when the 2**n table cannot be stored (n = 50 or 1000) or when each value is
    expensive (a simulation). Sampling estimators (``method="permutation"`` and friends on
    :func:`coalitions.shapley_value` and :func:`coalitions.banzhaf_value`) read it in batches.

    Parameters
    ----------
    function : callable
        With ``vectorized=False`` (default): ``function(frozenset_of_names) -> number``.
        With ``vectorized=True``: ``function(matrix) -> k numbers``, where ``matrix`` is a
        boolean array of shape ``(k, n)`` whose row ``r`` marks the members of coalition ``r``
        (column ``i`` is ``players[i]``).
    players : sequence of str, or int
        Player names, or a number n for the names ``"1"``, ..., ``"n"``.
    vectorized : bool, default False
        Whether ``function`` takes a batch of coalitions as a boolean matrix.
    cache : bool or int, default True
        ``True`` remembers every value computed (a dict); an integer keeps at most that many
        (least recently used first out); ``False`` recomputes every time. Caching costs a
        dictionary look-up per coalition: turn it off for cheap vectorised functions.

    Attributes
    ----------
    n_evaluations : int
        Number of coalitions for which ``function`` was actually called (cache hits excluded);
        counted in this process only (see Notes). ``reset_counter()`` sets it back to zero.

    Raises
    ------
    InvalidGameError
        When ``function`` is not callable, the players are invalid, ``v(empty)`` is not 0
        (within :data:`EMPTY_COALITION_ATOL`), or (when values are read) the function returns
        NaN, an infinite value, or the wrong number of values.

    Notes
    -----
    The game is never tabulated implicitly: exact solvers refuse it; call :meth:`tabulate`
    (2**n evaluations) to get a :class:`~coalitions.TUGame` when n is small. The constructor
    calls the function once on the empty coalition to check ``v(empty) = 0``; that call is
    not counted in :attr:`n_evaluations`. With a process-based executor the function runs
    in other processes: their evaluations and cache entries do not come back to this object.

    Examples
    --------
    >>> import numpy as np
    >>> import coalitions as co
    >>> weights = np.array([4.0, 3.0, 2.0, 1.0])
    >>> game = co.OracleGame(lambda m: (m @ weights >= 6).astype(float), ["a", "b", "c", "d"],
    ...                      vectorized=True)
    >>> game.value({"a", "c"}), game.value({"b", "d"})
    (1.0, 0.0)
    >>> game.evaluate(np.array([[1, 1, 0, 0], [0, 0, 1, 1]], dtype=bool)).tolist()
    [1.0, 0.0]
    >>> game.n_evaluations
    4
    """

    def __init__(
        self,
        function: Callable[..., Any],
        players: Iterable[str] | int,
        *,
        vectorized: bool = False,
        cache: bool | int = True,
    ) -> None:
        if not callable(function):
            raise InvalidGameError(
                f"OracleGame needs a callable value function, got {type(function).__name__}."
            )
        names = player_names(players, "OracleGame: players", InvalidGameError)
        if isinstance(cache, bool) or cache is None:
            limit = None if cache else 0
        elif isinstance(cache, (int, np.integer)) and cache >= 0:
            limit = int(cache)
        else:
            raise InvalidGameError(
                f"cache must be True, False or a non-negative size, got {cache!r}."
            )
        self._function = function
        self._players = names
        self._vectorized = bool(vectorized)
        self._limit = limit  # None: unbounded, 0: off, k: LRU of size k
        self._cache: OrderedDict[bytes, float] = OrderedDict()
        self._lock = threading.Lock()
        self._index = {name: i for i, name in enumerate(names)}
        self.n_evaluations = 0
        self._check_empty_coalition()

    def _check_empty_coalition(self) -> None:
        """Refuse ``v(empty) != 0`` now, not deep inside an estimator (one uncounted call)."""
        empty = np.zeros((1, self.n_players), dtype=bool)
        value = float(self._call(empty)[0])
        self.n_evaluations = 0
        if abs(value) > EMPTY_COALITION_ATOL:
            raise InvalidGameError(
                f"the value function gives v(empty coalition) = {value!r}; it must be 0. "
                "Subtract it from every value (e.g. lambda s: f(s) - f(frozenset()))."
            )
        if self._limit != 0:
            self._cache[bytes(np.packbits(empty, axis=1)[0])] = 0.0

    # ----------------------------------------------------------------- accessors
    @property
    def vectorized(self) -> bool:
        return self._vectorized

    @property
    def exact(self) -> bool:
        """Always False: oracle values are read as floats."""
        return False

    @property
    def kind(self) -> str:
        return "float"

    def reset_counter(self) -> None:
        """Set :attr:`n_evaluations` back to zero (the cache is kept)."""
        self.n_evaluations = 0

    def clear_cache(self) -> None:
        self._cache.clear()

    def _repr_html_(self) -> str:
        """HTML for Jupyter: the players and how the worths are computed (not evaluated)."""
        function = getattr(self._function, "__qualname__", type(self._function).__name__)
        summary = [
            ("players", self.n_players),
            ("function", function),
            ("vectorized", self._vectorized),
            ("n_evaluations", self.n_evaluations),
        ]
        players = ((p,) for p in self._players)
        return html_block("OracleGame", summary, [(["player"], players, self.n_players, "players")])

    def __repr__(self) -> str:
        return (
            f"OracleGame(n_players={self.n_players}, vectorized={self._vectorized}, "
            f"n_evaluations={self.n_evaluations})"
        )

    def __getstate__(self) -> dict:
        state = {
            k: getattr(self, k)
            for k in ("_function", "_players", "_vectorized", "_limit", "_index", "n_evaluations")
        }
        state["_cache"] = OrderedDict()
        return state

    def __setstate__(self, state: dict) -> None:
        for key, value in state.items():
            setattr(self, key, value)
        self._lock = threading.Lock()

    # ----------------------------------------------------------------- coalitions
    def row(self, coalition: Any) -> np.ndarray:
        """Boolean membership row of a coalition given by names, one name, or a bitmask."""
        n = self.n_players
        out = np.zeros(n, dtype=bool)
        if isinstance(coalition, (int, np.integer)) and not isinstance(coalition, bool):
            mask = int(coalition)
            if mask < 0 or mask >> n:
                raise InvalidGameError(f"coalition mask {mask} is out of range for {n} players.")
            bits = np.frombuffer(mask.to_bytes((n + 7) // 8 or 1, "little"), dtype=np.uint8)
            out[:] = np.unpackbits(bits, bitorder="little")[:n].astype(bool)
            return out
        names = [coalition] if isinstance(coalition, str) else list(coalition)
        for name in names:
            try:
                out[self._index[name]] = True
            except (KeyError, TypeError):
                raise InvalidGameError(
                    f"unknown player {name!r}; the game has {n} players "
                    f"({', '.join(map(repr, self._players[:5]))}{', ...' if n > 5 else ''})."
                ) from None
        return out

    def value(self, coalition: Any) -> float:
        """Worth ``v(S)`` of one coalition given by names, one name, or a bitmask."""
        return float(self.evaluate(self.row(coalition)[None, :])[0])

    def evaluate(self, coalitions: Any) -> np.ndarray:
        """Worths of a batch of coalitions.

        Parameters
        ----------
        coalitions : array_like of bool, shape (k, n)
            Row ``r`` marks the members of coalition ``r``.

        Returns
        -------
        numpy.ndarray of float64, shape (k,)
        """
        matrix = np.asarray(coalitions)
        if matrix.ndim != 2 or matrix.shape[1] != self.n_players:
            raise InvalidGameError(
                f"coalitions must be a boolean matrix of shape (k, {self.n_players}), got "
                f"shape {matrix.shape}."
            )
        if matrix.dtype != bool:
            matrix = matrix.astype(bool)
        if self._limit == 0:
            return self._call(matrix)
        return self._cached(matrix)

    def _cached(self, matrix: np.ndarray) -> np.ndarray:
        keys = [bytes(row) for row in np.packbits(matrix, axis=1)]
        out = np.empty(len(keys))
        missing: dict[bytes, list[int]] = {}
        with self._lock:
            for r, key in enumerate(keys):
                value = self._cache.get(key)
                if value is None:
                    missing.setdefault(key, []).append(r)
                else:
                    out[r] = value
                    if self._limit is not None:
                        self._cache.move_to_end(key)
        if missing:
            rows = [positions[0] for positions in missing.values()]
            values = self._call(matrix[rows])
            with self._lock:
                for (key, positions), value in zip(missing.items(), values):
                    out[positions] = value
                    self._cache[key] = float(value)
                if self._limit is not None:
                    while len(self._cache) > self._limit:
                        self._cache.popitem(last=False)
        return out

    def _call(self, matrix: np.ndarray) -> np.ndarray:
        k = matrix.shape[0]
        if self._vectorized:
            raw = self._function(matrix)
            try:
                values = np.asarray(raw, dtype=np.float64)
            except (TypeError, ValueError):
                raise InvalidGameError(
                    "the vectorised value function must return k numbers for a (k, n) matrix, "
                    f"got {type(raw).__name__}."
                ) from None
            if values.shape != (k,):
                values = values.reshape(-1) if values.size == k else values
                if values.shape != (k,):
                    raise InvalidGameError(
                        f"the vectorised value function returned shape {np.shape(raw)} for {k} "
                        f"coalitions; it must return one value per row, shape ({k},)."
                    )
        else:
            players = self._players
            values = np.empty(k)
            for r in range(k):
                members = frozenset(players[i] for i in np.flatnonzero(matrix[r]))
                try:
                    values[r] = self._function(members)
                except (TypeError, ValueError):
                    raise InvalidGameError(
                        f"the value function returned a non-number for {sorted(members)!r}."
                    ) from None
        with self._lock:
            self.n_evaluations += k
        if not np.all(np.isfinite(values)):
            bad = int(np.flatnonzero(~np.isfinite(values))[0])
            shown = [self._players[i] for i in np.flatnonzero(matrix[bad])][:10]
            raise InvalidGameError(
                f"the value function returned {values[bad]} for the coalition {shown!r}"
                f"{' ...' if matrix[bad].sum() > 10 else ''}; values must be finite numbers."
            )
        return values

    # ----------------------------------------------------------------- conversion
    def tabulate(self):
        """The :class:`~coalitions.TUGame` with all 2**n values (n <= 22 for plain functions).

        Examples
        --------
        >>> import coalitions as co
        >>> co.OracleGame(lambda s: len(s) ** 2, ["a", "b"]).tabulate().values.tolist()
        [0.0, 1.0, 1.0, 4.0]
        """
        from ..exceptions import TooLargeError
        from .tu import MAX_FUNCTION_PLAYERS, TUGame, check_table_size

        n = self.n_players
        limit = 26 if self._vectorized else MAX_FUNCTION_PLAYERS
        if n > limit:
            raise TooLargeError(
                f"tabulating an OracleGame of {n} players needs 2**{n} evaluations; the limit "
                f"is {limit} players. Use a sampling estimator (method='permutation') instead."
            )
        check_table_size(n, what="tabulating an OracleGame")
        values = np.empty(1 << n)
        step = 1 << 16
        for start in range(0, 1 << n, step):
            masks = np.arange(start, min(start + step, 1 << n), dtype=np.int64)
            values[start : start + len(masks)] = self.evaluate(mask_bits(masks, n, bool))
        return TUGame(values, self._players)
