"""Reading and writing games as JSON (the format is documented in
docs/reference/file-format.md).

A TU game file is a JSON object::

    {"type": "tu", "players": ["L", "R1", "R2"],
     "coalitions": [{"members": ["L", "R1"], "value": 1},
                    {"members": ["L", "R2"], "value": 1},
                    {"members": ["L", "R1", "R2"], "value": 1}]}

or, with the full table in bitmask order, ``{"type": "tu", "players": [...], "values": [...]}``.
Integers and fraction strings such as ``"2/3"`` give an exact game; any float gives a float game.
``"cost": true`` marks a cost game (the values are costs, see ``TUGame(..., cost=True)``).
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any, Callable

from ..exceptions import InvalidGameError
from .tu import TUGame

__all__ = ["read_game", "write_game", "game_from_json", "game_to_json", "load_document",
           "register_reader", "parse_number"]

FORMAT_VERSION = 1
_READERS: dict[str, Callable[[dict], Any]] = {}


def register_reader(kind: str, reader: Callable[[dict], Any]) -> None:
    """Register the reader of documents with ``"type": kind`` (used by other game types)."""
    _READERS[kind] = reader


def parse_number(value: Any, where: str) -> Any:
    """A JSON number, or a string holding an integer, a fraction ``"p/q"`` or a decimal."""
    if isinstance(value, bool) or value is None:
        raise InvalidGameError(f"{where} must be a number, got {json.dumps(value)}.")
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str):
        try:
            return Fraction(value.strip())
        except (ValueError, ZeroDivisionError):
            pass
    raise InvalidGameError(
        f"{where} must be a number or a fraction string like \"2/3\", got {json.dumps(value)}."
    )


def load_document(source: str | Path) -> dict:
    """Parse a JSON file into a dict, with errors that say where the file is wrong."""
    path = Path(source)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidGameError(f"no such file: {path}") from None
    except (IsADirectoryError, PermissionError, UnicodeDecodeError) as error:
        raise InvalidGameError(f"cannot read {path}: {error}") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidGameError(
            f"{path} is not valid JSON: {error.msg} at line {error.lineno}, column "
            f"{error.colno}."
        ) from None
    if not isinstance(document, dict):
        raise InvalidGameError(f"{path} must hold a JSON object with \"players\" and values.")
    return document


def game_from_json(document: dict) -> Any:
    """Build a game from a parsed JSON document (dispatching on its ``"type"``)."""
    if not isinstance(document, dict):
        raise InvalidGameError("a game document must be a JSON object.")
    kind = document.get("type", "tu")
    if kind in _READERS:
        return _READERS[kind](document)
    if kind != "tu":
        known = ", ".join(repr(k) for k in ["tu", *_READERS])
        raise InvalidGameError(f"unknown game type {kind!r}; known types are {known}.")
    players = document.get("players")
    cost = document.get("cost", False)
    if not isinstance(cost, bool):
        raise InvalidGameError(
            f"\"cost\" must be true (the values are costs) or false, got {json.dumps(cost)}."
        )
    number_kind = document.get("kind")
    if number_kind not in (None, "float", "exact"):
        raise InvalidGameError(f"\"kind\" must be \"float\" or \"exact\", got {number_kind!r}.")
    has_values, has_coalitions = "values" in document, "coalitions" in document
    if has_values == has_coalitions:
        raise InvalidGameError(
            "a TU game document needs exactly one of \"values\" (the 2**n table in bitmask "
            "order) or \"coalitions\" (a list of {\"members\": [...], \"value\": v})."
        )
    if players is not None and (not isinstance(players, list) or
                                not all(isinstance(p, str) for p in players)):
        raise InvalidGameError("\"players\" must be a list of player-name strings.")
    if has_values:
        values = document["values"]
        if not isinstance(values, list):
            raise InvalidGameError("\"values\" must be a list of numbers.")
        numbers = [parse_number(v, f"values[{i}]") for i, v in enumerate(values)]
        return TUGame(_as_kind(numbers, number_kind), players, cost=cost)
    if players is None:
        raise InvalidGameError("a document with \"coalitions\" must list its \"players\".")
    entries = document["coalitions"]
    if not isinstance(entries, list):
        raise InvalidGameError("\"coalitions\" must be a list of {\"members\", \"value\"} objects.")
    mapping: dict[tuple, Any] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or "members" not in entry or "value" not in entry:
            raise InvalidGameError(
                f"coalitions[{i}] must be an object with \"members\" (a list of names) and "
                "\"value\"."
            )
        members = entry["members"]
        if not isinstance(members, list):
            raise InvalidGameError(f"coalitions[{i}].members must be a list of player names.")
        key = tuple(sorted(members))
        value = parse_number(entry["value"], f"coalitions[{i}].value")
        if key in mapping and mapping[key] != value:
            raise InvalidGameError(f"coalition {list(key)} appears twice with different values.")
        mapping[key] = value
    numbers = _as_kind(list(mapping.values()), number_kind)
    game = TUGame.from_dict(dict(zip(mapping, numbers)), players=players, cost=cost)
    return game.to_float() if number_kind == "float" else game


def _as_kind(numbers: list, number_kind: str | None) -> list:
    if number_kind == "float":
        return [float(v) for v in numbers]
    if number_kind == "exact":
        for i, v in enumerate(numbers):
            if isinstance(v, float):
                raise InvalidGameError(
                    f"value {v!r} is a float in a game declared \"kind\": \"exact\"; write it "
                    "as an integer or a fraction string such as \"1/3\"."
                )
    return numbers


def _json_number(value: Any) -> Any:
    if isinstance(value, Fraction):
        return value.numerator if value.denominator == 1 else str(value)
    if type(value).__module__.startswith("sympy"):
        raise InvalidGameError("symbolic games cannot be written as JSON; substitute first.")
    return float(value)


def game_to_json(game: TUGame, *, table: bool | None = None) -> dict:
    """The JSON document of a game. Small or sparse games are written by coalition names,
    others as the full table (``table=True`` forces it)."""
    values = game.values
    if table is None:
        nonzero = sum(1 for v in values.tolist() if v != 0)
        table = game.n_players > 12 or nonzero > len(values) // 2
    document: dict[str, Any] = {"type": "tu", "version": FORMAT_VERSION,
                                "kind": "float" if game.kind == "float" else "exact",
                                "players": list(game.players)}
    if game.is_cost:
        document["cost"] = True
    if table:
        document["values"] = [_json_number(v) for v in values.tolist()]
    else:
        document["coalitions"] = [
            {"members": sorted(game.coalition(mask), key=game.players.index),
             "value": _json_number(v)}
            for mask, v in enumerate(values.tolist()) if mask and v != 0
        ]
    return document


def read_game(path: str | Path) -> Any:
    """Read a game from a JSON file.

    Examples
    --------
    >>> import coalitions as co, tempfile, os
    >>> glove = co.glove_game(["L"], ["R1", "R2"])
    >>> path = os.path.join(tempfile.mkdtemp(), "glove.json")
    >>> co.write_game(glove, path)
    >>> co.read_game(path) == glove
    True
    """
    return game_from_json(load_document(path))


def write_game(game: Any, path: str | Path) -> None:
    """Write a game to a JSON file (see :func:`game_to_json`)."""
    to_json = getattr(game, "to_json", None)
    document = to_json() if callable(to_json) else game_to_json(game)
    Path(path).write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
