"""`coalitions value ...`: single-valued solutions of a TU game read from a file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from ..games.io import read_game
from ..solutions import banzhaf_value, shapley_value
from ._common import (
    JSON_OPTION,
    budget_option,
    check_seed,
    emit_json,
    errors_to_stderr,
    number_cell,
    print_table,
)

app = typer.Typer(no_args_is_help=True, help="Values of a TU game: Shapley, Banzhaf.")

FILE_ARGUMENT = typer.Argument(..., help="A game file (JSON, see docs/reference/file-format.md).")
BUDGET_OPTION = typer.Option(
    None,
    "--budget",
    callback=budget_option,
    help="Value evaluations for a sampling method (a positive integer).",
)
SEED_OPTION = typer.Option(
    None, "--seed", callback=check_seed, help="Random seed for a sampling method (an integer >= 0)."
)
PROGRESS_OPTION = typer.Option(
    True, "--progress/--no-progress", help="Progress bar on stderr while sampling."
)


def _render(result, title: str, as_json: bool) -> None:
    if as_json:
        emit_json(result.to_dict())
        return
    if getattr(result, "ci_low", None) is not None:
        level = f"{100 * result.confidence:g}%"
        print_table(
            title + (" (cost shares)" if result.cost else ""),
            ["player", "estimate", "std. error", f"{level} CI"],
            [
                (p, number_cell(float(v)), number_cell(float(e)), f"[{lo:.6g}, {hi:.6g}]")
                for p, v, e, lo, hi in zip(
                    result.players, result.x, result.std_error, result.ci_low, result.ci_high
                )
            ],
            caption=f"exact=False, method={result.method}, evaluations={result.n_evaluations}",
        )
        return
    cost = getattr(result, "cost", False)
    print_table(
        title + (" (cost shares)" if cost else ""),
        ["player", "cost share" if cost else "payoff"],
        [(p, number_cell(v)) for p, v in zip(result.players, result.x)],
        caption=f"exact={result.exact}, method={result.method}",
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


def _value(function, game, method: str, budget, seed, progress: bool, **keywords):
    """``function(game, method=..., **keywords)``, with the sampling options and a progress
    bar when a budget or seed is given."""
    options = {} if budget is None and seed is None else {"budget": budget, "rng": seed}
    with _progress(progress and bool(options), "sampling") as callback:
        if callback is not None:
            options["callback"] = callback
        return function(game, method=method, **keywords, **options)


@app.command("shapley")
def shapley(
    file: Path = FILE_ARGUMENT,
    method: str = typer.Option(
        "exact",
        help="exact | dividends | permutation | antithetic | stratified | "
        "neyman | svarm | kernel (sampling methods need --budget)",
    ),
    budget: int | None = BUDGET_OPTION,
    seed: int | None = SEED_OPTION,
    progress: bool = PROGRESS_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The Shapley value: average marginal contribution over all join orders."""
    with errors_to_stderr():
        result = _value(shapley_value, read_game(file), method, budget, seed, progress)
    _render(result, f"Shapley value of {file.name}", as_json)


@app.command("banzhaf")
def banzhaf(
    file: Path = FILE_ARGUMENT,
    normalized: bool = typer.Option(False, "--normalized", help="Scale to sum to one."),
    method: str = typer.Option(
        "exact", help="exact | sampling | msr (sampling methods need --budget)"
    ),
    budget: int | None = BUDGET_OPTION,
    seed: int | None = SEED_OPTION,
    progress: bool = PROGRESS_OPTION,
    as_json: bool = JSON_OPTION,
) -> None:
    """The Banzhaf value: average marginal contribution over all coalitions."""
    with errors_to_stderr():
        result = _value(
            banzhaf_value, read_game(file), method, budget, seed, progress, normalized=normalized
        )
    _render(result, f"Banzhaf value of {file.name}", as_json)
