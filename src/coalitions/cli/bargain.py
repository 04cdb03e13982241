"""`coalitions bargain ...`: axiomatic solutions of a problem file, Rubinstein, Baron-Ferejohn."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..exceptions import InvalidProblemError
from ..plot.figures import bargaining_problem_figure, dynamic_bargaining_figure
from ._common import (
    DefaultCommandGroup,
    Json,
    assignments,
    count_or_names,
    emit_json,
    errors_to_stderr,
    number_cell,
    option_number,
    print_table,
    render,
    split_items,
)
from ._format import formats
from ._plotting import Plot, write_plot


class FileOrCommand(DefaultCommandGroup):
    """A group whose first argument is either a command name or a FILE for ``solve``."""

    default_command = "solve"


app = typer.Typer(cls=FileOrCommand, no_args_is_help=True)


def _number(text: str, option: str):
    """An option value: an integer, a fraction ``p/q`` (exact) or a finite decimal (a
    float); anything else is a usage error (exit code 2)."""
    return option_number(text, option, kind="mixed")


def _numbers(values: list[str] | None, option: str, listed: bool = False):
    """A repeated option: one number for all, or one per player (None when absent); with
    ``listed`` always the list."""
    if not values:
        return None
    numbers = [_number(v, option) for v in values]
    return numbers[0] if len(numbers) == 1 and not listed else numbers


def _ideal_points(items: list[str] | None) -> dict[str, float]:
    """``--ideal NAME=POSITION`` options as a mapping (a usage error when malformed)."""
    ideals = {
        name: float(option_number(position, "--ideal", kind="float"))
        for name, position in assignments(items, "--ideal").items()
    }
    if len(ideals) < 2:
        raise typer.BadParameter("give at least two players", param_hint="--ideal")
    return ideals


#: The per-period discount factors of the alternating-offers commands.
Discounts = Annotated[
    list[str] | None,
    typer.Option(
        "--discount",
        "-d",
        help="Discount factor(s): once for both players or twice (first proposer first); "
        "fractions like 9/10 give exact shares.",
    ),
]


@app.command("solve")
@formats
def solve(
    file: Path = typer.Argument(
        ..., help="A bargaining problem (JSON, see docs/reference/negotiation-file-formats.md)."
    ),
    solution: str = typer.Option(
        "nash", help="nash | kalai-smorodinsky | egalitarian | utilitarian"
    ),
    exact: bool = typer.Option(
        False, "--exact", help="Closed form with sympy (two-player surplus given by formulas)."
    ),
    as_json: Json = False,
    plot: Plot = None,
) -> None:
    """Solve a bargaining problem read from FILE."""
    from ..bargaining.axiomatic import SOLUTIONS, bargaining_solution
    from ..bargaining.io import read_negotiation

    if solution not in SOLUTIONS:
        raise typer.BadParameter(
            f"unknown solution {solution!r}; valid solutions are {', '.join(SOLUTIONS)}.",
            param_hint="--solution",
        )
    with errors_to_stderr():
        kind, problem, options = read_negotiation(file)
        if kind != "bargaining":
            raise InvalidProblemError(
                f"{file} holds a {kind} model; use `coalitions negotiate {file}`."
            )
        extra = (
            {"weights": options["weights"]} if solution == "nash" and options.get("weights") else {}
        )
        if exact:
            extra["symbolic"] = True
        result = bargaining_solution(problem, method=solution, **extra)
    write_plot(
        plot,
        lambda: bargaining_problem_figure(problem, f"Bargaining problem {file.name}"),
        quiet=as_json,
    )
    if as_json:
        emit_json(result.to_dict())
        return
    _print_solution(f"{solution} solution of {file.name}", result, problem.disagreement)


def _print_solution(title: str, result, disagreement) -> None:
    """A bargaining solution: each player's utility, disagreement payoff and share (an exact
    symbolic value is shown as written and as a decimal)."""

    def cell(value):
        return f"{value} ({float(value):.6g})" if result.exact else number_cell(float(value))

    shares = result.shares if result.shares is not None else [None] * len(result.players)
    print_table(
        title,
        ["player", "utility", "disagreement", "share"],
        [
            (p, cell(u), number_cell(float(d)), "-" if s is None else cell(s))
            for p, u, d, s in zip(result.players, result.x, disagreement, shares)
        ],
    )


@app.command("rubinstein")
@formats
def rubinstein_cmd(
    discount: Discounts = None,
    rate: list[str] | None = typer.Option(
        None, "--rate", "-r", help="Discount rates (twice) instead of factors."
    ),
    period: float | None = typer.Option(
        None, help="Time between offers with --rate; omit for the limit."
    ),
    players: str = typer.Option("1,2", help="Two names, first proposer first."),
    as_json: Json = False,
) -> None:
    """Rubinstein alternating offers: the first proposer's subgame-perfect share."""
    from ..bargaining import rubinstein

    names = split_items(players, "--players")
    deltas = _numbers(discount, "--discount")
    rates = _numbers(rate, "--rate", listed=True)
    with errors_to_stderr():
        result = rubinstein(deltas, rates=rates, period=period, players=names)
    render(
        result.to_dict(),
        as_json,
        "Rubinstein bargaining",
        ["player", "share"],
        [(p, number_cell(v)) for p, v in zip(result.players, result.x)],
        caption="frictionless limit = asymmetric Nash, weights 1/r"
        if result.limit
        else f"first proposer: {result.proposer}",
    )


@app.command("outside-options")
@formats
def outside_options_cmd(
    discount: Discounts = None,
    outside: list[str] | None = typer.Option(
        None, "--outside", "-w", help="Outside options, twice (first proposer first)."
    ),
    breakdown_risk: str = typer.Option(
        "0", "--breakdown-risk", "-p", help="Chance the talks break down after a rejection."
    ),
    breakdown_payoff: list[str] | None = typer.Option(
        None, "--breakdown-payoff", "-b", help="Payoffs on breakdown, twice."
    ),
    surplus: str = typer.Option("1", help="Size of the pie."),
    players: str = typer.Option("1,2", help="Two names, first proposer first."),
    as_json: Json = False,
) -> None:
    """Alternating offers with outside options and a risk of breakdown."""
    from ..bargaining import outside_option_bargaining

    deltas = _numbers(discount, "--discount")
    options = _numbers(outside, "--outside", listed=True) or [0, 0]
    payoffs = _numbers(breakdown_payoff, "--breakdown-payoff", listed=True) or [0, 0]
    risk, pie = _number(breakdown_risk, "--breakdown-risk"), _number(surplus, "--surplus")
    with errors_to_stderr():
        result = outside_option_bargaining(
            deltas,
            options,
            players=split_items(players, "--players"),
            surplus=pie,
            breakdown_risk=risk,
            breakdown_payoffs=payoffs,
        )
    render(
        result.to_dict(),
        as_json,
        "Alternating offers with outside options",
        ["player", "share", "without options", "option binds"],
        [
            (p, number_cell(v), number_cell(w), "yes" if b else "no")
            for p, v, w, b in zip(result.players, result.x, result.inside_shares, result.binding)
        ],
        caption=f"first proposer: {result.proposer}, breakdown risk "
        f"{number_cell(result.breakdown_risk)}",
    )


@app.command("baron-ferejohn")
@formats
def baron_ferejohn_cmd(
    players: str = typer.Option("5", help="Number of players or comma-separated names."),
    discount: list[str] | None = typer.Option(
        None, "--discount", "-d", help="Common discount factor, or one per player (repeat)."
    ),
    recognition: list[str] | None = typer.Option(
        None, "--recognition", "-p", help="Recognition probabilities, one per player (repeat)."
    ),
    quota: str = typer.Option(
        "majority", help="majority | unanimity | an integer (with --weight: the weight needed)"
    ),
    surplus: str = typer.Option("1", help="Size of the surplus."),
    veto: list[str] | None = typer.Option(
        None, "--veto", help="A veto player (repeat): every passing coalition holds them."
    ),
    weight: list[str] | None = typer.Option(
        None, "--weight", "-w", help="Voting weights, one per player (repeat): weighted voting."
    ),
    symbolic: bool = typer.Option(False, "--symbolic", help="Also print the closed form."),
    as_json: Json = False,
) -> None:
    """Baron-Ferejohn legislative bargaining: stationary equilibrium with a certificate,
    with veto players (--veto) and weighted voting (--weight)."""
    from ..bargaining import baron_ferejohn

    who = count_or_names(players, "--players")
    if quota.strip() not in ("majority", "unanimity") and not quota.strip().isdigit():
        raise typer.BadParameter(
            f"{quota!r} is not majority, unanimity or a positive integer", param_hint="--quota"
        )
    deltas = _numbers(discount or ["9/10"], "--discount")
    shares = _numbers(recognition, "--recognition", listed=True)
    with errors_to_stderr():
        result = baron_ferejohn(
            who,
            discount_factors=deltas,
            recognition=shares,
            quota=int(quota) if quota.strip().isdigit() else quota.strip(),
            surplus=_number(surplus, "--surplus"),
            veto=veto or None,
            weights=_numbers(weight, "--weight", listed=True),
            symbolic=symbolic,
        )
    render(
        result.to_dict(),
        as_json,
        f"Baron-Ferejohn, quota {result.quota} of "
        + (
            f"weight {sum(result.weights)}"
            if result.weights is not None
            else f"{len(result.players)}"
        )
        + (f", veto: {', '.join(result.veto)}" if result.veto else ""),
        ["player", "value", "keeps as proposer", "price of vote", "recognition"],
        [
            (p, number_cell(v), number_cell(k), number_cell(c), number_cell(r))
            for p, v, k, c, r in zip(
                result.players, result.x, result.proposer_shares, result.prices, result.recognition
            )
        ],
        caption=f"method={result.method}, residual={result.residual:.2e}, exact={result.exact}",
    )
    if result.closed_form and not as_json:
        typer.echo("\n".join(f"  {key}: {value}" for key, value in result.closed_form.items()))


@app.command("dynamic")
@formats
def dynamic_cmd(
    ideal: list[str] | None = typer.Option(
        None, "--ideal", "-i", help="A player's ideal policy, NAME=POSITION (repeat)."
    ),
    veto: list[str] | None = typer.Option(None, "--veto", help="A veto player (repeat)."),
    status_quo: float = typer.Option(0.0, "--status-quo", help="The initial status quo."),
    points: int = typer.Option(101, "--points", help="Grid points over --low..--high."),
    low: float = typer.Option(0.0, "--low", help="Lowest policy."),
    high: float = typer.Option(1.0, "--high", help="Highest policy."),
    discount: float = typer.Option(0.9, "--discount", "-d", help="Discount factor per period."),
    quota: str = typer.Option("majority", help="majority | unanimity | an integer"),
    utility: str = typer.Option("quadratic", help="quadratic | linear"),
    reversion: float | None = typer.Option(
        None, help="Policy a failed proposal gives (a sunset clause); omit to keep the status quo."
    ),
    as_json: Json = False,
    plot: Plot = None,
) -> None:
    """Dynamic bargaining with an endogenous status quo: a Markov-perfect equilibrium, its
    certificate and the long-run distribution of policies."""
    from ..bargaining import dynamic_bargaining

    ideals = _ideal_points(ideal)
    if quota.strip() not in ("majority", "unanimity") and not quota.strip().isdigit():
        raise typer.BadParameter(
            f"{quota!r} is not majority, unanimity or a positive integer", param_hint="--quota"
        )
    with errors_to_stderr():
        result = dynamic_bargaining(
            ideals,
            veto=veto or [],
            status_quo=status_quo,
            policies=points,
            bounds=(low, high),
            discount_factor=discount,
            quota=int(quota) if quota.strip().isdigit() else quota.strip(),
            utility=utility,
            reversion=reversion,
        )
    write_plot(
        plot,
        lambda: dynamic_bargaining_figure(
            result, f"Dynamic bargaining, veto: {', '.join(result.veto) or 'none'}"
        ),
        quiet=as_json,
    )
    render(
        result.to_dict(),
        as_json,
        f"Dynamic bargaining, quota {result.quota} of {len(result.players)}, "
        f"veto: {', '.join(result.veto) or 'none'}",
        ["player", "ideal", "value at the status quo"],
        [
            (p, number_cell(a), number_cell(v))
            for p, a, v in zip(result.players, result.ideal_points, result.x)
        ],
        caption=(
            f"certified={result.success} (residual {result.residual:.1e}, deviation gain "
            f"{result.deviation_gain:.1e}); "
            + (
                f"stable policies {min(result.stable):g} to {max(result.stable):g}"
                if result.stable
                else "no policy is stable"
            )
            + f"; long-run mean policy "
            f"{result.expected_policy:.4g}" + (f"; {result.message}" if result.message else "")
        ),
    )
    if not as_json:
        print_table(
            f"Long-run distribution of policies from {result.status_quo:g}",
            ["policy", "probability"],
            [
                (number_cell(x), number_cell(w))
                for x, w in zip(result.policies, result.long_run)
                if w > 1e-9
            ],
        )


def _types(values: list[str] | None) -> tuple[list, list | None]:
    """``--type IDEAL[:PROBABILITY]`` options: the blocker's ideal points and, when every
    type gives one, their probabilities (exact numbers)."""
    if not values:
        raise typer.BadParameter("give the blocker's types: --type 1/4:1/2 (repeat).")
    ideals, probabilities = [], []
    for text in values:
        ideal, sep, probability = str(text).partition(":")
        ideals.append(option_number(ideal, "--type"))
        if sep:
            probabilities.append(option_number(probability, "--type"))
    if probabilities and len(probabilities) != len(ideals):
        raise typer.BadParameter("--type: give a probability for every type or for none.")
    return ideals, probabilities or None


@app.command("veto-threat")
@formats
def veto_threat_cmd(
    setter: str = typer.Option("1", help="The setter's ideal point."),
    status_quo: str = typer.Option("0", "--status-quo", "-q", help="The reversion point."),
    blocker_type: list[str] | None = typer.Option(
        None,
        "--type",
        "-t",
        help="A type of blocker: IDEAL or IDEAL:PROBABILITY (repeat; default equal chances).",
    ),
    as_json: Json = False,
) -> None:
    """Veto threats under incomplete information (Matthews 1989): the setter's optimal offer
    against a blocker of uncertain type, and the cheap-talk size-two equilibria."""
    from ..bargaining import veto_threat_equilibria

    ideals, probabilities = _types(blocker_type)
    with errors_to_stderr():
        result = veto_threat_equilibria(
            option_number(setter, "--setter"),
            option_number(status_quo, "--status-quo"),
            ideals,
            probabilities,
        )
    offer = result.babbling
    render(
        result.to_dict(),
        as_json,
        f"Veto threats (threat credible: {result.threat_credible}, exact={result.exact})",
        ["equilibrium", "threat types", "threat offer", "accept offer", "veto probability"],
        [
            ("no talk", "-", "-", number_cell(offer.offer), number_cell(offer.veto_probability)),
            *(
                (
                    f"size two #{k}",
                    ", ".join(e["threat_types"]),
                    number_cell(e["threat_offer"]),
                    number_cell(e["accept_offer"]),
                    number_cell(e["veto_probability"]),
                )
                for k, e in enumerate(result.equilibria, start=1)
            ),
        ],
        caption=f"setter's offer without talk {number_cell(offer.offer)}, accepted with "
        f"probability {number_cell(offer.acceptance_probability)}",
    )
