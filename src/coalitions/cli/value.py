"""`coalitions value ...`: single-valued solutions of a TU game read from a file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, cast

import typer

from ..games.io import read_game
from ..solutions import (
    banzhaf_value,
    chi_value,
    interaction_index,
    least_squares_value,
    lorenz_solution,
    proportional_value,
    shapley_value,
)
from ._common import (
    GameFile,
    Json,
    budget_option,
    check_seed,
    errors_to_stderr,
    number_cell,
    option_number,
    option_numbers,
    render,
    split_items,
)
from ._format import formats

app = typer.Typer(no_args_is_help=True)

Budget = Annotated[
    int | None,
    typer.Option(
        "--budget",
        callback=budget_option,
        help="Value evaluations for a sampling method (a positive integer).",
    ),
]
Seed = Annotated[
    int | None,
    typer.Option(
        "--seed", callback=check_seed, help="Random seed for a sampling method (an integer >= 0)."
    ),
]
Progress = Annotated[
    bool, typer.Option("--progress/--no-progress", help="Progress bar on stderr while sampling.")
]


def _render(result, title: str, as_json: bool) -> None:
    cost = getattr(result, "cost", False)
    title += " (cost shares)" if cost else ""
    if getattr(result, "ci_low", None) is None:
        render(
            result.to_dict(),
            as_json,
            title,
            ["player", "cost share" if cost else "payoff"],
            [(p, number_cell(v)) for p, v in zip(result.players, result.x)],
            caption=f"exact={result.exact}, method={result.method}"
            + (f", dominant={result.dominant}" if hasattr(result, "dominant") else ""),
        )
        return
    render(
        result.to_dict(),
        as_json,
        title,
        ["player", "estimate", "std. error", f"{100 * result.confidence:g}% CI"],
        [
            (p, number_cell(float(v)), number_cell(float(e)), f"[{lo:.6g}, {hi:.6g}]")
            for p, v, e, lo, hi in zip(
                result.players, result.x, result.std_error, result.ci_low, result.ci_high
            )
        ],
        caption=f"exact=False, method={result.method}, evaluations={result.n_evaluations}",
    )


@contextmanager
def _progress(enabled: bool, label: str) -> Iterator[object | None]:
    """A rich progress bar on stderr; yields the ``callback(done, total)`` to pass on."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=None)

        def callback(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield callback


def _value(function, file: Path, method: str, budget, seed, progress: bool, **keywords):
    """``function(game, method=..., **keywords)`` on the game in ``file`` (errors on stderr),
    with the sampling options and a progress bar when a budget or seed is given."""
    options = {} if budget is None and seed is None else {"budget": budget, "rng": seed}
    with errors_to_stderr(), _progress(progress and bool(options), "sampling") as callback:
        if callback is not None:
            options["callback"] = callback
        return function(read_game(file), method=method, **keywords, **options)


@app.command("shapley")
@formats
def shapley(
    file: GameFile,
    method: str = typer.Option(
        "exact",
        help="exact | dividends | permutation | antithetic | stratified | "
        "neyman | svarm | kernel (sampling methods need --budget)",
    ),
    budget: Budget = None,
    seed: Seed = None,
    progress: Progress = True,
    as_json: Json = False,
) -> None:
    """The Shapley value: average marginal contribution over all join orders."""
    result = _value(shapley_value, file, method, budget, seed, progress)
    _render(result, f"Shapley value of {file.name}", as_json)


@app.command("banzhaf")
@formats
def banzhaf(
    file: GameFile,
    normalized: bool = typer.Option(False, "--normalized", help="Scale to sum to one."),
    method: str = typer.Option(
        "exact", help="exact | sampling | msr (sampling methods need --budget)"
    ),
    budget: Budget = None,
    seed: Seed = None,
    progress: Progress = True,
    as_json: Json = False,
) -> None:
    """The Banzhaf value: average marginal contribution over all coalitions."""
    result = _value(banzhaf_value, file, method, budget, seed, progress, normalized=normalized)
    _render(result, f"Banzhaf value of {file.name}", as_json)


@app.command("least-squares")
@formats
def least_squares(
    file: GameFile,
    weights: str | None = typer.Option(
        None,
        "--weights",
        help="m_1,...,m_{n-1}: one weight per coalition size (default all 1: the least "
        "square prenucleolus).",
    ),
    as_json: Json = False,
) -> None:
    """A least-square value (Ruiz, Valenciano and Zarzuelo 1998): the efficient payoff that
    minimises the weighted variance of the excesses."""
    sizes = None if weights is None else option_numbers(weights, "--weights")
    with errors_to_stderr():
        result = least_squares_value(read_game(file), sizes)
    _render(result, f"Least-square value of {file.name}", as_json)


def _plain(function, file: Path, title: str, as_json: bool) -> None:
    """``function(game)`` on the game in ``file`` (errors on stderr), shown under ``title``."""
    with errors_to_stderr():
        result = function(read_game(file))
    _render(result, f"{title} of {file.name}", as_json)


@app.command("chi")
@formats
def chi(file: GameFile, as_json: Json = False) -> None:
    """The chi value (Bergantiños and Massó 1996): the efficient compromise between the
    stand-alone worths and each player's largest marginal contribution (weakly essential
    games)."""
    _plain(chi_value, file, "Chi value", as_json)


@app.command("proportional")
@formats
def proportional(file: GameFile, as_json: Json = False) -> None:
    """The proportional value (Ortmann 2000) of a positive game: efficient and preserving
    ratios, from the ratio potential."""
    _plain(proportional_value, file, "Proportional value", as_json)


@app.command("lorenz")
@formats
def lorenz(file: GameFile, as_json: Json = False) -> None:
    """The Lorenz solution: the core allocation closest to the equal split, which no core
    allocation Lorenz-dominates (the Dutta-Ray solution in a convex game)."""
    _plain(lorenz_solution, file, "Lorenz solution", as_json)


def _interval(text: str) -> tuple[tuple[str, ...], tuple]:
    """``--interval A,B=0:2``: a coalition (comma-separated names) and its low and high worth."""
    coalition, equals, bounds = text.partition("=")
    low, colon, high = bounds.partition(":")
    if not equals or not colon:
        raise typer.BadParameter(
            f"--interval: {text!r} is not COALITION=LOW:HIGH; write e.g. L,R1=0:2."
        )
    names = tuple(split_items(coalition, "--interval"))
    return names, (option_number(low, "--interval"), option_number(high, "--interval"))


@app.command("sensitivity")
@formats
def sensitivity(
    file: GameFile,
    solution: str = typer.Option(
        "shapley",
        help="shapley | banzhaf | solidarity | equal-division | equal-surplus-division | ensc "
        "| least-squares (exact) | nucleolus | prenucleolus | tau | chi | gately (sampled)",
    ),
    spread: str | None = typer.Option(
        None, help="Relative half-width of every worth's interval, e.g. 0.1 or 1/10."
    ),
    interval: list[str] = typer.Option(
        [], "--interval", "-i", help="COALITION=LOW:HIGH, e.g. L,R1=0:2 (repeatable)."
    ),
    samples: int = typer.Option(
        1000, "--samples", min=1, help="Draws of the worths (each a solve when sampled)."
    ),
    seed: Seed = None,
    progress: Progress = True,
    as_json: Json = False,
) -> None:
    """Sensitivity of a solution to uncertain coalition worths: each worth uniform in its
    interval; the payoffs' mean, spread and quantiles, and the coalitions that move them most."""
    from ..analysis import solution_sensitivity

    width = None if spread is None else option_number(spread, "--spread")
    intervals = dict(map(_interval, interval)) or None
    with errors_to_stderr():
        game = read_game(file)
    with errors_to_stderr(), _progress(progress, "sampling") as callback:
        result = solution_sensitivity(
            game,
            solution=solution,
            spread=width,
            intervals=intervals,
            n_samples=samples,
            rng=seed,
            callback=cast(Any, callback),
        )
    _render_sensitivity(result, file.name, as_json)


def _render_sensitivity(result, name: str, as_json: bool) -> None:
    levels = sorted(result.quantiles)
    top = ", ".join("{" + ",".join(c) + f"}} {number_cell(s, 3)}" for c, s in result.ranking[:3])
    render(
        result,
        as_json,
        f"Sensitivity of the {result.solution} of {name}",
        ["player", "mean", "std", "low", "high", *(f"q{100 * q:g}" for q in levels)],
        [
            (
                p,
                number_cell(result.x[i]),
                number_cell(float(result.std[i])),
                number_cell(result.low[i]),
                number_cell(result.high[i]),
                *(number_cell(float(result.quantiles[q][i])) for q in levels),
            )
            for i, p in enumerate(result.players)
        ],
        caption=f"exact={result.exact}, method={result.method}, samples={result.n_samples}, "
        f"quantiles: {result.quantile_method}"
        + (f", most influential: {top}" if top else "")
        + (f"; {result.message}" if result.message else ""),
    )


@app.command("interaction")
@formats
def interaction(
    file: GameFile,
    kind: str = typer.Option(
        "shapley", "--kind", help="shapley | banzhaf | shapley-taylor | faith-shap"
    ),
    order: int = typer.Option(
        2, "--order", help="The largest coalitions whose interaction is listed (1 to n)."
    ),
    method: str = typer.Option("auto", help="auto | size-sums | moebius"),
    as_json: Json = False,
) -> None:
    """Interaction indices of order k (Grabisch and Roubens 1999; Faith-Shap, Tsai, Yeh and
    Ravikumar 2023): positive for complements, negative for substitutes."""
    with errors_to_stderr():
        result = interaction_index(read_game(file), order=order, kind=kind, method=method)
    render(
        result.to_dict(),
        as_json,
        f"{kind} interaction index of order {order} of {file.name}",
        ["coalition", "index"],
        ((", ".join(members), number_cell(value)) for members, value in result.interactions),
        caption=f"exact={result.exact}, method={result.method}",
    )
