"""Every published answer in tests/data/reference_cases.csv, reproduced exactly.

Each row of the file (concept, game, expected answer, source) has one reproducer below, keyed
by its id; the test is parametrised over the rows of the file, so a row without a reproducer
fails (none is skipped) and a reproducer without a row fails too.
"""

from __future__ import annotations

import math
from fractions import Fraction

import pytest
import reference
import sympy

import coalitions as co

ROWS = reference.rows()
UNSC = co.WeightedVotingGame(39, [7] * 5 + [1] * 10)  # 5 permanent + 10 elected, 9 votes
GLOVE = co.glove_game(["L"], ["R1", "R2"])
TALMUD = co.bankruptcy_game(200, [100, 200, 300])


def _unsc_ss_perm(expected):
    ss = co.shapley_shubik_index(UNSC)
    assert ss.exact and list(ss.x[:5]) == expected[0] * 5


def _unsc_ss_elected(expected):
    ss = co.shapley_shubik_index(UNSC)
    assert ss.exact and list(ss.x[5:]) == expected[0] * 10


def _unsc_bz_swings(expected):
    (permanent,), (elected,) = expected
    assert co.banzhaf_index(UNSC).counts == (permanent,) * 5 + (elected,) * 10


def _unsc_bz_norm(expected):
    bz = co.banzhaf_index(UNSC)
    assert bz.exact and list(bz.x) == expected[0] * 5 + expected[1] * 10


def _unsc_bz_abs(expected):
    bz = co.banzhaf_index(UNSC, normalized=False)
    assert bz.exact and list(bz.x) == expected[0] * 5 + expected[1] * 10


def _unsc_coleman_a(expected):
    act = co.coleman_power_to_act(UNSC)
    assert act.exact and act.value == expected[0][0]


def _eec1958_bz(expected):
    bz = co.banzhaf_index(co.WeightedVotingGame(12, [4, 4, 4, 2, 2, 1]))
    assert bz.exact and list(bz.x) == expected[0]


def _freixas05_ex25(expected):
    game = co.JKSimpleGame(
        lambda x: int(x["1"] == 2 and (x["2"] > 0 or x["3"] > 0)), 3, levels=3, outputs=2
    )
    ss = co.shapley_shubik_index(game)
    assert ss.exact and list(ss.x) == expected[0]


def _freixas05_ex27(expected):
    def passes(x):
        return int(x["1"] == 3 and ((x["2"] >= 2 and x["3"] >= 1) or (x["3"] >= 2 and x["2"] >= 1)))

    ss = co.shapley_shubik_index(co.JKSimpleGame(passes, 4, levels=4, outputs=2))
    assert ss.exact and list(ss.x) == expected[0]


def _glove_sv(expected):
    phi = co.shapley_value(GLOVE)
    assert phi.exact and list(phi.x) == expected[0]


def _glove_core(expected):
    core = co.core(GLOVE, vertices=True)
    assert core.exact and [list(v) for v in core.vertices] == expected  # the core is a point
    assert list(co.nucleolus(GLOVE).x) == expected[0]


def _maj3(expected):
    game = co.majority_game(3)
    share = expected[0][0]
    assert list(co.shapley_value(game).x) == [share] * 3
    assert list(co.nucleolus(game).x) == [share] * 3
    assert co.core(game).is_empty


def _talmud_e200(expected):
    assert list(co.nucleolus(TALMUD).x) == expected[0]


def _talmud_e200_sv(expected):
    assert list(co.shapley_value(TALMUD).x) == expected[0]


def _airport_123_sv(expected):
    assert list(co.shapley_value(co.airport_game([1, 2, 3])).x) == expected[0]


def _sqrt_pie():
    return co.BargainingProblem.from_surplus(["x", "sqrt(x)"])


def _nash_sqrt(expected):
    (x1,), (u2,) = expected
    nash = co.nash_solution(_sqrt_pie(), symbolic=True)
    assert nash.exact and nash.shares[0] == x1
    assert sympy.simplify(nash.x[1] - u2) == 0
    numeric = co.nash_solution(co.BargainingProblem.from_surplus([lambda x: x, math.sqrt]))
    assert numeric.shares[0] == pytest.approx(float(x1), abs=1e-8)


def _ks_sqrt(expected):
    ks = co.kalai_smorodinsky(_sqrt_pie(), symbolic=True)
    assert ks.exact and sympy.simplify(ks.shares[0] - expected[0][0]) == 0


def _rub_09(expected):
    r = co.rubinstein(Fraction(9, 10))
    assert r.exact and r.x[0] == expected[0][0]


def _bf_5_maj(expected):
    (proposer,), (partner,) = expected
    r = co.baron_ferejohn(5, discount_factors=Fraction(9, 10))
    assert r.exact and list(r.proposer_shares) == [proposer] * 5
    assert list(r.prices) == [partner] * 5  # what a partner is offered
    assert sum(r.inclusion[0]) == 2  # two partners, chosen at random
    assert proposer + 2 * partner == 1


def _bf_5_unan(expected):
    (proposer,), (partner,) = expected
    r = co.baron_ferejohn(5, discount_factors=Fraction(9, 10), quota="unanimity")
    assert r.exact and r.proposer_shares[0] == proposer
    assert list(r.offers[0][1:]) == [partner] * 4


REPRODUCERS = {
    "UNSC15_SS_perm": _unsc_ss_perm,
    "UNSC15_SS_elected": _unsc_ss_elected,
    "UNSC15_BZ_swings": _unsc_bz_swings,
    "UNSC15_BZ_norm": _unsc_bz_norm,
    "UNSC15_BZ_abs": _unsc_bz_abs,
    "UNSC15_Coleman_A": _unsc_coleman_a,
    "EEC1958_BZ": _eec1958_bz,
    "GLOVE_SV": _glove_sv,
    "GLOVE_CORE": _glove_core,
    "MAJ3": _maj3,
    "TALMUD_E200": _talmud_e200,
    "TALMUD_E200_SV": _talmud_e200_sv,
    "AIRPORT_123_SV": _airport_123_sv,
    "NASH_SQRT": _nash_sqrt,
    "KS_SQRT": _ks_sqrt,
    "RUB_09": _rub_09,
    "BF_5_maj": _bf_5_maj,
    "BF_5_unan": _bf_5_unan,
    "FREIXAS05_EX25": _freixas05_ex25,
    "FREIXAS05_EX27": _freixas05_ex27,
}


def test_the_file_holds_the_published_cases():
    assert len(ROWS) >= 18
    assert set(REPRODUCERS) == {row["id"] for row in ROWS}, "a row or a reproducer is orphaned"


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row["id"])
def test_reference_case_is_reproduced(row):
    REPRODUCERS[row["id"]](reference.expected(row))


@pytest.mark.parametrize(
    "row", [r for r in ROWS if r["decimal"].strip()], ids=lambda row: row["id"]
)
def test_decimal_column_rounds_the_exact_answer(row):
    """The ``decimal`` column is the exact answer rounded to the digits it prints."""
    texts, groups = row["decimal"].split(" / "), reference.decimals(row)
    assert len(groups) <= len(reference.expected(row))  # decimals of the leading groups
    for exact_group, decimal_group, text in zip(reference.expected(row), groups, texts):
        digits = [len(part.split(".")[1]) if "." in part else 0 for part in text.split(";")]
        for exact, decimal, places in zip(exact_group, decimal_group, digits, strict=True):
            assert abs(float(exact) - decimal) <= 0.5 * 10.0**-places + 1e-15, (exact, decimal)


def test_the_maj3_row_says_the_core_is_empty():
    assert "core empty" in reference.cases()["MAJ3"]["exact"]
