"""Dynamic bargaining with an endogenous status quo: published results (Nunnari 2021 on a
discretised divided dollar; the veto player's ideal is always stable; Baron 1996's convergence
to the median), an independent brute-force check of the equilibrium conditions written with
plain loops, hypothesis properties of the certificate and of the long-run distribution, and
bad inputs refused."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coalitions as co
from coalitions.exceptions import CoalitionsError, InvalidArgumentError, InvalidProblemError


def divided_dollar(units):
    """Every division of ``units`` equal parts among three players, as shares."""
    return (
        np.array([(a, b, units - a - b) for a in range(units + 1) for b in range(units + 1 - a)])
        / units
    )


def brute_force_violations(eq, atol=1e-9):
    """The equilibrium conditions checked with loops over players, status quos, proposals and
    coalitions, sharing no code with the solver: the Bellman equation of the values, each
    proposer's outcome passes and is best among the passing proposals, and the long-run
    distribution is invariant."""
    grid = list(eq.policies)
    u, V = np.asarray(eq.utilities), np.asarray(eq.values)
    n, m = u.shape
    delta, p = eq.discount_factor, list(eq.recognition)
    veto = {eq.players.index(v) for v in eq.veto}
    worth = [[u[j][k] + delta * V[j][k] for k in range(m)] for j in range(n)]
    problems = []
    for k in range(m):
        fall = k if eq.reversion is None else grid.index(eq.reversion)
        for i in range(n):
            adopted = grid.index(eq.outcomes[i][k])

            def passes(y, i=i, fall=fall):
                yes = {j for j in range(n) if j == i or worth[j][y] >= worth[j][fall] - atol}
                return len(yes) >= eq.quota and veto <= yes

            if adopted != fall and not passes(adopted):
                problems.append(f"proposer {i} at {k}: outcome {adopted} does not pass")
            best = max([worth[i][fall]] + [worth[i][y] for y in range(m) if passes(y)])
            if worth[i][adopted] < best - 1e-8:
                problems.append(f"proposer {i} at {k}: {worth[i][adopted]} < {best}")
        for j in range(n):
            expected = sum(p[i] * worth[j][grid.index(eq.outcomes[i][k])] for i in range(n))
            if abs(expected - V[j][k]) > 1e-8:
                problems.append(f"Bellman equation of {j} at {k}")
    P = np.zeros((m, m))
    for i, k in itertools.product(range(n), range(m)):
        P[k, grid.index(eq.outcomes[i][k])] += p[i]
    if not np.allclose(P, eq.transition):
        problems.append("transition matrix")
    if not np.allclose(eq.long_run @ P, eq.long_run, atol=1e-9):
        problems.append("long-run distribution not invariant")
    return problems


def test_nunnari_impatient_veto_player_appropriates_the_dollar():
    """Nunnari (2021, GEB 126): with sufficiently impatient legislators full appropriation by
    the veto player is the only stable policy, and policy gets arbitrarily close to it from
    any initial division: here, a dollar in eighths (majority of three with player 1's veto),
    the only absorbing division and, from every start, a long-run veto share within one
    eighth of the dollar (all of it for myopic players)."""
    units = 8
    shares = divided_dollar(units)
    full = int(np.flatnonzero(shares[:, 0] == 1)[0])
    for delta in (0.0, 0.2):
        eq = co.dynamic_bargaining(
            utilities=shares.T,
            policies=np.arange(len(shares)),
            veto=["1"],
            status_quo=len(shares) - 1,  # player 3 holds the whole dollar
            discount_factor=delta,
        )
        assert eq.success and eq.residual < 1e-9 and eq.deviation_gain <= 1e-9
        assert eq.stable == (float(full),)
        every_start = co.long_run_distribution(eq.transition)
        veto_share = every_start @ shares[:, 0]
        assert np.all(veto_share >= 1 - 1 / units - 1e-12)
        if delta == 0:
            assert np.allclose(every_start[:, full], 1.0)
        assert not brute_force_violations(eq)


@pytest.mark.parametrize("delta", [0.0, 0.6, 0.9])
def test_the_veto_players_ideal_is_always_stable(delta):
    """No outcome is better for a veto player than its ideal forever, so it blocks every
    change from there (every Markov-perfect equilibrium)."""
    eq = co.dynamic_bargaining(
        {"V": 0.2, "M": 0.5, "R": 0.9},
        veto=["V"],
        status_quo=0.9,
        policies=21,
        discount_factor=delta,
    )
    if eq.success:
        assert 0.2 in [round(s, 12) for s in eq.stable]
        assert not brute_force_violations(eq)


def test_stable_policies_lie_between_the_veto_player_and_the_median():
    """With one veto player under majority rule on a line, a policy outside the interval
    between the veto player's and the median's ideals is beaten by a coalition of the two
    (the static core); the computed equilibrium's stable policies lie in that interval and
    include both ends."""
    eq = co.dynamic_bargaining(
        {"V": 0.2, "M": 0.5, "R": 0.9},
        veto=["V"],
        status_quo=0.9,
        policies=101,
        discount_factor=0.9,
    )
    assert eq.success and eq.residual < 1e-9 and eq.deviation_gain <= 1e-9
    stable = np.round(eq.stable, 9)
    assert stable.min() == 0.2 and stable.max() == 0.5
    assert np.isclose(eq.long_run.sum(), 1) and eq.long_run[eq.policies > 0.5 + 1e-9].sum() < 1e-12
    assert not brute_force_violations(eq)


def test_baron_without_veto_policy_converges_to_the_median():
    """Baron (1996): under majority rule without veto the equilibrium policy ultimately
    converges to the median's ideal point (myopic players here: one period's horizon)."""
    eq = co.dynamic_bargaining(
        {"L": 0.1, "M": 0.45, "R": 0.8}, status_quo=1.0, policies=101, discount_factor=0.0
    )
    assert eq.success
    assert np.round(eq.stable, 9).tolist() == [0.45]
    assert np.allclose(co.long_run_distribution(eq.transition)[:, 45], 1.0)


def test_sunset_reversion_makes_the_last_decision_irrelevant():
    """With a fixed reversion point the status quo does not matter: every row of the
    transition matrix is the same."""
    eq = co.dynamic_bargaining(
        [0.1, 0.5, 0.9],
        veto=["1"],
        status_quo=0.5,
        policies=11,
        reversion=0.0,
        quota="unanimity",
        discount_factor=0.5,
    )
    assert eq.success and eq.reversion == 0.0
    assert np.allclose(eq.transition, eq.transition[0])
    assert not brute_force_violations(eq)


ideal = st.floats(0, 1, allow_nan=False)


@settings(max_examples=25, deadline=None)
@given(
    ideals=st.lists(ideal, min_size=3, max_size=5),
    delta=st.floats(0, 0.9),
    m=st.integers(3, 25),
    veto_first=st.booleans(),
    linear=st.booleans(),
    data=st.data(),
)
def test_the_certificate_passes_on_random_single_peaked_utilities(
    ideals, delta, m, veto_first, linear, data
):
    n = len(ideals)
    salience = data.draw(st.lists(st.floats(0.1, 3), min_size=n, max_size=n))
    quota = data.draw(st.integers(1, n))
    eq = co.dynamic_bargaining(
        ideals,
        veto=["1"] if veto_first else [],
        status_quo=data.draw(ideal),
        policies=m,
        discount_factor=delta,
        salience=salience,
        quota=quota,
        utility="linear" if linear else "quadratic",
    )
    if eq.success:  # the certificate, recomputed by brute force
        assert eq.residual < 1e-9 and eq.deviation_gain <= 1e-9
        assert not brute_force_violations(eq)
    else:
        assert eq.status in (1, 2) and eq.message
    assert np.all(eq.long_run >= 0) and np.isclose(eq.long_run.sum(), 1)


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 12), st.integers(0, 2**32 - 1), st.floats(0, 1))
def test_the_long_run_distribution_is_an_invariant_distribution(m, seed, sparsity):
    rng = np.random.default_rng(seed)
    P = rng.random((m, m)) * (rng.random((m, m)) < sparsity)
    P[np.arange(m), rng.integers(0, m, m)] += 1  # every row has a successor
    P /= P.sum(axis=1, keepdims=True)
    L = co.long_run_distribution(P)
    assert np.all(L >= -1e-12) and np.allclose(L.sum(axis=1), 1)
    assert np.allclose(L @ P, L, atol=1e-8)
    assert np.allclose(P @ L, L, atol=1e-8)  # the limit does not depend on the first step
    # the Cesaro limit of P is the plain limit of the lazy chain (I + P) / 2, which is
    # aperiodic; 60 squarings take 2**60 steps, past any mixing time of these chains (a fixed
    # number of steps is not: a transient state kept with probability 0.999 takes ~1000)
    lazy = (np.eye(m) + P) / 2
    for _ in range(60):
        lazy = lazy @ lazy
        lazy /= lazy.sum(axis=1, keepdims=True)  # else rounding leaks (1 - eps) ** 2**60
    assert np.allclose(lazy, L, atol=1e-6)


def test_result_contract_and_json():
    eq = co.dynamic_bargaining([0.2, 0.5, 0.9], veto=["1"], status_quo=0.9, policies=11)
    assert isinstance(eq, co.DynamicBargainingResult)
    assert eq.concept == "dynamic-bargaining" and eq.method == "value-iteration"
    document = eq.to_dict()
    assert document["x"].keys() == {"1", "2", "3"} and len(document["long_run"]) == 11
    assert eq.expected_policy == pytest.approx(float(eq.long_run @ eq.policies))


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"discount_factor": 1.0}, InvalidProblemError),
        ({"discount_factor": float("nan")}, InvalidProblemError),
        ({"status_quo": 2.0}, InvalidProblemError),
        ({"status_quo": "high"}, InvalidProblemError),
        ({"veto": ["nobody"]}, InvalidArgumentError),
        ({"quota": 7}, InvalidArgumentError),
        ({"quota": "most"}, InvalidArgumentError),
        ({"recognition": [0.5, 0.5, 0.5]}, InvalidProblemError),
        ({"policies": 1}, InvalidArgumentError),
        ({"policies": [0.0, 0.5, 0.2]}, InvalidProblemError),
        ({"policies": 10**9}, CoalitionsError),
        ({"utility": "cubic"}, InvalidArgumentError),
        ({"salience": [1, -1, 1]}, InvalidProblemError),
        ({"reversion": -1}, InvalidProblemError),
        ({"metod": "x"}, InvalidArgumentError),
        ({"method": "policy-iteration"}, InvalidArgumentError),
    ],
)
def test_bad_inputs_are_refused(kwargs, error):
    base = {"status_quo": 0.5, "veto": ["1"], "policies": 11}
    with pytest.raises(error):
        co.dynamic_bargaining([0.2, 0.5, 0.9], **{**base, **kwargs})


def test_ideal_points_or_utilities_not_both():
    with pytest.raises(InvalidArgumentError):
        co.dynamic_bargaining([0.1, 0.9], utilities=np.zeros((2, 11)), status_quo=0.5)
    with pytest.raises(InvalidArgumentError):
        co.dynamic_bargaining(status_quo=0.5)
    with pytest.raises(InvalidProblemError):
        co.dynamic_bargaining(utilities=np.zeros((2, 5)), policies=11, status_quo=0.5)


def test_cli_bargain_dynamic():
    import json

    from typer.testing import CliRunner

    from coalitions.cli.app import app

    runner = CliRunner()
    args = ["bargain", "dynamic", "-i", "V=0.2", "-i", "M=0.5", "-i", "R=0.9", "--veto", "V"]
    out = runner.invoke(app, [*args, "--status-quo", "0.9", "--points", "21", "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    library = co.dynamic_bargaining(
        {"V": 0.2, "M": 0.5, "R": 0.9}, veto=["V"], status_quo=0.9, policies=21
    )
    assert data["success"] and data["long_run"] == pytest.approx(library.long_run.tolist())
    out = runner.invoke(app, [*args, "--status-quo", "0.9", "--points", "21"])
    assert out.exit_code == 0 and "Long-run distribution" in out.stdout
    out = runner.invoke(app, [*args, "--status-quo", "3"])
    assert out.exit_code == 1 and "outside the policy grid" in out.stderr
    out = runner.invoke(app, ["bargain", "dynamic", "-i", "V"])
    assert out.exit_code == 2


def test_a_mapping_of_ideal_points_names_the_players_and_refuses_players_beside_it():
    named = co.dynamic_bargaining({"L": 0.1, "R": 0.8}, status_quo=0.5, policies=11)
    listed = co.dynamic_bargaining([0.1, 0.8], players=["L", "R"], status_quo=0.5, policies=11)
    assert named.players == listed.players == ("L", "R")
    with pytest.raises(InvalidArgumentError, match="ideal_points is a mapping that names"):
        co.dynamic_bargaining({"L": 0.1, "R": 0.8}, players=["L", "R"], status_quo=0.5)
