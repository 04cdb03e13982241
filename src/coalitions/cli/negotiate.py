"""`coalitions negotiate ...`: spatial veto-player and issue-linkage models, and the
Cyprus-Belarus report."""

from __future__ import annotations

from pathlib import Path

import typer

from ..bargaining.cases import cyprus_belarus_report
from ..bargaining.report import SPATIAL_RESOLUTION, LinkageReport, SpatialReport, negotiation_report
from ..datasets.eu_sanctions import ASSUMPTION_LABEL
from ..exceptions import InvalidArgumentError
from ..plot.figures import spatial_report_figure
from ._common import (
    Json,
    assignments,
    at_least,
    choice,
    emit_json,
    errors_to_stderr,
    named_points,
    number_cell,
    policy_option,
    print_table,
    render,
)
from ._format import formats
from ._plotting import Plot, write_plot
from .bargain import FileOrCommand

app = typer.Typer(cls=FileOrCommand, no_args_is_help=True)


def _fmt(value) -> str:
    return number_cell(value, digits=4)


def _print_linkage(title: str, result, assumption_note: str = "") -> None:
    rows = [
        ("decision rule", result.decision_rule),
        ("blocker can block", str(result.can_block)),
        ("no agreement", _fmt(result.no_agreement)),
        ("issue by issue (unlinked)", _fmt(result.unlinked)),
        ("linked package", _fmt(result.linked)),
        ("Nash package (max product of gains)", _fmt(result.nash_package)),
        ("linkage ZOPA on " + result.demand_issue, _fmt(result.zopa)),
        ("max extractable concession", _fmt(result.max_concession)),
        ("capped by", ", ".join(result.capped_by) or "-"),
        ("veto threat credible without commitment", str(result.credible)),
        ("blocker's cost of carrying out the veto", _fmt(result.commitment_cost)),
        ("value of the veto to " + result.blocker, _fmt(result.value_of_veto)),
    ]
    print_table(title, ["quantity", "value" + assumption_note], rows)
    print_table(
        "Price of linkage u_j(unlinked) - u_j(linked)" + assumption_note,
        ["member", "price", "u(no deal)", "u(unlinked)", "u(linked)"],
        [
            (
                p,
                _fmt(v),
                _fmt(result.utilities[p]["no_agreement"]),
                _fmt(result.utilities[p]["unlinked"]),
                _fmt(result.utilities[p]["linked"]),
            )
            for p, v in result.price_of_linkage.items()
        ],
    )


@app.command("solve")
def solve(
    file: Path = typer.Argument(
        ...,
        help="A spatial or linkage model (JSON, see docs/reference/negotiation-file-formats.md).",
    ),
    resolution: int = typer.Option(
        SPATIAL_RESOLUTION,
        "--resolution",
        callback=at_least(10, "--resolution"),
        help="Grid cells per side for 2-D win-sets measured on a grid (rules other "
        "than unanimity).",
    ),
    as_json: Json = False,
    plot: Plot = None,
) -> None:
    """Analyse a spatial veto-player model or an issue-linkage model read from FILE
    (``--plot`` draws a two-dimensional spatial model under unanimity)."""
    with errors_to_stderr():
        report = negotiation_report(file, resolution=resolution)
        if plot is not None and isinstance(report, LinkageReport):
            raise InvalidArgumentError(
                "--plot draws spatial models; this file holds a linkage model"
            )
    if isinstance(report, SpatialReport):
        write_plot(
            plot, lambda: spatial_report_figure(report, f"Win-set in {file.name}"), quiet=as_json
        )
    if as_json:
        emit_json(report.to_dict())
        return
    if isinstance(report, SpatialReport):
        _print_spatial(f"Spatial model {file.name} ({report.win_set.decision_rule})", report)
        return
    _print_linkage(f"Issue linkage in {file.name}", report.linkage)
    if report.counterfactual is not None:
        _print_linkage("Counterfactual", report.counterfactual)
    if report.package is not None:
        typer.echo(
            f"package win-set {_fmt(report.package['package'])} vs issue by issue "
            f"{_fmt(report.package['issue_by_issue'])} ({report.package['method']})"
        )
    typer.echo("".join(f"  assumption: {note}\n" for note in report.assumptions), nl=False)


def _print_spatial(title: str, report) -> None:
    w, core, lcd, setter = report.win_set, report.core, report.lcd, report.setter
    rows = [
        ("win-set", _fmt(w.intervals) if w.dimension == 1 else f"area ({w.method})"),
        ("win-set size (policy stability)", _fmt(w.size)),
        ("core", report.core_message if core is None else _fmt(core.interval or core.vertices)),
    ]
    if lcd is not None:
        rows += [
            ("least ambitious programme", _fmt(lcd.llap_point)),
            ("most ambitious change all accept", _fmt(lcd.ceiling)),
            ("binding (LCD) member(s)", ", ".join(lcd.binding) or "-"),
            ("status quo protected", str(lcd.protected)),
        ]
    if setter is not None:
        rows += [
            (f"setter {setter.setter}'s outcome", _fmt(setter.outcome)),
            ("constrained by", ", ".join(setter.binding) or "-"),
        ]
    print_table(title, ["quantity", "value"], rows)


@app.command("cyprus-belarus")
def cyprus_belarus(
    unit: str = typer.Option("blocs", help="blocs (six) or states (27)"),
    timeline: bool = typer.Option(True, help="Print the dated events."),
    as_json: Json = False,
) -> None:
    """The Cyprus hold-up of the EU's Belarus sanctions (September 2020), modelled."""
    with errors_to_stderr():
        report = cyprus_belarus_report(unit)
    if as_json:
        emit_json(report.to_dict())
        return
    typer.echo(report.title)
    note = " [derived from ASSUMPTIONS]"
    print_table(
        f"Utility parameters by bloc: {ASSUMPTION_LABEL}",
        ["bloc", "states", "alpha (listing)", "t (Turkey ideal)", "beta (salience)"],
        [
            (
                r["bloc"],
                r["n_states"],
                r["alpha_belarus_listing"],
                r["t_turkey_ideal"],
                r["beta_turkey_salience"],
            )
            for r in report.assumptions
        ],
    )
    _print_linkage(
        "Unanimity (CFSP, Art. 31(1) TEU): Cyprus links the listing to Turkey",
        report.unanimity,
        note,
    )
    _print_linkage(
        "Counterfactual: qualified majority (55% of states and 65% of population, or 24 states)",
        report.qmv,
        note,
    )
    lcd, package = report.turkey_lcd, report.package
    typer.echo(
        f"Turkey issue alone under unanimity{note}: least ambitious programme "
        f"{number_cell(lcd.llap_point, 3)}, most ambitious change all accept "
        f"{number_cell(lcd.ceiling, 3)}, set by {', '.join(lcd.binding)}."
    )
    typer.echo(
        f"Package win-set {number_cell(package['package'], 3)} vs issue by issue "
        f"{number_cell(package['issue_by_issue'], 3)} "
        f"(x{number_cell(package['ratio'], 3)}, {package['method']}){note}."
    )
    typer.echo("".join(f"  assumption: {text}\n" for text in report.assumption_notes), nl=False)
    if timeline:
        print_table(
            "Timeline 2020 (facts; 'verify' rows less certain)",
            ["date", "event", "status"],
            [(r["date"], r["event"], r["status"]) for r in report.timeline],
        )


def _ratifiers(values: list[str] | None) -> dict:
    """``COUNTRY:NAME=POINT`` (or ``COUNTRY=POINT``, numbered) options by country."""
    out: dict[str, dict] = {}
    for text in values or []:
        left, sep, point = str(text).partition("=")
        country, _, name = left.partition(":")
        if not (sep and country.strip() and point.strip()):
            raise typer.BadParameter(
                f"--ratifier: write COUNTRY:NAME=POINT or COUNTRY=POINT, got {text!r}."
            )
        domestic = out.setdefault(country.strip(), {})
        label = name.strip() or f"{country.strip()}-{len(domestic) + 1}"
        domestic[label] = policy_option(point, "--ratifier")
    return out


def _rules(values: list[str] | None) -> dict:
    """``COUNTRY=RULE`` with RULE unanimity, majority, k or a share p/q."""
    out: dict = {}
    for country, rule in assignments(values, "--rule").items():
        if rule.isdigit():
            out[country] = int(rule)
        elif rule in ("unanimity", "majority") or "/" in rule:
            out[country] = rule
        else:
            raise typer.BadParameter(
                f"--rule: {rule!r} is not unanimity, majority, an integer or a share p/q."
            )
    return out


@app.command("two-level")
@formats
def two_level(
    negotiator: list[str] | None = typer.Option(
        None, "--negotiator", "-n", help="COUNTRY=POINT, once per country (POINT: x or x,y)."
    ),
    ratifier: list[str] | None = typer.Option(
        None, "--ratifier", "-r", help="COUNTRY:NAME=POINT or COUNTRY=POINT (repeat)."
    ),
    rule: list[str] | None = typer.Option(
        None, help="COUNTRY=RULE: unanimity (default), majority, k, or a share such as 2/3."
    ),
    status_quo: str = typer.Option("0", "--status-quo", "-q", help="The reversion point."),
    outcome: str = typer.Option(
        "nash", help="nash | setter", callback=choice(("nash", "setter"), "--outcome")
    ),
    setter: str | None = typer.Option(None, help="The proposing country (--outcome setter)."),
    negotiator_veto: bool = typer.Option(
        True, help="Whether negotiators refuse deals worse than the status quo."
    ),
    as_json: Json = False,
) -> None:
    """A two-level game (Putnam 1988): each country's acceptance set is its ratifiers'
    win-set, the international win-set their intersection, and the negotiated outcome."""
    from ..bargaining import two_level_win_set

    with errors_to_stderr():
        result = two_level_win_set(
            named_points(
                negotiator, "--negotiator", "each country's negotiator: --negotiator US=4"
            ),
            policy_option(status_quo, "--status-quo"),
            ratifiers=_ratifiers(ratifier),
            rules=_rules(rule),
            negotiator_veto=negotiator_veto,
            outcome=outcome,
            setter=setter,
        )
    render(
        result.to_dict(),
        as_json,
        f"Two-level game ({result.outcome_rule}, exact={result.exact})",
        ["country", "negotiator", "rule", "acceptance set"],
        (
            (c, _fmt(result.negotiators[c]), result.rules[c], _fmt(result.acceptance[c]))
            for c in result.players
        ),
        caption=f"international win-set {_fmt(result.intervals or result.size)}; outcome "
        f"{_fmt(result.outcome)} (without ratifiers {_fmt(result.unconstrained_outcome)}); "
        f"constrained by {', '.join(result.constrained_by) or 'nobody'}",
    )
