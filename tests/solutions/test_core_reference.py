"""Published answers (reference_cases.csv): glove core, three-player majority, Talmud E=200."""

from fractions import Fraction

import reference

import coalitions as co

REF = reference.cases()


def test_glove_core_and_nucleolus():
    expected = reference.fractions(REF["GLOVE_CORE"]["exact"])
    game = co.glove_game(["L"], ["R1", "R2"])
    result = co.core(game, vertices=True)
    assert not result.is_empty and result.exact
    assert [list(v) for v in result.vertices] == [expected]
    assert list(result.x) == expected
    nucleolus = co.nucleolus(game)
    assert nucleolus.exact and nucleolus.verified and list(nucleolus.x) == expected
    assert co.is_in_core(game, expected)


def test_majority3_core_empty_with_certificate():
    row = REF["MAJ3"]
    assert "core empty" in row["exact"]
    share = reference.fractions(row["exact"])[0]
    game = co.majority_game(3)
    result = co.core(game)
    assert result.is_empty and result.exact
    assert result.x.tolist() == [Fraction(1, 3)] * 3  # the least-core point
    cert = result.certificate
    assert cert.exact and co.is_balanced_collection(game, cert)
    assert cert.total > cert.grand_value == 1
    assert all(w > 0 for w in cert.weights)
    # the certificate is checkable by hand: weights times worths
    assert sum(w * game.value(c) for c, w in zip(cert.coalitions, cert.weights)) == cert.total
    assert list(co.nucleolus(game).x) == [share] * 3
    assert list(co.prenucleolus(game).x) == [share] * 3
    least = co.least_core(game)
    assert least.exact and least.epsilon == Fraction(1, 3)


def test_talmud_e200_nucleolus():
    expected = reference.fractions(REF["TALMUD_E200"]["exact"])
    game = co.bankruptcy_game(200, [100, 200, 300])
    result = co.nucleolus(game)
    assert result.exact and result.verified and result.success
    assert list(result.x) == expected
    assert list(co.talmud_rule(200, [100, 200, 300]).x) == expected
    assert co.is_nucleolus(game, expected)
    assert result.levels == (Fraction(-50), Fraction(-75))
    # three players: the closed form, no LP; the LPs give the same answer in two or more
    assert result.nit == 0 and "closed form" in result.message
    lp = co.nucleolus(game, callback=lambda done, total: None)  # a callback: the LP stages
    assert lp.x.tolist() == expected and lp.levels == result.levels and lp.nit >= 1
