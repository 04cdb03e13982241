"""`coalitions power ...`: voting power of weighted bodies, game files and real councils.

    coalitions power --quota 12 --weights 4,4,4,2,2,1 --players FR,DE,IT,BE,NL,LU
    coalitions power game.json --index all
    coalitions power eu-council --json
    coalitions power un-security-council
    coalitions power sweep --weights 7,7,7,7,7,1,1,1,1,1,1,1,1,1,1
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any, Optional

import typer
from typer.core import TyperGroup

from ..power.indices import METHODS
from ._common import (JSON_OPTION, choice, emit_json, errors_to_stderr, parse_numbers,
                      print_table, split_items)
from ._plotting import PLOT_OPTION, power_figure, sweep_figure, write_plot

INDEX_HELP = ("Comma-separated indices: shapley-shubik, banzhaf, banzhaf-absolute, "
              "coleman-prevent, coleman-initiate, rae, risk, johnston, deegan-packel, holler, "
              "or all.")
METHOD_HELP = " | ".join(METHODS)
METHOD_OPTION = typer.Option("auto", "--method", help=METHOD_HELP,
                             callback=choice(METHODS, "--method"))
LABELS = {"shapley-shubik": "Shapley-Shubik", "banzhaf": "Banzhaf", "banzhaf-absolute":
          "Penrose-Banzhaf", "coleman-prevent": "prevent", "coleman-initiate": "initiate",
          "rae": "Rae", "risk-of-being-outvoted": "outvoted", "johnston": "Johnston",
          "deegan-packel": "Deegan-Packel", "holler": "Holler PGI"}


class _PowerGroup(TyperGroup):
    """Treat ``coalitions power FILE`` as ``coalitions power file FILE``."""

    def resolve_command(self, ctx, args):
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["file", *args]
        return super().resolve_command(ctx, args)


app = typer.Typer(cls=_PowerGroup, invoke_without_command=True,
                  help="Voting power: Shapley-Shubik, Banzhaf, Coleman and more, for a "
                       "weighted body (--quota/--weights), a game FILE, or a real council.",
                  epilog="Examples: coalitions power --quota 12 --weights 4,4,4,2,2,1 --index "
                         "all | coalitions power council.json --json | coalitions power "
                         "eu-council | coalitions power sweep --body un-security-council")


def _cell(value: Any) -> str:
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return str(value.numerator)
        if value.denominator <= 10**5:
            return f"{value} ({float(value):.6g})"
        return f"{float(value):.6g}"
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)


def _report(game: Any, title: str, index: str, method: str, as_json: bool,
            plot: Optional[Path] = None) -> None:
    from ..power import power_indices

    with errors_to_stderr():
        table = power_indices(game, split_items(index, "--index"), method=method)
    write_plot(plot, lambda: power_figure(table, title), quiet=as_json)
    if as_json:
        emit_json({"game": repr(game), **table.to_dict()})
        return
    names = list(table.indices)
    compact = len(names) > 3
    rows = [[p, *[_cell(float(table.indices[k][i]) if compact else table.indices[k][i])
                  for k in names]]
            for i, p in enumerate(table.players)]
    caption = (f"power to act (Coleman) = {_cell(table.power_to_act)}; exact={table.exact}, "
               f"method={table.method}")
    print_table(title, ["member", *[LABELS.get(k, k) for k in names]], rows,
                caption=caption)


@app.callback()
def power(ctx: typer.Context,
          quota: Optional[str] = typer.Option(None, "--quota", help="Votes needed to win."),
          weights: Optional[str] = typer.Option(None, "--weights",
                                                help="Comma-separated weights."),
          players: Optional[str] = typer.Option(None, "--players",
                                                help="Comma-separated names."),
          index: str = typer.Option("shapley-shubik,banzhaf", "--index", help=INDEX_HELP),
          method: str = METHOD_OPTION,
          as_json: bool = JSON_OPTION, plot: Optional[Path] = PLOT_OPTION) -> None:
    """Voting power of a weighted body: coalitions power --quota Q --weights w1,w2,..."""
    if ctx.invoked_subcommand is not None:
        return
    if weights is None and quota is None:
        typer.echo(ctx.get_help())
        raise typer.Exit(0)
    if weights is None or quota is None:
        raise typer.BadParameter("give both --quota and --weights (or a FILE, or a body such "
                                 "as eu-council).")
    from ..games.simple import WeightedVotingGame

    numbers = parse_numbers(weights, "--weights")
    q = parse_numbers(quota, "--quota")
    if len(q) != 1:
        raise typer.BadParameter("--quota takes one number.")
    names = split_items(players, "--players") if players else None
    with errors_to_stderr():
        game = WeightedVotingGame(q[0], numbers, names)
    _report(game, f"Voting power of [{quota}; {weights}]", index, method, as_json, plot)


@app.command("file", hidden=True)
def from_file(file: Path = typer.Argument(..., help="A game file (JSON)."),
              index: str = typer.Option("shapley-shubik,banzhaf", "--index", help=INDEX_HELP),
              method: str = METHOD_OPTION,
              as_json: bool = JSON_OPTION, plot: Optional[Path] = PLOT_OPTION) -> None:
    """Voting power of the simple game in FILE (types weighted, compound, simple, or a 0/1
    TU game)."""
    from ..games.io import read_game
    from ..games.simple import SimpleGame
    from ..games.tu import TUGame

    with errors_to_stderr():
        game = read_game(file)
        if isinstance(game, TUGame):
            game = SimpleGame.from_tu_game(game)
    _report(game, f"Voting power in {file.name}", index, method, as_json, plot)


@app.command("eu-council")
def eu_council(rule: str = typer.Option("qmv", "--rule", help="qmv | unanimity"),
               index: str = typer.Option("shapley-shubik,banzhaf", "--index", help=INDEX_HELP),
               method: str = METHOD_OPTION,
               as_json: bool = JSON_OPTION, plot: Optional[Path] = PLOT_OPTION) -> None:
    """The Council of the EU (27 states, 2020 populations): qualified majority or unanimity."""
    from ..datasets import eu_council as build

    with errors_to_stderr():
        game = build(rule=rule)
    _report(game, f"Council of the EU, 2020 populations, rule={rule}", index, method, as_json,
            plot)


@app.command("un-security-council")
def un_security_council(index: str = typer.Option("shapley-shubik,banzhaf", "--index",
                                                  help=INDEX_HELP),
                        method: str = METHOD_OPTION,
                        as_json: bool = JSON_OPTION,
                        plot: Optional[Path] = PLOT_OPTION) -> None:
    """The UN Security Council (2020): nine of fifteen votes, five permanent vetoes."""
    from ..datasets import un_security_council as build

    _report(build(), "UN Security Council 2020 [39; 7 x 5, 1 x 10]", index, method, as_json,
            plot)


@app.command("eec-council")
def eec_council(index: str = typer.Option("shapley-shubik,banzhaf", "--index",
                                          help=INDEX_HELP),
                method: str = METHOD_OPTION,
                as_json: bool = JSON_OPTION, plot: Optional[Path] = PLOT_OPTION) -> None:
    """The Council of the EEC in 1958: [12; 4, 4, 4, 2, 2, 1]."""
    from ..datasets import eec_council_1958 as build

    _report(build(), "EEC Council 1958 [12; 4, 4, 4, 2, 2, 1]", index, method, as_json, plot)


BODIES = ("un-security-council", "eec-council")


@app.command("sweep")
def sweep(weights: Optional[str] = typer.Option(None, "--weights",
                                                help="Comma-separated weights."),
          players: Optional[str] = typer.Option(None, "--players",
                                                help="Comma-separated names."),
          body: Optional[str] = typer.Option(None, "--body",
                                             help="un-security-council | eec-council"),
          quotas: Optional[str] = typer.Option(None, "--quotas",
                                               help="Comma-separated quotas (default: simple "
                                                    "majority to unanimity)."),
          as_json: bool = JSON_OPTION, plot: Optional[Path] = PLOT_OPTION) -> None:
    """Efficiency against protection as the quota runs from simple majority to unanimity:
    power to act, and each member's power to prevent and risk of being outvoted."""
    from ..datasets import eec_council_1958, un_security_council
    from ..games.simple import WeightedVotingGame
    from ..power import decision_rule_sweep

    if (weights is None) == (body is None):
        raise typer.BadParameter("give either --weights or --body "
                                 f"({' | '.join(BODIES)}).")
    if body is not None and body not in BODIES:
        raise typer.BadParameter(f"unknown body {body!r}; valid bodies are "
                                 f"{', '.join(BODIES)}.", param_hint="--body")
    numbers = parse_numbers(weights, "--weights") if weights is not None else None
    names = split_items(players, "--players") if players else None
    chosen = parse_numbers(quotas, "--quotas") if quotas else None
    with errors_to_stderr():
        if body is not None:
            game = un_security_council() if body == BODIES[0] else eec_council_1958()
        else:
            game = WeightedVotingGame(sum(numbers), numbers, names)
        result = decision_rule_sweep(game, chosen)
    write_plot(plot, lambda: sweep_figure(game, result, "Decision-rule sweep"), quiet=as_json)
    if as_json:
        emit_json(result.to_dict())
        return
    # members with identical weights behave alike: show one column per distinct weight
    seen, columns = {}, []
    for i, w in enumerate(game.int_weights):
        if w not in seen:
            seen[w] = i
            columns.append(i)
    header = ["quota", "power to act"]
    for i in columns:
        label = game.players[i] + (" (and alike)" if game.int_weights.count(
            game.int_weights[i]) > 1 else "")
        header += [f"prevent: {label}", f"outvoted: {label}"]
    rows = []
    for k, q in enumerate(result.quotas):
        row = [str(q), _cell(result.power_to_act[k])]
        for i in columns:
            row += [_cell(result.power_to_prevent[k, i]),
                    _cell(result.risk_of_being_outvoted[k, i])]
        rows.append(row)
    print_table("Decision-rule sweep: efficiency (power to act) against protection", header,
                rows, caption="random votes; prevent = swings / winning coalitions; outvoted "
                              "= P(yes | member votes no)")


@app.command("pivotal")
def pivotal(yes: Optional[str] = typer.Option(None, "--yes",
                                              help="Comma-separated members voting yes."),
            no: Optional[str] = typer.Option(None, "--no",
                                             help="Comma-separated members voting no (all "
                                                  "others vote yes)."),
            body: str = typer.Option("eu-council", "--body",
                                     help="eu-council | eu-council-unanimity | "
                                          "un-security-council | eec-council"),
            as_json: bool = JSON_OPTION) -> None:
    """Who is pivotal for one vote: members whose switch would flip the outcome."""
    from .. import datasets
    from ..power import pivotal_players

    builders = {"eu-council": datasets.eu_council,
                "eu-council-unanimity": lambda: datasets.eu_council(rule="unanimity"),
                "un-security-council": datasets.un_security_council,
                "eec-council": datasets.eec_council_1958}
    if body not in builders:
        raise typer.BadParameter(f"unknown body {body!r}; valid bodies are "
                                 f"{', '.join(builders)}.", param_hint="--body")
    if (yes is None) == (no is None):
        raise typer.BadParameter("give either --yes or --no (comma-separated member names).")
    with errors_to_stderr():
        game = builders[body]()
        if yes is not None:
            names = split_items(yes, "--yes")
        else:
            against = split_items(no, "--no")
            for name in against:
                game.player_index(name)
            names = [p for p in game.players if p not in against]
        result = pivotal_players(game, names)
    if as_json:
        emit_json(result.to_dict())
        return
    typer.echo(f"{'passes' if result.passed else 'fails'} ({len(result.yes)} yes, "
               f"{len(result.no)} no); pivotal: {', '.join(result.pivotal) or 'nobody'}")
