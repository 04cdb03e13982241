"""The flagship tour behind ``coalitions demo``: a walk through the worked examples
(:mod:`coalitions.examples`), then a timing of a large exact computation. Each section
computes something real and says what it means; the CLI only renders the sections."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from .examples import Section, run_case

__all__ = ["Section", "tour", "SECTIONS", "DEMO_CASES"]

# the examples the tour walks through, in order (each runs in well under a second)
DEMO_CASES = [
    "glove",
    "security-council",
    "eu-council",
    "blocs",
    "lowest-common-denominator",
    "cyprus-belarus",
    "burden-sharing",
    "coalitions-of-the-willing",
]


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
    rows = [
        ["exact Shapley value", f"{shapley_seconds * 1e3:.1f} ms"],
        ["exact Banzhaf value", f"{banzhaf_seconds * 1e3:.1f} ms"],
        ["one numpy.sum over the table (floor)", f"{sum_seconds * 1e3:.1f} ms"],
        ["efficiency residual |sum(phi) - v(N)|", f"{residual:.1e}"],
    ]
    return Section(
        f"A random {n}-player game: 2^{n} = {1 << n:,} coalitions",
        ["computation", "time"],
        rows,
        ["Exact values of a dense game in a few passes over the table, without sampling."],
        data={
            "n": n,
            "shapley_seconds": shapley_seconds,
            "banzhaf_seconds": banzhaf_seconds,
            "sum_seconds": sum_seconds,
        },
    )


# sections left out of the tour to keep it short (the full reports: coalitions examples run)
DEMO_SKIP = {"cyprus-belarus": ("What happened",), "eu-council": ("A priori power of each state",)}


def _case_sections(name: str) -> Callable[[], list[Section]]:
    """The case's sections, each title prefixed with the case's name (e.g. ``blocs | ...``),
    so that the tour says where each table comes from."""
    skip = DEMO_SKIP.get(name, ())
    return lambda: [
        replace(s, title=f"{name} | {s.title}")
        for s in run_case(name).sections
        if not s.title.startswith(skip)
    ]


SECTIONS: dict[str, Callable[[], list[Section]]] = {
    **{name: _case_sections(name) for name in DEMO_CASES},
    "timing": lambda: [timing_section()],
}


def tour() -> list[Section]:
    """Run every part of the tour, in order, and return its sections."""
    return [section for make in SECTIONS.values() for section in make()]
