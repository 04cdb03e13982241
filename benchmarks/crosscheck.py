"""Cross-check every value concept against peer libraries and exact brute-force oracles.

Thousands of seeded games (random float and rational tables, glove, airport, bankruptcy,
unanimity, majority, weighted voting, convex and symmetric games, weighted voting bodies and
claims problems) are solved side by side by coalitions and by the peers installed in their own
environment (``benchmarks/_peers.py``): shapiq's ExactComputer, coopgame-py, tucoopy,
shapley-numba, powerindex and powerindices. Every answer is compared with the toolkit's, and
every answer (the toolkit's included) with an exact oracle from ``tests/oracles.py`` that
follows the textbook definition in ``Fraction`` arithmetic and shares no code with any solver.
A disagreement is reported with the game that shows it and a verdict: who matches the oracle.

Concepts: Shapley and Banzhaf values, a semivalue, Owen and Banzhaf-Owen values, Myerson
value, Aumann-Dreze value, tau-value, Gately point, equal division, equal surplus division,
ENSC; Shapley-Shubik, Banzhaf (absolute and normalised), Coleman (prevent, initiate, power to
act), Rae, Johnston, Deegan-Packel, Holler indices and the risk of being outvoted of weighted
voting games; proportional, CEA, CEL and Talmud rules of claims problems.

    python benchmarks/crosscheck.py            # about 3,000 games, several minutes
    python benchmarks/crosscheck.py --small    # about 400 games, CI-sized

Prints a Markdown table (cases and agreements per concept and source) and the disagreements,
and writes benchmarks/results/crosscheck.json.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import platform
import sys
import time
from fractions import Fraction
from math import factorial
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from _peers import run_peer  # noqa: E402

import coalitions as co  # noqa: E402
from coalitions.exceptions import CoalitionsError  # noqa: E402

RESULTS = HERE / "results"


def _load_oracles():
    spec = importlib.util.spec_from_file_location(
        "crosscheck_oracles", HERE.parent / "tests" / "oracles.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


oracles = _load_oracles()

#: Relative tolerance for float comparisons (scaled by the largest worth of the game).
RTOL = 1e-8
#: Disagreements kept in the report per (concept, source); the rest are counted.
KEEP = 5

# --------------------------------------------------------------------------- games


def _names(n: int) -> list[str]:
    return [str(i + 1) for i in range(n)]


def _random_unions(n: int, rng) -> list[list[int]]:
    labels = rng.integers(0, max(1, (n + 1) // 2), n)
    unions: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        unions.setdefault(int(label), []).append(i)
    return list(unions.values())


def _random_edges(n: int, rng) -> list[list[int]]:
    edges = [[i, j] for i in range(n) for j in range(i + 1, n) if rng.random() < 0.45]
    return edges


def _table_from(game) -> list:
    return list(game.values)


def _tu_case(family: str, number: int, game, rng, exact: bool) -> dict:
    n = game.n_players
    weights = [Fraction(int(k), 7) for k in rng.integers(0, 8, n)]
    if not exact:
        weights = [float(w) for w in weights]
    values = [Fraction(v) if exact else float(v) for v in _table_from(game)]
    return {
        "id": f"{family}-{number}",
        "family": family,
        "n": n,
        "exact": exact,
        "values": values,
        "unions": _random_unions(n, rng),
        "edges": _random_edges(n, rng),
        "weights": weights,
    }


def tu_cases(count: int, max_n: int, seed: int) -> list[dict]:
    """``count`` games per family, n drawn from 1..max_n (2..max_n for structured ones)."""
    rng = np.random.default_rng(seed)
    cases = []

    def size(low=1):
        return int(rng.integers(low, max_n + 1))

    for k in range(count):
        n = size()
        values = np.concatenate([[0.0], rng.normal(0, 10, (1 << n) - 1)])
        cases.append(_tu_case("random-float", k, co.TUGame(values), rng, exact=False))
        n = size()
        values = [Fraction(0)] + [
            Fraction(int(a), int(b))
            for a, b in zip(rng.integers(-30, 31, (1 << n) - 1), rng.integers(1, 7, (1 << n) - 1))
        ]
        cases.append(_tu_case("random-rational", k, co.TUGame(values), rng, exact=True))
        n = size(2)
        left = int(rng.integers(1, n))
        names = _names(n)
        cases.append(
            _tu_case("glove", k, co.glove_game(names[:left], names[left:]), rng, exact=True)
        )
        n = size()
        costs = [int(c) for c in rng.integers(0, 20, n)]
        cases.append(_tu_case("airport-cost", k, co.airport_game(costs), rng, exact=True))
        cases.append(
            _tu_case(
                "airport-savings", k, co.cost_to_savings(co.airport_game(costs)), rng, exact=True
            )
        )
        n = size()
        claims = [int(c) for c in rng.integers(0, 12, n)]
        estate = int(rng.integers(0, sum(claims) + 1))
        cases.append(_tu_case("bankruptcy", k, co.bankruptcy_game(estate, claims), rng, exact=True))
        n = size()
        carrier = [p for p in _names(n) if rng.random() < 0.6] or ["1"]
        cases.append(
            _tu_case(
                "unanimity",
                k,
                co.unanimity_game(_names(n), carrier, int(rng.integers(1, 5))),
                rng,
                exact=True,
            )
        )
        n = size()
        quota = int(rng.integers(n // 2 + 1, n + 1))
        cases.append(_tu_case("majority", k, co.majority_game(n, quota), rng, exact=True))
        n = size()
        weights = [int(w) for w in rng.integers(0, 6, n)]
        weights[0] += 1  # the grand coalition must win
        quota = int(rng.integers(1, sum(weights) + 1))
        cases.append(
            _tu_case(
                "weighted", k, co.WeightedVotingGame(quota, weights).to_tu_game(), rng, exact=True
            )
        )
        n = size()
        w = rng.integers(0, 5, n)
        masks = np.arange(1 << n)
        sums = ((masks[:, None] >> np.arange(n)) & 1) @ w
        cases.append(_tu_case("convex", k, co.TUGame([int(s) ** 2 for s in sums]), rng, exact=True))
        n = size()
        cases.append(
            _tu_case(
                "symmetric",
                k,
                co.symmetric_game(n, [0] + [int(v) for v in rng.integers(-3, 10, n)]),
                rng,
                exact=True,
            )
        )
    return cases


def wvg_cases(count: int, max_n: int, seed: int, large: int = 10**6) -> list[dict]:
    """Weighted voting bodies [q; w]: random, equal weights, veto, dictator, quota 1 and
    large weights (which peers store in fixed-width integers)."""
    rng = np.random.default_rng(seed + 1)
    cases = []
    for k in range(count):
        for family in (
            "random",
            "equal",
            "unanimity",
            "dictator",
            "quota-one",
            "large",
            "zero-weights",
        ):
            n = int(rng.integers(1, max_n + 1))
            if family == "random":
                weights = [int(w) for w in rng.integers(1, 20, n)]
                quota = int(rng.integers(1, sum(weights) + 1))
            elif family == "equal":
                weights = [1] * n
                quota = int(rng.integers(1, n + 1))
            elif family == "unanimity":
                weights = [int(w) for w in rng.integers(1, 9, n)]
                quota = sum(weights)
            elif family == "dictator":
                weights = [int(w) for w in rng.integers(1, 4, n)]
                weights[0] = sum(weights) * 2
                quota = weights[0]
            elif family == "quota-one":
                weights = [int(w) for w in rng.integers(1, 9, n)]
                quota = 1
            elif family == "large":
                weights = [int(w) for w in rng.integers(large // 10, large, n)]
                quota = sum(weights) // 2 + 1
            else:
                weights = [int(w) for w in rng.integers(0, 4, n)]
                quota = max(1, sum(weights) // 2 + 1)
            cases.append(
                {
                    "id": f"wvg-{family}-{k}",
                    "family": f"wvg-{family}",
                    "n": n,
                    "quota": quota,
                    "weights": weights,
                }
            )
    # bodies past 20 members: only the counting oracle and the DP peers can answer
    for k, n in enumerate((25, 40, 62, 63, 64, 100)):
        weights = [int(w) for w in rng.integers(1, 30, n)]
        cases.append(
            {
                "id": f"wvg-big-{k}",
                "family": "wvg-big",
                "n": n,
                "quota": sum(weights) // 2 + 1,
                "weights": weights,
            }
        )
    return cases


def claims_cases(count: int, seed: int) -> list[dict]:
    rng = np.random.default_rng(seed + 2)
    cases = []
    for k in range(count):
        n = int(rng.integers(1, 7))
        kind = k % 4
        if kind == 0:
            claims = [Fraction(int(c)) for c in rng.integers(0, 50, n)]
        elif kind == 1:
            claims = [
                Fraction(int(a), int(b))
                for a, b in zip(rng.integers(0, 50, n), rng.integers(1, 9, n))
            ]
        elif kind == 2:
            claims = [Fraction(int(rng.integers(1, 20)))] * n
        else:
            claims = [Fraction(int(c)) for c in rng.integers(0, 3, n)]
        total = sum(claims)
        choice = int(rng.integers(0, 5))
        estate = (
            Fraction(0)
            if choice == 0
            else total
            if choice == 1
            else total / 2
            if choice == 2
            else total * Fraction(int(rng.integers(0, 101)), 100)
        )
        cases.append(
            {"id": f"claims-{k}", "family": "claims", "n": n, "estate": estate, "claims": claims}
        )
    return cases


# --------------------------------------------------------------------------- toolkit


def _listed(x) -> list:
    return [v if isinstance(v, Fraction) else float(v) for v in list(x)]


def _toolkit_game(case) -> co.TUGame:
    return co.TUGame(case["values"] if case["exact"] else np.asarray(case["values"], float))


def _named(groups, names) -> list[list[str]]:
    return [[names[i] for i in g] for g in groups]


def toolkit_tu(case) -> dict:
    game = _toolkit_game(case)
    names = list(game.players)
    unions = _named(case["unions"], names)
    edges = [(names[a], names[b]) for a, b in case["edges"]]
    calls = {
        "shapley": lambda: co.shapley_value(game).x,
        "shapley (dividends)": lambda: co.shapley_value(game, method="dividends").x,
        "banzhaf": lambda: co.banzhaf_value(game).x,
        "semivalue": lambda: co.semivalue(game, case["weights"]).x,
        "owen": lambda: co.owen_value(game, unions).x,
        "banzhaf_owen": lambda: co.banzhaf_owen_value(game, unions).x,
        "myerson": lambda: co.myerson_value(game, edges).x,
        "aumann_dreze": lambda: co.aumann_dreze_value(game, unions).x,
        "tau": lambda: co.tau_value(game).x,
        "gately": lambda: co.gately_point(game).x,
        "equal_division": lambda: co.equal_division(game).x,
        "equal_surplus": lambda: co.equal_surplus_division(game).x,
        "ensc": lambda: co.ensc_value(game).x,
    }
    out = {}
    for concept, call in calls.items():
        try:
            out[concept] = _listed(call())
        except CoalitionsError as error:
            out[concept] = f"undefined: {type(error).__name__}: {str(error)[:160]}"
        except Exception as error:
            out[concept] = f"CRASH: {type(error).__name__}: {str(error)[:160]}"
    return out


def oracle_tu(case) -> dict:
    values, n = case["values"], case["n"]
    table, _ = oracles.exact_table(values)
    shapley_weights = [
        Fraction(factorial(s) * factorial(n - s - 1), factorial(n)) for s in range(n)
    ]
    out = {
        "shapley": oracles.semivalue_by_definition(table, shapley_weights)
        if n > 6
        else oracles.shapley_by_orders(table),
        "banzhaf": oracles.semivalue_by_definition(table, [Fraction(1, 2 ** (n - 1))] * n),
        "semivalue": oracles.semivalue_by_definition(table, case["weights"]),
        "owen": oracles.owen_by_orders(table, case["unions"]) if n <= 7 else None,
        "banzhaf_owen": oracles.banzhaf_owen_by_definition(table, case["unions"]),
        "myerson": oracles.semivalue_by_definition(
            oracles.graph_restricted_by_search(table, case["edges"]), shapley_weights
        ),
        "aumann_dreze": oracles.aumann_dreze_by_definition(table, case["unions"]),
        "tau": oracles.tau_by_definition(table),
        "gately": oracles.gately_by_definition(table),
        "equal_division": oracles.equal_division_by_definition(table),
        "equal_surplus": oracles.equal_surplus_by_definition(table),
        "ensc": oracles.ensc_by_definition(table),
    }
    out["shapley (dividends)"] = out["shapley"]
    return out


def _winning_set(case) -> set[int]:
    weights, quota, n = case["weights"], case["quota"], case["n"]
    return oracles.winning_masks(n, lambda members: sum(weights[i] for i in members) >= quota)


POWER_CALLS = {
    "shapley_shubik": lambda g: co.shapley_shubik_index(g).x,
    "banzhaf_normalized": lambda g: co.banzhaf_index(g).x,
    "banzhaf_absolute": lambda g: co.banzhaf_index(g, normalized=False).x,
    "coleman_prevent": lambda g: co.coleman_power_to_prevent(g).x,
    "coleman_initiate": lambda g: co.coleman_power_to_initiate(g).x,
    "coleman_act": lambda g: [co.coleman_power_to_act(g).value],
    "rae": lambda g: co.rae_index(g).x,
    "risk_outvoted": lambda g: co.risk_of_being_outvoted(g).x,
    "johnston": lambda g: co.johnston_index(g).x,
    "deegan_packel": lambda g: co.deegan_packel_index(g).x,
    "holler": lambda g: co.holler_index(g).x,
}


def toolkit_power(case) -> dict:
    out = {}
    try:
        game = co.WeightedVotingGame(case["quota"], case["weights"])
    except CoalitionsError as error:
        return {c: f"undefined: {error}" for c in POWER_CALLS}
    for concept, call in POWER_CALLS.items():
        if case["n"] > 20 and concept in ("johnston", "deegan_packel", "holler"):
            continue  # minimal winning coalitions: not for big bodies
        try:
            out[concept] = _listed(call(game))
        except CoalitionsError as error:
            out[concept] = f"undefined: {type(error).__name__}: {str(error)[:160]}"
        except Exception as error:
            out[concept] = f"CRASH: {type(error).__name__}: {str(error)[:160]}"
    return out


def oracle_power(case) -> dict:
    n = case["n"]
    if sum(case["weights"]) < case["quota"]:
        return dict.fromkeys(POWER_CALLS)  # nobody wins: not a simple game, all undefined
    if n > 14:  # enumeration is too slow; count weights exactly instead
        swings, ss = oracles.weighted_counts_by_recursion(
            case["quota"], case["weights"], shapley=n <= 64
        )
        winning_count = oracles.weighted_winning_count(case["quota"], case["weights"])
        losing = (1 << n) - winning_count
        checked = {
            "shapley_shubik": ss,
            "banzhaf_absolute": [Fraction(s, 2 ** (n - 1)) for s in swings],
            "banzhaf_normalized": [Fraction(s, sum(swings)) for s in swings]
            if sum(swings)
            else [Fraction(0)] * n,
            "coleman_prevent": [Fraction(s, winning_count) for s in swings],
            "coleman_initiate": [Fraction(s, losing) if losing else Fraction(0) for s in swings],
            "coleman_act": [Fraction(winning_count, 1 << n)],
            "rae": [Fraction(1, 2) + Fraction(s, 2**n) for s in swings],
            "risk_outvoted": [Fraction(winning_count - s, 2**n) for s in swings],
        }
        if ss is None:  # past 64 members the oracle is too slow here
            del checked["shapley_shubik"]
        return checked
    win = _winning_set(case)
    swings = oracles.swing_counts(n, win)
    return {
        "shapley_shubik": oracles.shapley_shubik_by_orders(n, win)
        if n <= 7
        else oracles.shapley_shubik_by_swings(n, win),
        "banzhaf_normalized": oracles.banzhaf_index_by_definition(n, win, normalized=True),
        "banzhaf_absolute": oracles.banzhaf_index_by_definition(n, win, normalized=False),
        "coleman_prevent": oracles.coleman_prevent_by_definition(n, win),
        "coleman_initiate": oracles.coleman_initiate_by_definition(n, win),
        "coleman_act": [oracles.coleman_act_by_definition(n, win)],
        "rae": oracles.rae_by_definition(n, win),
        "risk_outvoted": [
            Fraction(sum(1 for m in win if not m >> i & 1), 2 ** (n - 1)) for i in range(n)
        ],
        "johnston": oracles.johnston_by_definition(n, win),
        "deegan_packel": oracles.deegan_packel_by_definition(n, win),
        "holler": oracles.holler_by_definition(n, win),
        "_swings": swings,
    }


CLAIMS_CALLS = {
    "proportional": co.proportional_rule,
    "cea": co.constrained_equal_awards,
    "cel": co.constrained_equal_losses,
    "talmud": co.talmud_rule,
}


def toolkit_claims(case) -> dict:
    out = {}
    for concept, rule in CLAIMS_CALLS.items():
        try:
            out[concept] = _listed(rule(case["estate"], case["claims"]).x)
        except CoalitionsError as error:
            out[concept] = f"undefined: {type(error).__name__}: {str(error)[:160]}"
        except Exception as error:
            out[concept] = f"CRASH: {type(error).__name__}: {str(error)[:160]}"
    return out


def oracle_claims(case) -> dict:
    e, c = case["estate"], case["claims"]
    return {
        "proportional": oracles.proportional_by_definition(e, c),
        "cea": oracles.cea_by_definition(e, c),
        "cel": oracles.cel_by_definition(e, c),
        "talmud": oracles.talmud_by_definition(e, c),
    }


# --------------------------------------------------------------------------- peers

_PEER_PRELUDE = """
import math, time
def attempt(out, key, call):
    try:
        value = call()
        out[key] = [float(v) for v in value]
    except Exception as error:
        out[key] = "error: " + type(error).__name__ + ": " + str(error)[:160]
"""

TU_SCRIPTS = {
    "shapiq": _PEER_PRELUDE
    + """
import numpy as np, shapiq
answers = {}
start = time.perf_counter()
for case in PAYLOAD["cases"]:
    n, values = case["n"], np.asarray(case["values"], dtype=float)
    out = answers.setdefault(case["id"], {})
    powers = 1 << np.arange(n, dtype=np.int64)
    def game(coalitions, values=values, powers=powers):
        return values[coalitions.astype(np.int64) @ powers]
    try:
        computer = shapiq.ExactComputer(game, n_players=n)
        for key, index in (("shapley", "SV"), ("banzhaf", "BV")):
            attempt(out, key, lambda index=index: [computer(index)[(i,)] for i in range(n)])
    except Exception as error:
        out["shapley"] = out["banzhaf"] = "error: " + type(error).__name__ + ": " + str(error)[:160]
print(json.dumps({"answers": answers, "seconds": time.perf_counter() - start}))
""",
    "coopgame": _PEER_PRELUDE
    + """
import coopgame
answers = {}
start = time.perf_counter()
for case in PAYLOAD["cases"]:
    n, values = case["n"], case["values"]
    out = answers.setdefault(case["id"], {})
    try:
        game = coopgame.Game([float(v) for v in values[1:]])
    except Exception as error:
        out["shapley"] = "error: " + type(error).__name__ + ": " + str(error)[:160]
        continue
    attempt(out, "shapley", lambda: coopgame.shapley(game))
    attempt(out, "banzhaf", lambda: coopgame.banzhaf(game))
    attempt(out, "owen", lambda: coopgame.owen(game, case["unions"]))
    attempt(out, "myerson", lambda: coopgame.myerson(game, [tuple(e) for e in case["edges"]]))
    attempt(out, "aumann_dreze", lambda: coopgame.aumann_dreze(game, case["unions"]))
    attempt(out, "tau", lambda: coopgame.tau_value(game))
    attempt(out, "gately", lambda: coopgame.gately_point(game))
print(json.dumps({"answers": answers, "seconds": time.perf_counter() - start}))
""",
    "tucoopy": _PEER_PRELUDE
    + """
from tucoopy import Game
from tucoopy import solutions as S
answers = {}
start = time.perf_counter()
for case in PAYLOAD["cases"]:
    n, values = case["n"], case["values"]
    out = answers.setdefault(case["id"], {})
    try:
        game = Game.from_coalitions(n_players=n, values={m: float(v) for m, v in enumerate(values)})
    except Exception as error:
        out["shapley"] = "error: " + type(error).__name__ + ": " + str(error)[:160]
        continue
    attempt(out, "shapley", lambda: S.shapley_value(game))
    attempt(out, "banzhaf", lambda: S.banzhaf_value(game))
    attempt(out, "semivalue", lambda: S.semivalue(game, weights_by_k=[float(w) for w in case["weights"]]))
    attempt(out, "owen", lambda: S.owen_value(game, unions=case["unions"]).x)
    attempt(out, "myerson", lambda: S.myerson_value(game, edges=[tuple(e) for e in case["edges"]]).x)
    attempt(out, "tau", lambda: S.tau_value(game))
    attempt(out, "gately", lambda: S.gately_point(game).x)
    attempt(out, "equal_division", lambda: S.egalitarian_value(game))
    attempt(out, "equal_surplus", lambda: S.cis_value(game))
    attempt(out, "ensc", lambda: S.ensc_value(game))
print(json.dumps({"answers": answers, "seconds": time.perf_counter() - start}))
""",
    "shapley_numba": _PEER_PRELUDE
    + """
import numpy as np
from shapley_numba.game_templates import TableGame
from shapley_numba.shapley import shapley
from shapley_numba.owen import owen
answers = {}
start = time.perf_counter()
for case in PAYLOAD["cases"]:
    n, values = case["n"], case["values"]
    out = answers.setdefault(case["id"], {})
    game = TableGame({m: float(v) for m, v in enumerate(values)})
    attempt(out, "shapley", lambda: shapley(game, n))
    structure = np.zeros((len(case["unions"]), n), dtype=np.int32)
    for row, union in enumerate(case["unions"]):
        structure[row, union] = 1
    attempt(out, "owen", lambda: owen(game, structure))
print(json.dumps({"answers": answers, "seconds": time.perf_counter() - start}))
""",
}

POWER_SCRIPTS = {
    "powerindex": _PEER_PRELUDE
    + """
import powerindex as px
answers = {}
start = time.perf_counter()
for case in PAYLOAD["cases"]:
    out = answers.setdefault(case["id"], {})
    def ss():
        game = px.Game(case["quota"], weights=list(case["weights"]))
        game.calc_shapley_shubik()
        return game.shapley_shubik
    def bz():
        game = px.Game(case["quota"], weights=list(case["weights"]))
        game.calc_banzhaf()
        return game.banzhaf
    attempt(out, "shapley_shubik", ss)
    attempt(out, "banzhaf_normalized", bz)
print(json.dumps({"answers": answers, "seconds": time.perf_counter() - start}))
""",
    "powerindices": _PEER_PRELUDE
    + """
import powerindices as pi
answers = {}
mutated = []
start = time.perf_counter()
for case in PAYLOAD["cases"]:
    out = answers.setdefault(case["id"], {})
    for key, function in (("banzhaf_absolute", pi.compute_pbi),
                          ("shapley_shubik", pi.compute_ssi)):
        weights = list(case["weights"])
        attempt(out, key, lambda: function(case["quota"], weights))
        if weights != case["weights"]:
            mutated.append([case["id"], key])
print(json.dumps({"answers": answers, "mutated": mutated,
                  "seconds": time.perf_counter() - start}))
""",
    "tucoopy": _PEER_PRELUDE
    + """
from tucoopy import Game
from tucoopy import power as P
answers = {}
start = time.perf_counter()
for case in PAYLOAD["cases"]:
    out = answers.setdefault(case["id"], {})
    w, q, n = case["weights"], case["quota"], case["n"]
    attempt(out, "shapley_shubik", lambda: P.shapley_shubik_index_weighted_voting(w, q))
    attempt(out, "banzhaf_normalized", lambda: P.banzhaf_index_weighted_voting(w, q))
    attempt(out, "banzhaf_absolute",
            lambda: P.banzhaf_index_weighted_voting(w, q, normalized=False))
    if n > 12:
        continue
    values = {m: float(sum(w[i] for i in range(n) if m >> i & 1) >= q) for m in range(1 << n)}
    try:
        game = Game.from_coalitions(n_players=n, values=values)
    except Exception as error:
        out["johnston"] = "error: " + type(error).__name__ + ": " + str(error)[:160]
        continue
    attempt(out, "johnston", lambda: P.johnston_index(game))
    attempt(out, "deegan_packel", lambda: P.deegan_packel_index(game))
    attempt(out, "holler", lambda: P.holler_index(game))
    attempt(out, "rae", lambda: P.rae_index(game))
    attempt(out, "coleman_prevent", lambda: P.coleman_prevent_index(game))
    attempt(out, "coleman_initiate", lambda: P.coleman_initiate_index(game))
    attempt(out, "coleman_act", lambda: [P.coleman_collectivity_power_to_act(game)])
print(json.dumps({"answers": answers, "seconds": time.perf_counter() - start}))
""",
    "coopgame": _PEER_PRELUDE
    + """
import coopgame
answers = {}
start = time.perf_counter()
for case in PAYLOAD["cases"]:
    out = answers.setdefault(case["id"], {})
    if case["n"] > 20:
        continue
    try:
        game = coopgame.Game.weighted_voting(case["weights"], case["quota"])
    except Exception as error:
        out["shapley_shubik"] = "error: " + type(error).__name__ + ": " + str(error)[:160]
        continue
    attempt(out, "shapley_shubik", lambda: coopgame.shapley(game))
    attempt(out, "banzhaf_absolute", lambda: coopgame.banzhaf(game))
    try:
        table = coopgame.power_indices(game)
        for key, name in (("johnston", "johnston"), ("deegan_packel", "deegan_packel"),
                          ("holler", "public_good"), ("coleman_prevent", "coleman_prevent"),
                          ("coleman_initiate", "coleman_initiative")):
            attempt(out, key, lambda name=name: table[name])
        attempt(out, "coleman_act", lambda: [table["coleman_collectivity"]])
    except Exception as error:
        out["johnston"] = "error: " + type(error).__name__ + ": " + str(error)[:160]
print(json.dumps({"answers": answers, "seconds": time.perf_counter() - start}))
""",
}

CLAIMS_SCRIPT = (
    _PEER_PRELUDE
    + """
import coopgame
answers = {}
start = time.perf_counter()
for case in PAYLOAD["cases"]:
    out = answers.setdefault(case["id"], {})
    for key, rule in (("talmud", coopgame.talmud), ("cea", coopgame.constrained_equal_awards),
                      ("cel", coopgame.constrained_equal_losses)):
        attempt(out, key, lambda rule=rule: rule(case["estate"], case["claims"], exact=True))
print(json.dumps({"answers": answers, "seconds": time.perf_counter() - start}))
"""
)


def _jsonable(value):
    if isinstance(value, Fraction):
        return float(value)
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def _fraction_text(value) -> str:
    value = Fraction(value)
    return str(value)


def run_peers(scripts: dict, cases: list[dict], *, exact_text: bool = False) -> dict:
    payload_cases = []
    for case in cases:
        entry = _jsonable({k: v for k, v in case.items() if k not in ("estate", "claims")})
        if exact_text:
            entry["estate"] = _fraction_text(case["estate"])
            entry["claims"] = [_fraction_text(c) for c in case["claims"]]
        payload_cases.append(entry)
    out = {}
    for peer, script in scripts.items():
        start = time.perf_counter()
        answer = run_peer(peer.split(":")[0], script, {"cases": payload_cases}, timeout=3000)
        answer.setdefault("seconds", time.perf_counter() - start)
        out[peer] = answer
        status = answer.get("error", "ok")
        print(
            f"[crosscheck] {peer}: {status} ({answer['seconds']:.1f} s)",
            file=sys.stderr,
            flush=True,
        )
    return out


# --------------------------------------------------------------------------- comparison


def _scale(case) -> float:
    if "values" in case:
        return max([1.0] + [abs(float(v)) for v in case["values"]])
    if "claims" in case:
        return max([1.0] + [float(c) for c in case["claims"]])
    return 1.0


def _defined(answer) -> bool:
    return isinstance(answer, list)


def same(a, b, scale: float, *, exact: bool = False) -> bool:
    """Both undefined, or both vectors equal (exactly when ``exact``, else within RTOL)."""
    if a is None or isinstance(a, str):
        return b is None or isinstance(b, str)
    if b is None or isinstance(b, str) or len(a) != len(b):
        return False
    if exact:
        return all(Fraction(x) == Fraction(y) for x, y in zip(a, b))
    return all(abs(float(x) - float(y)) <= RTOL * scale for x, y in zip(a, b))


def _show(answer):
    if answer is None:
        return "undefined"
    if isinstance(answer, str):
        return answer
    return [str(v) if isinstance(v, Fraction) else float(v) for v in answer]


def _game_text(case) -> dict:
    if "values" in case:
        return {
            "n": case["n"],
            "values": [str(v) for v in case["values"]],
            "unions": case.get("unions"),
            "edges": case.get("edges"),
            "weights": [str(w) for w in case.get("weights", [])],
        }
    if "quota" in case:
        return {"quota": case["quota"], "weights": case["weights"]}
    return {"estate": str(case["estate"]), "claims": [str(c) for c in case["claims"]]}


#: Known differences of definition rather than of arithmetic (checked against the oracle).
DEFINITIONS = {
    ("gately", "tucoopy"): "tucoopy equalises (v(N) - x_i) / (x_i - v(i)), not Gately's "
    "(x(N \\ i) - v(N \\ i)) / (x_i - v(i))",
}
#: Verdicts when the oracle says the concept is undefined and a peer still answers.
UNDEFINED = {
    "tau": "peer answers a game that is not quasi-balanced (tau undefined)",
}


class Tally:
    def __init__(self) -> None:
        self.rows: dict = {}
        self.disagreements: list = []

    def row(self, concept: str, source: str) -> dict:
        return self.rows.setdefault(
            (concept, source),
            {
                "cases": 0,
                "agree": 0,
                "disagree": 0,
                "failed": 0,
                "undefined_both": 0,
                "verdicts": {},
            },
        )

    def record(self, concept, source, case, ours, theirs, oracle) -> None:
        row = self.row(concept, source)
        row["cases"] += 1
        scale = _scale(case)
        if isinstance(theirs, str) and not isinstance(ours, str):
            if oracle is not None:
                row["failed"] += 1
                row["failure"] = theirs[:200]
                return
        if same(ours, theirs, scale):
            row["agree"] += 1
            if not _defined(ours):
                row["undefined_both"] += 1
            return
        row["disagree"] += 1
        ours_right = oracle is not None and same(ours, oracle, scale)
        theirs_right = oracle is not None and same(theirs, oracle, scale)
        if oracle is None and not _defined(ours):
            verdict = UNDEFINED.get(
                concept, "undefined by the definition; the peer returns a number"
            )
        elif ours_right and not theirs_right:
            verdict = DEFINITIONS.get((concept, source), f"{source} wrong")
        elif theirs_right and not ours_right:
            verdict = "coalitions wrong"
        elif oracle is None:
            verdict = "no oracle"
        else:
            verdict = "both wrong"
        row["verdicts"][verdict] = row["verdicts"].get(verdict, 0) + 1
        kept = sum(
            1
            for d in self.disagreements
            if d["concept"] == concept and d["source"] == source and d["verdict"] == verdict
        )
        if kept < KEEP:
            self.disagreements.append(
                {
                    "concept": concept,
                    "source": source,
                    "case": case["id"],
                    "verdict": verdict,
                    "game": _game_text(case),
                    "coalitions": _show(ours),
                    "peer": _show(theirs),
                    "oracle": _show(oracle),
                }
            )


def check_toolkit(tally: Tally, concept: str, case, ours, oracle, exact: bool) -> None:
    """Count the toolkit against the oracle (exactly for exact games)."""
    row = tally.row(concept, "oracle")
    row["cases"] += 1
    if isinstance(ours, str) and ours.startswith("CRASH"):
        verdict = "coalitions crashed"
    elif oracle is None:
        if not _defined(ours):
            row["agree"] += 1
            row["undefined_both"] += 1
            return
        verdict = "coalitions answers where the definition is undefined"
    elif not _defined(ours):
        verdict = "coalitions refuses a defined value"
    elif same(
        ours, oracle, _scale(case), exact=exact and all(isinstance(v, Fraction) for v in ours)
    ):
        row["agree"] += 1
        return
    else:
        verdict = "coalitions wrong"
    row["disagree"] += 1
    row["verdicts"][verdict] = row["verdicts"].get(verdict, 0) + 1
    kept = sum(
        1
        for d in tally.disagreements
        if d["concept"] == concept and d["source"] == "oracle" and d["verdict"] == verdict
    )
    if kept < KEEP:
        tally.disagreements.append(
            {
                "concept": concept,
                "source": "oracle",
                "case": case["id"],
                "verdict": verdict,
                "game": _game_text(case),
                "coalitions": _show(ours),
                "peer": None,
                "oracle": _show(oracle),
            }
        )


def compare(tally: Tally, cases, ours_all, oracle_all, peers, *, exact_key="exact") -> None:
    for case in cases:
        ours, oracle = ours_all[case["id"]], oracle_all[case["id"]]
        for concept, answer in ours.items():
            if concept in oracle:  # a concept the oracle does not cover is skipped
                check_toolkit(
                    tally, concept, case, answer, oracle[concept], bool(case.get(exact_key, True))
                )
        for peer, result in peers.items():
            answers = result.get("answers", {}).get(case["id"], {})
            for concept, theirs in answers.items():
                if concept not in ours:
                    continue
                tally.record(concept, peer, case, ours[concept], theirs, oracle.get(concept))


# --------------------------------------------------------------------------- report


def run(
    count: int,
    max_n: int,
    power_count: int,
    power_n: int,
    claims_count: int,
    large_weight: int = 10**6,
    seed: int = 11,
) -> dict:
    tally = Tally()
    started = time.perf_counter()
    families: dict = {}

    tu = tu_cases(count, max_n, seed)
    ours = {c["id"]: toolkit_tu(c) for c in tu}
    truth = {c["id"]: oracle_tu(c) for c in tu}
    print(
        f"[crosscheck] {len(tu)} TU games solved and checked ({time.perf_counter() - started:.0f} s)",
        file=sys.stderr,
        flush=True,
    )
    peers = run_peers(TU_SCRIPTS, tu)
    compare(tally, tu, ours, truth, peers)

    wvg = wvg_cases(power_count, power_n, seed, large_weight)
    ours = {c["id"]: toolkit_power(c) for c in wvg}
    truth = {c["id"]: oracle_power(c) for c in wvg}
    print(f"[crosscheck] {len(wvg)} weighted games solved and checked", file=sys.stderr, flush=True)
    power_peers = run_peers(POWER_SCRIPTS, wvg)
    compare(tally, wvg, ours, truth, power_peers)

    claims = claims_cases(claims_count, seed)
    ours = {c["id"]: toolkit_claims(c) for c in claims}
    truth = {c["id"]: oracle_claims(c) for c in claims}
    claims_peers = run_peers({"coopgame": CLAIMS_SCRIPT}, claims, exact_text=True)
    compare(tally, claims, ours, truth, claims_peers)

    for case in tu + wvg + claims:
        families[case["family"]] = families.get(case["family"], 0) + 1
    rows = [{"concept": c, "source": s, **row} for (c, s), row in sorted(tally.rows.items())]
    notes = []
    mutated = power_peers.get("powerindices", {}).get("mutated", [])
    if mutated:
        notes.append(
            f"powerindices changed the caller's weight list in {len(mutated)} calls "
            f"(e.g. {mutated[0][0]}, {mutated[0][1]})."
        )
    peer_errors = {
        name: result["error"]
        for group in (peers, power_peers, claims_peers)
        for name, result in group.items()
        if "error" in result
    }
    return {
        "families": families,
        "n_games": len(tu) + len(wvg) + len(claims),
        "rows": rows,
        "disagreements": tally.disagreements,
        "notes": notes,
        "peer_errors": peer_errors,
        "peer_seconds": {
            name: result.get("seconds")
            for group in (peers, power_peers, claims_peers)
            for name, result in group.items()
        },
        "seconds": time.perf_counter() - started,
    }


def _brief(value, limit: int = 6) -> str:
    """A short rendering of a vector for the Markdown table (the JSON keeps every digit)."""
    if not isinstance(value, list):
        return str(value)[:200]
    shown = [v if len(str(v)) <= 14 else f"{float(Fraction(v)):.10g}" for v in value[:limit]]
    more = f", ... ({len(value)} entries)" if len(value) > limit else ""
    return "[" + ", ".join(map(str, shown)) + more + "]"


def markdown(report: dict) -> str:
    lines = [
        "| concept | source | cases | agree | disagree | peer failed | verdicts |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for r in report["rows"]:
        verdicts = "; ".join(f"{k}: {v}" for k, v in r["verdicts"].items())
        lines.append(
            f"| {r['concept']} | {r['source']} | {r['cases']} | {r['agree']} | "
            f"{r['disagree']} | {r['failed']} | {verdicts} |"
        )
    out = "\n".join(lines)
    out += (
        f"\n\n{report['n_games']} games: "
        + ", ".join(f"{k} {v}" for k, v in sorted(report["families"].items()))
        + ".\n"
    )
    if report["disagreements"]:
        out += "\nDisagreements (first few per concept, source and verdict):\n"
        for d in report["disagreements"]:
            game = json.dumps(d["game"])
            game = game if len(game) <= 240 else game[:240] + " ...}"
            out += (
                f"- {d['concept']} / {d['source']} / {d['case']}: {d['verdict']}; "
                f"game {game}; coalitions {_brief(d['coalitions'])}; "
                f"peer {_brief(d['peer'])}; oracle {_brief(d['oracle'])}\n"
            )
    for note in report["notes"]:
        out += f"\n- {note}"
    for name, error in report["peer_errors"].items():
        out += f"\n- peer {name} did not run: {error}"
    return out


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", action="store_true", help="CI-sized run")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    if args.small:
        sizes = dict(
            count=20, max_n=6, power_count=10, power_n=9, claims_count=60, large_weight=10**4
        )
    else:
        sizes = dict(count=250, max_n=7, power_count=60, power_n=12, claims_count=400)
    report = run(**sizes, seed=args.seed)
    return write_report(report, "crosscheck", sizes=sizes, seed=args.seed)


def write_report(report: dict, name: str, **run: object) -> dict:
    """Stamp ``report`` with ``name``, the run's parameters and the machine, write it to
    ``results/<name>.json`` and its Markdown table to ``results/<name>.md``, print the table
    and return the report (shared by the cross-check benchmarks)."""
    report.update(
        {
            "benchmark": name,
            **run,
            "machine": platform.platform(),
            "python": platform.python_version(),
            "numpy": np.__version__,
        }
    )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(report, indent=2, default=str))
    table = markdown(report)
    (RESULTS / f"{name}.md").write_text(table + "\n")
    print(table)
    return report


if __name__ == "__main__":
    main()
