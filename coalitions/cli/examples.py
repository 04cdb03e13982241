"""``coalitions examples``: list and run the worked examples."""

from __future__ import annotations

from pathlib import Path

import typer

from ._common import Json, emit_json, errors_to_stderr, fail, print_sections

app = typer.Typer(no_args_is_help=True, add_completion=False)

from ._plotting import Plot  # noqa: E402


def render_report(report) -> None:
    """Print a report: tables, notes and labelled assumptions."""
    from ..examples import format_number

    typer.echo(f"{report.title}\n{report.summary}\n")
    print_sections(report.sections, format_number)
    typer.echo("".join(f"ASSUMPTION: {a}\n" for a in report.assumptions), nl=False)
    if report.references:
        typer.echo("References:\n" + "\n".join(f"  - {r}" for r in report.references))


def save_example_plot(report, path: Path) -> Path:
    from ..plot import save_figure

    if report.plot is None:
        fail(f"the example {report.name!r} has no plot")
    return save_figure(report.plot(), path)


@app.command("list")
def list_examples(as_json: Json = False) -> None:
    """List the worked examples: name, title and what each asks."""
    from ..examples import list_cases

    cases = list_cases()
    if as_json:
        emit_json([{"name": c.name, "title": c.title, "summary": c.summary} for c in cases])
        return
    typer.echo("Worked examples (run one with: coalitions examples run NAME)\n")
    typer.echo("\n".join(f"{case.name:<28}{case.title}\n{'':<28}{case.summary}" for case in cases))


@app.command("run")
def run_example(
    name: str = typer.Argument(..., help="The example's name (see `list`)."),
    as_json: Json = False,
    plot: Plot = None,
) -> None:
    """Run one worked example and print its report."""
    from ..examples import run_case

    with errors_to_stderr():
        report = run_case(name)
        written = save_example_plot(report, plot) if plot is not None else None
    if as_json:
        payload = report.to_dict()
        if written is not None:
            payload["plot_file"] = str(written)
        emit_json(payload)
        return
    render_report(report)
    if written is not None:
        typer.echo(f"figure written to {written}")
