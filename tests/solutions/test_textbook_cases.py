"""Issue 16's concepts on the worked examples their papers and manuals print.

tests/data/textbook_cases.json holds the games and the published answers, each with its
source (CoopGame's manual, MatTuGames' Getting Started session, TuGames' reference pages,
coopgame-py's documented examples and tests, and the papers they reproduce: Gately 1974,
Young 1985, Stach 2011, Peleg and Sudholter 2007, Tsai, Yeh and Ravikumar 2023, Mares 2001);
this module reproduces them, exactly where the source gives the exact value and to
every printed digit where it prints decimals. No expected value here comes from running the
package. Published cases of these concepts that other modules already reproduce:

* disruption nucleolus, proportional nucleolus, simplified modiclus (Talmud, E = 100) and the
  modiclus (a convention note) from CoopGame's manual: tests/solutions/test_nucleolus_variants.py;
* the modiclus of constant-sum homogeneous weighted majority games (Sudholter 1996): same file;
* the kernel of the Talmud estate E = 200 (Aumann and Maschler 1985): tests/solutions/test_kernel.py;
* the least core of the airport game 1, 2, 3 (Littlechild 1974): tests/solutions/test_least_core_set.py;
* the interaction indices of unanimity games (the papers' closed forms):
  tests/solutions/test_interaction.py.

The modiclus at six players closes the module: against Sudholter's definition (the
lexicographic centre of all excess differences) and against the prenucleolus of the 12-player
dual cover, both brute force with scipy's linprog. TuGames' 4-player and MatTuGames' 6-player
modiclus values above count every pair of coalitions, as the package does (CoopGame's manual
value is the proper-pairs variant, see test_nucleolus_variants.py).
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import numpy as np
import oracles as orc
import pytest
from scipy.optimize import linprog
from solutions._core_oracles import brute_force_core_vertices
from solutions._kernel_oracles import is_justified_objection, table
from solutions._lexmin_oracle import excess_difference_rows, lexmin

import coalitions as co

CASES = json.loads(
    (Path(__file__).parents[1] / "data" / "textbook_cases.json").read_text(encoding="utf-8")
)["cases"]


def case(case_id: str) -> dict:
    return next(c for c in CASES if c["id"] == case_id)


def ids(concept: str) -> list[str]:
    return [c["id"] for c in CASES if c["concept"] == concept]


def game_of(entry: dict) -> co.TUGame:
    """The case's game: from its worths in CoopGame's order, or a bankruptcy problem."""
    if "by_size" in entry:  # a symmetric game: v(S) by |S|
        worths = [Fraction(w) for w in entry["by_size"]]
        players = [str(i + 1) for i in range(len(worths) - 1)]
        return co.TUGame.from_function(lambda members: worths[len(members)], players)
    if "bankruptcy" in entry:
        problem = entry["bankruptcy"]
        claims = [Fraction(c) for c in problem["claims"]]
        return co.bankruptcy_game(Fraction(problem["estate"]), claims)
    game = co.from_vector([Fraction(v) for v in entry["vector"]])
    return co.TUGame(game.values, game.players, cost=True) if entry.get("cost") else game


def matches(ours, published) -> bool:
    """An exact answer against the published one: equal to an exact value (an int or a
    'p/q' string), or rounding to every printed digit of a decimal string."""
    if isinstance(published, str) and "." in published:
        digits = len(published.split(".")[1])
        return abs(Fraction(ours) - Fraction(published)) <= Fraction(1, 2 * 10**digits)
    return Fraction(ours) == Fraction(published)


def point_matches(ours, published) -> bool:
    return len(ours) == len(published) and all(matches(a, b) for a, b in zip(ours, published))


def vertex_set(vertices) -> list[tuple[Fraction, ...]]:
    return sorted(tuple(Fraction(c) for c in v) for v in vertices)


def test_every_case_names_its_source_and_a_known_concept():
    concepts = {
        "imputation_vertices",
        "core_cover",
        "minimal_rights",
        "reasonable_set",
        "weber_vertex_count",
        "tau_value",
        "gately_point",
        "prekernel",
        "per_capita_nucleolus",
        "structure_nucleolus_one_block",
        "solidarity_value",
        "modiclus",
        "anti_prenucleolus",
        "prekernel_of_dual_member",
        "kernel_members",
        "least_squares_value",
        "dutta_ray",
        "least_core",
        "lorenz_solution",
        "chi_value",
        "tau_outside_domain",
        "prekernel_members",
        "reasonable_set_bounds",
        "core_vertex_barycenter",
        "interaction_pairs",
        "one_point_core",
        "bargaining_set_witness",
        "structure_nucleolus",
        "anti_nucleolus_convention",
        "documented_values",
    }
    assert len({c["id"] for c in CASES}) == len(CASES)
    for entry in CASES:
        assert entry["concept"] in concepts, entry["id"]
        assert len(entry["source"]) > 20, entry["id"]


# ------------------------------------------------------------------ set solutions


@pytest.mark.parametrize("case_id", ids("imputation_vertices"))
def test_imputation_set_vertices(case_id):
    entry = case(case_id)
    assert vertex_set(co.imputation_vertices(game_of(entry))) == vertex_set(entry["expected"])


@pytest.mark.parametrize("case_id", ids("core_cover") + ids("reasonable_set"))
def test_core_cover_and_reasonable_set_vertices(case_id):
    entry = case(case_id)
    solver = co.core_cover if entry["concept"] == "core_cover" else co.reasonable_set
    result = solver(game_of(entry))
    assert vertex_set(result.vertices) == vertex_set(entry["expected"])
    assert result.dimension == 2 and not result.is_empty


def test_reasonable_set_of_the_tugames_game():
    """TuGames prints the reasonable set as v(i) = 0 <= x_i <= b_i (the largest marginal
    contributions) on x(N) = 90; the vertices are those of that box's section."""
    entry = case("reasonable_set_bounds_tugames")
    game = game_of(entry)
    upper = [Fraction(b) for b in entry["expected"]]
    assert co.maximal_contributions(game) == upper
    box = orc.box_vertices_by_enumeration([Fraction(0)] * 4, upper, game.grand_value)
    assert vertex_set(co.reasonable_set(game).vertices) == vertex_set(box)


def test_core_vertices_barycenter_against_tugames_and_the_core_center_convention():
    """TuGames' BaryCenter averages the core's vertices; the core-center is the centroid of
    the core as a polytope (uniform over it), a different point of this 14-vertex core."""
    entry = case("core_vertex_barycenter_tugames")
    game = game_of(entry)
    vertices = co.core_vertices(game)
    barycenter = [sum(v[i] for v in vertices) / len(vertices) for i in range(4)]
    assert point_matches(barycenter, entry["expected"])
    centre = co.core_center(game).x
    assert not np.allclose([float(c) for c in centre], [float(b) for b in barycenter], atol=1e-3)
    assert co.is_in_core(game, list(centre))


def _det3(a, b, c):
    return (
        a[0] * (b[1] * c[2] - b[2] * c[1])
        - a[1] * (b[0] * c[2] - b[2] * c[0])
        + a[2] * (b[0] * c[1] - b[1] * c[0])
    )


def _core_center_by_facet_cones(values, n):
    """The exact centroid of a 3-dimensional core (n = 4), from the definition of a centre of
    mass: the core's vertices by brute force; each facet is the set of vertices tight on one
    constraint x(S) >= v(S) that spans a plane; its polygon, ordered by angle about its mean
    in that plane, is fanned into triangles, each a tetrahedron with the mean p of all
    vertices. In the first three coordinates (x_4 is fixed by efficiency: an affine
    bijection, so volume ratios and centroids carry over) a tetrahedron weighs
    |det(a - p, b - p, c - p)| and has its centroid at the mean of its corners. Exact
    rationals except the angular order."""
    assert n == 4
    full = (1 << n) - 1
    vertices = [tuple(Fraction(c) for c in v) for v in brute_force_core_vertices(values, n)]
    points = [v[:3] for v in vertices]
    p = [sum(c[k] for c in points) / len(points) for k in range(3)]
    facets = {}
    for mask in range(1, full):
        tight = frozenset(
            k
            for k, v in enumerate(vertices)
            if sum(v[i] for i in range(n) if mask >> i & 1) == values[mask]
        )
        if len(tight) < 3 or len(tight) == len(vertices) or tight in facets:
            continue
        base = points[min(tight)]
        spans = [[a - b for a, b in zip(points[k], base)] for k in tight]
        if np.linalg.matrix_rank(np.array(spans, dtype=float)) == 2:
            # the constraint's normal once x_4 = v(N) - x_1 - x_2 - x_3 is substituted
            facets[tight] = np.array([(mask >> i & 1) - (mask >> 3 & 1) for i in range(3)])
    weight, moment = Fraction(0), [Fraction(0)] * 3
    for tight, normal in facets.items():
        corners = [points[k] for k in sorted(tight)]
        mean = np.mean(np.array(corners, dtype=float), axis=0)
        u = np.array(corners[0], dtype=float) - mean
        w = np.cross(normal, u)

        def angle(c, mean=mean, u=u, w=w):
            d = np.array(c, dtype=float) - mean
            return np.arctan2(np.dot(d, w), np.dot(d, u))

        corners.sort(key=angle)
        a = corners[0]
        for b, c in zip(corners[1:], corners[2:]):
            volume = abs(_det3(*([x - y for x, y in zip(q, p)] for q in (a, b, c))))
            weight += volume
            for k in range(3):
                moment[k] += volume * (p[k] + a[k] + b[k] + c[k]) / 4
    centre = [m / weight for m in moment]
    return [*centre, values[full] - sum(centre)], len(vertices), len(facets)


def test_core_center_of_the_14_vertex_core_by_facet_cones():
    """The core-center of TuGames' BaryCenter game (a 3-dimensional core with 14 vertices),
    against the exact centre of mass computed above; no code shared with the solver (which
    triangulates with scipy's Delaunay). TuGames publishes this core's vertex average, not
    its centroid; the two differ by more than 0.9 in every coordinate."""
    simplex = [Fraction(0)] * 15 + [Fraction(4)]  # the core is the simplex of 4
    assert _core_center_by_facet_cones(simplex, 4) == ([1, 1, 1, 1], 4, 4)
    entry = case("core_vertex_barycenter_tugames")
    game = game_of(entry)
    values, n = table(game)
    centre, vertex_count, facet_count = _core_center_by_facet_cones(values, n)
    assert vertex_count == 14 and facet_count >= 4
    result = co.core_center(game)
    assert result.dimension == 3 and len(result.vertices) == 14
    assert np.allclose([float(v) for v in result.x], [float(v) for v in centre], rtol=1e-12)
    barycenter = [Fraction(v) for v in entry["expected"]]
    assert all(abs(a - b) > Fraction(9, 10) for a, b in zip(centre, barycenter))


def test_one_point_core_its_center_and_kernel():
    """Mares' game as TuGames answers it: the core is the single point (0, 2, 2), which is
    therefore the core-center (exactly) and the kernel and prekernel."""
    entry = case("one_point_core_mares_tugames")
    game = game_of(entry)
    expected = entry["expected"]
    assert vertex_set(co.core_vertices(game)) == vertex_set(expected["core"])
    centre = co.core_center(game)
    assert centre.exact and centre.dimension == 0
    assert point_matches(list(centre.x), expected["core"][0])
    for point in expected["outside_core"]:
        assert not co.is_in_core(game, point)
    for solver in (co.kernel, co.prekernel):
        assert point_matches(list(solver(game).x), expected["kernel"])


@pytest.mark.parametrize("case_id", ids("minimal_rights"))
def test_minimal_rights_bounding_the_core_cover(case_id):
    entry = case(case_id)
    assert co.minimal_rights(game_of(entry)) == [Fraction(v) for v in entry["expected"]]


@pytest.mark.parametrize("case_id", ids("weber_vertex_count"))
def test_weber_set_vertex_counts(case_id):
    """The Weber set's vertices are the marginal vectors outside the hull of the others:
    CoopGame's 4-player game has 24 distinct marginal vectors and 14 vertices."""
    entry = case(case_id)
    game = game_of(entry)
    result = co.weber_set(game)
    assert len(result.vertices) == entry["expected"]
    for float_game in (game.to_float(),):  # the float route drops the same points
        assert len(co.weber_set(float_game).vertices) == entry["expected"]
    # the hull is unchanged: its centroid is the average over the same polytope
    assert result.dimension == game.n_players - 1


# ------------------------------------------------------------------ values


@pytest.mark.parametrize("case_id", ids("tau_value") + ids("gately_point"))
def test_tau_value_and_gately_point(case_id):
    entry = case(case_id)
    solver = co.tau_value if entry["concept"] == "tau_value" else co.gately_point
    result = solver(game_of(entry))
    assert result.exact
    assert point_matches(list(result.x), entry["expected"])


@pytest.mark.parametrize(
    "case_id",
    ids("least_squares_value") + ids("dutta_ray") + ids("lorenz_solution") + ids("chi_value"),
)
def test_egalitarian_and_compromise_values(case_id):
    entry = case(case_id)
    solver = {
        "least_squares_value": co.least_squares_value,
        "dutta_ray": co.dutta_ray,
        "lorenz_solution": co.lorenz_solution,
        "chi_value": co.chi_value,
    }[entry["concept"]]
    result = solver(game_of(entry))
    assert result.exact and point_matches(list(result.x), entry["expected"])


def test_tau_value_refuses_the_game_tugames_extrapolates():
    """Convention note: TuGames prints a tau value for a game that is not quasi-balanced
    (m_1 = 5.06 > M_1 = 5.03). Its numbers are the formula m + alpha (M - m) applied outside
    the domain, which this package's bounds reproduce exactly; tau_value itself refuses."""
    entry = case("tau_extrapolated_tugames")
    game = game_of(entry)
    low, high = co.minimal_rights(game), co.utopia_payoffs(game)
    assert low[0] > high[0] and not co.is_quasi_balanced(game)
    alpha = (game.grand_value - sum(low)) / (sum(high) - sum(low))
    assert point_matches([m + alpha * (u - m) for m, u in zip(low, high)], entry["expected"])
    with pytest.raises(co.InvalidGameError, match="quasi-balanced"):
        co.tau_value(game)


def test_least_core_of_the_tugames_game_is_one_point():
    entry = case("least_core_tugames")
    result = co.least_core_set(game_of(entry))
    assert vertex_set(result.vertices) == vertex_set(entry["expected"])


def test_solidarity_value():
    """Nowak and Radzik's value on MatTuGames' six-claimant bankruptcy game."""
    for case_id in ids("solidarity_value"):
        entry = case(case_id)
        result = co.solidarity_value(game_of(entry))
        assert result.exact and point_matches(list(result.x), entry["expected"])


# ------------------------------------------------------------------ interaction indices


@pytest.mark.parametrize("case_id", ids("interaction_pairs"))
def test_interaction_indices_of_faith_shap_table_1(case_id):
    """Faith-Shap's Example 1 (n = 11, v(S) = |S| - p C(|S|, 2)), p = 0.1 and 0.2: the
    Shapley and Banzhaf interaction indices, Shapley-Taylor and Faith-Shap of orders 1 and 2
    as the peer prints them, to 1e-9 (for p = 0.1, order 2: Faith-Shap 21/22 and -1/11,
    Shapley-Taylor 0 and 1/10, Shapley 1/2 and 0, Banzhaf 521/1024 and -291/2560)."""
    entry = case(case_id)
    game = game_of(entry)
    tolerance = float(entry["tolerance"])
    checked = 0
    for kind, by_order in entry["expected"].items():
        for order, printed in by_order.items():
            result = co.interaction_index(game, kind=kind, order=int(order))
            assert result.exact
            assert abs(float(result.interaction("1")) - float(printed[0])) <= tolerance, kind
            if int(order) == 2:
                assert abs(float(result.pair("1", "2")) - float(printed[1])) <= tolerance, kind
                assert result.pair("3", "7") == result.pair("1", "2")  # a symmetric game
            checked += 1
    assert checked == 8


def test_interaction_table_game_is_the_papers_game():
    """The symmetric games above are v(S) = |S| - p C(|S|, 2) for |S| > 1, else 0."""
    for case_id in ids("interaction_pairs"):
        entry = case(case_id)
        p = Fraction(entry["p"])
        worths = [Fraction(w) for w in entry["by_size"]]
        assert worths == [Fraction(0) if s < 2 else s - p * s * (s - 1) / 2 for s in range(12)]


# ------------------------------------------------------------------ kernel, nucleoli


def test_prekernel_and_kernel_of_the_mattugames_bankruptcy_game():
    """A convex game: prekernel = kernel = nucleolus, the Talmud rule (Aumann and Maschler
    1985), as MatTuGames prints them."""
    entry = case("prekernel_mattugames_bankruptcy")
    game = game_of(entry)
    for solver in (co.prekernel, co.kernel):
        result = solver(game)
        assert result.exact and result.verified
        assert point_matches(list(result.x), entry["expected"])
    assert co.is_in_kernel(game, [Fraction(v) for v in entry["expected"]])


@pytest.mark.parametrize(
    "case_id, solver, member",
    [
        ("prekernel_points_tugames", co.prekernel, co.is_in_prekernel),
        ("kernel_points_tugames", co.kernel, co.is_in_kernel),
    ],
)
def test_prekernel_and_kernel_elements_of_the_tugames_game(case_id, solver, member):
    """Both (pre)kernel points TuGames prints pass the exact membership test; the package's
    answer (the (pre)nucleolus, which lies in it) is a third point of the same set."""
    entry = case(case_id)
    game = game_of(entry)
    for point in entry["expected"]:
        assert member(game, [Fraction(v) for v in point])
    result = solver(game)
    assert result.exact and result.verified and member(game, list(result.x))


def test_published_kernel_points_are_in_the_bargaining_set():
    """Davis and Maschler (1965): the kernel lies in the bargaining set M_1^(i). The kernel
    points TuGames and MatTuGames print are members, with no justified objection."""
    points = [(case("kernel_points_tugames"), p) for p in case("kernel_points_tugames")["expected"]]
    bankruptcy = case("prekernel_mattugames_bankruptcy")
    points.append((bankruptcy, bankruptcy["expected"]))
    for entry, point in points:
        result = co.bargaining_set(game_of(entry), [Fraction(v) for v in point])
        assert result.in_set and result.exact and result.objection is None


def _justifying_payoff(values, n, x, coalition):
    """An objection through ``coalition`` at ``x``: its members share the excess equally."""
    members = sum(1 << k for k in coalition)
    surplus = values[members] - sum(x[k] for k in coalition)
    return [x[k] + surplus / len(coalition) for k in coalition]


@pytest.mark.parametrize("case_id", ids("bargaining_set_witness"))
def test_bargaining_set_members_and_published_objections(case_id):
    """coopgame-py's documented answers: the members are in the bargaining set with no
    objection; at the other imputations the published objection (objector, target,
    coalition), with the coalition's excess shared equally, is justified by brute force over
    every counter-coalition, and the package's own witness is justified too."""
    entry = case(case_id)
    game = game_of(entry)
    values, n = table(game)
    index = {p: k for k, p in enumerate(game.players)}
    for point in entry["expected"]["members"]:
        result = co.bargaining_set(game, [Fraction(v) for v in point])
        assert result.in_set and result.exact and result.objection is None
    for published in entry["expected"]["objections"]:
        x = [Fraction(v) for v in published["x"]]
        coalition = [index[p] for p in published["coalition"]]
        y = _justifying_payoff(values, n, x, coalition)
        objector, target = index[published["objector"]], index[published["target"]]
        assert is_justified_objection(values, n, x, objector, target, coalition, y)
        result = co.bargaining_set(game, x)
        assert not result.in_set and result.exact
        witness = result.objection
        assert is_justified_objection(
            values,
            n,
            x,
            index[witness["objector"]],
            index[witness["target"]],
            [index[p] for p in witness["coalition"]],
            list(witness["y"]),
        )


def test_anti_nucleolus_conventions_on_coopgame_py_examples():
    """Convention note. The anti-prenucleolus agrees: (4, 4, 4) in both games. coopgame-py's
    anti-nucleolus is the nucleolus of the dual game, over x_i >= v(N) - v(N - i); its
    (3, 3, 6) is this package's nucleolus of dual_game(v). This package's anti_nucleolus is
    over the anti-imputations x_i <= v({i}), empty in both games, so it refuses them."""
    for case_id in ids("anti_nucleolus_convention"):
        entry = case(case_id)
        game = game_of(entry)
        expected = entry["expected"]
        anti_pre = co.anti_prenucleolus(game)
        assert anti_pre.exact and point_matches(list(anti_pre.x), expected["anti_prenucleolus"])
        dual = co.dual_game(game)
        assert co.prenucleolus(dual).x.tolist() == anti_pre.x.tolist()
        with pytest.raises(co.InvalidGameError, match="anti-imputation set is empty"):
            co.anti_nucleolus(game)
        over_dual = expected["anti_nucleolus_over_dual_imputations"]
        if over_dual is None:
            with pytest.raises(co.InvalidGameError, match="imputation set is empty"):
                co.nucleolus(dual)
        else:
            result = co.nucleolus(dual)
            assert result.exact and point_matches(list(result.x), over_dual)


def test_modiclus_of_the_tugames_game():
    entry = case("modiclus_tugames")
    result = co.modiclus(game_of(entry))
    assert result.exact and result.verified
    assert point_matches(list(result.x), entry["expected"])


def test_modiclus_and_anti_prenucleolus_of_the_mattugames_bankruptcy_game():
    """Six players: MatTuGames' modiclus, which it cross-checks with the anti-prenucleolus
    (they coincide for bankruptcy games, Meinhardt 2018)."""
    game = game_of(case("modiclus_mattugames_bankruptcy"))
    for case_id, solver in (
        ("modiclus_mattugames_bankruptcy", co.modiclus),
        ("anti_prenucleolus_mattugames_bankruptcy", co.anti_prenucleolus),
    ):
        entry = case(case_id)
        result = solver(game)
        assert result.exact and result.verified
        assert point_matches(list(result.x), entry["expected"]), case_id
    assert co.is_in_core(game, list(co.modiclus(game).x))  # a convex game's modiclus


@pytest.mark.parametrize("case_id", ids("prekernel_of_dual_member"))
def test_anti_prekernel_elements_are_in_the_prekernel_of_the_dual(case_id):
    """The anti-prekernel of v is the prekernel of v*; MatTuGames' and TuGames' elements
    (not anti-prenucleoli: those prekernels are not one point) pass the exact test."""
    entry = case(case_id)
    game = game_of(entry)
    point = [Fraction(v) for v in entry["expected"]]
    assert sum(point) == game.grand_value
    assert co.is_in_prekernel(co.dual_game(game), point)
    assert not co.is_in_prekernel(game, point)


def test_prekernel_of_peleg_and_sudholter_example_5_5_12():
    """v(12) = 10, v(N) = 2: the prekernel (for three players, the prenucleolus) is
    (3, 3, -4), outside the imputations, so the kernel differs from it."""
    entry = case("prekernel_peleg_sudholter_5_5_12")
    game = game_of(entry)
    result = co.prekernel(game)
    assert result.exact and result.verified
    assert point_matches(list(result.x), entry["expected"])
    assert co.is_in_prekernel(game, entry["expected"])
    assert not co.is_in_kernel(game, entry["expected"])  # x_3 = -4 < v(3) = 0
    assert co.kernel(game).x.tolist() != entry["expected"]


def test_per_capita_nucleolus_of_young_1985():
    """Young's cost game; the published payoffs are those of its savings game
    ``sum_S c_i - C(S)``. The per-capita nucleolus is the weighted nucleolus with
    ``w(S) = |S|``, and the cost game's cost shares are ``c_i`` minus the savings."""
    entry = case("per_capita_young_1985")
    costs = game_of(entry)
    n = costs.n_players
    singles = [costs.values[1 << i] for i in range(n)]
    savings = co.TUGame(
        [
            sum(singles[i] for i in range(n) if mask >> i & 1) - costs.values[mask]
            for mask in range(1 << n)
        ]
    )
    per_capita = co.per_capita_nucleolus(savings)
    assert per_capita.exact and point_matches(list(per_capita.x), entry["expected"])
    sizes = [bin(mask).count("1") or 1 for mask in range(1 << n)]
    weighted = co.weighted_nucleolus(savings, sizes)
    assert weighted.x.tolist() == per_capita.x.tolist()
    shares = co.per_capita_nucleolus(costs).x
    assert [singles[i] - shares[i] for i in range(n)] == per_capita.x.tolist()


def test_nucleolus_of_a_two_block_structure():
    """coopgame-py's example: blocks {1, 2} and {3} of the shared 3-player game; each block
    shares its own worth (x_1 + x_2 = 4, x_3 = 0) and the excesses 6 - x_1, 8 - x_2 of
    {1, 3} and {2, 3} are balanced at 5: (1, 3, 0)."""
    entry = case("structure_nucleolus_coopgame_py")
    game = game_of(entry)
    result = co.structure_nucleolus(game, entry["structure"])
    assert result.exact and result.verified
    assert point_matches(list(result.x), entry["expected"])
    assert result.x.tolist() != co.nucleolus(game).x.tolist()  # (2, 4, 6) without blocks


def test_nucleolus_of_the_one_block_structure():
    entry = case("nucleolus_4_coopgame")
    game = game_of(entry)
    result = co.structure_nucleolus(game, [list(game.players)])
    assert result.exact and result.verified
    assert point_matches(list(result.x), entry["expected"])


def test_coopgame_py_documented_values_of_its_shared_game():
    """Every allocation coopgame-py documents for its shared 3-player game, reproduced
    exactly; its modiclus is the proper-pairs variant (the lexicographic centre over pairs
    of proper coalitions, checked with the definition's oracle), while this package's
    modiclus, Sudholter's over all pairs, is (4, 4, 4)."""
    entry = case("coopgame_py_shared_game")
    game = game_of(entry)
    expected = entry["expected"]
    plain = {
        "nucleolus": co.nucleolus,
        "kernel": co.kernel,
        "shapley_value": co.shapley_value,
        "banzhaf_value": co.banzhaf_value,
        "solidarity_value": co.solidarity_value,
        "tau_value": co.tau_value,
        "gately_point": co.gately_point,
        "disruption_nucleolus": co.disruption_nucleolus,
        "per_capita_nucleolus": co.per_capita_nucleolus,
        "proportional_nucleolus": co.proportional_nucleolus,
    }
    for name, solver in plain.items():
        result = solver(game)
        assert result.exact and point_matches(list(result.x), expected[name]), name
    assert point_matches(co.utopia_payoffs(game), expected["utopia_payoffs"])
    assert point_matches(co.minimal_rights(game), expected["minimal_rights"])
    least = co.least_core(game)
    assert least.epsilon == expected["least_core"]["epsilon"]
    assert vertex_set(co.least_core_set(game).vertices) == vertex_set([expected["least_core"]["x"]])
    graph = [tuple(edge) for edge in expected["myerson_value"]["graph"]]
    assert point_matches(list(co.myerson_value(game, graph).x), expected["myerson_value"]["x"])
    owen = co.owen_value(game, expected["owen_value"]["unions"])
    assert point_matches(list(owen.x), expected["owen_value"]["x"])
    values = [float(v) for v in game.values.tolist()]
    rows, consts = excess_difference_rows(values, 3)
    pairs = [(s, t) for s in range(8) for t in range(8) if s != t]
    proper = [k for k, (s, t) in enumerate(pairs) if 0 < s < 7 and 0 < t < 7]
    centre = lexmin(rows[proper], consts[proper], [[1] * 3], [12])
    published = [float(Fraction(v)) for v in expected["modiclus_proper_pairs"]]
    assert np.allclose(centre, published, atol=1e-7)
    assert co.modiclus(game).x.tolist() == [4, 4, 4]
    assert np.allclose(lexmin(rows, consts, [[1] * 3], [12]), [4, 4, 4], atol=1e-7)


# ------------------------------------------------------------------ modiclus oracle, n = 6


def _prenucleolus_by_brute_force(values, n, tol=1e-7):
    """The prenucleolus of the game ``values`` (bitmask order, floats) by Maschler's scheme
    written out with scipy's linprog: minimise the largest open excess over the affine set
    fixed so far; then find the open coalitions at that level whose excess can still go
    below it (while every open excess stays at most there): an LP maximises the sum of their
    drops (each at most 1), those that drop are freed and the LP is repeated on the rest;
    the coalitions that cannot drop are fixed at the level. Coalitions whose excess the
    fixed ones determine are closed. No code shared with the package."""
    full = (1 << n) - 1
    rows = np.array([[m >> i & 1 for i in range(n)] for m in range(1, full)], dtype=float)
    worth = np.array([values[m] for m in range(1, full)], dtype=float)
    eq_rows, eq_rhs = [np.ones(n)], [float(values[full])]
    open_ = np.ones(len(rows), dtype=bool)
    while open_.any():
        a_eq = np.array([[*r, 0.0] for r in eq_rows])
        b_eq = np.array(eq_rhs)
        live = np.flatnonzero(open_)
        # min t  s.t.  v(S) - x(S) <= t for every open S
        stage = linprog(
            np.r_[np.zeros(n), 1.0],
            A_ub=np.hstack([-rows[live], -np.ones((live.size, 1))]),
            b_ub=-worth[live],
            A_eq=a_eq,
            b_eq=b_eq,
            bounds=[(None, None)] * (n + 1),
        )
        assert stage.status == 0, stage.message
        level, x = stage.x[n], stage.x[:n]
        candidates = live[np.abs(worth[live] - rows[live] @ x - level) <= 1e-6]
        while candidates.size:
            # variables x and a drop d_k in [0, 1] per candidate: e_k + d_k <= level
            drops = np.zeros((live.size, candidates.size))
            drops[np.searchsorted(live, candidates), np.arange(candidates.size)] = 1.0
            probe = linprog(
                np.r_[np.zeros(n), -np.ones(candidates.size)],
                A_ub=np.hstack([-rows[live], drops]),
                b_ub=level - worth[live] + 1e-9,
                A_eq=np.hstack([a_eq[:, :n], np.zeros((len(eq_rows), candidates.size))]),
                b_eq=b_eq,
                bounds=[(None, None)] * n + [(0, 1)] * candidates.size,
            )
            assert probe.status == 0, probe.message
            dropped = probe.x[n:] > tol
            if not dropped.any():
                break
            candidates = candidates[~dropped]
        assert candidates.size, "some coalition is fixed at every stage"
        for k in candidates:
            eq_rows.append(rows[k])
            eq_rhs.append(worth[k] - level)
            open_[k] = False
        basis = np.array(eq_rows)
        rank = np.linalg.matrix_rank(basis, tol=1e-9)
        if rank == n:
            break
        for k in np.flatnonzero(open_):  # excesses now constant on the affine set
            if np.linalg.matrix_rank(np.vstack([basis, rows[k]]), tol=1e-9) == rank:
                open_[k] = False
    return np.linalg.lstsq(np.array(eq_rows), np.array(eq_rhs), rcond=None)[0]


def _dual_cover_by_definition(values, n):
    """Sudholter's dual cover on 2n players: w(S + T*) = max(v(S) + v*(T), v*(S) + v(T)),
    v*(T) = v(N) - v(N - T), written from the definition (players 0..n-1, then their
    copies n..2n-1)."""
    full = (1 << n) - 1
    dual = [values[full] - values[full ^ m] for m in range(full + 1)]
    return [
        max(values[s] + dual[t], dual[s] + values[t])
        for t in range(full + 1)
        for s in range(full + 1)
    ]  # index t * 2**n + s is the coalition S (low bits) with the copies of T (high bits)


def _modiclus_by_dual_cover(values, n):
    cover = _dual_cover_by_definition(values, n)
    point = _prenucleolus_by_brute_force(cover, 2 * n)
    return point[:n], point[n:]


def test_modiclus_oracle_on_a_known_game():
    """The oracle reproduces the modiclus of a constant-sum homogeneous weighted majority
    game, its normalised homogeneous representation (Sudholter 1996): [3; 2, 1, 1, 1] (weight
    3 of 5 wins; every minimal winning coalition weighs 3) gives (2, 1, 1, 1) / 5."""
    weights = [2, 1, 1, 1]
    values = [float(sum(w for i, w in enumerate(weights) if m >> i & 1) >= 3) for m in range(16)]
    own, copy = _modiclus_by_dual_cover(values, 4)
    assert np.allclose(own, [0.4, 0.2, 0.2, 0.2], atol=1e-7)
    assert np.allclose(own, copy, atol=1e-7)  # the prenucleolus of the cover is (x, x)


@pytest.mark.parametrize("seed", [2, 5, 7])
def test_modiclus_of_six_players_matches_the_dual_cover_oracle(seed):
    """Random 6-player games (the package's own oracle tests stop at 4 players): the
    prenucleolus of the 12-player dual cover, computed above with linprog alone, is
    (x, x) with x the package's modiclus."""
    rng = np.random.default_rng(seed)
    n = 6
    values = [0] + [int(v) for v in rng.integers(0, 40, (1 << n) - 1)]
    result = co.modiclus(co.TUGame(values))
    assert result.exact and result.verified
    own, copy = _modiclus_by_dual_cover([float(v) for v in values], n)
    assert np.allclose(own, [float(v) for v in result.x], atol=1e-6)
    assert np.allclose(copy, own, atol=1e-6)


@pytest.mark.parametrize("seed", [16])
def test_modiclus_of_six_players_matches_the_excess_difference_definition(seed):
    """Sudholter's definition itself: the lexicographic centre of the differences
    e(S, x) - e(T, x) over all pairs of coalitions, by the lexicographic-centre oracle of
    tests/solutions/_lexmin_oracle.py (the module's own tests run it up to four players)."""
    rng = np.random.default_rng(seed)
    n = 6
    values = [0] + [int(v) for v in rng.integers(0, 40, (1 << n) - 1)]
    rows, consts = excess_difference_rows([float(v) for v in values], n)
    expected = lexmin(rows, consts, [[1] * n], [values[-1]])
    assert np.allclose([float(v) for v in co.modiclus(co.TUGame(values)).x], expected, atol=1e-6)


def test_simplified_modiclus_of_six_players_matches_its_definition():
    """Tarashnina (2011): the prenucleolus of (v + v*)/2, here by the brute-force scheme
    on the 6-player game itself."""
    rng = np.random.default_rng(26)
    n = 6
    full = (1 << n) - 1
    values = [0] + [int(v) for v in rng.integers(0, 40, full)]
    halfway = [(values[m] + values[full] - values[full ^ m]) / 2 for m in range(full + 1)]
    expected = _prenucleolus_by_brute_force(halfway, n)
    result = co.simplified_modiclus(co.TUGame(values))
    assert result.exact and result.verified
    assert np.allclose([float(v) for v in result.x], expected, atol=1e-6)
    assert sum(result.x) == values[full]
