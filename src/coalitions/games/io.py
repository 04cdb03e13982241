"""Reading and writing game files (the format is documented in docs/reference/file-format.md).

A game file is a JSON document whose ``"type"`` names the kind of game (``"tu"``, the default,
``"simple"``, ``"weighted"``, ``"compound"``, ``"ternary"``, ``"weighted-ternary"``, ``"jk"``,
``"weighted-jk"``, ``"hedonic"`` or ``"partition-function"``). A TU game lists its worths by
coalition names or as the full table in bitmask order::

    {"type": "tu", "players": ["L", "R1", "R2"],
     "coalitions": [{"members": ["L", "R1"], "value": 1},
                    {"members": ["L", "R2"], "value": 1},
                    {"members": ["L", "R1", "R2"], "value": 1}]}

Large tables are stored in binary: ``write_game(game, "game.npz")`` writes one ``.npz``
archive holding the JSON document (``document.json``) and the table as a ``.npy`` array, and
``format="json+npy"`` writes the document with its table in a ``.npy`` file beside it.

Every document is checked against the JSON Schema shipped in
``coalitions/games/schemas/game.schema.json`` (with :mod:`jsonschema`, imported when the first
document is read) and then against what a schema cannot say (members are players, a table has
``2**n`` entries, ``v(empty) = 0``). Every problem raises :class:`InvalidGameError` naming the
key and the fix. Binary tables are read without pickle: the ``.npy`` header is checked (dtype,
shape, length ``2**n``) before any memory is allocated.
"""

from __future__ import annotations

import difflib
import json
import math
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

from .. import _numbers as nb
from .._checks import as_path, check_choice
from .._players import names_of, unknown_player
from ..exceptions import InvalidArgumentError, InvalidGameError, InvalidProblemError, TooLargeError
from ._negotiation_io import (
    bargaining_from_document,
    decision_rule_from_json,
    json_text,
    linkage_from_document,
    spatial_from_document,
)
from ._values import NUMBER_HELP, parse_number
from ._values import describe as _describe
from .hedonic import _hedonic_from_document
from .jk import MAX_JK_PROFILES, JKSimpleGame, WeightedJKGame
from .partition_function import _pfg_from_document
from .simple import _simple_from_document
from .ternary import VOTES, TernaryVotingGame, WeightedTernaryGame
from .tu import MAX_TABLE_PLAYERS, TUGame, check_table_size

__all__ = [
    "read_game",
    "read_profile",
    "write_profile",
    "MAX_PROFILE_BYTES",
    "write_game",
    "game_from_json",
    "game_to_json",
    "load_document",
    "validate_document",
    "parse_number",
    "coalition_mask",
    "json_path",
    "schema",
    "FORMAT_VERSION",
    "GAME_TYPES",
    "NEGOTIATION_TYPES",
    "READERS",
    "read_negotiation",
    "negotiation_from_json",
    "decision_rule_from_json",
    "WRITE_FORMATS",
]

FORMAT_VERSION = 1

#: The negotiation document types (bargaining problems, spatial and linkage models): they are
#: read by :func:`read_negotiation` (also ``coalitions.bargaining.io.read_negotiation``), not
#: by :func:`read_game`; their readers are entries of :data:`READERS` like the games'.
NEGOTIATION_TYPES = ("bargaining", "spatial", "linkage")
#: ``write_game`` formats: one JSON file; one .npz (document + binary table); JSON + .npy.
WRITE_FORMATS = ("json", "npz", "json+npy")

#: Name of the JSON document inside an .npz game archive.
NPZ_DOCUMENT = "document.json"
#: Largest document.json accepted inside an .npz archive (it holds no table).
_MAX_NPZ_DOCUMENT_BYTES = 256 << 20
#: Tables of more entries are checked in bulk by the reader, not item by item by the schema.
_SCHEMA_ITEM_LIMIT = 2048
#: A TU game is written by coalition names up to this many players (if it is sparse).
_COALITION_FORM_PLAYERS = 12


# ----------------------------------------------------------------------------- documents
def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number; every number must be finite")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is too large for a float; every number must be finite")
    return value


class _DuplicateKey(Exception):
    """A key repeated within one JSON object (raised from the parser, turned into a message)."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict:
    document: dict = {}
    for key, value in pairs:
        if key in document:
            raise _DuplicateKey(key, list(document))
        document[key] = value
    return document


def _parse_json(text: str, source: str) -> Any:
    try:
        return json.loads(
            text,
            parse_constant=_reject_constant,
            parse_float=_finite_float,
            object_pairs_hook=_unique_keys,
        )
    except _DuplicateKey as error:
        key, keys = error.args
        raise InvalidGameError(
            f"{source}: the key {json.dumps(key)} appears twice in one object (with keys "
            f"{', '.join(map(json.dumps, keys))}); a JSON reader would silently keep only "
            "the last one, so keep the one you mean and delete the other."
        ) from None
    except json.JSONDecodeError as error:
        raise InvalidGameError(
            f"{source} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from None
    except RecursionError:
        raise InvalidGameError(f"{source} nests lists or objects too deeply.") from None
    except ValueError as error:  # NaN, Infinity, 1e999, or an integer of > 4300 digits
        raise InvalidGameError(f"{source} holds a bad number: {error}.") from None


def read_text(path: Path) -> str:
    """The UTF-8 text of a game file, or an :class:`InvalidGameError` that names the file and
    what is wrong with it (missing, a folder, unreadable, not UTF-8)."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidGameError(f"no such file: {path}") from None
    except (IsADirectoryError, PermissionError, UnicodeDecodeError) as error:
        raise InvalidGameError(f"cannot read {path}: {error}") from None
    except OSError as error:
        raise InvalidGameError(f"cannot read {path}: {error}") from None


def load_document(source: str | Path) -> dict:
    """Parse a JSON file into a dict, with errors that say where the file is wrong.

    ``NaN``, ``Infinity`` and numbers too large for a float are refused.
    """
    path = as_path(source, "load_document", InvalidGameError)
    text = read_text(path)
    document = _parse_json(text, str(path))
    if not isinstance(document, dict):
        raise InvalidGameError(
            f'{path} must hold a JSON object (a game document with "type" and '
            f'"players"), got {_describe(document)}.'
        )
    return document


# ----------------------------------------------------------------------------- validation
_SCHEMA: dict | None = None
_VALIDATOR = None


def schema() -> dict:
    """The JSON Schema of game documents (``coalitions/games/schemas/game.schema.json``)."""
    global _SCHEMA
    if _SCHEMA is None:
        path = Path(__file__).with_name("schemas") / "game.schema.json"
        _SCHEMA = json.loads(path.read_text(encoding="utf-8"))
    return _SCHEMA


def _validator():
    global _VALIDATOR
    if _VALIDATOR is None:
        import jsonschema  # imported lazily: `import coalitions` stays fast

        _VALIDATOR = jsonschema.Draft202012Validator(schema())
    return _VALIDATOR


def json_path(path: Iterable[Any], root: str = "") -> str:
    """A JSON path as ``players[3]`` or ``rules[0].weights``, for error messages.

    Examples
    --------
    >>> json_path(["rules", 0, "weights"]), json_path(["utilities", "Jo Doe", 2])
    ('rules[0].weights', 'utilities["Jo Doe"][2]')
    """
    text = root
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_$][A-Za-z0-9_]*", str(part)):
            text += f".{part}" if text else str(part)
        else:
            text += f"[{json.dumps(part)}]"
    return text


def _unique_hint(path: list) -> str:
    keys = [p for p in path if isinstance(p, str)]
    if keys and keys[-1] == "players":
        return "player names must be unique"
    return "a coalition lists each member once"


def _schema_message(error: Any, kind: str) -> str:
    """Translate a jsonschema error into a message that names the place and the fix."""
    path = list(error.absolute_path)
    where = json_path(path) or f'the "{kind}" document'
    validator, schema_part, instance = error.validator, error.schema, error.instance
    description = schema_part.get("description") if isinstance(schema_part, dict) else None
    if validator == "additionalProperties":
        allowed = list(schema_part.get("properties", {}))
        extras = [key for key in instance if key not in allowed]
        key = extras[0]
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = f'did you mean "{close[0]}"? ' if close else ""
        scope = "allowed here are" if path else f'a "{kind}" document allows are'
        return (
            f"{where}: unknown key {json.dumps(key)}; {hint}the keys {scope} "
            f"{', '.join(json.dumps(k) for k in allowed)}."
        )
    if validator == "required":
        missing = [k for k in error.validator_value if k not in instance][0]
        what = schema_part.get("properties", {}).get(missing, {})
        detail = what.get("description") if isinstance(what, dict) else None
        if detail is None and isinstance(what, dict) and "$ref" in what:
            detail = _resolve(what["$ref"]).get("description")
        return f'{where} needs "{missing}"' + (f" ({detail})" if detail else "") + "."
    if validator == "dependentRequired":
        for key, needed in error.validator_value.items():
            for other in needed:
                if key in instance and other not in instance:
                    return f'{where}: "{key}" needs "{other}" beside it.'
    if validator == "type" or validator == "pattern":
        if description is None:
            expected = error.validator_value if validator == "type" else "valid"
            description = f"of type {expected}"
        return f"{where} must be {description}, got {_describe(instance)}."
    if validator == "uniqueItems":
        seen: dict[str, int] = {}
        for j, item in enumerate(instance):
            key = json.dumps(item, sort_keys=True)
            if key in seen:
                return (
                    f"{where}[{j}]: {json.dumps(item)} appears twice (also at "
                    f"{where}[{seen[key]}]); {_unique_hint(path)}."
                )
            seen[key] = j
    if validator == "minItems":
        if path and path[-1] == "players":
            return f"{where} is empty; a game needs at least one player."
        return (
            f"{where} must have at least {error.validator_value} entr"
            f"{'y' if error.validator_value == 1 else 'ies'}, got {len(instance)}"
            + (f"; it holds {description}" if description else "")
            + "."
        )
    if validator == "const" and path and path[-1] == "version":
        return (
            f"unknown format version {_describe(instance)}; this version of coalitions "
            f'reads version {FORMAT_VERSION} (write "version": {FORMAT_VERSION}, or '
            "upgrade coalitions to read a newer file)."
        )
    if validator == "const":
        return (
            f"{where} must be {json.dumps(error.validator_value)} here, got {_describe(instance)}."
        )
    if validator == "enum":
        options = " or ".join(json.dumps(v) for v in error.validator_value)
        return f"{where} must be {options}, got {_describe(instance)}."
    if validator in ("minimum", "maximum"):
        return f"{where} must be {description or 'in range'}, got {_describe(instance)}."
    if validator in ("oneOf", "anyOf", "not") and description:
        return (
            f"{json_path(path)}: {description}."
            if path
            else f"{description[0].upper()}{description[1:]}."
        )
    return f"{where}: {error.message}" + (f" ({description})" if description else "") + "."


def _resolve(reference: str) -> dict:
    node: Any = schema()
    for part in reference.lstrip("#/").split("/"):
        node = node[part]
    return node


def _document_kind(document: Any) -> str:
    if not isinstance(document, dict):
        raise InvalidGameError(f"a game document must be a JSON object, got {_describe(document)}.")
    kind = document.get("type", "tu")
    known = ", ".join(json.dumps(k) for k in GAME_TYPES)
    if not isinstance(kind, str):
        raise InvalidGameError(f"type must be a string ({known}), got {_describe(kind)}.")
    if kind in GAME_TYPES:
        return kind
    if kind in NEGOTIATION_TYPES:
        raise InvalidGameError(
            f"type {json.dumps(kind)} is a negotiation document, not a game; read it with "
            "coalitions.bargaining.io.read_negotiation (or the `coalitions bargain` and "
            "`coalitions negotiate` commands)."
        )
    close = difflib.get_close_matches(kind, GAME_TYPES, n=1)
    hint = f'did you mean "{close[0]}"? ' if close else ""
    raise InvalidGameError(f"unknown game type {kind!r}; {hint}known types are {known}.")


def validate_document(document: Any) -> str:
    """Check a game document against the schema; return its ``"type"``.

    Raises
    ------
    InvalidGameError
        Naming the first problem found (its JSON path and how to fix it), and how many
        other problems there are.

    Examples
    --------
    >>> from coalitions.games.io import validate_document
    >>> validate_document({"type": "weighted", "quota": 2, "weights": [1, 1, 1]})
    'weighted'
    >>> validate_document({"type": "weighted", "quota": 2, "weight": [1, 1, 1]})
    Traceback (most recent call last):
    ...
    coalitions.exceptions.InvalidGameError: the "weighted" document: unknown key "weight";
    did you mean "weights"? the keys a "weighted" document allows are "$schema", "type",
    "version", "players", "quota", "weights". (1 more problem may follow.)
    """
    kind = _document_kind(document)
    checked = document
    values = document.get("values")
    if kind == "tu" and isinstance(values, list) and len(values) > _SCHEMA_ITEM_LIMIT:
        # Long tables are checked in one vectorised pass by the reader (same rules).
        checked = {**document, "values": []}
    if kind in ("ternary", "jk"):
        long_lists: tuple[str, ...] = ("outcomes",)
    else:
        long_lists = ("worths", "types") if kind == "partition-function" else ()
    for key in long_lists:
        listed = document.get(key)
        if isinstance(listed, list) and len(listed) > _SCHEMA_ITEM_LIMIT:
            # Long lists of worths or outcomes are checked entry by entry by the reader.
            checked = {**checked, key: []}
    try:
        errors = list(_validator().iter_errors(checked))
    except RecursionError:
        raise InvalidGameError("the document nests rules or lists too deeply.") from None
    if errors:
        from jsonschema.exceptions import best_match

        # An unknown key (a typo) explains the errors it causes ("weights" missing): first.
        unknown = [e for e in errors if e.validator == "additionalProperties"]
        first = min(unknown, key=lambda e: len(e.absolute_path)) if unknown else best_match(errors)
        message = _schema_message(first, kind)
        if len(errors) > 1:
            message += (
                f" ({len(errors) - 1} more problem{'s' if len(errors) > 2 else ''} may follow.)"
            )
        raise InvalidGameError(message)
    return kind


def coalition_mask(members: Iterable[str], index: dict[str, int], where: str) -> int:
    """Bitmask of a coalition listed in a document; unknown or repeated names are refused."""
    mask = 0
    for position, name in enumerate(members):
        bit = index.get(name)
        if bit is None:
            raise unknown_player(name, index, where=f"{where}[{position}]", limit=10)
        if mask >> bit & 1:
            raise InvalidGameError(
                f"{where}[{position}]: {name!r} appears twice; a coalition lists each member once."
            )
        mask |= 1 << bit
    return mask


# ----------------------------------------------------------------------------- TU games
def _n_from_length(length: int, players: list | None, where: str) -> int:
    if players is not None:
        n = len(players)
        if length != 1 << n:
            raise InvalidGameError(
                f"{where} has {length} entries; a game of {n} player{'s' if n > 1 else ''} "
                f"needs 2**n values, 2**{n} = {1 << n} (one per coalition, in bitmask order)."
            )
        return n
    if length == 1:
        raise InvalidGameError(
            f"{where} has 1 entry, the empty coalition's: that is a game of 0 players; a game "
            "needs at least one player, so its table has 2**n >= 2 values."
        )
    if length < 2 or length & (length - 1):
        lower = 1 << max(length.bit_length() - 1, 1)
        raise InvalidGameError(
            f"{where} has {length} entries; a table needs 2**n "
            f"values for n >= 1 players (the nearest valid lengths are {lower} and "
            f"{lower * 2})."
        )
    return length.bit_length() - 1


def _size_hint(kind: str) -> str:
    if kind == nb.FLOAT:
        return ""
    return (
        " Exact tables hold Python fractions; for a float game of up to "
        f'{MAX_TABLE_PLAYERS} players write "kind": "float" or store the table as '
        'floats (a binary float64 table: write_game(game.to_float(), "game.npz")).'
    )


def _check_size(n: int, kind: str) -> None:
    try:
        check_table_size(n, kind, what="the game")
    except TooLargeError as error:
        raise TooLargeError(str(error) + _size_hint(kind)) from None


def _refuse_floats_if_exact(
    numbers: list, number_kind: str | None, where: Callable[[int], str]
) -> None:
    """Raise for the first float of ``numbers`` (parsed from a document) when the document
    declares ``"kind": "exact"``; ``where(i)`` names entry ``i``."""
    if number_kind != "exact":
        return
    i = next((i for i, v in enumerate(numbers) if type(v) is float), None)
    if i is not None:
        raise InvalidGameError(
            f'{where(i)} = {numbers[i]!r} is a float in a game declared "kind": "exact"; '
            'write it as an integer or a fraction string such as "1/3".'
        )


def _table_from_list(values: list, number_kind: str | None, players: list | None) -> np.ndarray:
    """The values of a JSON table as a float64 array or an object array of Fractions."""
    n = _n_from_length(len(values), players, "values")
    types = set(map(type, values))
    if not types <= {int, float}:
        for i, value in enumerate(values):  # locate the first entry that is not int/float
            if type(value) not in (int, float):
                if isinstance(value, str):
                    parse_number(value, f"values[{i}]")
                    continue
                raise InvalidGameError(
                    f"values[{i}] must be {NUMBER_HELP}, got {_describe(value)}."
                )
    if float in types:
        _refuse_floats_if_exact(values, number_kind, lambda i: f"values[{i}]")
    kind = (
        nb.FLOAT if number_kind == "float" or (number_kind is None and float in types) else nb.EXACT
    )
    _check_size(n, kind)
    if kind == nb.FLOAT:
        if types <= {int, float}:
            try:
                return np.array(values, dtype=np.float64)
            except OverflowError:
                pass  # an integer beyond the float range: the pass below names its entry
        return np.array(
            [
                _to_float(parse_number(v, f"values[{i}]"), f"values[{i}]")
                for i, v in enumerate(values)
            ],
            dtype=np.float64,
        )
    table = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        table[i] = Fraction(value) if type(value) is int else parse_number(value, f"values[{i}]")
    return table


def _to_float(value: Any, where: str) -> float:
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise InvalidGameError(f"{where} is too large for a float; write a smaller number.")
    return number


def _tu_from_document(document: dict, tables: _Tables | None = None) -> TUGame:
    players = document.get("players")
    number_kind = document.get("kind")
    if "values" in document:
        values = document["values"]
        if isinstance(values, list):
            table = _table_from_list(values, number_kind, players)
        else:
            if tables is None:
                raise InvalidGameError(
                    "values refers to a binary table; read the document with "
                    "coalitions.read_game(path), which finds the table beside it."
                )
            table = tables.load(values, players, number_kind, "values")
        return TUGame(table, players, cost=document.get("cost", False))
    # By coalition names: members must be players, each coalition given once.
    players = document["players"]  # the schema requires "players" with "coalitions"
    index = {name: i for i, name in enumerate(players)}
    n = len(players)
    entries = document["coalitions"]
    numbers = [
        parse_number(entry["value"], f"coalitions[{i}].value") for i, entry in enumerate(entries)
    ]
    has_float = any(type(v) is float for v in numbers)
    _refuse_floats_if_exact(numbers, number_kind, lambda i: f"coalitions[{i}].value")
    kind = nb.FLOAT if number_kind == "float" or (number_kind is None and has_float) else nb.EXACT
    _check_size(n, kind)
    if kind == nb.FLOAT:
        table = np.zeros(1 << n)
    else:
        table = np.empty(1 << n, dtype=object)
        table[:] = Fraction(0)
    first: dict[int, int] = {}
    for i, (entry, value) in enumerate(zip(entries, numbers)):
        mask = coalition_mask(entry["members"], index, f"coalitions[{i}].members")
        if mask in first:
            raise InvalidGameError(
                f"coalitions[{i}] lists the same coalition as coalitions[{first[mask]}] "
                f"({sorted(entry['members'])}); list each coalition once."
            )
        first[mask] = i
        table[mask] = (
            _to_float(value, f"coalitions[{i}].value") if kind == nb.FLOAT else Fraction(value)
        )
    return TUGame(table, players, cost=document.get("cost", False))


def _json_number(value: Any) -> Any:
    """A rational or float as a JSON value: int, float or a fraction string."""
    if isinstance(value, Fraction):
        return value.numerator if value.denominator == 1 else str(value)
    if isinstance(value, (bool, np.bool_)):
        return int(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value)
    from decimal import Decimal

    if isinstance(value, Decimal):
        exact = Fraction(value)
        return exact.numerator if exact.denominator == 1 else str(exact)
    if getattr(value, "is_Rational", False):
        return int(value.p) if int(value.q) == 1 else f"{int(value.p)}/{int(value.q)}"
    raise InvalidGameError(
        f"{value!r} is not a rational number or a float; it cannot be written to a game file."
    )


def _check_writable(game: Any) -> None:
    if isinstance(game, TUGame) and game.kind == nb.SYMBOLIC:
        free = sorted({str(s) for v in game.values for s in getattr(v, "free_symbols", ())})
        if free:
            raise InvalidGameError(
                f"a symbolic game cannot be written: its values contain the symbols "
                f"{', '.join(free)}; substitute numbers first (game.subs({{...}}))."
            )
        raise InvalidGameError(
            "this game's values are exact but irrational (such as sqrt(2)); a file holds "
            "rationals or floats: write game.to_float() instead."
        )


def game_to_json(game: Any, *, table: bool | None = None) -> dict:
    """The JSON document of a game (tables inline).

    A TU game of at most 12 players with at most half its coalitions non-zero is written by
    coalition names, others as the full table (``table=True`` or ``False`` forces one form).
    Simple, weighted, compound, ternary, (j,k), hedonic and partition-function games are
    written by their ``to_json()``.

    Raises
    ------
    InvalidGameError
        For a symbolic game (substitute its symbols first) or an ``OracleGame``.
    InvalidArgumentError
        For an object that is not a game.
    """
    if not isinstance(game, TUGame):
        return _other_to_json(game)
    _check_writable(game)
    values = game.values
    if table is None:
        nonzero = (
            int(np.count_nonzero(values != 0))
            if game.kind == nb.FLOAT
            else sum(1 for v in values.tolist() if v != 0)
        )
        table = game.n_players > _COALITION_FORM_PLAYERS or nonzero > len(values) // 2
    document = _tu_header(game)
    if table:
        document["values"] = (
            values.tolist() if game.kind == nb.FLOAT else [_json_number(v) for v in values.tolist()]
        )
    else:
        number = float if game.kind == nb.FLOAT else _json_number
        document["coalitions"] = [
            {"members": list(names_of(mask, game.players)), "value": number(v)}
            for mask, v in enumerate(values.tolist())
            if mask and v != 0
        ]
    return document


def _tu_header(game: TUGame) -> dict[str, Any]:
    """The keys of a TU game's document before its worths."""
    document: dict[str, Any] = {
        "type": "tu",
        "version": FORMAT_VERSION,
        "kind": "float" if game.kind == nb.FLOAT else "exact",
        "players": list(game.players),
    }
    if game.is_cost:
        document["cost"] = True
    return document


def _other_to_json(game: Any) -> dict:
    from .oracle import OracleGame

    if isinstance(game, OracleGame):
        raise InvalidGameError(
            "an OracleGame computes its values with a function, which a file cannot hold; "
            "write game.tabulate() (a TUGame) instead."
        )
    to_json = getattr(game, "to_json", None)
    if not callable(to_json):
        raise InvalidArgumentError(
            f"write_game writes a TUGame, SimpleGame, WeightedVotingGame, CompoundGame, "
            f"TernaryVotingGame, WeightedTernaryGame, JKSimpleGame, WeightedJKGame, "
            f"HedonicGame or PartitionFunctionGame, got {type(game).__name__}."
        )
    return to_json()


# ----------------------------------------------------------------------------- levels of approval
def _voter_names(document: dict, n: int, key: str) -> list[str]:
    """The ``"players"`` of a weighted ternary or (j,k) document (default ``"1"``, ...,
    ``"n"``), one per entry of ``document[key]``."""
    players = document.get("players")
    if players is None:
        return [str(i + 1) for i in range(n)]
    if len(players) != n:
        raise InvalidGameError(
            f"{key} has {n} entr{'y' if n == 1 else 'ies'} for {len(players)} "
            f"player{'s' if len(players) > 1 else ''}; give one per player, in the order of "
            '"players".'
        )
    return players


def _numbers_at(values: list, key: str) -> list:
    """The numbers of the list ``document[key]``, parsed exactly (entry ``i`` is named
    ``key[i]`` in errors)."""
    return [parse_number(v, f"{key}[{i}]") for i, v in enumerate(values)]


def _outcome_table(document: dict, levels: int, outputs: int) -> np.ndarray:
    """The ``levels**n`` outcomes of a ``"ternary"`` or ``"jk"`` document as an int64 array,
    checked entry by entry (whole numbers from 0 to ``outputs - 1``; long tables skip the
    schema's item check, so this is the check) and in length, before any table is built."""
    kind, n = document["type"], len(document["players"])
    count = 1
    for _ in range(n):  # levels**n, stopping as soon as it is too many
        count *= levels
        if count > MAX_JK_PROFILES:
            raise TooLargeError(
                f"outcomes: {n} players with {levels} levels each have {levels}**{n} "
                f"profiles; a {json.dumps(kind)} document lists at most {MAX_JK_PROFILES} "
                "outcomes (3**11). Give the rule by weights instead: a "
                f"{json.dumps('weighted-ternary' if kind == 'ternary' else 'weighted-jk')} "
                "document, whose measures need no table."
            )
    outcomes = document["outcomes"]
    if len(outcomes) != count:
        raise InvalidGameError(
            f"outcomes has {len(outcomes)} entries; {n} player{'s' if n > 1 else ''} with "
            f"{levels} levels each need {levels}**{n} = {count}, one per profile (the code "
            f"sum_i x_i {levels}**i, voter i's level x_i, 0 the lowest)."
        )
    bad = next(
        (i for i, v in enumerate(outcomes) if type(v) is not int or not 0 <= v < outputs), None
    )
    if bad is not None:
        what = (
            "0 (fails) or 1 (passes)"
            if kind == "ternary"
            else f"a whole number from 0 to {outputs - 1}"
        )
        raise InvalidGameError(f"outcomes[{bad}] must be {what}, got {_describe(outcomes[bad])}.")
    return np.array(outcomes, dtype=np.int64)


def _checked_table(build: Callable[[], Any]) -> Any:
    """Build a game from a document's outcome table; its refusals (not monotone, the wrong
    outcome of the all-lowest or all-highest profile) name ``outcomes``."""
    try:
        return build()
    except InvalidGameError as error:
        raise InvalidGameError(f"outcomes: {error}") from None


def _ternary_from_document(document: dict) -> TernaryVotingGame:
    """A ternary game from its outcome table (a document checked against the schema)."""
    table = _outcome_table(document, 3, 2)
    return _checked_table(
        lambda: TernaryVotingGame.from_table(table.astype(bool), document["players"])
    )


def _weighted_ternary_from_document(document: dict) -> WeightedTernaryGame:
    """A weighted ternary game ``[quota; (yes, abstain, no)]`` (a document checked against
    the schema)."""
    n = len(document["yes"])
    for key in ("abstain", "no"):
        if key in document and len(document[key]) != n:
            raise InvalidGameError(
                f"{key} has {len(document[key])} entr{'y' if len(document[key]) == 1 else 'ies'}"
                f' and "yes" has {n}; give each voter one weight per vote, in the order of '
                '"players".'
            )
    players = _voter_names(document, n, "yes")
    weights = {key: _numbers_at(document[key], key) for key in VOTES if key in document}
    for key, values in weights.items():
        i = next((i for i, v in enumerate(values) if v < 0), None)
        if i is not None:
            raise InvalidGameError(
                f"{key}[{i}] is {document[key][i]}; a vote weighs at least 0 (write 0 for a "
                "vote that adds nothing)."
            )
    return WeightedTernaryGame(
        parse_number(document["quota"], "quota"),
        weights["yes"],
        weights["abstain"],
        weights.get("no"),
        players,
    )


def _jk_from_document(document: dict) -> JKSimpleGame:
    """A (j,k) game from its outcome table (a document checked against the schema)."""
    levels, outputs = document["levels"], document["outputs"]
    table = _outcome_table(document, levels, outputs)
    return _checked_table(
        lambda: JKSimpleGame.from_table(table, document["players"], levels=levels, outputs=outputs)
    )


def _weighted_jk_from_document(document: dict) -> WeightedJKGame:
    """A weighted (j,k) game from its weights by level and quotas (a document checked
    against the schema)."""
    rows = document["weights"]
    j = len(rows[0])
    i = next((i for i, row in enumerate(rows) if len(row) != j), None)
    if i is not None:
        raise InvalidGameError(
            f"weights[{i}] has {len(rows[i])} entr{'y' if len(rows[i]) == 1 else 'ies'} and "
            f"weights[0] has {j}; every voter "
            "gives one weight per level of approval, lowest level first, and every voter has "
            "the same levels."
        )
    players = _voter_names(document, len(rows), "weights")
    weights = [_numbers_at(row, f"weights[{i}]") for i, row in enumerate(rows)]
    return WeightedJKGame(weights, _numbers_at(document["quotas"], "quotas"), players)


def _levels_to_json(game: TernaryVotingGame | JKSimpleGame) -> dict:
    """The JSON document of a ternary or (j,k) game (their ``to_json()``): a weighted game
    by its weights and quota(s), any other by its outcome table."""
    header: dict[str, Any] = {"version": FORMAT_VERSION, "players": list(game.players)}
    if isinstance(game, WeightedTernaryGame):
        by_vote = list(zip(*game.levels))  # (yes..., abstain..., no...)
        return {
            "type": "weighted-ternary",
            **header,
            "quota": _json_number(game.quota),
            **{vote: [_json_number(w) for w in by_vote[k]] for k, vote in enumerate(VOTES[::-1])},
        }
    if isinstance(game, WeightedJKGame):
        return {
            "type": "weighted-jk",
            **header,
            "weights": [[_json_number(w) for w in row] for row in game.weights],
            "quotas": [_json_number(q) for q in game.quotas],
        }
    if isinstance(game, TernaryVotingGame):
        return {"type": "ternary", **header, "outcomes": game.outcome_table().astype(int).tolist()}
    return {
        "type": "jk",
        **header,
        "levels": game.n_levels,
        "outputs": game.n_outputs,
        "outcomes": game.outcome_table().tolist(),
    }


# ----------------------------------------------------------------------------- binary tables
def _exact_encoding(values: np.ndarray) -> tuple[dict, np.ndarray]:
    """int64 numerators over one common denominator when they fit, else fraction text."""
    numerators, denominator = nb.to_scaled_int(values, int64_max=2**63)
    if numerators.dtype == np.int64 and denominator < 2**63:
        return {"encoding": "int64", "denominator": denominator}, numerators
    text = [str(v).encode("ascii") for v in values.tolist()]
    return {"encoding": "fraction-text"}, np.array(text, dtype=np.bytes_)


def _table_encoding(game: TUGame) -> tuple[dict, np.ndarray]:
    if game.kind == nb.FLOAT:
        return {"encoding": "float64"}, np.ascontiguousarray(game.values, dtype="<f8")
    return _exact_encoding(game.values)


def _npy_header(stream: Any, where: str) -> tuple[tuple, bool, np.dtype]:
    from numpy.lib import format as npy

    try:
        version = npy.read_magic(stream)
        if version == (1, 0):
            return npy.read_array_header_1_0(stream)
        if version == (2, 0):
            return npy.read_array_header_2_0(stream)
    except (zipfile.BadZipFile, zlib.error):
        raise  # a damaged archive member (reported by the caller)
    except Exception as error:  # numpy's header parser raises ValueError, TokenError, ...
        raise InvalidGameError(
            f"{where} is not a valid .npy array: {str(error).rstrip('.')}."
        ) from None
    raise InvalidGameError(
        f"{where} is a .npy file of version {version}; write it with "
        "numpy.save (versions 1.0 and 2.0 are read)."
    )


_ENCODING_DTYPES = {"float64": "f", "int64": "i", "fraction-text": "S"}


def _read_npy(
    stream: Any,
    where: str,
    encoding: str,
    players: list | None,
    number_kind: str | None,
    *,
    end: int | None,
) -> tuple[int, np.ndarray]:
    """Read one validated table from an open .npy stream: ``(n, array)``.

    ``end`` is the offset where the .npy data must end in a real file (read with
    ``numpy.fromfile``); ``None`` for a stream of a compressed archive member.
    """
    shape, fortran, dtype = _npy_header(stream, where)
    if (
        dtype.hasobject
        or dtype.kind != _ENCODING_DTYPES[encoding]
        or (encoding != "fraction-text" and dtype.itemsize != 8)
        or dtype.fields is not None
    ):
        wanted = {
            "float64": "numpy.float64",
            "int64": "numpy.int64",
            "fraction-text": "a byte-string array (dtype 'S')",
        }[encoding]
        raise InvalidGameError(
            f"{where} holds an array of dtype {dtype.str}, but the document says "
            f'"encoding": "{encoding}"; store {wanted} (array.astype(...)).'
        )
    if len(shape) != 1:
        raise InvalidGameError(
            f"{where} holds an array of shape {shape}; a table is "
            "one-dimensional, with 2**n entries."
        )
    n = _n_from_length(shape[0], players, where)
    kind = nb.FLOAT if encoding == "float64" else nb.EXACT
    if number_kind is not None and number_kind != kind:
        raise InvalidGameError(
            f'"kind": "{number_kind}" does not match "encoding": "{encoding}" (a '
            f'{kind} table); remove "kind" or store the table as '
            f"{'float64' if number_kind == 'float' else 'int64 or fraction-text'}."
        )
    if dtype.kind == "S" and dtype.itemsize > 4096:
        raise InvalidGameError(
            f"{where} holds strings of {dtype.itemsize} bytes; exact values "
            "are limited to 4096 characters."
        )
    _check_size(n, kind)
    count = 1 << n
    if end is not None:
        if stream.tell() + count * dtype.itemsize != end:
            have = (end - stream.tell()) // dtype.itemsize
            raise InvalidGameError(
                f"{where} holds {max(have, 0)} values' worth of data for a table of {count}; "
                "write it with numpy.save."
            )
        array = np.fromfile(stream, dtype=dtype, count=count)
        if array.size != count:
            raise InvalidGameError(f"{where} ends early: {array.size} of {count} values.")
    else:
        array = np.empty(count, dtype=dtype)
        buffer = array.data.cast("B")
        position, step = 0, 1 << 24
        while position < len(buffer):
            chunk = stream.read(min(step, len(buffer) - position))
            if not chunk:
                raise InvalidGameError(
                    f"{where} ends early: {position // dtype.itemsize} of {count} values."
                )
            buffer[position : position + len(chunk)] = chunk
            position += len(chunk)
    if end is None and stream.read(1):  # (also makes zipfile check the member's CRC)
        raise InvalidGameError(
            f"{where} has data after its {count} values; write it with numpy.save."
        )
    if not dtype.isnative and dtype.kind != "S":
        array = array.astype(dtype.newbyteorder("="))
    return n, array


def _decode_table(array: np.ndarray, reference: dict, where: str) -> np.ndarray:
    encoding = reference["encoding"]
    if encoding == "float64":
        return array
    if encoding == "int64":
        denominator = reference["denominator"]
        table = np.empty(len(array), dtype=object)
        table[:] = [Fraction(k, denominator) for k in array.tolist()]
        return table
    table = np.empty(len(array), dtype=object)
    for i, raw in enumerate(array.tolist()):
        try:
            text = raw.decode("ascii")
        except UnicodeDecodeError:
            raise InvalidGameError(
                f'{where}[{i}] is not ASCII text; fraction-text tables hold strings such as "2/3".'
            ) from None
        value = parse_number(text, f"{where}[{i}]")
        table[i] = Fraction(value)
    return table


class _Tables:
    """Finds the binary tables a document refers to: sidecar files or .npz members."""

    def __init__(
        self,
        *,
        directory: Path | None = None,
        archive: zipfile.ZipFile | None = None,
        source: str = "",
    ) -> None:
        self.directory = directory
        self.archive = archive
        self.source = source
        self.used: set[str] = set()

    def load(
        self, reference: dict, players: list | None, number_kind: str | None, where: str
    ) -> np.ndarray:
        encoding = reference["encoding"]
        if "array" in reference:
            if self.archive is None:
                raise InvalidGameError(
                    f'{where}: "array" names an array of an .npz archive, but this document '
                    'is a plain JSON file; use "file": "NAME.npy" for a .npy file beside '
                    "it, or store document and table in one .npz (write_game(game, "
                    '"game.npz")).'
                )
            member = reference["array"] + ".npy"
            try:
                info = self.archive.getinfo(member)
            except KeyError:
                raise InvalidGameError(
                    f"{where}: the archive {self.source} has no array "
                    f"{reference['array']!r} ({member})."
                ) from None
            self.used.add(member)
            label = f"{self.source}:{member}"
            try:
                stored = self._stored_offset(self.archive, info)
                if stored is not None:  # uncompressed: read straight from the file
                    filename, offset = stored
                    with open(filename, "rb") as stream:
                        stream.seek(offset)
                        n, array = _read_npy(
                            stream,
                            label,
                            encoding,
                            players,
                            number_kind,
                            end=offset + info.file_size,
                        )
                else:
                    with self.archive.open(info) as stream:
                        n, array = _read_npy(
                            stream, label, encoding, players, number_kind, end=None
                        )
            except _ZIP_ERRORS as error:
                raise InvalidGameError(f"{label} is damaged: {str(error).rstrip('.')}.") from None
            return _decode_table(array, reference, label)
        if self.directory is None:
            raise InvalidGameError(
                f"{where}: inside an .npz archive a table is an array of the archive "
                '("array": NAME), not a "file".'
            )
        path = self._sidecar(self.directory, reference["file"], where)
        try:
            with open(path, "rb") as stream:
                n, array = _read_npy(
                    stream,
                    str(path),
                    encoding,
                    players,
                    number_kind,
                    end=os.fstat(stream.fileno()).st_size,
                )
        except FileNotFoundError:
            raise InvalidGameError(
                f"{where}: the table file {path} does not exist; it must lie in the same "
                "folder as the document."
            ) from None
        except (IsADirectoryError, PermissionError) as error:
            raise InvalidGameError(f"{where}: cannot read {path}: {error}") from None
        return _decode_table(array, reference, str(path))

    def _stored_offset(
        self, archive: zipfile.ZipFile, info: zipfile.ZipInfo
    ) -> tuple[str, int] | None:
        """The archive's file name and where an uncompressed member's data starts in it
        (None: use zipfile).

        Reading it with ``numpy.fromfile`` is as fast as ``numpy.load`` of a .npy; like that,
        it does not recompute the member's CRC (the header, dtype and length are checked).
        """
        if (
            info.compress_type != zipfile.ZIP_STORED
            or info.flag_bits & 0x1
            or not isinstance(archive.filename, str)
        ):
            return None
        with open(archive.filename, "rb") as stream:
            stream.seek(info.header_offset)
            header = stream.read(30)
        if len(header) != 30 or header[:4] != b"PK\x03\x04":
            raise InvalidGameError(
                f"{self.source}: the local header of {info.filename} is damaged."
            )
        name_length = int.from_bytes(header[26:28], "little")
        extra_length = int.from_bytes(header[28:30], "little")
        return archive.filename, info.header_offset + 30 + name_length + extra_length

    def _sidecar(self, directory: Path, name: str, where: str) -> Path:
        """A sidecar file: a plain name in the document's folder (nothing else is opened)."""
        plain = (
            isinstance(name, str)
            and name == os.path.basename(name)
            and name == Path(name).name
            and not name.startswith(".")
            and "/" not in name
            and "\\" not in name
            and ":" not in name
            and "\x00" not in name
            and name.endswith(".npy")
        )
        if not plain:
            raise InvalidGameError(
                f"{where}.file must be a plain file name ending in .npy in the document's "
                f"folder, got {json.dumps(name)}; folders and paths are not followed."
            )
        directory = directory.resolve()
        path = directory / name
        if path.resolve().parent != directory:
            raise InvalidGameError(
                f"{where}.file {json.dumps(name)} is a link that leads out of the document's "
                "folder; put the table itself beside the document."
            )
        return path


# ----------------------------------------------------------------------------- dispatch
def _without_tables(reader: Callable[[dict], Any]) -> Callable[[dict, Any], Any]:
    return lambda document, tables: reader(document)


#: The reader of every document ``"type"``, in one static table (nothing registers itself on
#: import, no reader is found by name). A reader takes the document and the binary tables
#: beside it (only TU games have any). A game reader gets a document already checked
#: against the schema and returns the game; a reader of :data:`NEGOTIATION_TYPES` checks its
#: document itself and returns ``(model, options)``.
READERS: dict[str, Callable[[dict, Any], Any]] = {
    "tu": _tu_from_document,
    "simple": _without_tables(_simple_from_document),
    "weighted": _without_tables(_simple_from_document),
    "compound": _without_tables(_simple_from_document),
    "ternary": _without_tables(_ternary_from_document),
    "weighted-ternary": _without_tables(_weighted_ternary_from_document),
    "jk": _without_tables(_jk_from_document),
    "weighted-jk": _without_tables(_weighted_jk_from_document),
    "hedonic": _without_tables(_hedonic_from_document),
    "partition-function": _without_tables(_pfg_from_document),
    "bargaining": _without_tables(bargaining_from_document),
    "spatial": _without_tables(spatial_from_document),
    "linkage": _without_tables(linkage_from_document),
}
#: The document types :func:`read_game` reads.
GAME_TYPES = tuple(kind for kind in READERS if kind not in NEGOTIATION_TYPES)


def _build(document: dict, tables: _Tables | None) -> Any:
    kind = validate_document(document)
    return READERS[kind](document, tables)


def game_from_json(document: dict) -> Any:
    """Build a game from a parsed JSON document (dispatching on its ``"type"``).

    A document whose table lives in a binary file must be read with :func:`read_game`.

    Examples
    --------
    >>> import coalitions as co
    >>> co.game_from_json({"players": ["a", "b"], "values": [0, 1, 1, "5/2"]}).grand_value
    Fraction(5, 2)
    """
    return _build(document, None)


#: What zipfile raises on a damaged, encrypted or unsupported archive.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    OSError,
    EOFError,
    ValueError,
    NotImplementedError,
    RuntimeError,
    zlib.error,
    struct.error,
)


def _magic(path: Path) -> bytes:
    try:
        with open(path, "rb") as stream:
            return stream.read(6)
    except OSError:
        return b""


def _read_npz(path: Path) -> Any:
    try:
        archive = zipfile.ZipFile(path)
    except _ZIP_ERRORS as error:
        raise InvalidGameError(f"{path} is not a valid .npz archive: {error}.") from None
    with archive:
        names = archive.namelist()
        if len(set(names)) != len(names):
            raise InvalidGameError(f"{path} lists a member twice; write it with write_game.")
        if NPZ_DOCUMENT not in names:
            raise InvalidGameError(
                f"{path} has no {NPZ_DOCUMENT}; a game archive holds the JSON document "
                f"({NPZ_DOCUMENT}) and its tables (.npy). Write one with "
                'write_game(game, "game.npz"); for a bare table use TUGame(numpy.load(...)).'
            )
        info = archive.getinfo(NPZ_DOCUMENT)
        if info.file_size > _MAX_NPZ_DOCUMENT_BYTES:
            raise InvalidGameError(
                f"{path}: {NPZ_DOCUMENT} is {info.file_size} bytes; a "
                "document that large belongs in the binary tables."
            )
        try:
            raw = archive.read(info)
        except _ZIP_ERRORS as error:
            raise InvalidGameError(f"{path}:{NPZ_DOCUMENT} is damaged: {error}.") from None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise InvalidGameError(f"{path}:{NPZ_DOCUMENT} is not UTF-8: {error}.") from None
        document = _parse_json(text, f"{path}:{NPZ_DOCUMENT}")
        tables = _Tables(archive=archive, source=str(path))
        game = _build(document, tables)
        unused = [name for name in names if name != NPZ_DOCUMENT and name not in tables.used]
        if unused:
            raise InvalidGameError(
                f"{path} holds members its document does not use: "
                f"{', '.join(map(repr, unused[:5]))}; a game archive holds "
                f"{NPZ_DOCUMENT} and the tables it names."
            )
        return game


def read_game(path: str | Path) -> Any:
    """Read a game file: a JSON document, or an ``.npz`` archive with binary tables.

    The format is recognised from the content, not the file name. A JSON document may keep
    its table in a ``.npy`` file beside it (``"values": {"encoding": "float64", "file":
    "NAME.npy"}``); only plain file names in the document's own folder are opened.

    Raises
    ------
    InvalidGameError
        For any problem with the file, naming where it is and how to fix it.
    TooLargeError
        When the table would not fit in memory.

    Examples
    --------
    >>> import coalitions as co, tempfile, os
    >>> glove = co.glove_game(["L"], ["R1", "R2"])
    >>> folder = tempfile.mkdtemp()
    >>> co.write_game(glove, os.path.join(folder, "glove.json"))
    >>> co.read_game(os.path.join(folder, "glove.json")) == glove
    True
    >>> co.write_game(glove.to_float(), os.path.join(folder, "glove.npz"))
    >>> co.read_game(os.path.join(folder, "glove.npz")).values.tolist()
    [0.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0]
    """
    path = as_path(path, "read_game", InvalidGameError)
    magic = _magic(path) if path.is_file() else b""
    if magic.startswith(b"PK\x03\x04"):
        return _read_npz(path)
    if magic == b"\x93NUMPY":
        raise InvalidGameError(
            f"{path} is a bare .npy array, not a game file. Build the game with "
            "coalitions.TUGame(numpy.load(path)), or write a JSON document beside it: "
            f'{{"players": [...], "values": {{"encoding": "float64", "file": '
            f'"{path.name}"}}}}.'
        )
    document = load_document(path)
    return _build(document, _Tables(directory=path.parent, source=str(path)))


# ----------------------------------------------------------------------------- negotiation
def _header(document: dict) -> None:
    if "version" in document:
        version = document["version"]
        if isinstance(version, bool) or version != FORMAT_VERSION:
            raise InvalidProblemError(
                f"unknown version {json_text(version)}; this release reads version "
                f'{FORMAT_VERSION} (write "version": {FORMAT_VERSION} or leave it out).'
            )
    if "description" in document and not isinstance(document["description"], str):
        raise InvalidProblemError("description must be a string.")


def negotiation_from_json(doc: dict) -> tuple[str, Any, dict]:
    """``(kind, object, options)`` from a parsed document with ``"type"`` bargaining,
    spatial or linkage (the formats of docs/reference/negotiation-file-formats.md).

    Raises
    ------
    InvalidProblemError
        For an unknown type, key or version, a missing key, a value of the wrong type (the
        key is named), a formula outside the grammar, or a problem that is itself invalid.
    """
    if not isinstance(doc, dict):
        raise InvalidProblemError("a negotiation document must be a JSON object.")
    kind = doc.get("type")
    if kind not in NEGOTIATION_TYPES:
        raise InvalidProblemError(
            f"{'missing' if kind is None else 'unknown'} document type"
            f'{"" if kind is None else " " + json_text(kind)}; write "type": "bargaining", '
            '"spatial" or "linkage" (see docs/reference/negotiation-file-formats.md).'
        )
    _header(doc)
    try:
        return (kind, *READERS[kind](doc, None))
    except (KeyError, TypeError) as error:  # a check above missed a malformed value
        raise InvalidProblemError(f"malformed {kind} document: {error!r}.") from None


def read_negotiation(path) -> tuple[str, Any, dict]:
    """Read a bargaining, spatial or linkage JSON file (checked as :func:`negotiation_from_json`
    describes)."""
    return negotiation_from_json(load_document(path))


# ----------------------------------------------------------------------------- writing
def _write_json_text(stream: Any, document: dict) -> None:
    """Pretty JSON with every top-level key on its own line and long tables streamed."""
    stream.write("{")
    for position, (key, value) in enumerate(document.items()):
        stream.write(("," if position else "") + f"\n  {json.dumps(key)}: ")
        if isinstance(value, np.ndarray):  # a float table, written in chunks
            stream.write("[")
            step = 1 << 16
            for start in range(0, len(value), step):
                chunk = json.dumps(value[start : start + step].tolist())[1:-1]
                stream.write((", " if start else "") + chunk)
            stream.write("]")
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            stream.write("[\n    " + ",\n    ".join(json.dumps(v) for v in value) + "\n  ]")
        else:
            stream.write(json.dumps(value))
    stream.write("\n}\n")


def _replace_atomically(path: Path, write: Callable[[Path], None]) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(temporary)
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()


def _write_npy(stream: Any, array: np.ndarray) -> None:
    from numpy.lib import format as npy

    npy.write_array_header_1_0(stream, npy.header_data_from_array_1_0(array))
    if array.dtype.kind == "S":
        stream.write(array.tobytes())
    else:
        stream.write(np.ascontiguousarray(array).data.cast("B"))


def write_game(game: Any, path: str | Path, *, format: str | None = None) -> None:
    """Write a game to a file that :func:`read_game` reads back.

    Parameters
    ----------
    game : TUGame, a simple, weighted, compound, ternary or (j,k) voting game, HedonicGame or PartitionFunctionGame
    path : str or Path
    format : {"json", "npz", "json+npy"}, optional
        ``"json"``: one JSON document, tables inline (fine up to about 20 players).
        ``"npz"``: one ``.npz`` archive holding ``document.json`` and the table as a binary
        ``.npy`` array (float64, or int64 numerators over a common denominator for exact
        games); as fast as ``numpy.save``, the choice for large games. ``"json+npy"``: the
        JSON document, with the table in ``<stem>.values.npy`` beside it. Default: ``"npz"``
        when the path ends in ``.npz``, else ``"json"``. Games without a binary table (simple,
        weighted, compound, ternary, (j,k), hedonic, partition-function) are JSON documents
        in every format.

    Raises
    ------
    InvalidGameError
        For a symbolic game (substitute its symbols first) or an ``OracleGame`` (tabulate it).
    InvalidArgumentError
        For an unknown ``format``, a ``path`` that is not a file name, or an object that is
        not a game.
    """
    path = as_path(path, "write_game")
    if format is None:
        format = "npz" if path.suffix.lower() == ".npz" else "json"
    check_choice(format, WRITE_FORMATS, what="format")
    arrays: dict[str, np.ndarray] = {}
    if isinstance(game, TUGame) and (format != "json" or game.kind == nb.FLOAT):
        _check_writable(game)
        document = _tu_header(game)
        if format == "json":  # float table, streamed
            if game.n_players <= _COALITION_FORM_PLAYERS:
                document = game_to_json(game)
            else:
                document["values"] = game.values
        else:
            reference, arrays["values"] = _table_encoding(game)
            if format == "npz":
                reference["array"] = "values"
            else:
                reference["file"] = f"{path.stem}.values.npy"
            document["values"] = reference
    else:
        document = game_to_json(game)

    if format == "npz":
        text = _document_text(document)

        def write(target: Path) -> None:
            with zipfile.ZipFile(
                target, "w", compression=zipfile.ZIP_STORED, allowZip64=True
            ) as archive:
                archive.writestr(NPZ_DOCUMENT, text)
                for name, array in arrays.items():
                    with archive.open(f"{name}.npy", "w", force_zip64=True) as member:
                        _write_npy(member, array)

        _replace_atomically(path, write)
        return
    if arrays:
        sidecar = path.with_name(document["values"]["file"])

        def write_sidecar(target: Path) -> None:
            with open(target, "wb") as stream:
                _write_npy(stream, arrays["values"])

        _replace_atomically(sidecar, write_sidecar)

    def write_document(target: Path) -> None:
        with open(target, "w", encoding="utf-8") as stream:
            _write_json_text(stream, document)

    _replace_atomically(path, write_document)


def _document_text(document: dict) -> str:
    """The text :func:`write_game` writes for a document."""
    from io import StringIO

    buffer = StringIO()
    _write_json_text(buffer, document)
    return buffer.getvalue()


# ------------------------------------------------------------------- yes-probability profiles
#: Largest profile file :func:`read_profile` reads (one line per member: a few MiB is plenty).
MAX_PROFILE_BYTES = 8 << 20
#: The header of a profile CSV file.
PROFILE_COLUMNS = ("member", "p")
_PROFILE_HELP = (
    'write a CSV file with the header "member,p" and one row per member, or a JSON object '
    '{"member": p, ...}'
)


def _profile_entries(path: Path, text: str) -> list[tuple[str, Any]]:
    """The (member, raw p) pairs of a profile file, in file order (JSON or CSV)."""
    import csv

    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):

        def pairs(items: list) -> list:
            return items  # keep duplicates: they are reported by name below

        try:
            document = json.loads(
                text, object_pairs_hook=pairs, parse_constant=_refuse_constant, parse_float=str
            )
        except json.JSONDecodeError as error:
            raise InvalidGameError(
                f"{path} is not valid JSON: {error.msg} at line {error.lineno}, column "
                f"{error.colno}; {_PROFILE_HELP}."
            ) from None
        except RecursionError:
            raise InvalidGameError(f"{path} nests objects too deeply; {_PROFILE_HELP}.") from None
        except InvalidGameError as error:  # NaN or Infinity (before ValueError: a subclass)
            raise InvalidGameError(f"{path}: {error}") from None
        except ValueError as error:  # an integer of more than 4300 digits
            raise InvalidGameError(f"{path} holds a bad number: {error}.") from None
        if not isinstance(document, list) or not all(isinstance(pair, tuple) for pair in document):
            raise InvalidGameError(
                f"{path} must hold one JSON object of member names and probabilities; "
                f"{_PROFILE_HELP}."
            )
        return document
    try:
        rows = list(csv.reader(text.splitlines()))
    except csv.Error as error:
        raise InvalidGameError(f"{path} is not a readable CSV file ({error}).") from None
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows or tuple(cell.strip().lower() for cell in rows[0]) != PROFILE_COLUMNS:
        raise InvalidGameError(f"{path} needs the header line 'member,p'; {_PROFILE_HELP}.")
    entries = []
    for line, row in enumerate(rows[1:], start=2):
        if len(row) != 2:
            raise InvalidGameError(
                f"{path}, row {line}: expected 2 cells (member,p), got {len(row)}; "
                "quote a name that holds a comma."
            )
        entries.append((row[0].strip(), row[1].strip()))
    return entries


def _refuse_constant(name: str) -> Any:
    raise InvalidGameError(f"a probability is {name}; write a number between 0 and 1.")


def read_profile(path: str | Path, players: Iterable[str]) -> list:
    """Read a profile of yes-probabilities: the chance that each member votes yes.

    Two formats: a CSV file with the header ``member,p`` and one row per member, or a JSON
    object ``{"member": p, ...}`` (chosen by the suffix ``.json`` or a leading ``{``). Every
    member of ``players`` must appear exactly once, and nobody else. A probability is an
    integer, a fraction ``"p/q"`` or a decimal in :math:`[0, 1]`, read by the whitelist
    number reader :func:`parse_number` (never evaluated as code); text gives exact
    ``Fraction`` values, so that :func:`~coalitions.power.decisiveness` answers exactly.

    Parameters
    ----------
    path : str or pathlib.Path
        The file (at most ``MAX_PROFILE_BYTES``).
    players : sequence of str
        The members, in the order of the game (``game.players``).

    Returns
    -------
    list
        One probability per member, in ``players`` order (``Fraction``; a JSON number with
        an exponent or a decimal point stays exact as well).

    Raises
    ------
    InvalidGameError
        If the file is missing, too large, not UTF-8, not CSV/JSON of that shape, names a
        member twice, names someone who is not a member, leaves a member out, or holds a
        probability that is not a number in [0, 1] (NaN and infinities included). The
        message names the file, the member and how to fix it.

    See Also
    --------
    write_profile : the writer of the CSV format.
    coalitions.power.a_posteriori_table : decisiveness and success under a profile.

    References
    ----------
    .. [1] RFC 4180, *Common Format and MIME Type for Comma-Separated Values (CSV) Files*
       (2005).
    .. [2] Laruelle, A. and Valenciano, F. (2005). Assessing success and decisiveness in
       voting situations. *Social Choice and Welfare* 24(1), 171-197.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> import coalitions as co
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "profile.csv"
    >>> _ = path.write_text("member,p\\nB,1/2\\nA,0.9\\nC,1\\n")
    >>> co.read_profile(path, ["A", "B", "C"])
    [Fraction(9, 10), Fraction(1, 2), Fraction(1, 1)]
    """
    path = as_path(path, "read_profile", InvalidGameError)
    try:
        members = list(players)
    except TypeError:
        raise InvalidArgumentError(
            f"read_profile: players must be the members' names (game.players), got {players!r}."
        ) from None
    if path.is_file() and path.stat().st_size > MAX_PROFILE_BYTES:
        raise InvalidGameError(
            f"{path} is {path.stat().st_size} bytes, more than the {MAX_PROFILE_BYTES} a "
            "profile file may have; write one line per member."
        )
    entries = _profile_entries(path, read_text(path))
    known = set(members)
    found: dict[str, Any] = {}
    for name, raw in entries:
        if not isinstance(name, str) or name not in known:
            unknown = unknown_player(name, members, where=str(path), limit=20)
            raise InvalidGameError(
                f"{unknown} Remove that row, or spell the name as the game does."
            )
        if name in found:
            raise InvalidGameError(f"{path} gives member {name!r} twice; keep one line.")
        where = f"{path}: the probability of {name!r}"
        value = parse_number(raw, where)  # JSON floats arrive as text: exact
        if not 0 <= value <= 1:
            raise InvalidGameError(f"{where} is {raw}; write a number between 0 and 1.")
        found[name] = Fraction(value)
    missing = [name for name in members if name not in found]
    if missing:
        shown = ", ".join(repr(m) for m in missing[:10]) + (" ..." if len(missing) > 10 else "")
        raise InvalidGameError(
            f"{path} gives no probability for {len(missing)} member(s): {shown}; add a line "
            "per member."
        )
    return [found[name] for name in members]


def write_profile(profile: dict, destination: str | Path) -> Path:
    """Write a profile of yes-probabilities as the CSV file :func:`read_profile` reads.

    Parameters
    ----------
    profile : dict
        Member name -> probability (int, ``Fraction`` or float in [0, 1]); floats are
        written with ``repr``, so that they read back exactly.
    destination : str or pathlib.Path

    Returns
    -------
    pathlib.Path

    Raises
    ------
    InvalidGameError
        If ``profile`` is not a dict of names and numbers in [0, 1].

    References
    ----------
    .. [1] RFC 4180, *Common Format and MIME Type for Comma-Separated Values (CSV) Files*
       (2005).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from fractions import Fraction
    >>> import coalitions as co
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "profile.csv"
    >>> _ = co.write_profile({"A": Fraction(1, 3), "B": 0.25}, path)
    >>> path.read_text().splitlines()
    ['member,p', 'A,1/3', 'B,0.25']
    """
    import csv
    from io import StringIO

    path = as_path(destination, "write_profile", InvalidGameError)
    if not isinstance(profile, dict):
        raise InvalidGameError(
            f"write_profile: profile must be a dict of member -> probability, got "
            f"{type(profile).__name__}."
        )
    buffer = StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(PROFILE_COLUMNS)
    for name, value in profile.items():
        if not isinstance(name, str) or not name:
            raise InvalidGameError(f"write_profile: member names must be text, got {name!r}.")
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float, Fraction))
            or not 0 <= value <= 1
        ):
            raise InvalidGameError(
                f"write_profile: the probability of {name!r} must be a number in [0, 1], "
                f"got {value!r}."
            )
        writer.writerow([name, nb.round_trip_text(value)])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path
