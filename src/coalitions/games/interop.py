"""Other tools' formats: the value vectors of R's CoopGame and MATLAB's MatTuGames, EPIC's weight
files, and Gambit's strategic-form (``.nfg``) files.

- **Value vectors.** A TU game of n players as the ``2**n - 1`` worths of the non-empty
  coalitions. CoopGame (and TUGLab by default) lists them in *lexicographic* order: by size,
  then lexicographically (``{1}, {2}, {3}, {1,2}, {1,3}, {2,3}, {1,2,3}``). MatTuGames (and
  TUGLab with ``binary=TRUE``) uses the *binary* order: coalition S at position
  ``sum of 2**(i-1) over i in S``, which is this library's table without its first entry.
- **EPIC** (Efficient Power Index Computation, Staudacher et al.) reads a weighted game's
  weights from a CSV file, one weight per line; with quota 0 on its command line the first line
  is the quota; a line with several comma-separated weights is one precoalition (a union).
- **Gambit** strategic games, ``.nfg``: the payoff version (a flat list of payoffs, the first
  player's strategy changing fastest) and the outcome version (numbered outcomes). Two-player
  games bridge to :func:`coalitions.bargaining_problem_from_game`.

Every reader is a tokenizer: numbers become ``int`` or :class:`~fractions.Fraction` (``1/2``,
``0.25``, ``1e-3`` exactly), labels stay strings, and nothing in a file is evaluated.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from .._bits import popcounts
from .._checks import as_list, as_path, check_choice
from .._numbers import EXACT, FLOAT, int_if_integral, round_trip_text
from ..exceptions import InvalidGameError
from .io import read_text
from .simple import WeightedVotingGame
from .tu import TUGame

__all__ = [
    "from_vector",
    "to_vector",
    "VECTOR_ORDERS",
    "read_vector",
    "write_vector",
    "read_epic_weights",
    "write_epic_weights",
    "StrategicForm",
    "read_nfg",
    "write_nfg",
]

#: The value-vector orders :func:`from_vector` and :func:`to_vector` know.
VECTOR_ORDERS = ("lexicographic", "binary")
#: Most players a value vector may describe (2**25 - 1 worths).
MAX_VECTOR_PLAYERS = 25
#: Largest file the readers accept (a guard against feeding them a disk image).
MAX_FILE_BYTES = 64 << 20

_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?(/\d+)?")


def _number(text: str, where: str) -> int | Fraction:
    """An exact number from a token (integer, decimal, exponent or ratio); never ``eval``."""
    if not _NUMBER.fullmatch(text):
        raise InvalidGameError(f"{where}: {text!r} is not a number.")
    if "/" in text:
        numerator, denominator = text.split("/")
        if int(denominator) == 0:
            raise InvalidGameError(f"{where}: {text!r} divides by zero.")
        return int_if_integral(Fraction(Fraction(numerator), int(denominator)))
    exponent = re.search(r"[eE]([+-]?\d+)", text)
    if exponent and abs(int(exponent.group(1))) > 400:
        raise InvalidGameError(f"{where}: {text!r} is out of range (|exponent| > 400).")
    return int_if_integral(Fraction(text))


def _text(source: Any, function: str) -> tuple[Path, str]:
    path = as_path(source, function, InvalidGameError)
    if path.is_file() and path.stat().st_size > MAX_FILE_BYTES:
        raise InvalidGameError(
            f"{path} is {path.stat().st_size} bytes, more than the {MAX_FILE_BYTES} a game file "
            "may have."
        )
    return path, read_text(path)


# ---------------------------------------------------------------------------- value vectors
def _lexicographic_masks(n: int) -> np.ndarray:
    """The bitmasks of the non-empty coalitions in lexicographic order: by size, and among
    coalitions of one size by their sorted member lists (``{1,2} < {1,3} < {2,3}``), which is
    the descending order of the mask read with player 1 as its highest bit."""
    masks = np.arange(1, 1 << n, dtype=np.int64)
    read_backwards = np.zeros_like(masks)
    for i in range(n):
        read_backwards |= ((masks >> i) & 1) << (n - 1 - i)
    return masks[np.lexsort((-read_backwards, popcounts(n)[1:]))]


def from_vector(
    values: Sequence[Any], *, order: str = "lexicographic", players: Iterable[str] | None = None
) -> TUGame:
    """A TU game from the worths of its non-empty coalitions, as CoopGame or MatTuGames list them.

    Parameters
    ----------
    values : sequence of numbers
        ``2**n - 1`` worths, the empty coalition left out.
    order : {"lexicographic", "binary"}
        ``"lexicographic"`` (CoopGame, TUGLab): by size, then lexicographically;
        ``"binary"`` (MatTuGames, TUGLab ``binary=TRUE``): coalition S at position
        ``sum of 2**(i-1) over i in S``.
    players : sequence of str, optional
        Names of players 1..n (default ``"1"``, ..., ``"n"``).

    Returns
    -------
    TUGame
        The game on players 1..n (or ``players``), exact when every worth is an int or a
        Fraction, float otherwise.

    Raises
    ------
    InvalidGameError
        If the length is not ``2**n - 1`` or a value is not a number.
    InvalidArgumentError
        For an unknown ``order``.

    References
    ----------
    .. [1] Staudacher, J. and Anwander, J. (2021). *Using the R package CoopGame for the
       analysis, solution and visualization of cooperative games with transferable utility*.
       Vignette of CoopGame 0.2.2 (the lexicographic game vector).
    .. [2] Thelen, H. (2023). *MatTuGames: A Matlab toolbox for cooperative game theory*
       (the unique integer representation of coalitions).

    Examples
    --------
    >>> import coalitions as co
    >>> game = co.from_vector([0, 0, 0, 60, 48, 30, 72])   # CoopGame's order
    >>> str(game.value({"1", "3"})), str(game.value({"2", "3"}))
    ('48', '30')
    >>> co.to_vector(game, order="binary")   # MatTuGames' order of the same game
    [0, 0, 60, 0, 48, 30, 72]
    """
    check_choice(order, VECTOR_ORDERS, what="order", plural="orders")
    if isinstance(values, (str, bytes)) or not hasattr(values, "__len__"):
        raise InvalidGameError(
            f"from_vector needs a list of 2**n - 1 worths, got {type(values).__name__}."
        )
    length = len(values) + 1
    n = length.bit_length() - 1
    if length < 2 or 1 << n != length:
        raise InvalidGameError(
            f"from_vector needs 2**n - 1 worths (1, 3, 7, 15, ...), got {len(values)}."
        )
    if n > MAX_VECTOR_PLAYERS:
        raise InvalidGameError(f"a value vector of {n} players is larger than this library reads.")
    masks = _lexicographic_masks(n) if order == "lexicographic" else np.arange(1, length)
    table = np.empty(length, dtype=object)  # each value as given: TUGame classifies them
    table[0] = 0
    table[masks] = np.fromiter(values, dtype=object, count=len(values))
    return TUGame(table, None if players is None else as_list(players, "players", InvalidGameError))


def to_vector(game: TUGame, *, order: str = "lexicographic") -> list:
    """The worths of the non-empty coalitions of ``game`` in CoopGame's or MatTuGames' order.

    Parameters
    ----------
    game : TUGame
    order : {"lexicographic", "binary"}
        As in :func:`from_vector`.

    Returns
    -------
    list
        ``2**n - 1`` worths: floats for a float game, exact numbers (int where integral,
        else Fraction) for an exact one, sympy expressions for a symbolic one.

    Raises
    ------
    InvalidGameError
        If ``game`` is not a TUGame.

    References
    ----------
    .. [1] Staudacher, J. and Anwander, J. (2021). Vignette of CoopGame 0.2.2.

    Examples
    --------
    >>> import coalitions as co
    >>> co.to_vector(co.glove_game(["L"], ["R1", "R2"]))
    [0, 0, 0, 1, 1, 0, 1]
    """
    check_choice(order, VECTOR_ORDERS, what="order", plural="orders")
    if not isinstance(game, TUGame):
        raise InvalidGameError(f"to_vector needs a TUGame, got {type(game).__name__}.")
    n = game.n_players
    masks = _lexicographic_masks(n) if order == "lexicographic" else np.arange(1, 1 << n)
    values = game.values[masks].tolist()
    return [int_if_integral(v) for v in values] if game.kind == EXACT else values


def read_vector(
    source: Any, *, order: str = "lexicographic", players: Iterable[str] | None = None
) -> TUGame:
    """A TU game from a text file of ``2**n - 1`` worths (CoopGame's or MatTuGames' order).

    The numbers may be separated by spaces, commas, semicolons or new lines, and wrapped in an
    R ``c(...)`` or a MATLAB ``[...]``, as the two tools print them.

    Parameters
    ----------
    source : str or pathlib.Path
    order : {"lexicographic", "binary"}
        As in :func:`from_vector`.
    players : sequence of str, optional

    Returns
    -------
    TUGame
        The game the file describes, as :func:`from_vector` builds it.

    Raises
    ------
    InvalidGameError
        For a missing file, a token that is not a number, or a count that is not ``2**n - 1``.

    References
    ----------
    .. [1] Staudacher, J. and Anwander, J. (2021). Vignette of CoopGame 0.2.2.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import coalitions as co
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "v.txt"
    >>> _ = path.write_text("c(0, 0, 0, 60, 48, 30, 72)")
    >>> str(co.read_vector(path).value({"1", "2"}))
    '60'
    """
    path, text = _text(source, "read_vector")
    body = text.strip()
    if body.startswith("c(") and body.endswith(")"):
        body = body[2:-1]
    elif body.startswith("[") and body.endswith("]"):
        body = body[1:-1]
    tokens = [t for t in re.split(r"[\s,;]+", body) if t]
    values = [_number(t, f"{path}, worth {k + 1}") for k, t in enumerate(tokens)]
    return from_vector(values, order=order, players=players)


def write_vector(game: TUGame, destination: Any, *, order: str = "lexicographic") -> Path:
    """Write the worths of ``game``'s non-empty coalitions, one per line, in CoopGame's or
    MatTuGames' order (:func:`to_vector`); :func:`read_vector` reads the file back.

    Parameters
    ----------
    game : TUGame
    destination : str or pathlib.Path
    order : {"lexicographic", "binary"}

    Returns
    -------
    pathlib.Path
        The file written, one worth per line.

    Raises
    ------
    InvalidGameError
        If ``game`` is not a TUGame or a worth is symbolic.

    References
    ----------
    .. [1] Thelen, H. (2023). *MatTuGames: A Matlab toolbox for cooperative game theory*.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import coalitions as co
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "glove.txt"
    >>> _ = co.write_vector(co.glove_game(["L"], ["R1", "R2"]), path, order="binary")
    >>> path.read_text().split()
    ['0', '0', '1', '0', '1', '0', '1']
    """
    path = as_path(destination, "write_vector", InvalidGameError)
    values = to_vector(game, order=order)
    if game.kind not in (EXACT, FLOAT):
        raise InvalidGameError("write_vector writes numbers; substitute the symbols first.")
    lines = [round_trip_text(v) for v in values]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------ EPIC
def read_epic_weights(
    source: Any, quota: Any = None
) -> tuple[WeightedVotingGame, tuple[tuple[str, ...], ...]]:
    """A weighted voting game from an EPIC weights file, with its precoalitions.

    Parameters
    ----------
    source : str or pathlib.Path
        One weight per line; a line of comma-separated weights is one precoalition.
    quota : number, optional
        The quota. Omitted (or 0, as on EPIC's command line): the file's first line is the
        quota.

    Returns
    -------
    (WeightedVotingGame, tuple of tuples of str)
        Players ``"1"``, ..., ``"n"`` in file order, and the precoalitions (one tuple per
        line; a single weight is a union of one), ready for :func:`coalitions.owen_value`.

    Raises
    ------
    InvalidGameError
        For a missing or unreadable file, a token that is not a number, or no weights.

    References
    ----------
    .. [1] Staudacher, J. et al. EPIC: Efficient Power Index Computation (C++),
       github.com/jhstaudacher/EPIC (its weights-file format).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import coalitions as co
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "weights.csv"
    >>> _ = path.write_text("11\\n9\\n5\\n3\\n1\\n1\\n")
    >>> game, unions = co.read_epic_weights(path)
    >>> game.quota, game.weights, len(unions)
    (11, (9, 5, 3, 1, 1), 5)
    """
    path, text = _text(source, "read_epic_weights")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if quota is None or (not isinstance(quota, bool) and quota == 0):
        if not lines:
            raise InvalidGameError(f"{path} is empty: it needs the quota and the weights.")
        quota = _number(lines[0].rstrip(","), f"{path}, line 1 (the quota)")
        lines = lines[1:]
    unions: list[list[Any]] = []
    for number, line in enumerate(lines, 1):
        tokens = [t.strip() for t in line.split(",") if t.strip()]
        unions.append([_number(t, f"{path}, weight line {number}") for t in tokens])
    weights = [w for union in unions for w in union]
    if not weights:
        raise InvalidGameError(f"{path} has no weights.")
    names = [str(i + 1) for i in range(len(weights))]
    game = WeightedVotingGame(quota, weights, names)
    groups, start = [], 0
    for union in unions:
        groups.append(tuple(names[start : start + len(union)]))
        start += len(union)
    return game, tuple(groups)


def write_epic_weights(
    game: WeightedVotingGame,
    destination: Any,
    *,
    unions: Iterable[Iterable[str]] | None = None,
    with_quota: bool = True,
) -> Path:
    """Write ``game`` as an EPIC weights file (the quota on the first line unless
    ``with_quota=False``; one line per union, members in the game's player order).

    Parameters
    ----------
    game : WeightedVotingGame
    destination : str or pathlib.Path
    unions : iterable of iterables of str, optional
        Precoalitions: each player in exactly one; members of a union must be adjacent in
        the game's player order (EPIC numbers players by line).
    with_quota : bool
        Write the quota as the first line (call EPIC with ``-q 0``).

    Returns
    -------
    pathlib.Path
        The weights file written, for EPIC's ``-w`` option.

    Raises
    ------
    InvalidGameError
        If the unions do not cover each player once, in player order.

    References
    ----------
    .. [1] Staudacher, J. et al. EPIC: Efficient Power Index Computation (C++),
       github.com/jhstaudacher/EPIC.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import coalitions as co
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "eec.csv"
    >>> _ = co.write_epic_weights(co.WeightedVotingGame(12, [4, 4, 4, 2, 2, 1]), path)
    >>> path.read_text().split()
    ['12', '4', '4', '4', '2', '2', '1']
    """
    if not isinstance(game, WeightedVotingGame):
        raise InvalidGameError(f"write_epic_weights needs a WeightedVotingGame, got {game!r}.")
    path = as_path(destination, "write_epic_weights", InvalidGameError)
    players = list(game.players)
    groups = (
        [[p] for p in players]
        if unions is None
        else [
            as_list(u, "each union", InvalidGameError)
            for u in as_list(unions, "unions", InvalidGameError)
        ]
    )
    if [p for group in groups for p in group] != players:
        raise InvalidGameError(
            "write_epic_weights: the unions must list every player once, in the game's player "
            f"order {players}, adjacent members together (EPIC numbers players by line)."
        )
    weight = dict(zip(players, game.weights))
    lines = [str(game.quota)] if with_quota else []
    lines += [",".join(str(weight[p]) for p in group) for group in groups]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------- Gambit
class StrategicForm(NamedTuple):
    """A two-player strategic game read from a Gambit ``.nfg`` file.

    ``a[r, c]`` and ``b[r, c]`` are the row and column player's payoffs (exact numbers in
    object arrays) when the row player plays strategy r and the column player c.
    """

    title: str
    players: tuple[str, str]
    strategies: tuple[tuple[str, ...], tuple[str, ...]]
    a: np.ndarray
    b: np.ndarray


_TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|([{}])|(,)|([^\s{},"]+)')


def _tokens(text: str, where: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    position = 0
    for match in _TOKEN.finditer(text):
        gap = text[position : match.start()]
        if gap.strip():
            raise InvalidGameError(f"{where}: unexpected text {gap.strip()[:20]!r}.")
        position = match.end()
        label, brace, comma, word = match.groups()
        if label is not None:
            out.append(("label", label.replace('\\"', '"')))
        elif brace is not None:
            out.append((brace, brace))
        elif comma is None:
            out.append(("word", word))
    if text[position:].strip():
        raise InvalidGameError(f"{where}: unexpected text {text[position:].strip()[:20]!r}.")
    return out


class _Reader:
    def __init__(self, tokens: list[tuple[str, str]], where: str) -> None:
        self.tokens, self.at, self.where = tokens, 0, where

    def take(self, kind: str, what: str) -> str:
        if self.at >= len(self.tokens) or self.tokens[self.at][0] != kind:
            found = self.tokens[self.at][1] if self.at < len(self.tokens) else "the end"
            raise InvalidGameError(f"{self.where}: expected {what}, found {found!r}.")
        self.at += 1
        return self.tokens[self.at - 1][1]

    def peek(self) -> str | None:
        return self.tokens[self.at][0] if self.at < len(self.tokens) else None

    def group(self, kind: str, what: str) -> list[str]:
        self.take("{", f"'{{' before {what}")
        items = []
        while self.peek() != "}":
            items.append(self.take(kind, what))
        self.take("}", f"'}}' after {what}")
        return items


def read_nfg(source: Any) -> StrategicForm:
    """A two-player strategic game from a Gambit ``.nfg`` file (payoff or outcome version).

    Parameters
    ----------
    source : str or pathlib.Path

    Returns
    -------
    StrategicForm
        ``title``, ``players``, ``strategies`` and the payoff matrices ``a`` and ``b``; pass
        ``form.a`` and ``form.b`` to :func:`coalitions.bargaining_problem_from_game`.

    Raises
    ------
    InvalidGameError
        For a file that is not a two-player ``NFG 1 R`` game, a payoff that is not a number,
        or a payoff list whose length does not match the strategies.

    References
    ----------
    .. [1] The Gambit Project. *Game representation formats*: the strategic game (.nfg) file
       format, payoff and outcome versions. gambit-project.org.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import coalitions as co
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "pd.nfg"
    >>> _ = path.write_text('NFG 1 R "PD" { "Row" "Col" } { 2 2 }\\n3 3 5 0 0 5 1 1\\n')
    >>> form = co.read_nfg(path)
    >>> form.players, form.a.tolist(), form.b.tolist()
    (('Row', 'Col'), [[3, 0], [5, 1]], [[3, 5], [0, 1]])
    """
    path, text = _text(source, "read_nfg")
    where = str(path)
    reader = _Reader(_tokens(text, where), where)
    header = [reader.take("word", "NFG"), reader.take("word", "1"), reader.take("word", "R")]
    if header != ["NFG", "1", "R"]:
        raise InvalidGameError(f"{where}: a strategic game file begins with NFG 1 R.")
    title = reader.take("label", "the title")
    players = reader.group("label", "player names")
    if len(players) != 2:
        raise InvalidGameError(
            f"{where} has {len(players)} players; the bimatrix bridge reads two-player games."
        )
    if reader.peek() != "{":
        raise InvalidGameError(f"{where}: expected the strategies after the players.")
    reader.take("{", "'{'")
    if reader.peek() == "{":  # outcome version: named strategies per player
        strategies = []
        while reader.peek() == "{":
            strategies.append(tuple(reader.group("label", "strategy names")))
        reader.take("}", "'}' after the strategies")
        counts = [len(s) for s in strategies]
    else:
        counts = []
        while reader.peek() == "word":
            counts.append(int(_number(reader.take("word", "a strategy count"), where)))
        reader.take("}", "'}' after the strategy counts")
        strategies = [tuple(str(k + 1) for k in range(c)) for c in counts]
    if len(counts) != 2 or min(counts) < 1 or math.prod(counts) > 10**7:
        raise InvalidGameError(f"{where}: strategy counts {counts} are not a 2-player game.")
    if reader.peek() == "label":  # optional comment
        reader.take("label", "a comment")
    cells = counts[0] * counts[1]
    if reader.peek() == "{":  # outcome version: outcomes, then one outcome number per cell
        reader.take("{", "'{' before the outcomes")
        outcomes = []
        while reader.peek() == "{":
            reader.take("{", "'{' before an outcome")
            reader.take("label", "the outcome's name")
            payoff = [_number(reader.take("word", "a payoff"), where) for _ in range(2)]
            reader.take("}", "'}' after an outcome's two payoffs")
            outcomes.append(payoff)
        reader.take("}", "'}' after the outcomes")
        indices = [
            int(_number(reader.take("word", "an outcome number"), where)) for _ in range(cells)
        ]
        if any(not 0 <= k <= len(outcomes) for k in indices):
            raise InvalidGameError(f"{where}: an outcome number is out of range.")
        flat = [p for k in indices for p in (outcomes[k - 1] if k else [0, 0])]
    else:
        flat = [_number(reader.take("word", "a payoff"), where) for _ in range(2 * cells)]
    if reader.peek() is not None:
        raise InvalidGameError(f"{where}: more numbers than the {cells} strategy profiles need.")
    a = np.empty(counts, dtype=object)
    b = np.empty(counts, dtype=object)
    for cell in range(cells):  # the first player's strategy changes fastest
        r, c = cell % counts[0], cell // counts[0]
        a[r, c], b[r, c] = flat[2 * cell], flat[2 * cell + 1]
    return StrategicForm(title, (players[0], players[1]), (strategies[0], strategies[1]), a, b)


def write_nfg(
    a: Any, b: Any, destination: Any, *, title: str = "", players: Sequence[str] = ("1", "2")
) -> Path:
    """Write the bimatrix game ``(a, b)`` as a Gambit ``.nfg`` file (payoff version).

    Parameters
    ----------
    a, b : 2-D array_like of numbers
        The row and column player's payoffs, same shape.
    destination : str or pathlib.Path
    title : str
    players : pair of str

    Returns
    -------
    pathlib.Path
        The ``.nfg`` file written.

    Raises
    ------
    InvalidGameError
        If the matrices are not two 2-D arrays of finite numbers of the same shape.

    References
    ----------
    .. [1] The Gambit Project. *Game representation formats* (the .nfg payoff version).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import coalitions as co
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "pd.nfg"
    >>> _ = co.write_nfg([[3, 0], [5, 1]], [[3, 5], [0, 1]], path, title="PD")
    >>> co.read_nfg(path).a.tolist()
    [[3, 0], [5, 1]]
    """
    path = as_path(destination, "write_nfg", InvalidGameError)
    a_arr = np.array(a, dtype=object)
    b_arr = np.array(b, dtype=object)
    if a_arr.ndim != 2 or a_arr.shape != b_arr.shape or a_arr.size == 0:
        raise InvalidGameError("write_nfg needs two non-empty 2-D payoff matrices of one shape.")
    names = as_list(players, "players", InvalidGameError)
    if len(names) != 2 or not all(isinstance(p, str) for p in names):
        raise InvalidGameError(f"write_nfg needs two player names, got {players!r}.")

    def number(value: Any) -> str:
        if isinstance(value, bool) or not isinstance(value, (int, float, Fraction, np.number)):
            raise InvalidGameError(f"write_nfg: payoff {value!r} is not a number.")
        if isinstance(value, (float, np.floating)) and not math.isfinite(value):
            raise InvalidGameError(f"write_nfg: payoff {value!r} is not finite.")
        return str(value) if not isinstance(value, (float, np.floating)) else repr(float(value))

    def quoted(label: str) -> str:
        return '"' + label.replace('"', '\\"') + '"'

    rows, columns = a_arr.shape
    payoffs = [
        f"{number(a_arr[r, c])} {number(b_arr[r, c])}" for c in range(columns) for r in range(rows)
    ]
    if not isinstance(title, str):
        raise InvalidGameError(f"write_nfg: the title must be a string, got {title!r}.")
    header = f"NFG 1 R {quoted(title)} {{ {quoted(names[0])} {quoted(names[1])} }} "
    path.write_text(
        f"{header}{{ {rows} {columns} }}\n\n" + " ".join(payoffs) + "\n", encoding="utf-8"
    )
    return path
