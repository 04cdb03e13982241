"""`coalitions form ...`: coalition formation (structures, hedonic stability, agreements,
winning coalitions, clubs, networks)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from ..exceptions import InvalidProblemError
from ..formation.blocs import BLOC_INDICES, STABILITY_MODELS
from ..formation.io import read_club_csv
from ..formation.report import WINNING_FAMILIES
from ..games.io import read_game
from ._common import (
    Json,
    at_least,
    choice,
    emit_json,
    errors_to_stderr,
    number_cell,
    option_number,
    option_numbers,
    print_table,
    render,
    split_items,
    tolerance_option,
)
from ._format import formats

app = typer.Typer(no_args_is_help=True)

GAME_FILE = typer.Argument(..., help="A TU game file (JSON, see docs/reference/file-format.md).")
STRUCTURE = typer.Option(
    ..., "--structure", "-s", help="Coalitions separated by '|', members by ',': \"a,b|c\"."
)


def _print_payoffs(result, title: str, what: str, as_json: bool) -> None:
    """An allocation as JSON or as a player/payoff table captioned with ``what``."""
    render(
        result.to_dict(),
        as_json,
        title,
        ["player", "payoff"],
        [(p, number_cell(v)) for p, v in zip(result.players, result.x)],
        caption=f"{what}, exact={result.exact}",
    )


def _structure(text: str, option: str = "--structure") -> list[list[str]]:
    """Coalitions separated by '|', members by ',' (a malformed option is a usage error)."""
    if not text.strip():
        raise typer.BadParameter(
            f"{option}: give coalitions separated by '|' and members by ',', for example \"a,b|c\"."
        )
    try:
        return [split_items(block, option) for block in text.split("|")]
    except typer.BadParameter:
        raise typer.BadParameter(
            f"{option}: cannot read the structure {text!r}: write coalitions separated by '|' "
            "and members by ',', for example \"a,b|c\"."
        ) from None


def _block(block) -> str:
    return "{" + ", ".join(block) + "}"


def _partition_text(partition) -> str:
    return " | ".join(_block(b) for b in partition)


@app.command("partitions")
@formats
def partitions(
    players: list[str] = typer.Argument(..., help="Player names."),
    count_only: bool = typer.Option(False, "--count", help="Only the Bell number."),
    as_json: Json = False,
) -> None:
    """Every partition of the players into coalitions (Bell-number many)."""
    from ..formation import bell_number, set_partitions

    with errors_to_stderr():
        if count_only:
            count, listed = bell_number(len(players)), []
        else:
            listed = list(set_partitions(players))
            count = len(listed)
    if as_json:
        emit_json(
            {"players": players, "count": count, **({} if count_only else {"partitions": listed})}
        )
        return
    if count_only:
        typer.echo(f"{count} partitions of {len(players)} players")
        return
    print_table(
        f"{count} partitions of {len(players)} players",
        ["#", "partition"],
        [(i + 1, _partition_text(p)) for i, p in enumerate(listed)],
    )


@app.command("structure")
@formats
def structure(
    file: Path = GAME_FILE,
    method: str = typer.Option("auto", help="auto | dp | idp | ip | enumeration"),
    time_limit: float | None = typer.Option(
        None, "--time-limit", help="seconds for --method ip (best found and upper bound)"
    ),
    as_json: Json = False,
) -> None:
    """The optimal coalition structure: the partition of largest total worth."""
    from ..formation import optimal_coalition_structure

    with errors_to_stderr():
        result = optimal_coalition_structure(read_game(file), method=method, time_limit=time_limit)
    render(
        result.to_dict(),
        as_json,
        f"Optimal coalition structure of {file.name}",
        ["coalition", "worth"],
        [(_block(b), number_cell(v)) for b, v in zip(result.structure, result.coalition_values)],
        caption=f"total {number_cell(result.value)}, method={result.method}"
        + ("" if result.success else f", upper bound {number_cell(result.upper_bound)}"),
    )


@app.command("aumann-dreze")
@formats
def aumann_dreze(
    file: Path = GAME_FILE, structure_text: str = STRUCTURE, as_json: Json = False
) -> None:
    """The Aumann-Dreze value: Shapley value inside each coalition of a structure."""
    from ..formation import aumann_dreze_value

    with errors_to_stderr():
        result = aumann_dreze_value(read_game(file), _structure(structure_text))
    _print_payoffs(
        result, f"Aumann-Dreze value of {file.name}", f"structure {structure_text}", as_json
    )


@app.command("stability")
@formats
def stability(
    file: Path = GAME_FILE,
    structure_text: str = STRUCTURE,
    atol: float = typer.Option(
        1e-9, "--atol", callback=tolerance_option, help="Tolerance on the least subsidy (>= 0)."
    ),
    as_json: Json = False,
) -> None:
    """Is a coalition structure stable? The core of the game with that structure."""
    from ..formation import structure_core

    with errors_to_stderr():
        result = structure_core(read_game(file), _structure(structure_text), atol=atol)
    verdict = "stable (core non-empty)" if result.is_stable else "unstable (core empty)"
    render(
        {**result.to_dict(), "is_stable": result.is_stable},
        as_json,
        f"Core of {file.name} with structure {structure_text}: {verdict}",
        ["player", "core point" if result.is_stable else "least-core point"],
        [(p, number_cell(v)) for p, v in zip(result.players, result.x)],
        caption=f"epsilon={number_cell(result.epsilon)}, exact={result.exact}",
    )


@app.command("hedonic")
@formats
def hedonic(
    file: Path = typer.Argument(..., help='A hedonic game file ("type": "hedonic").'),
    partition: str = typer.Option(
        ..., "--partition", "-p", help="Coalitions separated by '|': \"a,b|c\"."
    ),
    as_json: Json = False,
) -> None:
    """Core, Nash, individual and contractual individual stability of a partition."""
    from ..formation import hedonic_stability

    with errors_to_stderr():
        game = _hedonic(file)
        result = hedonic_stability(game, _structure(partition, "--partition"))
    render(
        result.to_dict(),
        as_json,
        f"Stability of {_partition_text(result.partition)}",
        ["notion", "stable", "deviation"],
        [
            (
                label,
                "yes" if getattr(result, flag) else "no",
                _deviation(key, result.witnesses[key]),
            )
            for label, flag, key in NOTIONS
        ],
    )


#: The stability notions of a hedonic game: label, result field, witness key.
NOTIONS = (
    ("core stable", "core_stable", "core"),
    ("Nash stable", "nash_stable", "nash"),
    ("individually stable", "individually_stable", "individual"),
    ("contractually individually stable", "contractually_individually_stable", "contractual"),
)


def _deviation(key: str, witness) -> str:
    """A stability witness in words: the blocking coalition, or who moves where."""
    if witness is None:
        return "-"
    if key == "core":
        return f"blocked by {_block(witness)}"
    return f"{witness['player']}: {_block(witness['from'])} -> {_block(witness['to'])}"


def _hedonic(file: Path):
    from ..formation import HedonicGame

    game = read_game(file)
    if not isinstance(game, HedonicGame):
        raise InvalidProblemError(
            f'{file} is not a hedonic game; its JSON needs "type": "hedonic" and '
            '"values", "rankings" or "utilities".'
        )
    return game


@app.command("dynamics")
@formats
def dynamics(
    file: Path = typer.Argument(..., help="A hedonic game file."),
    partition: str | None = typer.Option(
        None, "--partition", "-p", help="Start partition (default: all alone)."
    ),
    rule: str = typer.Option("nash", help="nash | individual | contractual"),
    max_rounds: int = typer.Option(
        1000, callback=at_least(1, "--max-rounds"), help="Stop after this many rounds (>= 1)."
    ),
    as_json: Json = False,
) -> None:
    """Best-response dynamics: players move one at a time until nobody wants to."""
    from ..formation import best_response_dynamics

    with errors_to_stderr():
        game = _hedonic(file)
        start = _structure(partition, "--partition") if partition else None
        result = best_response_dynamics(game, start, rule=rule, max_rounds=max_rounds)
    render(
        result.to_dict(),
        as_json,
        f"Best-response dynamics ({rule})",
        ["move", "player", "from", "to", "potential"],
        [
            (
                i + 1,
                player,
                _block(old),
                _block(new),
                number_cell(result.potentials[i]) if result.potentials else None,
            )
            for i, (player, old, new) in enumerate(result.moves)
        ],
        caption=f"final {_partition_text(result.partition)}; stopped: "
        f"{result.stopping_reason} after {result.n_rounds} round(s)",
    )


@app.command("agreement")
@formats
def agreement(
    n: int = typer.Option(
        ..., "--n", callback=at_least(2, "--n"), help="Number of players (n >= 2)."
    ),
    b: str = typer.Option("1", help="Marginal benefit of the public good."),
    c: str = typer.Option("1", help="Slope of the marginal cost."),
    indifferent: str = typer.Option("join", help="join | stay"),
    as_json: Json = False,
) -> None:
    """Stable size of a self-enforcing agreement in the linear-quadratic public-good model."""
    from ..formation import agreement_stability, linear_quadratic_model

    with errors_to_stderr():
        model = linear_quadratic_model(n, b=option_number(b, "--b"), c=option_number(c, "--c"))
        result = agreement_stability(model, indifferent=indifferent)
    render(
        result.to_dict(),
        as_json,
        f"Self-enforcing agreement, linear-quadratic model, n={n}",
        ["k", "signatory", "non-signatory", "internal", "external", ""],
        [
            (
                k,
                number_cell(ps),
                number_cell(pn),
                "yes" if i else "no",
                "yes" if e else "no",
                "STABLE" if k in result.stable_sizes else "",
            )
            for k, ps, pn, i, e in zip(
                result.sizes,
                result.signatory_payoffs,
                result.nonsignatory_payoffs,
                result.internal,
                result.external,
            )
        ],
        caption=f"stable sizes: {', '.join(map(str, result.stable_sizes)) or 'none'}",
    )


#: The named partition-function games and the concepts ``form externalities`` computes.
PFG_MODELS = ("cournot", "climate")
PFG_CONCEPTS = (
    "sequential",
    "open-membership",
    "exclusive-membership",
    "coalition-unanimity",
    "mpw",
    "gamma-core",
    "chander-tulkens",
)


def _pfg_model(model: str, n: int | None, b: str, c: str, intercept: str, cost: str):
    """The partition-function game from the options (the parse step): a named model, or a
    ``"partition-function"`` game file."""
    from ..games.partition_function import PartitionFunctionGame

    if model not in PFG_MODELS:
        if n is not None:
            raise typer.BadParameter(
                "--n is for the named models (cournot, climate); a game file lists its players."
            )
        game = read_game(Path(model))
        if not isinstance(game, PartitionFunctionGame):
            raise InvalidProblemError(
                f'{model} is not a partition-function game (its "type" is not '
                '"partition-function"); see docs/reference/file-format.md.'
            )
        return game
    if n is None:
        raise typer.BadParameter(f"the {model} model needs --n, the number of players.")
    if model == "cournot":
        return PartitionFunctionGame.cournot(
            n,
            intercept=option_number(intercept, "--intercept"),
            cost=option_number(cost, "--cost"),
        )
    benefits = option_numbers(b, "--b")
    return PartitionFunctionGame.climate(
        n, b=benefits[0] if len(benefits) == 1 else benefits, c=option_number(c, "--c")
    )


def _print_types(result, title: str, as_json: bool) -> None:
    render(
        result.to_dict(),
        as_json,
        title,
        ["#", "block sizes", "a partition of that type"],
        [
            (i + 1, ", ".join(map(str, t)), _partition_text(p))
            for i, (t, p) in enumerate(zip(result.types, result.partitions))
        ],
        caption=f"{len(result)} stable, rule={result.rule}, method={result.method}",
    )


@app.command("externalities")
@formats
def externalities(
    model: str = typer.Argument(
        ...,
        help="cournot | climate | a partition-function game file "
        "(docs/reference/file-format.md; write ./cournot for a file of that name).",
    ),
    n: int | None = typer.Option(
        None,
        "--n",
        callback=at_least(2, "--n"),
        help="Number of players (n >= 2) of a named model.",
    ),
    concept: str = typer.Option(
        "sequential",
        help="sequential | open-membership | exclusive-membership | coalition-unanimity | "
        "mpw | gamma-core | chander-tulkens",
    ),
    b: str = typer.Option(
        "1", help="climate: marginal benefit, one number or one per country (comma-separated)."
    ),
    c: str = typer.Option("1", help="climate: slope of the marginal abatement cost."),
    intercept: str = typer.Option("1", help="cournot: demand intercept a."),
    cost: str = typer.Option("0", help="cournot: marginal cost c (< a)."),
    as_json: Json = False,
) -> None:
    """Coalition formation with externalities in a partition-function game (a named model
    or a game file): Bloch's sequential game, Yi's rules of membership, the MPW value, the
    gamma-core and the Chander-Tulkens allocation."""
    from ..formation import (
        chander_tulkens_allocation,
        gamma_core,
        mpw_value,
        sequential_formation,
        stable_partitions,
    )

    if concept not in PFG_CONCEPTS:
        raise typer.BadParameter(f"--concept must be one of {', '.join(PFG_CONCEPTS)}.")
    result: Any
    with errors_to_stderr():
        game = _pfg_model(model, n, b, c, intercept, cost)
        if concept == "sequential":
            result = sequential_formation(game)
        elif concept == "mpw":
            result = mpw_value(game)
        elif concept == "gamma-core":
            result = gamma_core(game)
        elif concept == "chander-tulkens":
            result = chander_tulkens_allocation(game)
        else:
            result = stable_partitions(game, rule=concept)
    title = f"{concept} of the {model} game, n={game.n_players}"
    if concept == "sequential":
        render(
            result.to_dict(),
            as_json,
            title,
            ["order", "coalition", "size", "payoff per member"],
            [
                (i + 1, _block(block), len(block), number_cell(pay))
                for i, (block, pay) in enumerate(zip(result.structure, result.payoffs))
            ],
            caption=f"sizes {result.sizes}, ties={result.ties}, exact={result.exact}",
        )
    elif concept in ("mpw", "gamma-core", "chander-tulkens"):
        _print_payoffs(result, title, result.concept, as_json)
    else:
        _print_types(result, title, as_json)


@app.command("winning")
@formats
def winning(
    quota: str | None = typer.Option(None, help="Votes needed to win."),
    weights: str | None = typer.Option(None, help="Comma-separated weights."),
    file: Path | None = typer.Option(
        None,
        "--file",
        help="A voting game file instead (a weighted game, or a TU game with values 0 and 1).",
    ),
    players: str | None = typer.Option(None, help="Comma-separated names."),
    order: str | None = typer.Option(
        None, help="Left-right order of the players for connected coalitions."
    ),
    as_json: Json = False,
) -> None:
    """Minimal winning, minimum-weight (Riker) and minimal connected winning (Axelrod)
    coalitions of a weighted voting game."""
    from ..formation.report import winning_coalitions_report

    names = split_items(players, "--players") if players else None
    line = split_items(order, "--order") if order else None
    game: Any = None  # the quota, or the game read from --file
    w: list[Any] | None = None
    if file is None:
        if quota is None or weights is None:
            raise typer.BadParameter("give --quota and --weights, or --file with a voting game.")
        game, w = option_number(quota, "--quota"), option_numbers(weights, "--weights")
    with errors_to_stderr():
        if file is not None:
            game = read_game(file)
        results = winning_coalitions_report(game, w, players=names, order=line)
    if as_json:
        emit_json({key: value.to_dict() for key, value in results.items()})
        return
    _print_winning(results)


def _print_winning(results: dict) -> None:
    """One table per family of winning coalitions."""
    for key, result in results.items():
        print_table(
            f"{WINNING_FAMILIES[key]}: {len(result)}",
            ["coalition", "weight"],
            [(_block(c), number_cell(wt)) for c, wt in zip(result.coalitions, result.weights)],
        )


@app.command("clubs")
@formats
def clubs(
    file: Path | None = typer.Option(
        None, "--file", help="CSV with columns player, probability, coverage."
    ),
    probabilities: str | None = typer.Option(
        None, help="Comma-separated support probabilities in (0, 1]."
    ),
    coverage: str | None = typer.Option(None, help="Comma-separated coverage weights."),
    players: str | None = typer.Option(None, help="Comma-separated names."),
    method: str = typer.Option("auto", help="auto | enumerate | pareto"),
    as_json: Json = False,
) -> None:
    """The Pareto frontier of clubs: chance of acting against coverage."""
    from ..formation import club_frontier

    if file is None:
        if probabilities is None or coverage is None:
            raise typer.BadParameter(
                "give --probabilities and --coverage (comma-separated), or --file CSV."
            )
        p = option_numbers(probabilities, "--probabilities")
        s = option_numbers(coverage, "--coverage")
        names = split_items(players, "--players") if players else None
    with errors_to_stderr():
        if file is not None:
            names, p, s = read_club_csv(file)
        result = club_frontier(p, s, players=names, method=method)
    render(
        result.to_dict(),
        as_json,
        f"Club frontier: {len(result)} clubs",
        ["club", "chance of acting", "coverage"],
        [
            (_block(c), number_cell(float(a)), number_cell(float(l)))
            for c, a, l in zip(result.clubs, result.efficiency, result.coverage)
        ],
        caption=f"method={result.method}",
    )


@app.command("myerson")
@formats
def myerson(
    file: Path = GAME_FILE,
    edges: str = typer.Option(..., help='Links as a-b pairs: "a-b,b-c".'),
    as_json: Json = False,
) -> None:
    """The Myerson value: Shapley value of the game restricted to a communication graph."""
    from ..solutions.myerson import myerson_value

    pairs = _edges(edges)
    with errors_to_stderr():
        result = myerson_value(read_game(file), pairs)
    _print_payoffs(result, f"Myerson value of {file.name}", f"edges {edges}", as_json)


def _edges(text: str) -> list[tuple[str, str]]:
    """``--edges``: links written ``a-b``, separated by commas (usage error otherwise)."""
    pairs = []
    for item in split_items(text, "--edges"):
        ends = [e.strip() for e in item.split("-")]
        if len(ends) != 2 or not all(ends):
            raise typer.BadParameter(
                f"cannot read the edge {item!r}: write links as a-b, separated by commas.",
                param_hint="--edges",
            )
        pairs.append((ends[0], ends[1]))
    return pairs


def _voting_game(quota: str | None, weights: str | None, players: str | None, file: Path | None):
    """The weighted body of --quota/--weights (or the game in --file)."""
    from ..games.simple import WeightedVotingGame

    if file is not None:
        return read_game(file)
    if quota is None or weights is None:
        raise typer.BadParameter("give --quota and --weights, or --file with a voting game.")
    q, w = option_number(quota, "--quota"), option_numbers(weights, "--weights")
    names = split_items(players, "--players") if players else None
    return WeightedVotingGame(q, w, names)


BLOC_INDEX_HELP = "owen | banzhaf-owen: the value of the game with the bloc as a union."
VOTING_FILE = typer.Option(None, "--file", help="A game file instead (voting or TU game).")


@app.command("blocs")
@formats
def blocs(
    quota: str | None = typer.Option(None, help="Votes needed to win."),
    weights: str | None = typer.Option(None, help="Comma-separated weights."),
    players: str | None = typer.Option(None, help="Comma-separated names."),
    file: Path | None = VOTING_FILE,
    max_size: int = typer.Option(
        2, "--max-size", callback=at_least(2, "--max-size"), help="Largest candidate bloc."
    ),
    index: str = typer.Option(
        "owen", "--index", help=BLOC_INDEX_HELP, callback=choice(BLOC_INDICES, "--index")
    ),
    as_json: Json = False,
) -> None:
    """What forming a bloc (an a priori union) gains each member: its Owen (or Banzhaf-Owen)
    value with the bloc against its value with everybody alone."""
    from ..formation import bloc_gains

    with errors_to_stderr():
        result = bloc_gains(
            _voting_game(quota, weights, players, file), max_size=max_size, index=index
        )
    render(
        result.to_dict(),
        as_json,
        f"Gains from forming a bloc ({result.index})",
        ["bloc", "member", "alone", "in the bloc", "gain"],
        (
            (_block(bloc), member, number_cell(before), number_cell(after), number_cell(gain))
            for bloc, without, within, gains in zip(
                result.blocs, result.without_bloc, result.with_bloc, result.gains
            )
            for member, before, after, gain in zip(bloc, without, within, gains)
        ),
        caption=f"{len(result)} blocs, method={result.method}, exact={result.exact}",
    )


@app.command("stable-blocs")
@formats
def stable_blocs(
    quota: str | None = typer.Option(None, help="Votes needed to win."),
    weights: str | None = typer.Option(None, help="Comma-separated weights."),
    players: str | None = typer.Option(None, help="Comma-separated names."),
    file: Path | None = VOTING_FILE,
    model: str = typer.Option(
        "delta",
        "--model",
        help="delta (partners left behind stay together) | gamma (they split).",
        callback=choice(STABILITY_MODELS, "--model"),
    ),
    index: str = typer.Option(
        "owen", "--index", help=BLOC_INDEX_HELP, callback=choice(BLOC_INDICES, "--index")
    ),
    as_json: Json = False,
) -> None:
    """The bloc structures no group can profitably leave (Hart and Kurz 1983), at most 10
    members."""
    from ..formation import stable_bloc_structures

    with errors_to_stderr():
        result = stable_bloc_structures(
            _voting_game(quota, weights, players, file), model=model, index=index
        )
    render(
        result.to_dict(),
        as_json,
        f"Stable bloc structures (model {result.model}, {result.index} value)",
        ["structure", *result.players],
        (
            (_partition_text(s), *(number_cell(v) for v in values))
            for s, values in zip(result.structures, result.values)
        ),
        caption=f"{len(result)} stable of {result.n_structures} structures, exact={result.exact}",
    )
