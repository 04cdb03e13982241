"""Brute-force definitions of the power indices, straight from the formulas (small n only)."""

from __future__ import annotations

import itertools
import math
from fractions import Fraction


def winning_sets(game):
    n = game.n_players
    return {m for m in range(1 << n) if game.is_winning(m)}


def swings_by_size(game):
    n = game.n_players
    win = winning_sets(game)
    out = [[0] * n for _ in range(n)]
    for i in range(n):
        for m in range(1 << n):
            if not m >> i & 1 and m not in win and (m | 1 << i) in win:
                out[i][bin(m).count("1")] += 1
    return out, len(win)


def shapley_shubik_by_permutations(game):
    n = game.n_players
    win = winning_sets(game)
    counts = [0] * n
    for order in itertools.permutations(range(n)):
        mask = 0
        for i in order:
            if mask | 1 << i in win:
                counts[i] += 1
                break
            mask |= 1 << i
    total = math.factorial(n)
    return [Fraction(c, total) for c in counts]


def minimal_winning(game):
    n = game.n_players
    win = winning_sets(game)
    return [m for m in win if all((m & ~(1 << i)) not in win for i in range(n) if m >> i & 1)]


def johnston(game):
    n = game.n_players
    win = winning_sets(game)
    raw = [Fraction(0)] * n
    vulnerable = 0
    for m in win:
        critical = [i for i in range(n) if m >> i & 1 and (m & ~(1 << i)) not in win]
        if critical:
            vulnerable += 1
            for i in critical:
                raw[i] += Fraction(1, len(critical))
    return [r / vulnerable for r in raw]
