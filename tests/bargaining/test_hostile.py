"""Hostile input on every public function of coalitions.bargaining: each is refused with a
CoalitionsError that says what is wrong (never a numpy traceback, never a silent answer), and
huge or tiny scales give the right answer."""

import json
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp
from typer.testing import CliRunner

from coalitions.bargaining import (
    BargainingProblem,
    IssueLinkageModel,
    IssueUtility,
    SpatialModel,
    bargaining_problem_from_game,
    bargaining_solution,
    baron_ferejohn,
    egalitarian,
    in_win_set,
    kalai_smorodinsky,
    maxmin_values,
    nash_solution,
    package_win_set,
    rubinstein,
    utilitarian,
    win_set,
)
from coalitions.cli.app import app
from coalitions.exceptions import (
    CoalitionsError,
    InvalidArgumentError,
    InvalidProblemError,
    SolverError,
    TooLargeError,
)

NAN, INF = float("nan"), float("inf")
TRIANGLE = [[0, 0], [1, 0], [0, 1]]
UTILITIES = {
    "C": {
        "A": {"type": "linear", "slope": 1},
        "B": {"type": "quadratic", "ideal": 1, "salience": 2},
    },
    "D": {
        "A": {"type": "linear", "slope": 2},
        "B": {"type": "quadratic", "ideal": 0.1, "salience": 8},
    },
}
LEVELS = {"A": 0, "B": 0}


def linkage(**changes):
    args = {"utilities": UTILITIES, "status_quo": LEVELS, **changes}
    return IssueLinkageModel(args.pop("utilities"), args.pop("status_quo"), **args)


REFUSED = [
    # bargaining problems
    (
        "vertices of strings",
        lambda: BargainingProblem.from_vertices([["1", "0"], [0, 1]]),
        InvalidProblemError,
        "'1' is not a number",
    ),
    (
        "vertices of bools",
        lambda: BargainingProblem.from_vertices([[True, 0], [0, 1]]),
        InvalidProblemError,
        "True is not a number",
    ),
    (
        "ragged vertices",
        lambda: BargainingProblem.from_vertices([[1, 0], [0]]),
        InvalidProblemError,
        "same length",
    ),
    (
        "huge int vertex",
        lambda: BargainingProblem.from_vertices([[10**400, 0], [0, 1]]),
        InvalidProblemError,
        "too large",
    ),
    (
        "players as a string",
        lambda: BargainingProblem.from_vertices(TRIANGLE, players="ab"),
        InvalidProblemError,
        "list of names",
    ),
    (
        "disagreement None entry",
        lambda: BargainingProblem.from_vertices(TRIANGLE, [None, 0]),
        InvalidProblemError,
        "None is not a number",
    ),
    (
        "one formula string",
        lambda: BargainingProblem.from_surplus("sqrt(x)"),
        InvalidProblemError,
        "one utility per player",
    ),
    (
        "surplus string",
        lambda: BargainingProblem.from_surplus(["x", "x"], surplus="1"),
        InvalidProblemError,
        "surplus must be a positive number",
    ),
    (
        "surplus bool",
        lambda: BargainingProblem.from_surplus(["x", "x"], surplus=True),
        InvalidProblemError,
        "surplus",
    ),
    (
        "surplus inf",
        lambda: BargainingProblem.from_surplus(["x", "x"], surplus=INF),
        InvalidProblemError,
        "positive finite",
    ),
    (
        "surplus 10**400",
        lambda: BargainingProblem.from_surplus(["x", "x"], surplus=10**400),
        InvalidProblemError,
        "positive finite",
    ),
    (
        "upper string",
        lambda: BargainingProblem.from_frontier(lambda u: 1 - u, "1", [0, 0]),
        InvalidProblemError,
        "upper",
    ),
    (
        "sympy utility with y",
        lambda: BargainingProblem.from_surplus([sp.Symbol("y"), "x"]),
        InvalidProblemError,
        r"utilities\[0\].*only use the share x",
    ),
    (
        "undefined sympy function",
        lambda: BargainingProblem.from_surplus([sp.Function("f")(sp.Symbol("x")), "x"]),
        InvalidProblemError,
        "undefined functions",
    ),
    (
        "unknown solution",
        lambda: bargaining_solution(BargainingProblem.from_vertices(TRIANGLE), method="raiffa"),
        InvalidArgumentError,
        "unknown method 'raiffa'.*valid methods are",
    ),
    (
        "unknown option",
        lambda: bargaining_solution(
            BargainingProblem.from_vertices(TRIANGLE), method="egalitarian", weights=[1, 2]
        ),
        InvalidArgumentError,
        "unknown option 'weights'.*valid options are 'symbolic'",
    ),
    (
        "weights 1e300 apart",
        lambda: nash_solution(BargainingProblem.from_vertices(TRIANGLE), weights=[1e300, 1]),
        InvalidProblemError,
        "factor of more than 1e12",
    ),
    # strategic
    ("rubinstein bool", lambda: rubinstein(True), InvalidProblemError, "True is not a number"),
    ("rubinstein nan", lambda: rubinstein(NAN), InvalidProblemError, "not a finite number"),
    (
        "rubinstein surplus -1",
        lambda: rubinstein(0.9, surplus=-1),
        InvalidProblemError,
        "surplus must be positive",
    ),
    (
        "rubinstein period nan",
        lambda: rubinstein(rates=[1, 1], period=NAN),
        InvalidProblemError,
        "not a finite number",
    ),
    (
        "rubinstein rates inf",
        lambda: rubinstein(rates=[INF, 1]),
        InvalidProblemError,
        "not a finite number",
    ),
    (
        "rubinstein same names",
        lambda: rubinstein(0.9, players=["a", "a"]),
        InvalidProblemError,
        "distinct",
    ),
    (
        "bf 2.5 players",
        lambda: baron_ferejohn(2.5),
        InvalidProblemError,
        "number of players or a list of names",
    ),
    (
        "bf '5' players",
        lambda: baron_ferejohn("5"),
        InvalidProblemError,
        "number of players or a list of names",
    ),
    # refused before ten million (or 10**400) names are built
    ("bf 10**7 players", lambda: baron_ferejohn(10**7), TooLargeError, "10,000,000 players"),
    ("bf 10**400 players", lambda: baron_ferejohn(10**400), TooLargeError, "401 digits"),
    (
        "bf 5001 names",
        lambda: baron_ferejohn([f"p{i}" for i in range(5001)]),
        TooLargeError,
        "at most 5000 players",
    ),
    (
        "bf recognition 3",
        lambda: baron_ferejohn(5, recognition=3),
        InvalidProblemError,
        "list of 5 probabilities",
    ),
    (
        "bf quota 2.5",
        lambda: baron_ferejohn(5, quota=2.5),
        InvalidProblemError,
        "quota must be an integer",
    ),
    (
        "bf quota True",
        lambda: baron_ferejohn(5, quota=True),
        InvalidProblemError,
        "quota must be an integer",
    ),
    (
        "bf surplus nan",
        lambda: baron_ferejohn(5, surplus=NAN),
        InvalidProblemError,
        "not a finite number",
    ),
    (
        "bf surplus inf",
        lambda: baron_ferejohn(5, surplus=INF),
        InvalidProblemError,
        "not a finite number",
    ),
    (
        "bf discount 1",
        lambda: baron_ferejohn(5, discount_factors=1),
        InvalidProblemError,
        r"\(0, 1\)",
    ),
    (
        "bf discount 2 symbolic-free",
        lambda: baron_ferejohn(5, discount_factors=sp.Integer(2)),
        InvalidProblemError,
        r"\(0, 1\)",
    ),
    (
        "bf negative recognition",
        lambda: baron_ferejohn(5, recognition=[-0.2, 0.4, 0.4, 0.2, 0.2]),
        InvalidProblemError,
        "entry 0 is -0.2",
    ),
    ("bf atol nan", lambda: baron_ferejohn(5, atol=NAN), InvalidArgumentError, "atol"),
    (
        "bf near-zero recognition",  # the homotopy's hard case (the default solves it)
        lambda: baron_ferejohn(
            5,
            discount_factors=0.9,
            quota=3,
            recognition=[1e-300, 1 - 1e-300, 0, 0, 0],
            method="active-set",
        ),
        SolverError,
        "no stationary equilibrium found",
    ),
    # bimatrix
    (
        "bimatrix too large for nash",
        lambda: bargaining_problem_from_game(np.ones((20, 20)), np.ones((20, 20))),
        InvalidProblemError,
        "at most 26 strategies",
    ),
    (
        "bimatrix equilibrium index float",
        lambda: bargaining_problem_from_game([[1, 0], [0, 1]], [[1, 0], [0, 1]], equilibrium=1.5),
        InvalidProblemError,
        "pass an index from 0 to 1",
    ),
    (
        "bimatrix equilibrium index bool",
        lambda: bargaining_problem_from_game([[1, 0], [0, 1]], [[1, 0], [0, 1]], equilibrium=True),
        InvalidProblemError,
        "pass an index",
    ),
    # spatial
    (
        "ideal point bool",
        lambda: SpatialModel([True, 2], 0),
        InvalidProblemError,
        "True is not a number",
    ),
    (
        "status quo string",
        lambda: SpatialModel([1, 2], "0"),
        InvalidProblemError,
        "status quo must be a number",
    ),
    (
        "status quo pair in 1-D",
        lambda: SpatialModel([1, 2], (0, 0)),
        InvalidProblemError,
        "one dimension",
    ),
    (
        "mixed dimensions",
        lambda: SpatialModel([(0, 0), 1], (0, 0)),
        InvalidProblemError,
        "all be numbers",
    ),
    (
        "coordinates 1e300",
        lambda: SpatialModel([(1e300, 0), (0, 1e300)], (0, 0)),
        InvalidProblemError,
        "rescale the policy space",
    ),
    (
        "weights for an unknown player",
        lambda: SpatialModel({"A": 1, "B": 2}, 0, weights={"A": 1, "Z": 1}),
        InvalidProblemError,
        "'Z' is not a player",
    ),
    (
        "weight string",
        lambda: SpatialModel([1, 2], 0, weights=[1, "x"]),
        InvalidProblemError,
        "the weight of '2' must be a number",
    ),
    (
        "failing decision rule",
        lambda: win_set(SpatialModel([1, 2], 0, decision_rule=lambda c: 1 / 0)),
        InvalidProblemError,
        "fails on the coalition",
    ),
    (
        "decision rule says 'yes'",
        lambda: win_set(SpatialModel([1, 2], 0, decision_rule=lambda c: "yes")),
        InvalidProblemError,
        "must return True or False",
    ),
    (
        "in_win_set string",
        lambda: in_win_set(SpatialModel([1, 2], 0), "a"),
        InvalidProblemError,
        "x must be a number",
    ),
    (
        "in_win_set pair in 1-D",
        lambda: in_win_set(SpatialModel([1, 2], 0), (1, 2)),
        InvalidProblemError,
        "one dimension",
    ),
    (
        "grid resolution string",
        lambda: win_set(
            SpatialModel([(0, 0), (1, 1)], (5, 5), decision_rule="majority"), resolution="a"
        ),
        InvalidArgumentError,
        "resolution must be an integer",
    ),
    (
        "grid too large",
        lambda: win_set(
            SpatialModel([(0, 0), (1, 1)], (5, 5), decision_rule="majority"), resolution=10**6
        ),
        TooLargeError,
        "use resolution=",
    ),
    (
        "bounds reversed",
        lambda: win_set(SpatialModel([(0, 0), (1, 1)], (5, 5)), bounds=(1, 0, 0, 1)),
        InvalidArgumentError,
        "xmin < xmax",
    ),
    (
        "bounds short",
        lambda: win_set(SpatialModel([(0, 0), (1, 1)], (5, 5)), bounds=(0, 1)),
        InvalidArgumentError,
        "xmin, xmax, ymin, ymax",
    ),
    (
        "replace unknown",
        lambda: SpatialModel([1, 2], 0).replace(foo=1),
        InvalidArgumentError,
        "takes no 'foo'",
    ),
    # linkage
    (
        "level string",
        lambda: linkage(status_quo={"A": "x", "B": 0}),
        InvalidProblemError,
        r"status_quo\['A'\]",
    ),
    (
        "bounds of one number",
        lambda: linkage(bounds={"A": (0,)}),
        InvalidProblemError,
        r"bounds\['A'\] must be \(low, high\)",
    ),
    (
        "bounds infinite",
        lambda: linkage(bounds={"A": (0, INF)}),
        InvalidProblemError,
        "NaN or infinite",
    ),
    (
        "bounds of an unknown issue",
        lambda: linkage(bounds={"Q": (0, 1)}),
        InvalidProblemError,
        "'Q' is not an issue",
    ),
    ("bounds string", lambda: linkage(bounds="ab"), InvalidProblemError, "must map issues"),
    (
        "assumptions string",
        lambda: linkage(assumptions="abc"),
        InvalidProblemError,
        "list of strings",
    ),
    (
        "slope nan",
        lambda: IssueUtility({"type": "linear", "slope": NAN}),
        InvalidProblemError,
        "slope contains NaN",
    ),
    (
        "slope string",
        lambda: IssueUtility({"type": "linear", "slope": "1"}),
        InvalidProblemError,
        "slope must be",
    ),
    (
        "callable utility nan",
        lambda: linkage(
            utilities={"C": {"A": lambda x: NAN, "B": UTILITIES["C"]["B"]}, "D": UTILITIES["D"]}
        ),
        InvalidProblemError,
        "it must be finite",
    ),
    (
        "package resolution 0",
        lambda: package_win_set(linkage(), resolution=0),
        InvalidArgumentError,
        "at least 2",
    ),
    (
        "package resolution 2.5",
        lambda: package_win_set(linkage(), resolution=2.5),
        InvalidArgumentError,
        "integer",
    ),
    (
        "package grid too large",
        lambda: package_win_set(linkage(), resolution=10**5),
        TooLargeError,
        "resolution=",
    ),
]


@pytest.mark.parametrize(
    "call, error, message", [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED]
)
def test_hostile_input_is_refused_with_a_message(call, error, message):
    with pytest.raises(error, match=message):
        call()
    assert issubclass(error, CoalitionsError)


@pytest.mark.parametrize("scale", [1e-150, 1.0, 1e150, 1e300])
def test_axiomatic_solutions_do_not_depend_on_the_unit(scale):
    """Utilities in any unit: the solutions scale with them (they used to overflow or fail
    in the LP at 1e300, or be refused at 1e-300)."""
    problem = BargainingProblem.from_vertices(
        np.array([[0, 0], [4, 0], [0, 2]]) * scale, atol=1e-9 * scale
    )
    assert nash_solution(problem).x / scale == pytest.approx([2, 1], abs=1e-9)
    assert kalai_smorodinsky(problem).x / scale == pytest.approx([2, 1], abs=1e-9)
    assert egalitarian(problem).x / scale == pytest.approx([4 / 3, 4 / 3], abs=1e-9)
    assert utilitarian(problem).x / scale == pytest.approx([4, 0], abs=1e-9)
    three = BargainingProblem.from_vertices(
        np.array([[0, 0, 0], [3, 0, 0], [0, 1, 0], [0, 0, 2]]) * scale, atol=1e-9 * scale
    )
    assert nash_solution(three).x / scale == pytest.approx([1, 1 / 3, 2 / 3], abs=1e-7)


def test_huge_scales_elsewhere():
    game = bargaining_problem_from_game([[1e300, 0], [0, 1e300]], [[1e300, 0], [0, 1e300]])
    assert game.disagreement.tolist() == [5e299, 5e299]
    assert maxmin_values(
        [[1e300, -1e300], [-1e300, 1e300]], [[1, 0], [0, 1]]
    ).tolist() == pytest.approx([0, 0.5])
    frontier = BargainingProblem.from_frontier(lambda u: 1e300 - u, 1e300, [0, 0])
    assert kalai_smorodinsky(frontier).x.tolist() == pytest.approx([5e299, 5e299], rel=1e-12)
    pie = BargainingProblem.from_surplus(["x", "x"], surplus=1e300)
    assert nash_solution(pie).x == pytest.approx([5e299, 5e299], rel=1e-8)


@pytest.mark.slow
def test_many_players_where_it_makes_sense():
    r = baron_ferejohn(1000, discount_factors=Fraction(9, 10), quota="unanimity")
    assert r.exact and r.x[0] == Fraction(1, 1000)
    assert r.proposer_shares[0] == 1 - Fraction(9, 10) * Fraction(999, 1000)
    assert win_set(SpatialModel(list(np.linspace(0, 1, 1000)), -1)).size == 2.0
    rng = np.random.default_rng(0)
    model = SpatialModel([tuple(p) for p in rng.random((300, 2))], (2, 2))
    assert win_set(model).method == "exact" and win_set(model).size > 0


BAD_OPTIONS = [
    (["baron-ferejohn", "--players", "2.5"], 2),
    (["baron-ferejohn", "--players", "a,,b"], 2),
    (["baron-ferejohn", "--players", "0"], 2),
    (["baron-ferejohn", "--quota", "2.5"], 2),
    (["baron-ferejohn", "-d", "nan"], 2),
    (["baron-ferejohn", "-d", "1e400"], 2),
    (["baron-ferejohn", "--quota", "9"], 1),
    (["baron-ferejohn", "-d", "1"], 1),
    (["baron-ferejohn", "--surplus", "-1"], 1),
    (["rubinstein", "-d", "abc"], 2),
    (["rubinstein", "-d", "1/0"], 2),
    (["rubinstein", "-r", "1", "-r", "1", "--period", "nan"], 1),
    (["rubinstein", "-d", "0.9", "--players", "a"], 1),
]


@pytest.mark.parametrize("args, code", BAD_OPTIONS)
def test_bad_cli_options(args, code):
    result = CliRunner().invoke(app, ["bargain", *args])
    assert result.exit_code == code, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output and result.stderr.strip()
    assert result.stdout == ""


def test_bad_solution_option_is_a_usage_error(tmp_path):
    path = tmp_path / "pie.json"
    path.write_text('{"type": "bargaining", "feasible": {"utilities": ["x", "x"]}}')
    result = CliRunner().invoke(app, ["bargain", str(path), "--solution", "raiffa"])
    assert result.exit_code == 2 and "valid solutions" in result.stderr


@pytest.mark.slow
def test_large_spatial_files_through_the_cli(tmp_path):
    rng = np.random.default_rng(0)
    runner = CliRunner()
    big = tmp_path / "big.json"
    big.write_text(
        json.dumps(
            {
                "type": "spatial",
                "decision_rule": "majority",
                "status_quo": [2, 2],
                "ideal_points": {f"p{i}": rng.random(2).tolist() for i in range(300)},
            }
        )
    )
    refused = runner.invoke(app, ["negotiate", str(big)])
    assert refused.exit_code == 1 and "use resolution=" in refused.stderr
    done = runner.invoke(app, ["negotiate", str(big), "--resolution", "100", "--json"])
    assert done.exit_code == 0 and json.loads(done.stdout)["win_set"]["resolution"] == 100
    assert runner.invoke(app, ["negotiate", str(big), "--resolution", "5"]).exit_code == 2
    # a setter among 20 members under unanimity: one winning coalition, no enumeration
    setter = tmp_path / "setter.json"
    setter.write_text(
        json.dumps(
            {
                "type": "spatial",
                "status_quo": [2, 2],
                "setter": "p0",
                "ideal_points": {f"p{i}": rng.random(2).tolist() for i in range(20)},
            }
        )
    )
    done = runner.invoke(app, ["negotiate", str(setter), "--json"])
    assert done.exit_code == 0 and json.loads(done.stdout)["setter"]["setter"] == "p0"
