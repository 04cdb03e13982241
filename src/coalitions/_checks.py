"""Checks of plain arguments (tolerances, counts, choices such as ``method=``, seeds, lists of
names) shared by the front doors.

Each check returns the argument in a normal form or raises a :class:`CoalitionsError`
subclass whose message names the argument, what it got and what it needs, so that a bad
keyword never surfaces as a ``TypeError`` from a comparison deep inside a solver. Imports no
subpackage.
"""

from __future__ import annotations

import difflib
import functools
import inspect
import math
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from numbers import Integral, Real
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import numpy as np

from ._numbers import SYMBOLIC
from .exceptions import CoalitionsError, InvalidArgumentError, InvalidGameError, TooLargeError

__all__ = [
    "check_tolerance",
    "check_integer",
    "check_choice",
    "check_method",
    "unknown_choice",
    "seed_sequence",
    "check_instance",
    "check_numeric",
    "as_list",
    "name_list",
    "union_members",
    "named_values",
    "player_names",
    "check_callback",
    "as_path",
    "format_bytes",
    "finite_floats",
    "as_label",
    "front_door",
    "check_options",
    "MAX_PLAYERS",
]

F = TypeVar("F", bound=Callable[..., Any])

#: Most players any object may name: a body larger than this cannot be analysed by any method
#: here, and naming 10**300 players would hang before the first computation.
MAX_PLAYERS = 10**7


def check_tolerance(atol: Any, function: str) -> float:
    """``atol`` as a float: a finite, non-negative real number."""
    if isinstance(atol, bool) or not isinstance(atol, Real) or not math.isfinite(atol) or atol < 0:
        raise InvalidArgumentError(
            f"{function}: atol must be a finite number >= 0 (default 1e-9), got {atol!r}."
        )
    return float(atol)


def check_integer(
    value: Any, name: str, function: str, *, low: int | None = None, high: int | None = None
) -> int:
    """``value`` as an int within ``[low, high]`` (bools and floats are refused)."""
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise InvalidArgumentError(
            f"{function}: {name} must be an integer, got {value!r} ({type(value).__name__})."
        )
    value = int(value)
    if (low is not None and value < low) or (high is not None and value > high):
        bounds = (
            f"between {low} and {high}"
            if low is not None and high is not None
            else f"at least {low}"
            if low is not None
            else f"at most {high}"
        )
        raise InvalidArgumentError(f"{function}: {name} must be {bounds}, got {value}.")
    return value


def unknown_choice(
    value: Any,
    choices: Iterable[Any],
    *,
    what: str = "method",
    plural: str | None = None,
    function: str | None = None,
) -> NoReturn:
    """Raise the error for a ``value`` that is not one of ``choices``: it lists the valid
    choices and, for a near miss (a typo), says which one was probably meant.

    Parameters
    ----------
    value : object
        The argument as the caller gave it.
    choices : iterable
        The valid values, in the order the message lists them.
    what : str, default "method"
        What the argument is ("method", "rule", "format", ...).
    plural : str, optional
        The plural of ``what`` (default ``what + "s"``).
    function : str, optional
        The function that refuses it, prefixed to the message.

    Raises
    ------
    InvalidArgumentError
        Always (a ``ValueError``).

    Examples
    --------
    >>> unknown_choice("exat", ("auto", "exact"))
    Traceback (most recent call last):
    ...
    coalitions.exceptions.InvalidArgumentError: unknown method 'exat' (did you mean 'exact'?); valid methods are 'auto', 'exact'.
    """
    names = [str(choice) for choice in choices]
    close = difflib.get_close_matches(value, names, n=1) if isinstance(value, str) else []
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    prefix = f"{function}: " if function else ""
    raise InvalidArgumentError(
        f"{prefix}unknown {what} {value!r}{hint}; valid {plural or what + 's'} are "
        f"{', '.join(map(repr, names))}."
    )


def check_choice(
    value: Any,
    choices: Iterable[Any],
    *,
    what: str = "method",
    plural: str | None = None,
    function: str | None = None,
) -> str:
    """``value`` when it is one of ``choices`` (a string), else :func:`unknown_choice`.

    Non-string values (``None``, a list) are refused without being hashed, so a mapping of
    choices is safe to pass.

    Examples
    --------
    >>> check_choice("cea", ("cea", "cel"), what="rule")
    'cea'
    """
    choices = tuple(choices)
    if not isinstance(value, str) or value not in choices:
        unknown_choice(value, choices, what=what, plural=plural, function=function)
    return value


def check_method(method: Any, valid: Iterable[str], *, function: str | None = None) -> str:
    """``method`` when it is one of ``valid``, else an error that lists the valid methods.

    Examples
    --------
    >>> check_method("exact", ("auto", "exact"))
    'exact'
    >>> check_method("fast", ("auto", "exact"), function="shapley_value")
    Traceback (most recent call last):
    ...
    coalitions.exceptions.InvalidArgumentError: shapley_value: unknown method 'fast'; valid methods are 'auto', 'exact'.
    """
    return check_choice(method, valid, function=function)


def seed_sequence(rng: Any) -> np.random.SeedSequence:
    """One SeedSequence from ``rng``: None (fresh entropy), a non-negative integer seed, a
    SeedSequence (used as it is) or a Generator (four draws seed a new sequence).

    Raises
    ------
    InvalidArgumentError
        For a negative seed or anything else.

    Examples
    --------
    >>> seed_sequence(7).entropy
    7
    """
    if rng is None or isinstance(rng, (int, np.integer)) and not isinstance(rng, bool):
        if rng is not None and rng < 0:
            raise InvalidArgumentError(f"a seed must be a non-negative integer, got {rng}.")
        return np.random.SeedSequence(None if rng is None else int(rng))
    if isinstance(rng, np.random.SeedSequence):
        return rng
    if isinstance(rng, np.random.Generator):
        return np.random.SeedSequence(rng.integers(0, 2**63, size=4).tolist())
    raise InvalidArgumentError(
        f"rng must be None, an integer seed, a numpy SeedSequence or Generator, got "
        f"{type(rng).__name__}."
    )


def check_instance(
    value: Any,
    kind: type,
    function: str,
    *,
    hint: str = "",
    error: type[CoalitionsError] = InvalidGameError,
) -> Any:
    """``value`` when it is an instance of ``kind``, else ``error`` saying what ``function``
    needs, what it got and (``hint``) how to build the right thing.

    Examples
    --------
    >>> check_instance([1], dict, "f", hint="give a mapping")
    Traceback (most recent call last):
    ...
    coalitions.exceptions.InvalidGameError: f needs a dict, got list; give a mapping.
    """
    if not isinstance(value, kind):
        name = kind.__name__
        article = "an" if name[:1] in "AEIOU" else "a"
        raise error(
            f"{function} needs {article} {name}, got {type(value).__name__}"
            f"{'; ' + hint if hint else ''}."
        )
    return value


def check_numeric(game: Any, function: str, needs: str) -> Any:
    """``game`` unless it is a symbolic game (``game.kind == "symbolic"``), which is refused
    with an error that says why ``function`` needs numbers and how to get them.

    Parameters
    ----------
    game : object
        A game (a TUGame, or anything with a ``kind``).
    function : str
        The function that refuses it, named in the message.
    needs : str
        Why numbers are needed, e.g. ``"compares values"`` or ``"solves linear programs"``.

    Raises
    ------
    InvalidGameError
        For a symbolic game.

    Examples
    --------
    >>> import coalitions as co, sympy
    >>> check_numeric(co.TUGame([0, 0, 0, sympy.Symbol("a")]), "tau_value", "compares values")
    Traceback (most recent call last):
    ...
    coalitions.exceptions.InvalidGameError: tau_value compares values, which needs numeric values; substitute the symbols of this symbolic game first with game.subs({...}).
    """
    if getattr(game, "kind", None) == SYMBOLIC:
        raise InvalidGameError(
            f"{function} {needs}, which needs numeric values; substitute the symbols of this "
            "symbolic game first with game.subs({...})."
        )
    return game


def as_list(
    value: Any,
    what: str,
    error: type[CoalitionsError] = InvalidArgumentError,
    *,
    expected: str = "a list",
) -> list:
    """The items of a list-like argument; strings, bytes, mappings and None are refused (a
    string is iterable, but never meant as a list of its characters)."""
    if isinstance(value, (str, bytes, dict)) or value is None:
        raise error(f"{what} must be {expected}, got {value!r}.")
    try:
        return list(value)
    except TypeError:
        raise error(f"{what} must be {expected}, got {value!r} ({type(value).__name__}).") from None


def name_list(value: Any, what: str, error: type[CoalitionsError] = InvalidArgumentError) -> list:
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


def union_members(players: Sequence[Any], unions: Any) -> list[list[int]]:
    """The a priori unions (blocs) as lists of player indices: disjoint, non-empty, naming
    known players; players not listed form singleton unions after the listed ones.

    Raises :class:`InvalidGameError` saying what is wrong (a string or non-iterable, an
    unknown name, a player in two unions, an empty union)."""
    index = {p: i for i, p in enumerate(players)}
    seen: dict[Any, int] = {}
    out = []
    if isinstance(unions, (str, bytes)) or not isinstance(unions, Iterable):
        raise InvalidGameError(f"unions must be a list of lists of player names, got {unions!r}.")
    for k, union in enumerate(unions):
        union = name_list(union, f"union {k + 1}", InvalidGameError)
        members = []
        for name in union:
            if name not in index:
                raise InvalidGameError(
                    f"union {k + 1} names unknown player {name!r}; the "
                    f"players are {', '.join(map(repr, players))}."
                )
            if name in seen:
                raise InvalidGameError(
                    f"player {name!r} is in two unions ({seen[name] + 1} "
                    f"and {k + 1}); unions must be disjoint."
                )
            seen[name] = k
            members.append(index[name])
        if not members:
            raise InvalidGameError(f"union {k + 1} is empty.")
        out.append(members)
    for name in players:  # players left out form their own singleton unions
        if name not in seen:
            out.append([index[name]])
    return out


def named_values(values: Any, players: Any, what: str, function: str) -> tuple[Any, Any]:
    """``(players, values)`` of an argument given either as a mapping {player: value}, whose
    keys name the players (``players`` must then be None), or as a sequence with ``players``
    beside it (both returned as given)."""
    if not isinstance(values, Mapping):
        return players, values
    if players is not None:
        raise InvalidArgumentError(
            f"{function}: {what} is a mapping that names its own players; players= names the "
            "entries of a sequence, so do not pass it as well."
        )
    return list(values), list(values.values())


def player_names(
    players: Any,
    what: str,
    error: type[CoalitionsError] = InvalidGameError,
    *,
    n: int | None = None,
    minimum: int = 1,
    characters: bool = False,
    stringify: bool = False,
) -> tuple[str, ...]:
    """Distinct, non-empty player names, from a list of names or a count.

    ``players`` is an iterable of names, or a count ``k`` (the players are then named ``"1"``
    .. ``"k"``), or None when ``n`` is known (``n`` numbered players). A string is refused
    unless ``characters`` (then each character names one player, ``"ABC"``). Names must be
    strings unless ``stringify`` (then ``str(name)``). With ``n``, exactly ``n`` names are
    needed, and at least ``minimum``. ``error`` is raised, naming ``what``, for anything else
    (:class:`TooLargeError` for a count past :data:`MAX_PLAYERS`).
    """
    if players is None and n is not None:
        players = n
    least = "one player" if minimum == 1 else f"{minimum} players"
    if isinstance(players, Integral) and not isinstance(players, bool):
        count = int(players)
        if count < minimum:
            raise error(f"{what}: a game needs at least {least}, got {count}.")
        if n is not None and count != n:
            raise error(f"{what}: {count} players given for {n}; give {n} (or their names).")
        if count > MAX_PLAYERS:
            raise TooLargeError(
                f"{what}: a count of {len(str(count))} digits is more players "
                f"than any method here can analyse (at most {MAX_PLAYERS:,})."
            )
        return tuple(str(i + 1) for i in range(count))
    if isinstance(players, str) and characters:
        players = list(players)
    if isinstance(players, str):
        raise error(
            f"{what} must be a list of player names (or a count), got the string "
            f"{players!r}; write [{players!r}] for one player."
        )
    names = as_list(players, what, error, expected="a list of player names (or a count)")
    if stringify:
        names = [str(name) for name in names]
    for name in names:
        if not isinstance(name, str):
            raise error(
                f"{what}: player names must be strings, got {name!r} "
                f"({type(name).__name__}); use str(name)."
            )
        if not name.strip():
            raise error(f"{what}: player names must be non-empty strings, got {name!r}.")
    if len(set(names)) != len(names):
        seen: set[str] = set()
        repeated: list[str] = []
        for name in names:
            if name in seen:
                repeated.append(name)
            seen.add(name)
        raise error(
            f"{what}: duplicate player names: {', '.join(map(repr, repeated))}; "
            "give each player once."
        )
    if n is not None and len(names) != n:
        raise error(f"{what}: {len(names)} player names given for {n} players; give exactly {n}.")
    if len(names) < minimum:
        raise error(f"{what}: a game needs at least {least}, got {len(names)}.")
    return tuple(names)


def check_callback(callback: Any, function: str) -> Any:
    """``callback`` unchanged when it is None or callable."""
    if callback is not None and not callable(callback):
        raise InvalidArgumentError(
            f"{function}: callback must be a function (or None), got {callback!r} "
            f"({type(callback).__name__})."
        )
    return callback


def as_path(
    path: Any,
    function: str,
    error: type[CoalitionsError] = InvalidArgumentError,
    *,
    expected: str = "a file name (str or pathlib.Path)",
) -> Path:
    """``path`` as a :class:`~pathlib.Path`; anything but a non-empty str or path-like object
    is refused (``Path(None)`` would raise a ``TypeError``, ``Path("")`` means the folder)."""
    if isinstance(path, bytes) or not isinstance(path, (str, os.PathLike)) or not os.fspath(path):
        raise error(f"{function}: the path must be {expected}, got {path!r}.")
    return Path(path)


def format_bytes(size: float) -> str:
    """A memory size in binary units (``"1.5 GiB"``), for any size, even past float range."""
    for unit in ("B", "KiB", "MiB", "GiB", "TiB", "PiB"):
        if size < 1024:
            return f"{float(size):.1f} {unit}"
        size = size / 1024 if size < 2**1000 else size // 1024
    if isinstance(size, float):
        return f"{size:.3g} EiB"
    return f"more than 10**{len(str(int(size))) - 1} EiB"


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
            if floats and not all(np.isfinite(value) for value in floats):
                raise InvalidGameError(
                    f"{function.__name__}: float arithmetic overflowed on worths this large "
                    "(the answer is not finite); give the game exact values (int or Fraction) "
                    "or rescale it with scaled_game(game, factor)."
                )
        return result

    return wrapper


def no_overflow(function: Callable) -> Callable:
    """Decorator for checks that add float worths: where a sum overflows (worths near the
    largest double), raise :class:`InvalidGameError` naming the cure rather than answer from
    an infinity (the companion of :func:`finite_floats`, for answers that are not vectors)."""

    @functools.wraps(function)
    def checked(*args: Any, **kwargs: Any) -> Any:
        with np.errstate(over="raise", invalid="raise"):
            try:
                return function(*args, **kwargs)
            except FloatingPointError:
                raise InvalidGameError(
                    f"{function.__name__}: float arithmetic overflowed on worths this large; "
                    "give the game exact values (int or Fraction) or rescale it with "
                    "scaled_game(game, factor)."
                ) from None

    return checked


def as_label(value: Any, what: str, function: str) -> str:
    """A concept or method name in its one spelling: lowercase words joined by hyphens.

    ``"Shapley_Shubik"``, ``"shapley shubik"`` and ``"shapley-shubik"`` all become
    ``"shapley-shubik"``, the spelling results carry in ``concept`` and ``method``.
    """
    if not isinstance(value, str):
        raise InvalidArgumentError(f"{function}: {what} must be a name (a string), got {value!r}.")
    return "-".join(value.strip().lower().replace("_", " ").replace("-", " ").split())


def front_door(methods: Sequence[str], *, plural: str = "methods") -> Callable[[F], F]:
    """Decorator of a public front door that chooses its algorithm with ``method=``.

    It keeps two rules of the dispatch policy in one place:

    * ``method=`` (given by keyword) must be one of ``methods``, else
      :func:`check_choice` raises :class:`InvalidArgumentError` listing them as ``plural``
      (with a did-you-mean for a typo);
    * a keyword the function does not take (or a wrong number of positional arguments)
      raises :class:`InvalidArgumentError` naming the keywords it takes, never a bare
      ``TypeError``.

    The wrapper keeps the function's name, docstring and signature (``inspect.signature``
    follows ``__wrapped__``) and lists the choices as ``function.methods`` (the tuple
    ``methods``), so tests can walk every front door and every method. The arguments are
    bound only when the call fails, so a good call costs one extra Python frame.

    Examples
    --------
    >>> @front_door(("auto", "exact"))
    ... def solve(game, *, method="auto"):
    ...     return method
    >>> solve(None, method="exact"), solve.methods
    ('exact', ('auto', 'exact'))
    >>> solve(None, metod="exact")
    Traceback (most recent call last):
    ...
    coalitions.exceptions.InvalidArgumentError: solve: unexpected keyword argument 'metod' (did you mean 'method'?); solve takes game, method.
    """
    methods = tuple(methods)

    def decorate(function: F) -> F:
        name = function.__name__
        signature = inspect.signature(function)
        takes = [
            parameter.name
            for parameter in signature.parameters.values()
            if parameter.kind not in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD)
        ]

        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if "method" in kwargs:
                check_choice(kwargs["method"], methods, plural=plural, function=name)
            try:
                return function(*args, **kwargs)
            except TypeError:
                try:
                    signature.bind(*args, **kwargs)
                except TypeError as error:
                    raise InvalidArgumentError(
                        _binding_message(name, error, kwargs, takes)
                    ) from None
                raise

        wrapper.methods = methods  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate


def _binding_message(function: str, error: TypeError, kwargs: dict, takes: list[str]) -> str:
    unknown = [key for key in kwargs if key not in takes]
    if unknown:
        close = difflib.get_close_matches(unknown[0], takes, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        what = f"unexpected keyword argument {unknown[0]!r}{hint}"
    else:
        what = str(error).replace(f"{function}() ", "")
    return f"{function}: {what}; {function} takes {', '.join(takes)}."


def check_options(
    method: str,
    given: dict[str, Any],
    takes: dict[str, Iterable[str]],
    *,
    function: str,
    takers: str = "the methods",
) -> None:
    """Refuse options that ``method`` does not take.

    ``given`` maps each method-dependent option to its value (None when not given);
    ``takes`` maps a method to the options it takes (a method not listed takes none);
    ``takers`` names the methods that take them in the message.

    Raises
    ------
    InvalidArgumentError
        Naming the options given that ``method`` does not take and the ones it takes.

    Examples
    --------
    >>> check_options("exact", {"budget": 10}, {"permutation": ("budget",)},
    ...               function="shapley_value", takers="sampling methods")
    Traceback (most recent call last):
    ...
    coalitions.exceptions.InvalidArgumentError: shapley_value: method='exact' does not take budget; it takes no options (budget only apply to sampling methods: 'permutation').
    """
    accepted = tuple(takes.get(method, ()))
    refused = [key for key, value in given.items() if value is not None and key not in accepted]
    if refused:
        others = [name for name, options in takes.items() if set(refused) & set(options)]
        where = (
            f" ({', '.join(refused)} only apply to {takers}: {', '.join(map(repr, others))})"
            if others
            else ""
        )
        takes_text = ", ".join(accepted) if accepted else "no options"
        raise InvalidArgumentError(
            f"{function}: method={method!r} does not take {', '.join(refused)}; it takes "
            f"{takes_text}{where}."
        )
