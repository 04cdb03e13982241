"""JSON files for bargaining problems, spatial models and linkage models.

The formats are documented in docs/reference/negotiation-file-formats.md. Utility functions
and frontiers are written as formulas (``"sqrt(x)"``, ``"1 - u1**2"``) and parsed with
sympy; files are trusted input (sympy evaluates the text).
"""

from __future__ import annotations

from typing import Any

from ..exceptions import InvalidProblemError
from ..games.io import load_document
from .bimatrix import bargaining_problem_from_game
from .linkage import IssueLinkageModel
from .problem import BargainingProblem
from .spatial import SpatialModel

__all__ = ["read_negotiation", "negotiation_from_json", "decision_rule_from_json"]


def _formula(text: Any, variables: list[str], where: str):
    import sympy

    if not isinstance(text, str):
        raise InvalidProblemError(f"{where} must be a formula string such as \"sqrt(x)\".")
    symbols = sympy.symbols(variables)
    try:
        expr = sympy.sympify(text, locals={v: s for v, s in zip(variables, symbols)})
    except (sympy.SympifyError, SyntaxError, TypeError) as error:
        raise InvalidProblemError(f"{where}: cannot parse {text!r} ({error}).") from None
    unknown = {str(s) for s in expr.free_symbols} - set(variables)
    if unknown:
        raise InvalidProblemError(f"{where}: unknown names {sorted(unknown)} in {text!r}; "
                                  f"use {', '.join(variables)}.")
    f = sympy.lambdify(symbols, expr, modules="math")
    return lambda *args: float(f(*args))


def decision_rule_from_json(rule: Any, players: tuple) -> Any:
    """``"unanimity"``, ``"majority"``, an integer k, ``{"type": "k_of_n", "k": k}`` or
    ``{"type": "weighted", "quota": q, "weights": {name: w}}`` (optionally a list of such
    weighted rules under ``"all"``, all of which must be met: a compound rule)."""
    if isinstance(rule, (str, int)) and not isinstance(rule, bool):
        return rule
    if not isinstance(rule, dict) or "type" not in rule:
        raise InvalidProblemError(
            "decision_rule must be \"unanimity\", \"majority\", an integer k, "
            "{\"type\": \"k_of_n\", \"k\": k} or {\"type\": \"weighted\", \"quota\": q, "
            "\"weights\": {...}}.")
    kind = rule["type"]
    if kind == "k_of_n":
        return int(rule["k"])
    if kind == "weighted":
        weights = rule.get("weights")
        if not isinstance(weights, dict) or set(weights) != set(players):
            raise InvalidProblemError(
                "a weighted rule needs \"weights\" with one entry per player.")
        quota = float(rule["quota"])

        def weighted(coalition) -> bool:
            return sum(float(weights[p]) for p in coalition) >= quota
        weighted.__name__ = f"weighted (quota {rule['quota']})"
        return weighted
    if kind == "all":
        parts = [decision_rule_from_json(r, players) for r in rule.get("rules", [])]
        if not parts or not all(callable(p) for p in parts):
            raise InvalidProblemError("an \"all\" rule needs a list of weighted \"rules\".")

        def compound(coalition) -> bool:
            return all(p(coalition) for p in parts)
        compound.__name__ = "compound (" + " and ".join(p.__name__ for p in parts) + ")"
        return compound
    raise InvalidProblemError(f"unknown decision rule type {kind!r}; use k_of_n, weighted or all.")


def _bargaining(doc: dict) -> tuple[str, Any, dict]:
    players = doc.get("players")
    feasible = doc.get("feasible")
    if not isinstance(feasible, dict):
        raise InvalidProblemError(
            "a bargaining document needs \"feasible\": {\"vertices\": [...]}, {\"surplus\": S, "
            "\"utilities\": [...]} or {\"frontier\": \"...\", \"upper\": [...]}.")
    d = doc.get("disagreement")
    options = {"weights": doc.get("weights")}
    if "vertices" in feasible:
        problem = BargainingProblem.from_vertices(feasible["vertices"], d, players=players)
    elif "utilities" in feasible:
        formulas = feasible["utilities"]
        if not isinstance(formulas, list) or not all(isinstance(t, str) for t in formulas):
            raise InvalidProblemError("feasible.utilities must be a list of formulas in x, "
                                      "such as [\"x\", \"sqrt(x)\"].")
        problem = BargainingProblem.from_surplus(formulas, d, surplus=feasible.get("surplus", 1),
                                                 players=players)
    elif "frontier" in feasible:
        upper = feasible.get("upper")
        if upper is None:
            raise InvalidProblemError("a frontier needs \"upper\": bounds of u1..u(n-1).")
        upper = upper if isinstance(upper, list) else [upper]
        names = [f"u{i + 1}" for i in range(len(upper))]
        g = _formula(feasible["frontier"], names, "feasible.frontier")
        problem = BargainingProblem.from_frontier(g, upper, d, players=players)
    elif "game" in feasible:
        game = feasible["game"]
        problem = bargaining_problem_from_game(
            game.get("row"), game.get("column"), disagreement=d if d is not None else "nash",
            players=players or ("row", "column"))
    else:
        raise InvalidProblemError("\"feasible\" must hold vertices, utilities, frontier or game.")
    return "bargaining", problem, options


def _spatial(doc: dict) -> tuple[str, Any, dict]:
    ideals = doc.get("ideal_points")
    if not isinstance(ideals, dict):
        raise InvalidProblemError("a spatial document needs \"ideal_points\": {name: point}.")
    players = tuple(ideals)
    rule = decision_rule_from_json(doc.get("decision_rule", "unanimity"), players)
    model = SpatialModel(ideals, doc.get("status_quo"), decision_rule=rule,
                         setter=doc.get("setter"), weights=doc.get("weights"))
    return "spatial", model, {}


def _linkage(doc: dict) -> tuple[str, Any, dict]:
    utilities = doc.get("utilities")
    if not isinstance(utilities, dict):
        raise InvalidProblemError("a linkage document needs \"utilities\": {member: {issue: "
                                  "utility}}.")
    players = tuple(utilities)
    rule = decision_rule_from_json(doc.get("decision_rule", "unanimity"), players)
    model = IssueLinkageModel(utilities, doc.get("status_quo") or {}, bounds=doc.get("bounds"),
                              decision_rule=rule, no_agreement=doc.get("no_agreement"),
                              assumptions=doc.get("assumptions", ()))
    options = {key: doc.get(key) for key in ("blocker", "linked_issue", "demand_issue")}
    if "counterfactual_rule" in doc:
        options["counterfactual_rule"] = decision_rule_from_json(doc["counterfactual_rule"],
                                                                 players)
    return "linkage", model, options


_KINDS = {"bargaining": _bargaining, "spatial": _spatial, "linkage": _linkage}


def negotiation_from_json(doc: dict) -> tuple[str, Any, dict]:
    """``(kind, object, options)`` from a parsed document with ``"type"`` bargaining,
    spatial or linkage."""
    if not isinstance(doc, dict):
        raise InvalidProblemError("a negotiation document must be a JSON object.")
    kind = doc.get("type")
    if kind not in _KINDS:
        raise InvalidProblemError(
            f"unknown document type {kind!r}; use \"bargaining\", \"spatial\" or \"linkage\" "
            "(see docs/reference/negotiation-file-formats.md).")
    try:
        return _KINDS[kind](doc)
    except (KeyError, TypeError) as error:
        raise InvalidProblemError(f"malformed {kind} document: {error!r}.") from None


def read_negotiation(path) -> tuple[str, Any, dict]:
    """Read a bargaining, spatial or linkage JSON file."""
    return negotiation_from_json(load_document(path))

