"""`coalitions negotiate ...`: spatial veto-player and issue-linkage models, and the
Cyprus-Belarus report."""

from __future__ import annotations

from pathlib import Path

import typer

from typing import Optional

from ..exceptions import InvalidArgumentError, InvalidProblemError
from ._common import JSON_OPTION, at_least, emit_json, errors_to_stderr, print_table
from ._plotting import PLOT_OPTION, win_set_figure, write_plot
from .bargain import FileOrCommand

app = typer.Typer(cls=FileOrCommand, no_args_is_help=True,
                  help="Negotiation under veto: `negotiate FILE` (spatial or linkage model), "
                       "`negotiate cyprus-belarus`.")


def _fmt(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, (tuple, list)):
        return "(" + ", ".join(_fmt(v) for v in value) + ")"
    if isinstance(value, dict):
        return ", ".join(f"{k}={_fmt(v)}" for k, v in value.items())
    return str(value)


def spatial_report(model, resolution: int = 600) -> dict:
    from ..bargaining.spatial import lcd_outcome, policy_core, setter_outcome, win_set

    report = {"model": repr(model), "win_set": win_set(model, resolution=resolution)}
    try:
        report["core"] = policy_core(model)
    except ValueError as error:
        report["core"] = str(error)
    try:
        report["lcd"] = lcd_outcome(model)
    except ValueError as error:
        report["lcd"] = str(error)
    if model.setter is not None:
        report["setter"] = setter_outcome(model)
    return report


def _print_linkage(title: str, result, assumption_note: str = "") -> None:
    rows = [("decision rule", result.decision_rule),
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
            ("value of the veto to " + result.blocker, _fmt(result.value_of_veto))]
    print_table(title, ["quantity", "value" + assumption_note], rows)
    print_table("Price of linkage u_j(unlinked) - u_j(linked)" + assumption_note,
                ["member", "price", "u(no deal)", "u(unlinked)", "u(linked)"],
                [(p, _fmt(v), _fmt(result.utilities[p]["no_agreement"]),
                  _fmt(result.utilities[p]["unlinked"]), _fmt(result.utilities[p]["linked"]))
                 for p, v in result.price_of_linkage.items()])


@app.command("solve")
def solve(file: Path = typer.Argument(..., help="A spatial or linkage model (JSON, see "
                                                 "docs/reference/negotiation-file-formats.md)."),
          resolution: int = typer.Option(
              600, "--resolution", callback=at_least(10, "--resolution"),
              help="Grid cells per side for 2-D win-sets measured on a grid (rules other "
                   "than unanimity)."),
          as_json: bool = JSON_OPTION, plot: Optional[Path] = PLOT_OPTION) -> None:
    """Analyse a spatial veto-player model or an issue-linkage model read from FILE
    (``--plot`` draws a two-dimensional spatial model under unanimity)."""
    from ..bargaining.io import read_negotiation
    from ..bargaining.linkage import linkage_analysis, package_win_set

    with errors_to_stderr():
        kind, model, options = read_negotiation(file)
        if kind == "bargaining":
            raise InvalidProblemError(f"{file} holds a bargaining problem; use "
                                      f"`coalitions bargain {file}`.")
        if kind == "spatial":
            report = spatial_report(model, resolution)
        else:
            missing = [k for k in ("blocker", "linked_issue", "demand_issue") if not options[k]]
            if missing:
                raise InvalidProblemError(f"a linkage file needs {', '.join(missing)}.")
            report = {"linkage": linkage_analysis(model, blocker=options["blocker"],
                                                  linked_issue=options["linked_issue"],
                                                  demand_issue=options["demand_issue"])}
            if "counterfactual_rule" in options:
                report["counterfactual"] = linkage_analysis(
                    model, blocker=options["blocker"], linked_issue=options["linked_issue"],
                    demand_issue=options["demand_issue"],
                    decision_rule=options["counterfactual_rule"])
            if len(model.issues) >= 2:
                report["package"] = package_win_set(model, resolution=200, rng=0)
            report["assumptions"] = list(model.assumptions)
    if kind == "spatial":
        write_plot(plot, lambda: win_set_figure(model, report, f"Win-set in {file.name}"),
                   quiet=as_json)
    elif plot is not None:
        with errors_to_stderr():
            raise InvalidArgumentError(
                "--plot draws spatial models; this file holds a linkage model")
    if as_json:
        emit_json(report)
        return
    if kind == "spatial":
        w = report["win_set"]
        rows = [("win-set", _fmt(w.intervals) if w.dimension == 1 else f"area ({w.method})"),
                ("win-set size (policy stability)", _fmt(w.size)),
                ("core", _fmt(report["core"].interval or report["core"].vertices)
                 if not isinstance(report["core"], str) else report["core"])]
        lcd = report["lcd"]
        if not isinstance(lcd, str):
            rows += [("least ambitious programme", _fmt(lcd.llap_point)),
                     ("most ambitious change all accept", _fmt(lcd.ceiling)),
                     ("binding (LCD) member(s)", ", ".join(lcd.binding) or "-"),
                     ("status quo protected", str(lcd.protected))]
        if "setter" in report:
            s = report["setter"]
            rows += [(f"setter {s.setter}'s outcome", _fmt(s.outcome)),
                     ("constrained by", ", ".join(s.binding) or "-")]
        print_table(f"Spatial model {file.name} ({w.decision_rule})", ["quantity", "value"],
                    rows)
        return
    _print_linkage(f"Issue linkage in {file.name}", report["linkage"])
    if "counterfactual" in report:
        _print_linkage("Counterfactual", report["counterfactual"])
    if "package" in report:
        p = report["package"]
        typer.echo(f"package win-set {p['package']:.4g} vs issue by issue "
                   f"{p['issue_by_issue']:.4g} ({p['method']})")
    for note in report["assumptions"]:
        typer.echo(f"  assumption: {note}")


@app.command("cyprus-belarus")
def cyprus_belarus(unit: str = typer.Option("blocs", help="blocs (six) or states (27)"),
                   timeline: bool = typer.Option(True, help="Print the dated events."),
                   as_json: bool = JSON_OPTION) -> None:
    """The Cyprus hold-up of the EU's Belarus sanctions (September 2020), modelled."""
    from ..datasets.eu_sanctions import ASSUMPTION_LABEL, cyprus_belarus_report

    with errors_to_stderr():
        report = cyprus_belarus_report(unit)
    if as_json:
        emit_json(report)
        return
    typer.echo(report["title"])
    note = " [derived from ASSUMPTIONS]"
    print_table(f"Utility parameters by bloc: {ASSUMPTION_LABEL}",
                ["bloc", "states", "alpha (listing)", "t (Turkey ideal)", "beta (salience)"],
                [(r["bloc"], r["n_states"], r["alpha_belarus_listing"], r["t_turkey_ideal"],
                  r["beta_turkey_salience"]) for r in report["assumptions"]])
    _print_linkage("Unanimity (CFSP, Art. 31(1) TEU): Cyprus links the listing to Turkey",
                   report["unanimity"], note)
    _print_linkage("Counterfactual: qualified majority (55% of states and 65% of population, or 24 states)",
                   report["qmv"], note)
    lcd = report["turkey_lcd"]
    typer.echo(f"Turkey issue alone under unanimity{note}: least ambitious programme "
               f"{lcd.llap_point:.3g}, most ambitious change all accept {lcd.ceiling:.3g}, "
               f"set by {', '.join(lcd.binding)}.")
    p = report["package"]
    typer.echo(f"Package win-set {p['package']:.3g} vs issue by issue {p['issue_by_issue']:.3g}"
               f" (x{p['ratio']:.3g}, {p['method']}){note}.")
    for text in report["assumption_notes"]:
        typer.echo(f"  assumption: {text}")
    if timeline:
        print_table("Timeline 2020 (facts; 'verify' rows less certain)",
                    ["date", "event", "status"],
                    [(r["date"], r["event"], r["status"]) for r in report["timeline"]])
