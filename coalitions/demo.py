"""The flagship tour behind ``coalitions demo``: each section computes something real and
says what it means. The CLI only renders the sections."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

__all__ = ["Section", "tour", "SECTIONS"]


@dataclass
class Section:
    """One part of the tour: a titled table and what it means."""

    title: str
    columns: list[str]
    rows: list[list[Any]]
    note: str = ""
    data: dict = field(default_factory=dict)


def security_council_section() -> Section:
    from .games.tu import TUGame
    from .solutions import banzhaf_value, shapley_value

    permanent = ["China", "France", "Russia", "UK", "US"]
    elected = [f"E{i}" for i in range(1, 11)]
    players = permanent + elected
    veto = frozenset(permanent)
    # a resolution passes with 9 of 15 votes and no permanent member against
    game = TUGame.from_function(lambda s: int(veto <= s and len(s) >= 9), players)
    phi = shapley_value(game)
    beta = banzhaf_value(game, normalized=True)
    rows = [["permanent (each)", phi["US"], beta["US"]],
            ["elected (each)", phi["E1"], beta["E1"]],
            ["five permanent together", 5 * phi["US"], 5 * beta["US"]]]
    return Section(
        "UN Security Council as a 0/1 game (9 votes, P5 veto)",
        ["member", "Shapley-Shubik", "Banzhaf (normalised)"], rows,
        "A permanent member holds about 105 times the Shapley-Shubik power of an elected "
        "one: the veto, not the vote, is what counts.",
        {"shapley": phi.to_dict(), "banzhaf": beta.to_dict()})


def glove_section() -> Section:
    from .games.classes import glove_game
    from .games.properties import veto_players
    from .solutions import banzhaf_value, shapley_value

    game = glove_game(["L"], ["R1", "R2"])
    phi = shapley_value(game)
    beta = banzhaf_value(game)
    rows = [[p, phi[p], beta[p]] for p in game.players]
    return Section(
        "Glove game: one left glove, two right gloves, a pair is worth 1",
        ["player", "Shapley", "Banzhaf"], rows,
        f"The scarce side ({', '.join(veto_players(game))}) is a veto player and earns 2/3 "
        "of the pair in Shapley terms; the two right-glove owners compete each other down.",
        {"shapley": phi.to_dict()})


def timing_section(n: int = 22, seed: int = 2022) -> Section:
    from .games.classes import random_game
    from .solutions import banzhaf_value, shapley_value

    game = random_game(n, rng=seed)
    start = time.perf_counter()
    phi = shapley_value(game)
    shapley_seconds = time.perf_counter() - start
    start = time.perf_counter()
    banzhaf_value(game)
    banzhaf_seconds = time.perf_counter() - start
    start = time.perf_counter()
    float(np.sum(game.values))
    sum_seconds = time.perf_counter() - start
    residual = abs(float(np.sum(phi.x)) - float(game.grand_value))
    rows = [["exact Shapley value", f"{shapley_seconds * 1e3:.1f} ms"],
            ["exact Banzhaf value", f"{banzhaf_seconds * 1e3:.1f} ms"],
            ["one numpy.sum over the table (floor)", f"{sum_seconds * 1e3:.1f} ms"],
            ["efficiency residual |sum(phi) - v(N)|", f"{residual:.1e}"]]
    return Section(
        f"A random {n}-player game: 2^{n} = {1 << n:,} coalitions", ["computation", "time"],
        rows,
        "Exact values of a dense game in a few passes over the table, without sampling.",
        {"n": n, "shapley_seconds": shapley_seconds, "banzhaf_seconds": banzhaf_seconds,
         "sum_seconds": sum_seconds})


SECTIONS: dict[str, Callable[[], Section]] = {
    "security-council": security_council_section,
    "glove": glove_section,
    "timing": timing_section,
}


def tour() -> list[Section]:
    """Run every section of the tour, in order."""
    return [make() for make in SECTIONS.values()]
