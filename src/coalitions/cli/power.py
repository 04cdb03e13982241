"""`coalitions power ...`: voting power of weighted bodies, game files and real councils.

coalitions power --quota 12 --weights 4,4,4,2,2,1 --players FR,DE,IT,BE,NL,LU
coalitions power game.json --index all
coalitions power eu-council --json
coalitions power un-security-council
coalitions power un-security-council --abstention
coalitions power --quota 3 --weights 2,1,1 --abstention half
coalitions power --quota 3 --weights 2,1,1 --players a,b,c --profile yes.csv
coalitions power jk -w -3,0,1 -w -2,0,1 -w -1,0,2 --quotas 1,2,3 --players th,pro,pra
coalitions power sweep --weights 7,7,7,7,7,1,1,1,1,1,1,1,1,1,1
coalitions power shapley-owen -i A=0,0 -i B=4,0 -i C=1,3
coalitions power design weightedness game.json
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from .._checks import check_choice
from ..datasets import BODIES
from ..datasets import un_security_council as un_security_council_game
from ..exceptions import InvalidArgumentError
from ..games.io import read_profile
from ..games.jk import JKSimpleGame, WeightedJKGame
from ..games.ternary import TernaryVotingGame, ternary_weighted_game
from ..plot.figures import power_table_figure, sweep_figure
from ..power import a_posteriori_table, power_indices
from ..power.indices import METHODS
from ..power.jk import JK_METHODS, jk_power_table
from ..power.ternary import ternary_power_table
from ._common import (
    DefaultCommandGroup,
    Json,
    at_least,
    choice,
    emit_json,
    errors_to_stderr,
    item_lists,
    level_weights,
    named_points,
    number_cell,
    option_number,
    option_numbers,
    render,
    split_items,
)
from ._format import formats
from ._plotting import Plot, write_plot
from .power_design import app as design_app

INDEX_HELP = (
    "Comma-separated indices: shapley-shubik, banzhaf, banzhaf-absolute, "
    "coleman-prevent, coleman-initiate, rae, risk, johnston, deegan-packel, holler, "
    "felsenthal, colomer-martinez, public-help, public-help-xi, koenig-braeuninger, "
    "nevison, barua-chakravarty-sarkar, null-player-free-f, null-player-free-g, or all; counts: winning-count, "
    "minimal-winning-count, least-minimal-winning-count, swing-count."
)
DEFAULT_INDICES = "shapley-shubik,banzhaf"
Indices = Annotated[str, typer.Option("--index", help=INDEX_HELP)]
Unions = Annotated[
    list[str],
    typer.Option(
        "--union",
        "-u",
        help="An a priori union (bloc), comma-separated names, e.g. -u US,UK,FR (repeatable); "
        "the table then holds the indices with unions (default owen, banzhaf-owen; --index "
        "all or any of owen, banzhaf-owen, symmetric-coalitional-banzhaf, union-public-good, "
        "solidarity-public-good, threat-public-good-1, -2, -3).",
    ),
]
Method = Annotated[
    str,
    typer.Option("--method", help=" | ".join(METHODS), callback=choice(METHODS, "--method")),
]
LABELS = {
    "shapley-shubik": "Shapley-Shubik",
    "banzhaf": "Banzhaf",
    "banzhaf-absolute": "Penrose-Banzhaf",
    "coleman-prevent": "prevent",
    "coleman-initiate": "initiate",
    "rae": "Rae",
    "risk-of-being-outvoted": "outvoted",
    "johnston": "Johnston",
    "deegan-packel": "Deegan-Packel",
    "holler": "Holler PGI",
    "block": "block",
    "initiate": "initiate",
    "felsenthal": "Felsenthal",
    "colomer-martinez": "Colomer-Martinez",
    "public-help": "PHI theta",
    "public-help-xi": "PHI xi",
    "koenig-braeuninger": "KB",
    "nevison": "Nevison Z",
    "barua-chakravarty-sarkar": "BCS",
    "null-player-free-f": "f np",
    "null-player-free-g": "g np",
    "winning-count": "winning",
    "minimal-winning-count": "minimal winning",
    "least-minimal-winning-count": "least-size minimal winning",
    "swing-count": "swings",
    "decisiveness": "decisiveness",
    "success": "success",
    "owen": "Owen",
    "banzhaf-owen": "Banzhaf-Owen",
    "symmetric-coalitional-banzhaf": "sym. coal. Banzhaf",
    "union-public-good": "union PGI",
    "solidarity-public-good": "solidarity PGI",
    "threat-public-good-1": "threat PGI 1",
    "threat-public-good-2": "threat PGI 2",
    "threat-public-good-3": "threat PGI 3",
}
#: ``--abstention`` of a weighted body: what an abstention weighs (ternary_weighted_game).
ABSTENTION_HELP = (
    "Let members abstain: an abstention weighs no (nothing), half (half the weight) or "
    "not-no (like a yes); shows the ternary measures (Felsenthal-Machover) instead of --index."
)

#: ``--profile FILE``: a posteriori power (decisiveness and success) under yes-probabilities.
PROFILE_HELP = (
    "A file of yes-probabilities, one per member (CSV with the header member,p, or a JSON "
    'object {"member": p}); shows a posteriori power (decisiveness and success, Laruelle-'
    "Valenciano) instead of --index."
)
Profile = Annotated[Path | None, typer.Option("--profile", help=PROFILE_HELP)]

#: The caption's name of ``table.power_to_act``, by the table's concept.
ACT_LABELS = {
    None: "power to act (Coleman)",
    "a-posteriori-table": "probability of passing",
    "jk-power-table": "expected output (0 lowest, 1 highest)",
}


class _PowerGroup(DefaultCommandGroup):
    """Treat ``coalitions power FILE`` as ``coalitions power file FILE``."""

    default_command = "file"
    group_options = True


app = typer.Typer(
    cls=_PowerGroup,
    invoke_without_command=True,
    epilog="Examples: coalitions power --quota 12 --weights 4,4,4,2,2,1 --index "
    "all | coalitions power council.json --json | coalitions power "
    "eu-council | coalitions power sweep --body un-security-council",
)


def _power_table_command(
    game: Any,
    title: str,
    index: str,
    method: str,
    profile: Path | None,
    as_json: bool,
    plot: Path | None,
    union: list[str] | None = None,
) -> None:
    """The power table of ``game`` (a ternary game: its ternary measures; a (j,k) game: its
    Shapley-Shubik index and Banzhaf measure; with ``profile``: a posteriori power under
    those yes-probabilities; with ``union``: the indices with those a priori unions; else the
    indices of ``index``), printed as a table (``--json``: the result) and drawn with
    ``--plot``."""
    unions = item_lists(union or [], "--union")
    levels = isinstance(game, (TernaryVotingGame, JKSimpleGame))
    if unions and (profile is not None or levels):
        raise typer.BadParameter(
            "--union goes with yes/no votes: not with --profile, --abstention or a game of "
            "several levels of approval."
        )
    if levels and profile is not None:
        raise typer.BadParameter(
            "--profile goes with yes/no votes: give --abstention or --profile, not both, and "
            "no --profile for a game of several levels of approval."
        )
    with errors_to_stderr():
        if isinstance(game, TernaryVotingGame):
            table = ternary_power_table(game, method=method)
        elif isinstance(game, JKSimpleGame):
            table = jk_power_table(game, method=method)
        elif profile is not None:
            table = a_posteriori_table(game, read_profile(profile, game.players), method=method)
        elif unions:
            chosen = None if index == DEFAULT_INDICES else split_items(index, "--index")
            table = power_indices(game, chosen, method=method, unions=unions)
        else:
            table = power_indices(game, split_items(index, "--index"), method=method)
    write_plot(plot, lambda: power_table_figure(table, title), quiet=as_json)
    names = list(table.indices)
    compact = len(names) > 3  # many columns: decimals only
    render(
        {"game": repr(game), **table.to_dict()},
        as_json,
        title,
        ["member", *[LABELS.get(k, k) for k in names]],
        [
            [
                p,
                *[
                    number_cell(float(table.indices[k][i]) if compact else table.indices[k][i])
                    for k in names
                ],
            ]
            for i, p in enumerate(table.players)
        ],
        caption=f"{ACT_LABELS.get(table.concept, ACT_LABELS[None])} = "
        f"{number_cell(table.power_to_act)}; "
        f"exact={table.exact}, method={table.method}",
    )


#: The options of every command that prints a power table, after the command's own ones.
_POWER_OPTIONS: dict[str, tuple[Any, Any]] = {
    "index": (Indices, DEFAULT_INDICES),
    "method": (Method, "auto"),
    "profile": (Profile, None),
    "as_json": (Json, False),
    "plot": (Plot, None),
    "union": (Unions, []),
}


def _with_power_table(command: Callable[..., tuple[Any, str]]) -> Callable[..., None]:
    """A command that only names its game: ``command(**its own options)`` returns the game
    and a title; the wrapper gives it the :data:`_POWER_OPTIONS` and prints the game's power
    table (:func:`_power_table_command`)."""
    signature = inspect.signature(command, eval_str=True)
    shared = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=kind)
        for name, (kind, default) in _POWER_OPTIONS.items()
    ]

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        options = {name: kwargs.pop(name) for name in _POWER_OPTIONS}
        with errors_to_stderr():
            game, title = command(*args, **kwargs)
        _power_table_command(game, title, **options)

    run.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=[*signature.parameters.values(), *shared], return_annotation=None
    )
    return run


@app.callback()
@formats
def power(
    ctx: typer.Context,
    quota: str | None = typer.Option(None, "--quota", help="Votes needed to win."),
    weights: str | None = typer.Option(None, "--weights", help="Comma-separated weights."),
    players: str | None = typer.Option(None, "--players", help="Comma-separated names."),
    index: Indices = DEFAULT_INDICES,
    method: Method = "auto",
    abstention: str | None = typer.Option(None, "--abstention", help=ABSTENTION_HELP),
    profile: Profile = None,
    as_json: Json = False,
    plot: Plot = None,
    union: Unions = [],  # noqa: B006 (typer reads the default; it is never mutated)
) -> None:
    """Voting power of a weighted body: coalitions power --quota Q --weights w1,w2,..."""
    if ctx.invoked_subcommand is not None:
        return
    if weights is None and quota is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)
    if weights is None or quota is None:
        raise typer.BadParameter(
            "give both --quota and --weights (or a FILE, or a body such as eu-council)."
        )
    if abstention is not None and profile is not None:  # a usage error before any parsing
        raise typer.BadParameter("give --abstention or --profile, not both.")
    from ..games.simple import WeightedVotingGame

    numbers = option_numbers(weights, "--weights")
    q = option_number(quota, "--quota")
    names = split_items(players, "--players") if players else None
    game: Any
    with errors_to_stderr():
        if abstention is not None:
            game = ternary_weighted_game(q, numbers, names, abstention=abstention)
        else:
            game = WeightedVotingGame(q, numbers, names)
    title = f"Voting power of [{quota}; {weights}]"
    _power_table_command(game, title, index, method, profile, as_json, plot, union)


@app.command("file", hidden=True)
@formats
@_with_power_table
def from_file(file: Path = typer.Argument(..., help="A game file (JSON).")) -> tuple[Any, str]:
    """Voting power of the voting game in FILE (types weighted, compound, simple, a 0/1 TU
    game; ternary and weighted-ternary: the ternary measures; jk and weighted-jk: the (j,k)
    measures)."""
    from ..games.io import read_game
    from ..games.simple import SimpleGame
    from ..games.tu import TUGame

    game = read_game(file)
    if isinstance(game, TUGame):
        game = SimpleGame.from_tu_game(game)
    return game, f"Voting power in {file.name}"


@app.command("eu-council")
@formats
@_with_power_table
def eu_council(
    rule: str = typer.Option("qmv", "--rule", help="qmv | unanimity"),
) -> tuple[Any, str]:
    """The Council of the EU (27 states, 2020 populations): qualified majority or unanimity."""
    rule = check_choice(rule, ("qmv", "unanimity"), what="rule")
    return _council("eu-council" if rule == "qmv" else "eu-council-unanimity")


@formats
@_with_power_table
def council_command(ctx: typer.Context) -> tuple[Any, str]:
    """A council of the datasets registry, named by the command."""
    return _council(str(ctx.info_name))


def _council(name: str) -> tuple[Any, str]:
    """The council ``name`` of the datasets registry, and its title."""
    from ..datasets import body

    return body(name), BODIES[name].title


@app.command("un-security-council")
@formats
@_with_power_table
def un_security_council(
    abstention: bool = typer.Option(
        False,
        "--abstention",
        help="The real rule: members may abstain, and a permanent member's abstention does "
        "not block; shows the ternary measures (Felsenthal-Machover) instead of --index.",
    ),
) -> tuple[Any, str]:
    """The UN Security Council (2020): nine of fifteen votes, five permanent vetoes."""
    if abstention:
        return un_security_council_game(
            abstention=True
        ), "UN Security Council (2020) with abstention"
    return _council("un-security-council")


JKMethod = Annotated[
    str,
    typer.Option("--method", help=" | ".join(JK_METHODS), callback=choice(JK_METHODS, "--method")),
]


@app.command("jk")
@formats
def jk(
    weights: list[str] = typer.Option(
        ...,
        "--weights",
        "-w",
        help="One member's weights at each level of approval, lowest level first, "
        "comma-separated; repeat once per member: -w 0,1,3 -w 0,1,2 -w 0,1,1.",
    ),
    quotas: str = typer.Option(
        ...,
        "--quotas",
        help="The k - 1 non-decreasing quotas, comma-separated: the output is the number of "
        "quotas the total weight reaches (one quota: pass or fail).",
    ),
    players: str | None = typer.Option(None, "--players", help="Comma-separated names."),
    levels: int | None = typer.Option(
        None,
        "--levels",
        help="j, the number of levels of approval: every --weights must give j numbers "
        "(default: as many as the first gives).",
        callback=at_least(2, "--levels"),
    ),
    method: JKMethod = "auto",
    as_json: Json = False,
) -> None:
    """Voting power of a weighted (j,k) body: each member's weight depends on its level of
    approval, and the output level is the number of quotas the total reaches; shows
    Freixas's Shapley-Shubik index, the Banzhaf measure and the expected output."""
    rows = level_weights(weights, "--weights", levels)
    bounds = option_numbers(quotas, "--quotas")
    names = split_items(players, "--players") if players else None
    with errors_to_stderr():
        game = WeightedJKGame(rows, bounds, names)
    title = f"Voting power of a weighted ({game.n_levels},{game.n_outputs}) game"
    _power_table_command(game, title, DEFAULT_INDICES, method, None, as_json, None)


app.add_typer(
    design_app,
    name="design",
    help="Institutional design: weightedness, homogeneity and desirability of a game file, "
    "and weights for a target distribution of power (the inverse problem).",
)
app.command("eec-council", help="The Council of the EEC in 1958: [12; 4, 4, 4, 2, 2, 1].")(
    council_command
)


BODY_HELP = " | ".join(BODIES)


def _check_body(value: str | None) -> str | None:
    """``--body``: a name of the datasets registry (usage error otherwise)."""
    try:
        return value if value is None else check_choice(value, BODIES, what="body", plural="bodies")
    except InvalidArgumentError as error:
        raise typer.BadParameter(str(error)) from None


@app.command("sweep")
@formats
def sweep(
    weights: str | None = typer.Option(None, "--weights", help="Comma-separated weights."),
    players: str | None = typer.Option(None, "--players", help="Comma-separated names."),
    body: str | None = typer.Option(None, "--body", help=BODY_HELP, callback=_check_body),
    quotas: str | None = typer.Option(
        None, "--quotas", help="Comma-separated quotas (default: simple majority to unanimity)."
    ),
    as_json: Json = False,
    plot: Plot = None,
) -> None:
    """Efficiency against protection as the quota runs from simple majority to unanimity:
    power to act, and each member's power to prevent and risk of being outvoted."""
    from .. import datasets
    from ..games.simple import WeightedVotingGame
    from ..power.report import sweep_report

    if (weights is None) == (body is None):
        raise typer.BadParameter(f"give either --weights or --body ({BODY_HELP}).")
    numbers = option_numbers(weights, "--weights") if weights is not None else None
    names = split_items(players, "--players") if players else None
    chosen = option_numbers(quotas, "--quotas") if quotas else None
    with errors_to_stderr():
        if body is not None:
            game = datasets.body(body)
        else:
            assert numbers is not None  # exactly one of --weights, --body (checked above)
            game = WeightedVotingGame(sum(numbers), numbers, names)
        report = sweep_report(game, chosen)
    write_plot(plot, lambda: sweep_figure(report, "Decision-rule sweep"), quiet=as_json)
    _render_sweep(report, as_json)


def _render_sweep(report: Any, as_json: bool) -> None:
    """The sweep as JSON, or as a table: members of equal weight behave alike, so one pair
    of columns per class of :func:`~coalitions.power.report.weight_classes`, named by its
    first member."""
    result = report.sweep
    first = [
        (result.players.index(c[0]), c[0] + (" (and alike)" if len(c) > 1 else ""))
        for c in report.classes
    ]
    render(
        result.to_dict(),
        as_json,
        "Decision-rule sweep: efficiency (power to act) against protection",
        [
            "quota",
            "power to act",
            *[f"{kind}: {label}" for _, label in first for kind in ("prevent", "outvoted")],
        ],
        (
            [
                str(q),
                number_cell(result.power_to_act[k]),
                *[
                    number_cell(table[k, i])
                    for i, _ in first
                    for table in (result.power_to_prevent, result.risk_of_being_outvoted)
                ],
            ]
            for k, q in enumerate(result.quotas)
        ),
        caption="random votes; prevent = swings / winning coalitions; outvoted "
        "= P(yes | member votes no)",
    )


@app.command("pivotal")
def pivotal(
    yes: str | None = typer.Option(None, "--yes", help="Comma-separated members voting yes."),
    no: str | None = typer.Option(
        None, "--no", help="Comma-separated members voting no (all others vote yes)."
    ),
    body: str = typer.Option("eu-council", "--body", help=BODY_HELP, callback=_check_body),
    as_json: Json = False,
) -> None:
    """Who is pivotal for one vote: members whose switch would flip the outcome."""
    from .. import datasets
    from ..power.report import pivotal_vote

    if (yes is None) == (no is None):
        raise typer.BadParameter("give either --yes or --no (comma-separated member names).")
    with errors_to_stderr():
        result = pivotal_vote(
            datasets.body(body),
            yes=split_items(yes, "--yes") if yes is not None else None,
            no=split_items(no, "--no") if no is not None else None,
        )
    if as_json:
        emit_json(result.to_dict())
        return
    typer.echo(
        f"{'passes' if result.passed else 'fails'} ({len(result.yes)} yes, "
        f"{len(result.no)} no); pivotal: {', '.join(result.pivotal) or 'nobody'}"
    )


def _point_cell(point: Any) -> str:
    coordinates = point if isinstance(point, tuple) else (point,)
    return ", ".join(number_cell(c) for c in coordinates)


@app.command("shapley-owen")
@formats
def shapley_owen(
    ideal: list[str] | None = typer.Option(
        None, "--ideal", "-i", help="A voter's ideal point, NAME=X,Y (or NAME=X) (repeat)."
    ),
    weights: str | None = typer.Option(None, "--weights", help="Comma-separated weights."),
    quota: str | None = typer.Option(
        None, "--quota", help="With --weights; default more than half the weight."
    ),
    as_json: Json = False,
) -> None:
    """The Shapley-Owen spatial value: how often each voter is pivotal over all directions
    of issues (Owen and Shapley 1989); simple majority unless --weights/--quota."""
    from ..power import shapley_owen_value

    ideals = named_points(ideal, "--ideal", "each voter's ideal point: --ideal A=0,0")
    w = option_numbers(weights, "--weights") if weights else None
    q = option_number(quota, "--quota") if quota else None
    with errors_to_stderr():
        result = shapley_owen_value(ideals, weights=w, quota=q)
    render(
        result.to_dict(),
        as_json,
        "Shapley-Owen value",
        ["voter", "ideal point", "value"],
        ((p, _point_cell(ideals[p]), number_cell(v)) for p, v in zip(result.players, result.x)),
        caption=f"{result.denominator} arcs of directions, exact={result.exact}",
    )
