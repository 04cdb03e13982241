"""The readers of negotiation documents: bargaining problems, spatial models, linkage models.

They are entries of the one table of document types, :data:`coalitions.games.io.READERS`,
and are read through :func:`coalitions.games.io.read_negotiation`.

The formats are documented in docs/reference/negotiation-file-formats.md. Documents are
checked strictly: an unknown key (a typo), an unknown ``version``, a string or a ``true`` where
a number belongs, a missing key or a name that is not a player is refused with an
:class:`~coalitions.exceptions.InvalidProblemError` naming the key (``feasible.surplus``,
``ideal_points.A``) and what to write instead.

Utility functions and frontiers are written as formulas (``"sqrt(x)"``, ``"1 - u1**2"``) and
parsed by the whitelist parser of :mod:`coalitions._formula`: numbers, the declared variables,
``+ - * / **``, parentheses and a few functions. Nothing in a file is ever evaluated as code.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable
from typing import Any

from .._formula import parse_formula
from ..exceptions import CoalitionsError, InvalidProblemError
from ._values import parse_number
from .bargaining_problem import BargainingProblem, _parse_utilities
from .bimatrix import bargaining_problem_from_game
from .linkage import IssueLinkageModel
from .simple import WeightedVotingGame, conjunction
from .spatial import SpatialModel

__all__ = [
    "bargaining_from_document",
    "spatial_from_document",
    "linkage_from_document",
    "decision_rule_from_json",
    "json_text",
]


# ---------------------------------------------------------------- checks on JSON values
def json_text(value: Any) -> str:
    """A JSON value as shown in an error message (at most 60 characters)."""
    import json

    try:
        shown = json.dumps(value)
    except (TypeError, ValueError):
        shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _object(value: Any, where: str, example: str) -> dict:
    if not isinstance(value, dict):
        raise InvalidProblemError(
            f"{where} must be a JSON object such as {example}, got {json_text(value)}."
        )
    return value


def _keys(
    document: dict, where: str, required: Iterable[str] = (), optional: Iterable[str] = ()
) -> None:
    """Refuse unknown keys (with the closest allowed key as a hint) and missing keys."""
    required, optional = tuple(required), tuple(optional)
    allowed = required + optional
    for key in document:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise InvalidProblemError(
                f"{where}: unknown key {key!r}{hint}; the allowed keys are {', '.join(allowed)}."
            )
    missing = [key for key in required if key not in document]
    if missing:
        raise InvalidProblemError(
            f"{where}: missing key {missing[0]!r} (required: {', '.join(required)})."
        )


def _number(value: Any, where: str):
    """A JSON number or a string holding a fraction ("2/3") or a decimal ("0.1")."""
    try:
        number = parse_number(value, where)
    except CoalitionsError as error:
        raise InvalidProblemError(str(error)) from None
    try:
        finite = math.isfinite(float(number))
    except OverflowError:
        finite = False
    if not finite:
        raise InvalidProblemError(f"{where} = {json_text(value)} is not a finite number.")
    return number


def _numbers(value: Any, where: str, length: int | None = None) -> list:
    if not isinstance(value, list):
        raise InvalidProblemError(f"{where} must be a list of numbers, got {json_text(value)}.")
    if length is not None and len(value) != length:
        raise InvalidProblemError(f"{where} has {len(value)} entries; it needs {length}.")
    return [_number(v, f"{where}[{i}]") for i, v in enumerate(value)]


def _point(value: Any, where: str):
    """A number (one dimension) or a pair of numbers (two dimensions)."""
    if isinstance(value, list):
        if len(value) not in (1, 2):
            raise InvalidProblemError(
                f"{where} must be a number or a pair [x, y], got {json_text(value)}."
            )
        return _numbers(value, where)
    return _number(value, where)


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise InvalidProblemError(f"{where} must be a non-empty string, got {json_text(value)}.")
    return value


def _player(value: Any, where: str, players: Iterable[str]) -> str:
    players = tuple(players)
    name = _string(value, where)
    if name not in players:
        raise InvalidProblemError(
            f"{where} = {name!r} is not a player; players are {list(players)}."
        )
    return name


def _per_player(value: Any, where: str, players: tuple, convert) -> dict:
    """``{name: item}`` with exactly the players as keys."""
    value = _object(value, where, '{"A": 1, "B": 2}')
    for name in (*value, *players):  # the first key that is no player, then the first gap
        if name not in players:
            raise InvalidProblemError(
                f"{where}: {name!r} is not a player; players are {list(players)}."
            )
        if name not in value:
            raise InvalidProblemError(
                f"{where}: no entry for player {name!r}; give one per player."
            )
    return {p: convert(value[p], f"{where}.{p}") for p in players}


# ---------------------------------------------------------------- formulas and rules
def _formula(text: Any, variables: list[str], where: str):
    """A float callable of a frontier formula (whitelist parser, never sympify)."""
    import sympy

    symbols = sympy.symbols(variables)
    expr = parse_formula(text, dict(zip(variables, symbols)), where=where)
    # lambdify prints the checked expression (numbers, u1.., whitelisted functions) as code
    f = sympy.lambdify(symbols, expr, modules="math")
    return lambda *args: float(f(*args))


def decision_rule_from_json(rule: Any, players: tuple, where: str = "decision_rule") -> Any:
    """``"unanimity"``, ``"majority"``, an integer k, ``{"type": "k_of_n", "k": k}`` or
    ``{"type": "weighted", "quota": q, "weights": {name: w}}`` (optionally a list of such
    weighted rules under ``{"type": "all", "rules": [...]}``, all of which must be met: a
    compound rule).

    The shorthands come back as they are (the models make them weighted games with
    :func:`~coalitions.games.simple.decision_rule_game`), a weighted rule as a
    :class:`~coalitions.WeightedVotingGame` and ``"all"`` as their conjunction, a
    :class:`~coalitions.CompoundGame`: decision rules are simple games, with the exact
    quota and weights written in the file."""
    n = len(players)
    if isinstance(rule, str):
        if rule not in ("unanimity", "majority"):
            raise InvalidProblemError(
                f'{where} = {rule!r} is not a rule; use "unanimity", "majority", an '
                "integer k or an object (see docs/reference/negotiation-file-formats.md)."
            )
        return rule
    if isinstance(rule, int) and not isinstance(rule, bool):
        if not 1 <= rule <= n:
            raise InvalidProblemError(f"{where} = {rule}: a k-of-n rule needs 1 <= k <= {n}.")
        return rule
    if not isinstance(rule, dict) or "type" not in rule:
        raise InvalidProblemError(
            f'{where} must be "unanimity", "majority", an integer k, '
            '{"type": "k_of_n", "k": k}, {"type": "weighted", "quota": q, '
            '"weights": {...}} or {"type": "all", "rules": [...]}; got '
            f"{json_text(rule)}."
        )
    kind = rule["type"]
    if kind == "k_of_n":
        _keys(rule, where, ("type", "k"))
        if not isinstance(rule["k"], int) or isinstance(rule["k"], bool):
            raise InvalidProblemError(f"{where}.k must be an integer, got {json_text(rule['k'])}.")
        return decision_rule_from_json(rule["k"], players, f"{where}.k")
    if kind == "weighted":
        _keys(rule, where, ("type", "quota", "weights"))
        weights = _per_player(rule["weights"], f"{where}.weights", players, _number)
        quota = _number(rule["quota"], f"{where}.quota")
        try:
            return WeightedVotingGame(quota, [weights[p] for p in players], players)
        except CoalitionsError as error:
            raise InvalidProblemError(f"{where}: {error}") from None
    if kind == "all":
        _keys(rule, where, ("type", "rules"))
        rules = rule["rules"]
        if not isinstance(rules, list) or not rules:
            raise InvalidProblemError(f"{where}.rules must be a non-empty list of weighted rules.")
        parts = [
            decision_rule_from_json(r, players, f"{where}.rules[{i}]") for i, r in enumerate(rules)
        ]
        if not all(isinstance(p, WeightedVotingGame) for p in parts):
            raise InvalidProblemError(
                f'{where}.rules must hold weighted rules ({{"type": "weighted", ...}}).'
            )
        return parts[0] if len(parts) == 1 else conjunction(*parts)
    raise InvalidProblemError(
        f"{where}.type = {json_text(kind)} is unknown; use k_of_n, weighted or all."
    )


# ---------------------------------------------------------------- the three document types
# form -> (required keys, optional keys) of "feasible"
_FEASIBLE_FORMS = {
    "vertices": (("vertices",), ()),
    "utilities": (("utilities",), ("surplus",)),
    "frontier": (("frontier", "upper"), ()),
    "game": (("game",), ()),
}


def bargaining_from_document(doc: dict) -> tuple[Any, dict]:
    """The problem of a ``"bargaining"`` document, and its options (``weights``)."""
    _keys(
        doc,
        "bargaining document",
        ("type", "feasible"),
        ("version", "description", "players", "disagreement", "weights"),
    )
    players = doc.get("players")
    if players is not None:
        if not isinstance(players, list) or not players:
            raise InvalidProblemError(f"players must be a list of names, got {json_text(players)}.")
        players = [_string(p, f"players[{i}]") for i, p in enumerate(players)]
        if len(set(players)) != len(players):
            raise InvalidProblemError(f"players must be distinct, got {players}.")
    feasible = _object(doc["feasible"], "feasible", '{"vertices": [[0, 1], [1, 0]]}')
    forms = [form for form in _FEASIBLE_FORMS if form in feasible]
    if len(forms) != 1:
        raise InvalidProblemError(
            'feasible must hold exactly one of {"vertices": [...]}, {"surplus": S, '
            '"utilities": [...]}, {"frontier": "...", "upper": [...]} or '
            f'{{"game": {{"row": A, "column": B}}}}; got keys {sorted(feasible)}.'
        )
    form = forms[0]
    _keys(feasible, "feasible", *_FEASIBLE_FORMS[form])
    d = doc.get("disagreement")
    if d is not None and not (form == "game" and d in ("nash", "maxmin")):
        d = _numbers(d, "disagreement")
    weights = None
    if doc.get("weights") is not None:
        weights = _numbers(doc["weights"], "weights")
    if form == "vertices":
        vertices = feasible["vertices"]
        if not isinstance(vertices, list) or not vertices:
            raise InvalidProblemError(
                "feasible.vertices must be a non-empty list of utility "
                "vectors, e.g. [[0, 0], [1, 0], [0, 1]]."
            )
        points = [_numbers(row, f"feasible.vertices[{i}]") for i, row in enumerate(vertices)]
        problem = BargainingProblem.from_vertices(points, d, players=players)
    elif form == "utilities":
        formulas = feasible["utilities"]
        if not isinstance(formulas, list):
            raise InvalidProblemError(
                'feasible.utilities must be a list of formulas in x, such as ["x", "sqrt(x)"].'
            )
        expressions, _ = _parse_utilities(formulas, where="feasible.utilities")
        surplus = _number(feasible.get("surplus", 1), "feasible.surplus")
        problem = BargainingProblem.from_surplus(
            list(expressions), d, surplus=surplus, players=players
        )
    elif form == "frontier":
        upper = feasible["upper"]
        upper = (
            _numbers(upper, "feasible.upper")
            if isinstance(upper, list)
            else [_number(upper, "feasible.upper")]
        )
        names = [f"u{i + 1}" for i in range(len(upper))]
        g = _formula(feasible["frontier"], names, "feasible.frontier")
        problem = BargainingProblem.from_frontier(g, upper, d, players=players)
    else:
        game = _object(
            feasible["game"],
            "feasible.game",
            '{"row": [[3, 0], [5, 1]], "column": [[3, 5], [0, 1]]}',
        )
        _keys(game, "feasible.game", ("row", "column"))
        matrices = []
        for side in ("row", "column"):
            matrix = game[side]
            if not isinstance(matrix, list) or not matrix:
                raise InvalidProblemError(
                    f"feasible.game.{side} must be a matrix (a list of rows of numbers)."
                )
            matrices.append(
                [_numbers(r, f"feasible.game.{side}[{i}]") for i, r in enumerate(matrix)]
            )
        problem = bargaining_problem_from_game(
            *matrices,
            disagreement=d if d is not None else "nash",
            players=players or ("row", "column"),
        )
    return problem, {"weights": weights}


def spatial_from_document(doc: dict) -> tuple[Any, dict]:
    """The model of a ``"spatial"`` document (it has no options)."""
    _keys(
        doc,
        "spatial document",
        ("type", "ideal_points", "status_quo"),
        ("version", "description", "decision_rule", "setter", "weights"),
    )
    ideals = _object(doc["ideal_points"], "ideal_points", '{"A": 2, "B": 4}')
    if not ideals:
        raise InvalidProblemError("ideal_points must name at least one player.")
    points = {name: _point(value, f"ideal_points.{name}") for name, value in ideals.items()}
    players = tuple(points)
    status_quo = _point(doc["status_quo"], "status_quo")
    rule = decision_rule_from_json(doc.get("decision_rule", "unanimity"), players)
    setter = None if doc.get("setter") is None else _player(doc["setter"], "setter", players)
    weights = None
    if doc.get("weights") is not None:
        weights = _per_player(doc["weights"], "weights", players, _point)
    model = SpatialModel(points, status_quo, decision_rule=rule, setter=setter, weights=weights)
    return model, {}


def _issue_levels(value: Any, where: str) -> dict:
    value = _object(value, where, '{"A": 0, "B": 0}')
    return {str(k): _number(v, f"{where}.{k}") for k, v in value.items()}


def _utility_spec(spec: Any, where: str) -> dict:
    spec = _object(spec, where, '{"type": "linear", "slope": 1}')
    kind = spec.get("type")
    parameters = {"linear": ("slope",), "quadratic": ("ideal", "salience")}
    if kind not in parameters:
        raise InvalidProblemError(
            f'{where}.type = {json_text(kind)} is unknown; use "linear" or "quadratic".'
        )
    _keys(spec, where, ("type",) + parameters[kind])
    return {"type": kind, **{k: _number(spec[k], f"{where}.{k}") for k in parameters[kind]}}


def linkage_from_document(doc: dict) -> tuple[Any, dict]:
    """The model of a ``"linkage"`` document, and its options (``blocker``, the linked and
    demanded issues, a counterfactual rule)."""
    _keys(
        doc,
        "linkage document",
        ("type", "utilities", "status_quo"),
        (
            "version",
            "description",
            "bounds",
            "decision_rule",
            "no_agreement",
            "blocker",
            "linked_issue",
            "demand_issue",
            "counterfactual_rule",
            "assumptions",
        ),
    )
    utilities = _object(doc["utilities"], "utilities", "{member: {issue: utility}}")
    if not utilities:
        raise InvalidProblemError("utilities must name at least one member.")
    specs = {}
    for member, per_issue in utilities.items():
        per_issue = _object(
            per_issue, f"utilities.{member}", '{"A": {"type": "linear", "slope": 1}}'
        )
        specs[member] = {
            issue: _utility_spec(spec, f"utilities.{member}.{issue}")
            for issue, spec in per_issue.items()
        }
    players = tuple(specs)
    status_quo = _issue_levels(doc["status_quo"], "status_quo")
    bounds = None
    if doc.get("bounds") is not None:
        raw = _object(doc["bounds"], "bounds", '{"A": [0, 1]}')
        bounds = {str(k): _numbers(v, f"bounds.{k}", 2) for k, v in raw.items()}
        unknown = [k for k in bounds if k not in status_quo]
        if unknown:
            raise InvalidProblemError(
                f"bounds.{unknown[0]}: not an issue; issues are {list(status_quo)}."
            )
    no_agreement = (
        None
        if doc.get("no_agreement") is None
        else _issue_levels(doc["no_agreement"], "no_agreement")
    )
    assumptions = doc.get("assumptions", [])
    if not isinstance(assumptions, list) or not all(isinstance(a, str) for a in assumptions):
        raise InvalidProblemError("assumptions must be a list of strings.")
    rule = decision_rule_from_json(doc.get("decision_rule", "unanimity"), players)
    model = IssueLinkageModel(
        specs,
        status_quo,
        bounds=bounds,
        decision_rule=rule,
        no_agreement=no_agreement,
        assumptions=assumptions,
    )
    options = {
        "blocker": None
        if doc.get("blocker") is None
        else _player(doc["blocker"], "blocker", players)
    }
    for key in ("linked_issue", "demand_issue"):
        options[key] = None
        if doc.get(key) is not None:
            options[key] = _string(doc[key], key)
            if options[key] not in model.issues:
                raise InvalidProblemError(
                    f"{key} = {options[key]!r} is not an issue; issues are {list(model.issues)}."
                )
    if "counterfactual_rule" in doc:
        options["counterfactual_rule"] = decision_rule_from_json(
            doc["counterfactual_rule"], players, "counterfactual_rule"
        )
    return model, options
