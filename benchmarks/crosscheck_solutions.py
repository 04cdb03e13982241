"""Cross-check of the issue-16 solution concepts against peers and brute-force oracles.

Seeded random games with rational (mostly integer) tables, n = 3..6, from ten families:
``rational`` (integers 0..12, a third with small denominators), ``ties`` (worths in {0, 1, 2}:
degenerate, many optimal vertices), ``balanced`` (a non-empty core by construction),
``positive`` (worths 1..12), ``simple`` (majority, weighted voting and glove games),
``symmetric``, and four convex ones (``convex``: non-negative dividends 0..3, ``convex-ties``:
dividends in {0, 1}, ``squares``: (sum of weights)**2, ``airport``: airport savings games).
Every concept is solved by coalitions, by the peers that have it (coopgame-py 0.3.0, tucoopy
0.1.0, shapiq 1.4.1, each in its own environment through ``_peers.py``) and by an exact oracle
from ``tests/oracles.py`` (or ``tests/solutions/_core_oracles.py``,
``tests/solutions/_kernel_oracles.py``, ``tests/solutions/_lexmin_oracle.py``) that follows the
textbook definition and shares no code with the solvers:

* kernel, prekernel: membership verdicts on common points (ours, the transfer scheme's, random
  efficient points, the peer's own point) by the brute-force maximum-surplus balance, and our
  certificate (the matrix of maximum surpluses) against the brute-force matrix, exactly;
* bargaining set: membership verdicts (an LP per pair and coalition from the definition) and
  every witness we return checked as a justified objection;
* modiclus, simplified modiclus, proportional, disruption, weighted, per-capita, anti- and
  anti-prenucleolus: Maschler's lexicographic scheme over the explicit excess functions;
* Weber set, core cover, reasonable set, imputation set, least core: their vertices (marginal
  vectors, box vertices cut by efficiency, brute-force vertex enumeration), exactly; the
  core-center by an exact pulling triangulation of the brute-force core;
* solidarity, egalitarian Shapley, Dutta-Ray (convex games), chi, proportional and
  least-squares values, Lorenz solution (its optimality condition over the core's vertices),
  interaction indices of order 2 (discrete derivatives, Faith-Shap's normal equations).

    python benchmarks/crosscheck_solutions.py            # 350 games (6 to 16 min, 2 loaded cores)
    python benchmarks/crosscheck_solutions.py --small    # 42 games, CI-sized (about 2 min)

Prints the Markdown table of ``crosscheck.py`` (cases, agreements, disagreements with the
verdict: who matches the oracle) and writes ``benchmarks/results/crosscheck_solutions.json``.
"""

from __future__ import annotations

import argparse
import sys
import time
from fractions import Fraction
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests" / "solutions"))

import crosscheck as cc  # noqa: E402
from _core_oracles import (  # noqa: E402
    brute_force_core_vertices,
    brute_force_nucleolus,
    polyhedron_vertices,
)
from _kernel_oracles import (  # noqa: E402
    brute_in_kernel,
    brute_in_prekernel,
    brute_surpluses,
    is_justified_objection,
)
from _lexmin_oracle import coalition_rows, excess_difference_rows, lexmin  # noqa: E402

import coalitions as co  # noqa: E402
from coalitions.exceptions import CoalitionsError  # noqa: E402

oracles = cc.oracles
#: Largest n for the oracles that enumerate core vertices or solve one LP per objection.
VERTEX_N = 5
#: Largest n for the per-capita and least-core oracles (exhaustive exact enumeration).
PAIR_N = 4
#: Largest n for the modiclus oracles (Maschler's scheme over all pairs of coalitions).
MODICLUS_N = 6
#: Tolerance for a peer's float point judged by the exact oracles (scaled by the worths).
PEER_TOL = 1e-6

#: A peer's own definition where it differs, checked by an oracle of that variant.
VARIANTS = {
    "modiclus": "modiclus over proper coalitions (the peers' variant)",
    "weber_set": "every distinct marginal vector (tucoopy's weber_marginal_vectors)",
    "anti_nucleolus": "nucleolus of the dual game (coopgame's anti_nucleolus)",
    "reasonable_set": "box [v(i), v(N) - v(N - i)] (tucoopy's reasonable set)",
    "proportional_value": "v(N) v(i) / sum v(j) (tucoopy's proportional_value)",
}

cc.UNDEFINED["anti_nucleolus"] = (
    "definition: ours needs sum v(i) >= v(N) (anti-imputations), coopgame's the dual game's "
    "imputations"
)
cc.DEFINITIONS.update(
    {
        ("modiclus", "coopgame"): "definition: coopgame's modiclus ranks the excess "
        "differences of proper coalitions only (Sudhölter's has the empty and grand ones too; "
        "see co.modiclus's Notes)",
        ("anti_nucleolus", "coopgame"): "definition: coopgame's anti_nucleolus is the nucleolus "
        "of the dual game (x_i >= v(N) - v(N - i)); ours minimises the anti-excesses over "
        "x_i <= v(i) (MatTuGames)",
        ("weber_set", "tucoopy"): "definition: tucoopy lists every distinct marginal "
        "vector; the Weber set's vertices are those not in the hull of the others",
        ("reasonable_set", "tucoopy"): "definition: tucoopy bounds the reasonable set by the "
        "utopia payoffs v(N) - v(N - i), not by the largest marginal contributions (Milnor)",
        ("proportional_value", "tucoopy"): "definition: tucoopy's proportional_value divides "
        "v(N) in proportion to the stand-alone worths, not Ortmann's proportional value",
    }
)


# --------------------------------------------------------------------------- games


def _size(rng) -> int:
    return int(rng.choice([3, 4, 5, 6], p=[0.3, 0.3, 0.25, 0.15]))


def _table(rng, family: str) -> list:
    n = _size(rng)
    full = 1 << n
    if family == "rational":
        if rng.random() < 0.35:
            values = [
                Fraction(int(a), int(b))
                for a, b in zip(rng.integers(-3, 13, full), rng.integers(1, 5, full))
            ]
        else:
            values = [Fraction(int(v)) for v in rng.integers(0, 13, full)]
    elif family == "ties":
        values = [Fraction(int(v)) for v in rng.integers(0, 3, full)]
    elif family == "positive":
        values = [Fraction(int(v)) for v in rng.integers(1, 13, full)]
    elif family == "balanced":
        a = rng.integers(0, 10, n)
        values = [
            Fraction(int(sum(a[i] for i in range(n) if m >> i & 1)) - int(rng.integers(0, 6)))
            for m in range(full)
        ]
        values[-1] = Fraction(int(a.sum()))
    elif family == "simple":
        kind = int(rng.integers(0, 3))
        if kind == 0:
            game = co.majority_game(n, int(rng.integers(n // 2 + 1, n + 1)))
        elif kind == 1:
            weights = [int(w) for w in rng.integers(1, 6, n)]
            game = co.WeightedVotingGame(
                int(rng.integers(sum(weights) // 2 + 1, sum(weights) + 1)), weights
            ).to_tu_game()
        else:
            left = int(rng.integers(1, n))
            names = [str(i + 1) for i in range(n)]
            game = co.glove_game(names[:left], names[left:])
        values = [Fraction(v) for v in game.values.tolist()]
    elif family == "symmetric":
        by_size = [0] + [int(v) for v in rng.integers(0, 10, n)]
        values = [Fraction(by_size[bin(m).count("1")]) for m in range(full)]
    elif family in ("convex", "convex-ties"):
        top = 4 if family == "convex" else 2
        dividends = rng.integers(0, top, full)
        values = [
            Fraction(int(sum(dividends[t] for t in range(1, full) if t & m == t)))
            for m in range(full)
        ]
    elif family == "squares":
        w = rng.integers(0, 5, n)
        values = [
            Fraction(int(sum(w[i] for i in range(n) if m >> i & 1)) ** 2) for m in range(full)
        ]
    elif family == "airport":
        game = co.cost_to_savings(co.airport_game([int(c) for c in rng.integers(0, 20, n)]))
        values = [Fraction(v) for v in game.values.tolist()]
    else:
        raise ValueError(family)
    values[0] = Fraction(0)
    return values


FAMILIES = (
    "rational",
    "ties",
    "balanced",
    "positive",
    "simple",
    "symmetric",
    "convex",
    "convex-ties",
    "squares",
    "airport",
)
CONVEX = ("convex", "convex-ties", "squares", "airport")


def _random_efficient(values, n, rng, *, imputation: bool) -> list[Fraction]:
    """A random rational efficient point (an imputation when asked and one exists)."""
    if imputation:
        return oracles_random_imputation(values, n, rng)
    shares = [Fraction(int(k), 4) for k in rng.integers(-8, 9, n)]
    shares[-1] = values[-1] - sum(shares[:-1])
    return shares


def oracles_random_imputation(values, n, rng) -> list[Fraction]:
    from _kernel_oracles import random_imputation

    return random_imputation(values, n, rng, denominator=4)


def make_cases(count: int, seed: int) -> list[dict]:
    rng = np.random.default_rng(seed)
    cases = []
    for k in range(count):
        # the convex families twice: Dutta-Ray is defined on convex games only
        rounds = [(f, f"{k}") for f in FAMILIES] + [(f, f"{k}b") for f in CONVEX]
        for family, number in rounds:
            values = _table(rng, family)
            n = len(values).bit_length() - 1
            singles = sum(values[1 << i] for i in range(n))
            shift = 1 + max([Fraction(0)] + [-v for v in values[1:]])
            case = {
                "id": f"{family}-{number}",
                "family": family,
                "n": n,
                "exact": True,
                "values": values,
                "imputations": singles <= values[-1],
                # a positive game for the concepts that need v(S) > 0 (v + shift |S|)
                "positive": [v + shift * bin(m).count("1") for m, v in enumerate(values)],
                "nucleolus_weights": [1] + [int(w) for w in rng.integers(1, 5, (1 << n) - 2)] + [1],
                "alpha": Fraction(int(rng.integers(0, 5)), 4),
                "ls_weights": [int(w) for w in rng.integers(0, 4, n - 1)],
                "seed": int(rng.integers(1 << 30)),
            }
            if not any(case["ls_weights"]):
                case["ls_weights"][0] = 1
            # the anti-nucleolus needs v(N) <= sum v(i): use the dual game when it fails
            case["anti"] = values if singles >= values[-1] else _dual(values)
            cases.append(case)
    return cases


def _dual(values) -> list[Fraction]:
    full = len(values) - 1
    return [values[full] - values[full ^ m] for m in range(full + 1)]


# --------------------------------------------------------------------------- ours


def _attempt(out: dict, concept: str, call) -> None:
    try:
        out[concept] = call()
    except CoalitionsError as error:
        out[concept] = f"undefined: {type(error).__name__}: {str(error)[:160]}"
    except Exception as error:  # a crash is reported, never hidden
        out[concept] = f"CRASH: {type(error).__name__}: {str(error)[:160]}"


def _flat_vertices(vertices) -> list:
    """A vertex list as one vector: sorted (by rounded value), then flattened."""
    rows = [list(v) for v in vertices]
    rows.sort(key=lambda row: tuple(round(float(x), 6) for x in row))
    return [x if isinstance(x, Fraction) else float(x) for row in rows for x in row]


def _interaction_vector(result) -> list:
    return [value for _, value in sorted(((tuple(map(int, k)), v) for k, v in result.interactions))]


def _core_center(game) -> list[float]:
    found = co.core_center(game)
    if found.is_empty:
        raise co.InvalidGameError("the core is empty")
    return [float(v) for v in found.x]


def toolkit(case, rng) -> tuple[dict, dict]:
    """Our answers (vectors) and the test points of the membership concepts."""
    values, n = case["values"], case["n"]
    game = co.TUGame(values)
    out: dict = {}
    points: dict = {}
    # prekernel / kernel: our points, the transfer scheme's, random efficient points
    for concept, solve, check, domain in (
        ("prekernel", co.prekernel, co.is_in_prekernel, False),
        ("kernel", co.kernel, co.is_in_kernel, True),
    ):
        if domain and not case["imputations"]:
            out[concept] = "undefined: no imputations"
            continue
        try:
            result = solve(game)
            transfer = solve(game, method="transfer")
        except CoalitionsError as error:
            out[concept] = f"undefined: {error}"
            continue
        candidates = [list(result.x)]
        if transfer.success:
            candidates.append(list(transfer.x))
        candidates += [_random_efficient(values, n, rng, imputation=domain) for _ in range(2)]
        points[concept] = candidates
        out[concept] = [float(check(game, p)) for p in candidates]
        out[f"{concept} certificate"] = [
            s for row in result.surpluses for s in row if s is not None
        ] + [Fraction(int(result.exact and result.verified))]
    if case["imputations"] and n <= VERTEX_N:
        candidates = [list(co.kernel(game).x)]
        candidates += [oracles_random_imputation(values, n, rng) for _ in range(3)]
        points["bargaining_set"] = candidates
        verdicts, witnesses = [], []
        for p in candidates:
            found = co.bargaining_set(game, p)
            verdicts.append(float(found.in_set))
            if not found.in_set:
                witnesses.append(found.objection)
        out["bargaining_set"] = verdicts
        out["_witnesses"] = witnesses
    calls = {
        "modiclus": lambda: co.modiclus(game).x,
        "simplified_modiclus": lambda: co.simplified_modiclus(game).x,
        "proportional_nucleolus": lambda: co.proportional_nucleolus(co.TUGame(case["positive"])).x,
        "disruption_nucleolus": lambda: co.disruption_nucleolus(game).x,
        "weighted_nucleolus": lambda: co.weighted_nucleolus(game, case["nucleolus_weights"]).x,
        "per_capita_nucleolus": lambda: co.per_capita_nucleolus(game).x,
        "anti_nucleolus": lambda: co.anti_nucleolus(co.TUGame(case["anti"])).x,
        "anti_prenucleolus": lambda: co.anti_prenucleolus(game).x,
        "weber_set": lambda: _flat_vertices(co.weber_set(game).vertices),
        "core_cover": lambda: _flat_vertices(co.core_cover(game).vertices),
        "reasonable_set": lambda: _flat_vertices(co.reasonable_set(game).vertices),
        "imputation_set": lambda: _flat_vertices(co.imputation_vertices(game)),
        "least_core_vertices": lambda: _flat_vertices(co.least_core_set(game).vertices),
        "core_center": lambda: _core_center(game),
        "solidarity": lambda: co.solidarity_value(game).x,
        "egalitarian_shapley": lambda: co.egalitarian_shapley_value(game, case["alpha"]).x,
        "dutta_ray": lambda: co.dutta_ray(game).x,
        "chi": lambda: co.chi_value(game).x,
        "proportional_value": lambda: co.proportional_value(co.TUGame(case["positive"])).x,
        "least_squares": lambda: co.least_squares_value(game).x,
        "least_squares (weights)": lambda: co.least_squares_value(game, case["ls_weights"]).x,
        "lorenz": lambda: co.lorenz_solution(game).x,
    }
    for kind in ("shapley", "banzhaf", "shapley-taylor", "faith-shap"):
        calls[f"interaction {kind}"] = lambda kind=kind: _interaction_vector(
            co.interaction_index(game, order=2, kind=kind)
        )
    for concept, call in calls.items():
        _attempt(out, concept, lambda call=call: cc._listed(call()))
    return out, points


# --------------------------------------------------------------------------- oracles


def _floats(values) -> list[float]:
    return [float(v) for v in values]


def _lexmin_variants(case) -> dict:
    """The nucleolus variants by Maschler's scheme over their explicit excess functions."""
    values, n = _floats(case["values"]), case["n"]
    full = (1 << n) - 1
    lower = [values[1 << i] for i in range(n)]
    masks, rows = coalition_rows(n)
    out: dict = {}
    if case["imputations"]:
        w = np.array([case["nucleolus_weights"][m] for m in masks], dtype=float)
        out["weighted_nucleolus"] = lexmin(
            rows / w[:, None],
            [values[m] / w[k] for k, m in enumerate(masks)],
            [[1] * n],
            [values[-1]],
            lower=lower,
        )
        positive = _floats(case["positive"])
        if sum(positive[1 << i] for i in range(n)) <= positive[-1]:
            weights = np.array([positive[m] for m in masks])
            out["proportional_nucleolus"] = lexmin(
                rows / weights[:, None],
                np.ones(len(masks)),
                [[1] * n],
                [positive[-1]],
                lower=[positive[1 << i] for i in range(n)],
            )
        else:
            out["proportional_nucleolus"] = None
        if n <= PAIR_N:
            out["per_capita_nucleolus"] = brute_force_nucleolus(
                case["values"], n, imputation=True, per_capita=True
            )
    else:
        out["weighted_nucleolus"] = out["per_capita_nucleolus"] = None
        out["proportional_nucleolus"] = None
    out["anti_prenucleolus"] = lexmin(-rows, [-values[m] for m in masks], [[1] * n], [values[-1]])
    anti = _floats(case["anti"])
    if sum(anti[1 << i] for i in range(n)) >= anti[-1]:
        out["anti_nucleolus"] = lexmin(
            -rows,
            [-anti[m] for m in masks],
            [[1] * n],
            [anti[-1]],
            upper=[anti[1 << i] for i in range(n)],
        )
    else:
        out["anti_nucleolus"] = None
    complement = np.array([[((full ^ m) >> i) & 1 for i in range(n)] for m in masks])
    out["simplified_modiclus"] = lexmin(
        rows - complement, [values[m] - values[full ^ m] for m in masks], [[1] * n], [values[-1]]
    )
    if n <= MODICLUS_N:
        pair_rows, consts = excess_difference_rows(values, n)
        out["modiclus"] = lexmin(pair_rows, consts, [[1] * n], [values[-1]])
        # coopgame's variant: the excess differences of proper non-empty coalitions only
        pairs = [(s, t) for s in range(full + 1) for t in range(full + 1) if s != t]
        proper = [k for k, (s, t) in enumerate(pairs) if 0 < s < full and 0 < t < full]
        out[VARIANTS["modiclus"]] = lexmin(
            pair_rows[proper], consts[proper], [[1] * n], [values[-1]]
        )
    # coopgame's anti-nucleolus: the nucleolus of the dual game (x_i >= v(N) - v(N - i))
    dual = _floats(_dual(case["anti"]))
    dual_lower = [dual[1 << i] for i in range(n)]
    out[VARIANTS["anti_nucleolus"]] = (
        lexmin(rows, [dual[m] for m in masks], [[1] * n], [dual[-1]], lower=dual_lower)
        if sum(dual_lower) <= dual[-1]
        else None
    )
    return {k: (None if v is None else [float(x) for x in v]) for k, v in out.items()}


def _disruption(case, core_vertices) -> list | None:
    if not core_vertices:
        return None
    values, n = _floats(case["values"]), case["n"]
    full = (1 << n) - 1
    masks, rows = coalition_rows(n)
    gaps = np.array([values[full] - values[m] - values[full ^ m] for m in masks])
    keep = gaps > 0
    return list(
        lexmin(
            rows[keep] / gaps[keep, None],
            np.array([values[m] for m in masks])[keep] / gaps[keep],
            [[1] * n] + [list(r) for r in rows[~keep]],
            [values[full]] + [values[m] for m, k in zip(masks, keep) if not k],
            lower=[values[1 << i] for i in range(n)],
        )
    )


def _least_core_by_enumeration(values, n):
    """The least core's vertices: the least epsilon over the vertices of the (x, epsilon)
    polyhedron ``x(S) + epsilon >= v(S)``, ``x(N) = v(N)``, then the vertices of that
    epsilon-core, both by exhaustive exact enumeration."""
    full = (1 << n) - 1
    rows = [[m >> i & 1 for i in range(n)] + [1] for m in range(1, full)]
    found = polyhedron_vertices([[1] * n + [0]], [values[full]], rows, values[1:full])
    eps = min(p[-1] for p in found)
    shifted = [v - eps if 0 < m < full else v for m, v in enumerate(values)]
    return brute_force_core_vertices(shifted, n)


def oracle(case, ours: dict, points: dict) -> dict:
    values, n = case["values"], case["n"]
    table, _ = oracles.exact_table(values)
    out: dict = {}
    for concept, brute in (("prekernel", brute_in_prekernel), ("kernel", brute_in_kernel)):
        if concept in points:
            out[concept] = [float(brute(table, n, p)) for p in points[concept]]
            s = brute_surpluses(table, n, points[concept][0])
            out[f"{concept} certificate"] = [
                s[i][j] for i in range(n) for j in range(n) if i != j
            ] + [Fraction(1)]
        elif not isinstance(ours.get(concept), list):
            out[concept] = None
    if "bargaining_set" in points:
        out["bargaining_set"] = [
            float(oracles.in_bargaining_set_by_lp(table, p)) for p in points["bargaining_set"]
        ]
    out.update(_lexmin_variants(case))
    marginal_vectors = oracles.weber_vertices_by_orders(table)
    out["weber_set"] = _flat_vertices(oracles.hull_vertices_by_separation(marginal_vectors))
    out[VARIANTS["weber_set"]] = _flat_vertices(marginal_vectors)
    out["core_cover"] = _flat_vertices(oracles.core_cover_by_definition(table))
    out["reasonable_set"] = _flat_vertices(oracles.reasonable_set_by_definition(table))
    out[VARIANTS["reasonable_set"]] = _flat_vertices(
        oracles.box_vertices_by_enumeration(
            [table[1 << i] for i in range(n)], oracles.utopia_by_definition(table), table[-1]
        )
    )
    positive = case["positive"]
    out[VARIANTS["proportional_value"]] = [
        positive[-1] * positive[1 << i] / sum(positive[1 << j] for j in range(n)) for i in range(n)
    ]
    out["imputation_set"] = _flat_vertices(oracles.imputation_vertices_by_definition(table))
    if n <= VERTEX_N:
        core = [list(v) for v in brute_force_core_vertices(table, n)]
        out["disruption_nucleolus"] = _disruption(case, core)
        if n <= PAIR_N:
            out["least_core_vertices"] = _flat_vertices(_least_core_by_enumeration(table, n))
        out["core_center"] = (
            [float(v) for v in oracles.centroid_by_pulling(core, oracles.core_faces(table))]
            if core
            else None
        )
        mine = ours.get("lorenz")
        if not core:
            out["lorenz"] = None
        elif isinstance(mine, list) and oracles.is_lorenz_solution_by_definition(table, mine, core):
            out["lorenz"] = mine
        else:
            out["lorenz"] = "not the least-squares point of the core (optimality check)"
    convex = all(
        table[a | b] + table[a & b] >= table[a] + table[b]
        for a in range(1 << n)
        for b in range(a + 1, 1 << n)
    )
    out["dutta_ray"] = oracles.dutta_ray_by_algorithm(table) if convex else None
    if convex and n > VERTEX_N:
        out["lorenz"] = out["dutta_ray"]  # the Lorenz solution of a convex game
    out["solidarity"] = oracles.solidarity_by_average_marginals(table)
    out["egalitarian_shapley"] = oracles.egalitarian_shapley_by_definition(table, case["alpha"])
    out["chi"] = oracles.chi_by_definition(table)
    out["proportional_value"] = oracles.proportional_value_by_potential(case["positive"])
    out["least_squares"] = oracles.least_squares_by_kkt(table)
    out["least_squares (weights)"] = oracles.least_squares_by_kkt(table, case["ls_weights"])
    singles = {
        "shapley": oracles.shapley_by_orders(table),
        "banzhaf": oracles.semivalue_by_definition(table, [Fraction(1, 2 ** (n - 1))] * n),
        "shapley-taylor": [table[1 << i] for i in range(n)],
    }
    for kind, first in singles.items():
        pairs = oracles.pair_interaction_by_definition(table, kind)
        found = {(i,): first[i] for i in range(n)}
        found.update({(i, j): pairs[i][j] for i in range(n) for j in range(i + 1, n)})
        out[f"interaction {kind}"] = [found[k] for k in sorted(found)]
    faith = oracles.faith_shap_by_definition(table, 2)
    out["interaction faith-shap"] = [faith[k] for k in sorted(faith)]
    return out


# --------------------------------------------------------------------------- peers

#: Every peer script: its imports, then one body per case (``case``, answers in ``out``).
_LOOP = """
answers = {}
start = time.perf_counter()
for case in PAYLOAD["cases"]:
    out = answers.setdefault(case["id"], {})
"""
_END = """
print(json.dumps({"answers": answers, "seconds": time.perf_counter() - start}))
"""

COOPGAME = (
    cc._PEER_PRELUDE
    + """
import coopgame as cg
"""
    + _LOOP
    + """
    game = cg.Game(case["values"][1:])
    pos = cg.Game(case["positive"][1:])
    anti = cg.Game(case["anti"][1:])
    attempt(out, "modiclus", lambda: cg.modiclus(game)["allocation"])
    attempt(out, "proportional_nucleolus", lambda: cg.proportional_nucleolus(pos)["allocation"])
    attempt(out, "disruption_nucleolus", lambda: cg.disruption_nucleolus(game)["allocation"])
    attempt(out, "anti_nucleolus", lambda: cg.anti_nucleolus(anti)["allocation"])
    attempt(out, "anti_prenucleolus", lambda: cg.anti_prenucleolus(game)["allocation"])
    attempt(out, "per_capita_nucleolus",
            lambda: cg.per_capita_nucleolus(game)["allocation"] if case["imputations"]
            else 1 / 0)
    attempt(out, "solidarity", lambda: cg.solidarity(game))
    for concept, domain in (("prekernel", "preimputation"), ("kernel", "imputation")):
        if concept in case["points"]:
            attempt(out, concept, lambda: [float(cg.is_in_kernel(game, p, domain=domain))
                                           for p in case["points"][concept]])
            attempt(out, concept + " (peer point)",
                    lambda: cg.kernel_point(game, domain=domain)["allocation"])
    if "bargaining_set" in case["points"]:
        attempt(out, "bargaining_set", lambda: [float(cg.bargaining_set(game, p)["member"])
                                                for p in case["points"]["bargaining_set"]])
"""
    + _END
)

TUCOOPY = (
    cc._PEER_PRELUDE
    + """
import tucoopy
from tucoopy import geometry as G, solutions as S
def flat(vertices):
    # duplicates within 1e-6 dropped, the first copy's digits kept
    rows = {}
    for v in vertices:
        rows.setdefault(tuple(round(float(x), 6) for x in v), [float(x) for x in v])
    return [x for key in sorted(rows) for x in rows[key]]
"""
    + _LOOP
    + """
    n = case["n"]
    game = tucoopy.Game.from_coalitions(n_players=n, values=dict(enumerate(case["values"])))
    pos = tucoopy.Game.from_coalitions(n_players=n, values=dict(enumerate(case["positive"])))
    attempt(out, "weber_set", lambda: flat(G.weber_marginal_vectors(game)))
    attempt(out, "core_cover", lambda: flat(G.CoreCover(game).vertices()))
    attempt(out, "reasonable_set", lambda: flat(G.ReasonableSet(game).vertices()))
    attempt(out, "imputation_set", lambda: flat(G.ImputationSet(game).vertices())
            if case["imputations"] else [])
    if n <= 4:  # its vertex enumeration takes seconds at n = 5 and does not end at n = 6
        attempt(out, "least_core_vertices", lambda: flat(G.LeastCore(game).vertices()))
    attempt(out, "modiclus", lambda: S.modiclus(game).x)
    attempt(out, "proportional_value", lambda: S.proportional_value(pos))
"""
    + _END
)

SHAPIQ = (
    cc._PEER_PRELUDE
    + """
import numpy as np
from shapiq.game_theory.exact import ExactComputer
"""
    + _LOOP
    + """
    n, values = case["n"], np.asarray(case["values"], dtype=float)
    weights = 1 << np.arange(n)
    computer = ExactComputer(n_players=n, game=lambda c: values[c.astype(np.int64) @ weights])
    for kind, index in (("shapley", "SII"), ("banzhaf", "BII"), ("shapley-taylor", "STII"),
                        ("faith-shap", "FSII")):
        def pairs(index=index):
            found = computer(index, order=2)
            items = sorted((key, float(found.values[at]))
                           for key, at in found.interaction_lookup.items() if key)
            return [value for _, value in items]
        attempt(out, "interaction " + kind, pairs)
"""
    + _END
)


def run_peers(cases: list[dict], points: dict) -> dict:
    payload = []
    for case in cases:
        entry = {
            key: cc._jsonable(case[key])
            for key in ("id", "n", "values", "positive", "anti", "imputations")
        }
        entry["points"] = cc._jsonable(points[case["id"]])
        payload.append(entry)
    out = {}
    for peer, script in (("coopgame", COOPGAME), ("tucoopy", TUCOOPY), ("shapiq", SHAPIQ)):
        start = time.perf_counter()
        answer = cc.run_peer(peer, script, {"cases": payload}, timeout=3000)
        answer.setdefault("seconds", time.perf_counter() - start)
        out[peer] = answer
        print(
            f"[crosscheck_solutions] {peer}: {answer.get('error', 'ok')} "
            f"({answer['seconds']:.1f} s)",
            file=sys.stderr,
            flush=True,
        )
    return out


# --------------------------------------------------------------------------- comparison


def _judge_peer_points(tally, case, peer_answers) -> None:
    """A peer's own (pre)kernel point: our checker and the brute-force oracle on it (snapped
    to small denominators, else within PEER_TOL of the worths)."""
    values, n = case["values"], case["n"]
    table, _ = oracles.exact_table(values)
    scale = cc._scale(case)
    game = co.TUGame(values)
    for concept, check, brute in (
        ("prekernel", co.is_in_prekernel, brute_in_prekernel),
        ("kernel", co.is_in_kernel, brute_in_kernel),
    ):
        theirs = peer_answers.get(f"{concept} (peer point)")
        if theirs is None:
            continue
        label = f"{concept} (peer point)"
        if not isinstance(theirs, list):
            tally.record(label, "coopgame", case, [1.0], theirs, [1.0])
            continue
        snapped = [Fraction(repr(float(v))).limit_denominator(10**6) for v in theirs]
        snapped[-1] = table[-1] - sum(snapped[:-1])
        if brute(table, n, snapped):
            ours = float(check(game, snapped))
            truth = 1.0
        else:
            ours = float(check(game.to_float(), theirs, atol=PEER_TOL))
            truth = float(brute(table, n, [Fraction(v) for v in theirs], tol=PEER_TOL * scale))
        # "theirs" is the peer's claim that its point is in the set
        tally.record(label, "coopgame", case, [ours], [1.0], [truth])


def _check_witnesses(tally, case, ours) -> None:
    """Every objection we return for a point outside the bargaining set is justified."""
    values, n = case["values"], case["n"]
    table, _ = oracles.exact_table(values)
    game = co.TUGame(values)
    index = {p: k for k, p in enumerate(game.players)}
    points = [p for p, inside in zip(case["_points"], ours["bargaining_set"]) if not inside]
    verdicts = []
    for x, w in zip(points, ours["_witnesses"]):
        members = [index[p] for p in w["coalition"]]
        verdicts.append(
            float(
                is_justified_objection(
                    table, n, x, index[w["objector"]], index[w["target"]], members, list(w["y"])
                )
            )
        )
    if verdicts:
        cc.check_toolkit(
            tally, "bargaining_set witness", case, verdicts, [1.0] * len(verdicts), True
        )


def run(count: int, seed: int) -> dict:
    started = time.perf_counter()
    rng = np.random.default_rng(seed + 1)
    cases = make_cases(count, seed)
    ours, truth, points = {}, {}, {}
    for k, case in enumerate(cases):
        ours[case["id"]], points[case["id"]] = toolkit(case, rng)
        truth[case["id"]] = oracle(case, ours[case["id"]], points[case["id"]])
        case["_points"] = points[case["id"]].get("bargaining_set", [])
        if (k + 1) % 100 == 0:
            print(
                f"[crosscheck_solutions] {k + 1}/{len(cases)} games "
                f"({time.perf_counter() - started:.0f} s)",
                file=sys.stderr,
                flush=True,
            )
    ours_seconds = time.perf_counter() - started
    peers = run_peers(cases, points)
    tally = cc.Tally()
    exact_oracles = set(truth[cases[0]["id"]]) - set(_LEXMIN_CONCEPTS) - {"core_center"}
    for case in cases:
        mine, oracle_answers = ours[case["id"]], truth[case["id"]]
        for concept, answer in mine.items():
            if concept.startswith("_") or concept not in oracle_answers:
                continue
            cc.check_toolkit(
                tally, concept, case, answer, oracle_answers[concept], concept in exact_oracles
            )
        if "_witnesses" in mine:
            _check_witnesses(tally, case, mine)
        for peer, result in peers.items():
            answers = result.get("answers", {}).get(case["id"], {})
            for concept, theirs in answers.items():
                if concept in mine:
                    tally.record(
                        concept, peer, case, mine[concept], theirs, oracle_answers.get(concept)
                    )
                variant = oracle_answers.get(VARIANTS.get(concept, ""), False)
                if variant is not False:
                    # the peer against the oracle of its own definition
                    tally.record(VARIANTS[concept], peer, case, variant, theirs, variant)
            if peer == "coopgame":
                _judge_peer_points(tally, case, answers)
    families: dict = {}
    for case in cases:
        families[case["family"]] = families.get(case["family"], 0) + 1
    return {
        "families": families,
        "n_games": len(cases),
        "rows": [{"concept": c, "source": s, **row} for (c, s), row in sorted(tally.rows.items())],
        "disagreements": tally.disagreements,
        "notes": [],
        "peer_errors": {name: r["error"] for name, r in peers.items() if "error" in r},
        "peer_seconds": {name: r.get("seconds") for name, r in peers.items()},
        "ours_and_oracles_seconds": ours_seconds,
        "seconds": time.perf_counter() - started,
    }


_LEXMIN_CONCEPTS = (
    "modiclus",
    "simplified_modiclus",
    "proportional_nucleolus",
    "disruption_nucleolus",
    "weighted_nucleolus",
    "anti_nucleolus",
    "anti_prenucleolus",
    "per_capita_nucleolus",
)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", action="store_true", help="CI-sized run")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args(argv)
    count = 3 if args.small else 25
    report = run(count, args.seed)
    return cc.write_report(report, "crosscheck_solutions", games_per_family=count, seed=args.seed)


if __name__ == "__main__":
    main()
