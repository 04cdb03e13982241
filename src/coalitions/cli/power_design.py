"""`coalitions power design ...`: institutional design of a weighted vote.

coalitions power design weightedness game.json
coalitions power design weightedness game.json --homogeneous
coalitions power design desirability game.json
coalitions power design inverse --target 0.4,0.3,0.2,0.1 --index shapley-shubik
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from ..power.desirability import desirability as desirability_relation
from ..power.desirability import homogeneous_representation
from ..power.inverse import INDICES
from ..power.inverse import inverse_power as solve_inverse_power
from ..power.weightedness import weighted_representation
from ._common import (
    Json,
    at_least,
    choice,
    errors_to_stderr,
    number_cell,
    option_numbers,
    render,
    split_items,
)
from ._format import formats

app = typer.Typer(
    no_args_is_help=True,
    epilog="Examples: coalitions power design weightedness council.json | coalitions power "
    "design inverse --target 0.4,0.3,0.2,0.1 --index banzhaf",
)

GameFile = typer.Argument(..., help="A simple game file (JSON: weighted, compound, simple).")


def _read(file: Path) -> Any:
    """The simple game in ``file`` (a 0/1 TU game is read as the simple game it is)."""
    from ..games.io import read_game
    from ..games.simple import SimpleGame
    from ..games.tu import TUGame

    game = read_game(file)
    return SimpleGame.from_tu_game(game) if isinstance(game, TUGame) else game


def _render_weights(result: Any, title: str, as_json: bool) -> None:
    """Weights and quota, or the trading transform that proves there are none."""
    if getattr(result, "weights", None) is not None:
        render(
            result,
            as_json,
            title,
            ["member", "weight"],
            ([p, w] for p, w in zip(result.players, result.weights)),
            caption=f"quota {result.quota}; least integer weights, checked exactly",
        )
        return
    transform = getattr(result, "trading_transform", None)
    if transform is not None:
        winning, losing = transform
        render(
            result,
            as_json,
            title + ": not weighted",
            ["side", "coalition", "times"],
            (
                [side, ", ".join(coalition), count]
                for side, part in (("winning", winning), ("losing", losing))
                for coalition, count in part
            ),
            caption="a trading transform: the losing coalitions hold every member at least "
            "as often as the winning ones, so no weights can separate them",
        )
        return
    weighted = "weighted" if result.is_weighted else "not weighted"
    render(
        result,
        as_json,
        title + ": not homogeneous",
        ["member"],
        ([p] for p in result.players),
        caption=f"no weights make every minimal winning coalition weigh the quota ({weighted})",
    )


@app.command("weightedness")
@formats
def weightedness(
    file: Path = GameFile,
    homogeneous: bool = typer.Option(
        False,
        "--homogeneous",
        help="Ask for a homogeneous representation: every minimal winning coalition weighs "
        "exactly the quota.",
    ),
    as_json: Json = False,
) -> None:
    """Is the simple game in FILE weighted? Its least integer weights and quota, or a
    trading transform proving that none exist (Taylor and Zwicker)."""
    result: Any
    with errors_to_stderr():
        game = _read(file)
        if homogeneous:
            result = homogeneous_representation(game)
        else:
            result = weighted_representation(game)
    kind = "Homogeneous weights" if homogeneous else "Weights"
    _render_weights(result, f"{kind} of {file.name}", as_json)


@app.command("desirability")
@formats
def desirability(file: Path = GameFile, as_json: Json = False) -> None:
    """The desirability relation of the simple game in FILE (Isbell): classes of equally
    desirable members, most desirable first, and whether the game is complete."""
    with errors_to_stderr():
        result = desirability_relation(_read(file))
    if result.is_complete:
        caption = "complete: every two members are comparable"
    else:
        assert result.witness is not None  # an incomplete game has an incomparable pair
        i, j, s, t = result.witness
        caption = (
            f"not complete (so not weighted): {i} and {j} are incomparable; with "
            f"{{{', '.join(s)}}} {i} wins where {j} loses, with {{{', '.join(t)}}} {j} wins "
            f"where {i} loses"
        )
    render(
        result,
        as_json,
        f"Desirability in {file.name}",
        ["rank", "members"],
        ([k + 1, ", ".join(c)] for k, c in enumerate(result.classes)),
        caption=caption,
    )


@app.command("inverse")
@formats
def inverse(
    target: str = typer.Option(
        ..., "--target", help="Comma-separated target power per member (normalised)."
    ),
    players: str | None = typer.Option(None, "--players", help="Comma-separated names."),
    index: str = typer.Option(
        "banzhaf",
        "--index",
        help=" | ".join(INDICES),
        callback=choice(INDICES, "--index"),
    ),
    total_weight: int | None = typer.Option(
        None,
        "--total-weight",
        help="Total weight of the candidates (the resolution; default 10 n + 90).",
        callback=at_least(2, "--total-weight"),
    ),
    budget: int = typer.Option(
        1000,
        "--budget",
        help="Most weight vectors evaluated.",
        callback=at_least(1, "--budget"),
    ),
    as_json: Json = False,
) -> None:
    """Weights and a quota whose Banzhaf or Shapley-Shubik index comes closest to a target
    (a heuristic: iterative weight adjustment with a search over every quota)."""
    goal = option_numbers(target, "--target")
    names = split_items(players, "--players") if players else None
    with errors_to_stderr():
        result = solve_inverse_power(
            goal, index=index, players=names, total_weight=total_weight, budget=budget
        )
    render(
        result,
        as_json,
        f"Weights for a target {index} index",
        ["member", "target", "weight", index],
        (
            [p, number_cell(t), w, number_cell(float(v))]
            for p, t, w, v in zip(result.players, result.target, result.weights, result.x)
        ),
        caption=f"quota {result.quota}; distance {number_cell(result.distance)}; {result.message}",
    )
