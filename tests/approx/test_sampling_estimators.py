"""Sampling estimators: accuracy, unbiasedness, variance, intervals, reproducibility, errors."""

from fractions import Fraction

import numpy as np
import pytest

import coalitions as co
from coalitions.approx import BANZHAF_SAMPLERS, SHAPLEY_SAMPLERS, banzhaf_estimate, shapley_estimate
from coalitions.exceptions import InvalidGameError

SHAPLEY = list(SHAPLEY_SAMPLERS)
BANZHAF = list(BANZHAF_SAMPLERS)


def unsc():
    permanent = [f"P{i}" for i in range(1, 6)]
    elected = [f"E{i}" for i in range(1, 11)]
    players = permanent + elected

    def wins(members):
        return int(set(permanent) <= members and len(members) >= 9)

    return co.TUGame.from_function(wins, players)


@pytest.fixture(scope="module")
def unsc_game():
    return unsc().to_float()


@pytest.fixture(scope="module")
def random8():
    return co.random_game(8, rng=7)


def estimate(game, method, budget, seed):
    if method in SHAPLEY:
        return shapley_estimate(game, method=method, budget=budget, rng=seed)
    return banzhaf_estimate(game, method=method, budget=budget, rng=seed)


def exact(game, method):
    return (co.shapley_value(game) if method in SHAPLEY else co.banzhaf_value(game)).x


@pytest.mark.parametrize("method", SHAPLEY + BANZHAF)
def test_error_shrinks_like_inverse_sqrt_budget(random8, method):
    truth = np.asarray(exact(random8, method), float)
    errors = []
    for budget in (4_000, 64_000):
        runs = [estimate(random8, method, budget, seed).x for seed in range(6)]
        errors.append(np.sqrt(np.mean((np.array(runs) - truth) ** 2)))
    # 16x the budget: the RMS error should fall about 4x; allow for noise in 6 runs
    assert 2.0 < errors[0] / errors[1] < 8.0


def test_unsc_permutation_matches_shapley_shubik(unsc_game):
    est = co.shapley_value(unsc_game, method="permutation", budget=300_000, rng=11)
    permanent, elected = 421 / 2145, 4 / 2145
    truth = np.array([permanent] * 5 + [elected] * 10)
    assert np.all(np.abs(est.x - truth) < 4 * est.std_error + 1e-12)
    assert est.x.sum() == pytest.approx(1.0)  # efficient by construction


def test_unsc_banzhaf_sampling(unsc_game):
    est = co.banzhaf_value(unsc_game, method="sampling", budget=160_000, rng=3)
    truth = np.array([848 / 16384] * 5 + [84 / 16384] * 10)
    assert np.all(np.abs(est.x - truth) < 4 * est.std_error + 1e-12)


def test_glove_every_method_close():
    glove = co.glove_game(left=["L"], right=["R1", "R2"])
    for method in SHAPLEY:
        est = co.shapley_value(glove, method=method, budget=20_000, rng=2)
        assert np.allclose(est.x, [2 / 3, 1 / 6, 1 / 6], atol=0.03), method
        assert est.exact is False and est.method == method
    for method in BANZHAF:
        est = co.banzhaf_value(glove, method=method, budget=20_000, rng=2)
        assert np.allclose(est.x, [3 / 4, 1 / 4, 1 / 4], atol=0.03), method


@pytest.mark.parametrize("method", SHAPLEY + BANZHAF)
def test_unbiased(random8, method):
    truth = np.asarray(exact(random8, method), float)
    budget = {"stratified": 600, "neyman": 600, "svarm": 300}.get(method, 200)
    runs = np.array([estimate(random8, method, budget, seed).x for seed in range(300)])
    spread = runs.std(axis=0) / np.sqrt(len(runs))
    assert np.all(np.abs(runs.mean(axis=0) - truth) < 4.5 * spread + 1e-12)


def test_antithetic_reduces_variance():
    # a convex game with increasing returns: reversed orders are negatively correlated
    game = co.TUGame.from_function(
        lambda s: len(s) ** 3 + 3 * ("1" in s) * len(s), [str(i) for i in range(1, 9)]
    ).to_float()
    plain = np.array([estimate(game, "permutation", 1400, s).x for s in range(100)])
    anti = np.array([estimate(game, "antithetic", 1400, s).x for s in range(100)])
    assert anti.var(axis=0).mean() < 0.5 * plain.var(axis=0).mean()


def test_result_fields(random8):
    est = co.shapley_value(random8, method="svarm", budget=5000, rng=1, confidence=0.9)
    assert isinstance(est, co.EstimateResult) and isinstance(est, co.ValueResult)
    assert est.n_evaluations <= est.budget == 5000
    assert est.confidence == 0.9
    low, high = est.confidence_interval
    assert np.all(low <= est.x) and np.all(est.x <= high)
    data = est.to_dict()
    assert set(data["ci_low"]) == set(random8.players) or len(data["ci_low"]) == 8
    assert data["exact"] is False


@pytest.mark.parametrize("method", SHAPLEY + BANZHAF)
def test_reproducible(random8, method):
    a = estimate(random8, method, 5000, 42)
    b = estimate(random8, method, 5000, 42)
    c = estimate(random8, method, 5000, 43)
    assert np.array_equal(a.x, b.x) and np.array_equal(a.std_error, b.std_error)
    assert not np.array_equal(a.x, c.x)
    g1 = estimate(random8, method, 5000, np.random.default_rng(5))
    g2 = estimate(random8, method, 5000, np.random.default_rng(5))
    assert np.array_equal(g1.x, g2.x)


@pytest.mark.parametrize("method", SHAPLEY + BANZHAF)
def test_table_and_oracle_paths_agree(random8, method):
    table = np.asarray(random8.values, float)
    powers = 1 << np.arange(8)
    oracle = co.OracleGame(lambda m: table[m @ powers], random8.players, vectorized=True)
    assert np.allclose(
        estimate(random8, method, 5000, 9).x, estimate(oracle, method, 5000, 9).x, atol=1e-12
    )


def test_chunking_is_part_of_the_layout_not_the_result_quality(random8):
    a = shapley_estimate(random8, budget=20_000, rng=1, chunk_size=700)
    truth = co.shapley_value(random8).x
    assert np.all(np.abs(a.x - truth) < 5 * a.std_error + 1e-12)


def test_exact_games_and_small_n():
    glove = co.glove_game(left=["L"], right=["R"])  # exact (Fraction) game
    est = co.shapley_value(glove, method="svarm", budget=100, rng=0)
    assert est.x.tolist() == [0.5, 0.5] and np.all(est.std_error == 0)
    one = co.TUGame([0, Fraction(3)])
    assert co.shapley_value(one, method="stratified", budget=10).x.tolist() == [3.0]


def test_callback_progress(random8):
    seen = []
    co.shapley_value(
        random8,
        method="permutation",
        budget=30_000,
        rng=0,
        callback=lambda done, total: seen.append((done, total)),
    )
    assert seen[-1][0] == seen[-1][1] and all(a <= b for (a, _), (b, _) in zip(seen, seen[1:]))


def test_oracle_defaults_and_errors():
    oracle = co.OracleGame(lambda s: float(len(s)), 6)
    with pytest.raises(ValueError, match="choose a method and a budget"):
        co.shapley_value(oracle)
    with pytest.raises(ValueError, match="choose a method and a budget"):
        co.banzhaf_value(oracle)
    assert co.shapley_value(oracle, budget=100, rng=0).method == "permutation"
    assert co.banzhaf_value(oracle, budget=100, rng=0).method == "sampling"
    with pytest.raises(InvalidGameError, match="tabulate"):
        co.shapley_value(oracle, method="dividends")
    # "exact" streams the coalitions, also through a function of one coalition at a time
    streamed = co.shapley_value(oracle, method="exact")
    assert np.allclose(streamed.x, co.shapley_value(oracle.tabulate()).x)


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda g: co.shapley_value(g, method="bogus"), ValueError, "valid methods"),
        (lambda g: shapley_estimate(g, method="exact", budget=10), ValueError, "sampling methods"),
        (lambda g: co.shapley_value(g, method="permutation"), ValueError, "give budget="),
        (lambda g: co.shapley_value(g, method="permutation", budget=5), ValueError, "too small"),
        (lambda g: co.shapley_value(g, method="stratified", budget=100), ValueError, "too small"),
        (lambda g: co.shapley_value(g, method="svarm", budget=50), ValueError, "too small"),
        (lambda g: co.banzhaf_value(g, method="msr", budget=8), ValueError, "too small"),
        (lambda g: co.shapley_value(g, method="permutation", budget=1.5), ValueError, "whole"),
        (
            lambda g: co.shapley_value(g, method="permutation", budget=100, rng="x"),
            ValueError,
            "rng must be",
        ),
        (
            lambda g: co.shapley_value(g, method="permutation", budget=100, confidence=1.5),
            ValueError,
            "confidence",
        ),
        (
            lambda g: co.shapley_value(g, method="permutation", budget=100, executor=object()),
            ValueError,
            "Executor",
        ),
        (lambda g: co.shapley_value(g, budget=100), ValueError, "only apply to sampling"),
        (
            lambda g: co.banzhaf_value(g, method="msr", budget=100, normalized=True),
            ValueError,
            "normalized",
        ),
        (lambda g: shapley_estimate([1, 2], budget=100), InvalidGameError, "OracleGame"),
        (lambda g: shapley_estimate(g, budget=1000, chunk_size=0), ValueError, "chunk_size"),
        (lambda g: shapley_estimate(g, budget=1000, rng=-1), ValueError, "non-negative"),
        (
            lambda g: banzhaf_estimate(g, method="nope", budget=1000),
            ValueError,
            "valid sampling methods",
        ),
    ],
)
def test_bad_inputs(random8, call, error, message):
    with pytest.raises(error, match=message):
        call(random8)


@pytest.mark.parametrize("method", SHAPLEY + BANZHAF)
def test_oracle_returning_nan_or_wrong_shape(method):
    nan = co.OracleGame(
        lambda m: np.where(m.sum(axis=1) == 3, np.nan, m.any(axis=1) * 1.0), 6, vectorized=True
    )
    with pytest.raises(InvalidGameError, match="finite"):
        estimate(nan, method, 2000, 0)
    short = co.OracleGame(
        lambda m: np.ones(max(m.shape[0] - 1, 1)) * (m.shape[0] > 1), 6, vectorized=True
    )
    with pytest.raises(InvalidGameError, match="shape"):
        estimate(short, method, 2000, 0)


def test_symbolic_game_refused():
    import sympy

    a = sympy.Symbol("a")
    game = co.TUGame([0, 0, 0, a])
    with pytest.raises(InvalidGameError, match="numeric"):
        co.shapley_value(game, method="permutation", budget=100)


def test_large_oracle_game():
    n = 300
    weights = np.random.default_rng(1).integers(1, 10, n).astype(float)
    quota = weights.sum() / 2
    game = co.OracleGame(
        lambda m: (m @ weights >= quota).astype(float), n, vectorized=True, cache=False
    )
    est = co.shapley_value(game, method="permutation", budget=100_000, rng=0)
    assert est.x.sum() == pytest.approx(1.0)
    order = np.argsort(weights)
    assert est.x[order[-20:]].mean() > est.x[order[:20]].mean()


def test_stratification_reduces_error_on_a_size_driven_game():
    # v(S) = w(S)**3: marginal contributions depend mostly on the size joined
    n = 10
    weights = np.random.default_rng(1).random(n)
    masks = np.arange(1 << n)
    game = co.TUGame((((masks[:, None] >> np.arange(n)) & 1) @ weights) ** 3)
    truth = co.shapley_value(game).x

    def rmse(method):
        runs = [shapley_estimate(game, method=method, budget=20_000, rng=s).x for s in range(40)]
        return np.sqrt(np.mean((np.array(runs) - truth) ** 2))

    plain, equal = rmse("permutation"), rmse("stratified")
    assert equal < 0.6 * plain
    # the variance also grows with the size joined and the player's weight, so Neyman
    # allocation lowers the error further at the same budget
    assert rmse("neyman") < 0.95 * equal
    assert rmse("svarm") < 0.8 * plain


@pytest.mark.parametrize("method", SHAPLEY + BANZHAF)
def test_a_large_offset_changes_neither_estimate_nor_error(method):
    # v(S) + 10**9 |S| has every value shifted by 10**9 and the same marginal contributions:
    # the variances are computed about the mean (no sum of squares minus squared sum), and
    # KernelSHAP and MSR subtract the symmetric additive part |S| (v(N) - v(empty)) / n.
    base = co.WeightedVotingGame(21, [3, 6, 1, 6, 7, 4, 5, 3, 2, 3]).to_tu_game().to_float()
    sizes = np.array([bin(mask).count("1") for mask in range(1 << 10)])
    shifted = co.TUGame(np.asarray(base.values, float) + 1e9 * sizes)
    plain, big = estimate(base, method, 4000, 0), estimate(shifted, method, 4000, 0)
    assert np.all(plain.std_error > 0)
    assert np.allclose(big.x - 1e9, plain.x, atol=1e-5)
    assert np.allclose(big.std_error, plain.std_error, rtol=1e-4, atol=1e-7)
