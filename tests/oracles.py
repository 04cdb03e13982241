"""Definitions computed the slow, obvious way: the oracles fast code is checked against."""

from __future__ import annotations

from fractions import Fraction
from itertools import permutations
from math import factorial


def shapley_by_permutations(game):
    """Average marginal contribution over all n! orders (n <= 7)."""
    n = game.n_players
    values = list(game.values)
    total = [0] * n
    for order in permutations(range(n)):
        mask = 0
        for i in order:
            total[i] = total[i] + values[mask | 1 << i] - values[mask]
            mask |= 1 << i
    if game.kind == "float":
        return [t / factorial(n) for t in total]
    return [Fraction(t) / factorial(n) if not hasattr(t, "free_symbols") else t / factorial(n)
            for t in total]


def banzhaf_by_definition(game):
    """Average marginal contribution over the 2**(n-1) coalitions of the others."""
    n = game.n_players
    values = list(game.values)
    out = []
    for i in range(n):
        swing = 0
        for mask in range(1 << n):
            if not mask >> i & 1:
                swing = swing + values[mask | 1 << i] - values[mask]
        out.append(swing / 2 ** (n - 1) if game.kind == "float" else
                   Fraction(swing) / 2 ** (n - 1))
    return out
